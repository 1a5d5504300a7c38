"""Fixtures shared by the reader-site browser tests."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.reader_site import PAGE_TYPES, import_medquad_record, record_path


@pytest.fixture(scope="session")
def site_paths(
    live_site: str,
    live_site_env: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    browser: Browser,
) -> dict[str, str]:
    """Every page type's path, with a MedQuAD record imported so its page exists."""
    import_medquad_record(live_site_env, tmp_path_factory.mktemp("medquad"))
    page = browser.new_page()
    try:
        record = record_path(page, live_site)
    finally:
        page.close()
    return {name: path.replace("{record}", record) for name, path in PAGE_TYPES.items()}
