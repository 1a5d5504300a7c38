"""After a MedQuAD import, self-harm questions never show method or tool detail (Chromium).

The import holds a MedQuAD-shaped record written for the tests in the pattern of the
published "Self-harm" record, which lists methods and the tools used: the lint withholds it
at import, and our own self-injury topic answers these questions first.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.collections.test_withheld_passages import METHOD_WORDS, SELF_HARM_ID, medquad_tree
from tests.conftest import run_setup, run_symptomdb, serve_site

pytestmark = [pytest.mark.browser]

QUESTIONS = [
    "what is self harm",
    "types of self harm",
    "is self harm a mental illness",
    "can self harm scars be removed",
    "how to hide self harm scars",
]


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[[Path], dict[str, str]]
) -> Iterator[tuple[str, dict[str, str]]]:
    """A site set up as `make run` does, with the MedQuAD-shaped records imported."""
    env = fresh_database(tmp_path_factory.mktemp("withheld-site"))
    setup = run_setup(env)
    assert setup.returncode == 0, setup.stderr
    imported = run_symptomdb(
        "import-medquad", str(medquad_tree(tmp_path_factory.mktemp("medquad"))), env=env
    )
    assert imported.returncode == 0, imported.stderr
    assert "1 answer(s) withheld by the safe-messaging lint" in imported.stdout
    # The import ran `build-index` itself: the site is as `make run` leaves it.
    with serve_site(env, set_up=False) as (url, _log):
        yield url, env


def visible_text(page: Page) -> str:
    return page.locator("main").inner_text().lower()


@pytest.mark.parametrize("question", QUESTIONS)
def test_self_harm_questions_show_no_method_or_tool_detail(
    page: Page, site: tuple[str, dict[str, str]], question: str
) -> None:
    url, _env = site
    page.goto(f"{url}/ask/?q={urllib.parse.quote(question)}")
    first = page.locator(".answer-part").first
    expect(first).to_be_visible()
    # Our own self-injury topic answers, with its source named.
    expect(first).to_have_attribute("data-origin", "topic")
    href = first.locator(".source a").get_attribute("href") or ""
    assert href.startswith("/topics/self-injury/#"), href
    text = visible_text(page)
    assert not [w for w in METHOD_WORDS if w in text], (question, text[:500])
    assert SELF_HARM_ID.lower() not in page.content().lower()

    page.goto(f"{url}/search/?q={urllib.parse.quote(question)}")
    text = visible_text(page)
    assert not [w for w in METHOD_WORDS if w in text], (question, text[:500])
    expect(page.locator('.result[data-origin="medquad"] h3 a', has_text="Self-harm")).to_have_count(
        0
    )


def test_the_withheld_record_page_explains_and_offers_help(
    page: Page, site: tuple[str, dict[str, str]]
) -> None:
    url, env = site
    found = run_symptomdb(
        "shell",
        "-c",
        "from symptomdb.collections.models import CollectionDocument as D; "
        "print(D.objects.get(doc_id='0000804').get_absolute_url())",
        env=env,
    )
    assert found.returncode == 0, found.stderr
    page.goto(url + found.stdout.strip().splitlines()[-1])
    expect(page.get_by_role("heading", level=2)).to_have_text("What is Self-harm?")
    expect(page.locator(".withheld-for-safety")).to_contain_text("We do not show this answer")
    assert not [w for w in METHOD_WORDS if w in visible_text(page)]
    page.locator(".withheld-for-safety").get_by_role("link", name="Get help now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")


def test_withheld_passages_lists_the_record_for_operators(site: tuple[str, dict[str, str]]) -> None:
    _url, env = site
    listed = run_symptomdb("withheld-passages", env=env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(f"{SELF_HARM_ID} — Self-harm (MedlinePlus Health Topics")
    assert "This sentence describes a method or tool of self-harm" in listed.stdout
