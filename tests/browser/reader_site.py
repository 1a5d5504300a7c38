"""Shared helpers for the reader-site browser tests: page types, a MedQuAD record, CSP watch."""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import run_symptomdb
from tests.importers.test_medquad import DOC, write

# Every page type a reader meets, as a path on the live site ("{record}" is filled in).
PAGE_TYPES: dict[str, str] = {
    "home": "/",
    "topic": "/topics/self-injury/",
    "a-z": "/topics/",
    "search-results": "/search/?q=anxiety+treatment",
    "answer": "/ask/?q=" + urllib.parse.quote("What are the treatments for depression?"),
    "crisis-answer": "/ask/?q="
    + urllib.parse.quote("i cant do this anymore, i want to end it all"),
    "medquad-document": "{record}",
    "get-help-now": "/help/",
    "find-help": "/help/find/?where=10001",
    "about": "/about/",
    "editorial-policy": "/editorial-policy/",
    "privacy": "/privacy/",
}

# Listens for Content-Security-Policy violations from the first moment of each document.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});
"""


def import_medquad_record(env: dict[str, str], folder: Path) -> None:
    """Import one small MedQuAD document (written for the tests) into the live site."""
    write(folder, "2_GARD_QA", "0000042.xml", DOC.format(source="GARD"))
    result = run_symptomdb("import-medquad", str(folder), env=env)
    assert result.returncode == 0, result.stderr


def record_path(page: Page, base_url: str) -> str:
    """The imported record's page, found the way a reader finds it: by searching.

    After an import each web worker builds its new index in the background and answers from
    the previous one meanwhile, so the record appears in search within seconds, not at once.
    """
    found = page.locator('.result[data-origin="medquad"] h3 a')
    for _ in range(60):
        page.goto(f"{base_url}/search/?q=hiccups")
        if found.count():
            break
        page.wait_for_timeout(500)
    href = found.first.get_attribute("href")
    assert href and href.startswith("/collections/medquad/"), href
    return href


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Screenshots go to tmp, or to the folder in SYMPTOMDB_SCREENSHOTS (`make screenshots`)."""
    folder = Path(os.environ.get("SYMPTOMDB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
