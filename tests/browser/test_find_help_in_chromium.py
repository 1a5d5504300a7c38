"""Finding help near a town or ZIP code in real Chromium, starting from a topic page; sample
providers only on a demonstration site, and then after the real services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import serve_site

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def demo_site(
    fresh_database: Callable[[Path], dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The site as `make run` serves it with SYMPTOMDB_DEMO_DATA=1, on a database of its own."""
    env = {**fresh_database(tmp_path_factory.mktemp("demo-site")), "SYMPTOMDB_DEMO_DATA": "1"}
    with serve_site(env) as (url, _log):
        yield url


def test_make_run_shows_no_sample_provider(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/topics/self-injury/")
    page.get_by_role("link", name="Find help near you").click()
    expect(page).to_have_url(f"{live_site}/help/find/?specialty=self-harm")
    expect(page.get_by_label("Specialty")).to_have_value("self-harm")

    page.get_by_label("Town, city or ZIP code").fill("10001")
    page.get_by_label("Within").fill("5")
    page.get_by_role("button", name="Find help").click()

    expect(page.get_by_role("heading", name="Near ZIP 10001 (New York, NY)")).to_be_visible()
    expect(page.locator(".provider.sample")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("(sample)")
    expect(page.locator("main")).not_to_contain_text("Sample data")
    online = page.locator("section[aria-labelledby=online-heading]")
    expect(online).to_contain_text("988 Suicide & Crisis Lifeline")
    expect(online).to_contain_text("not yet checked against the source")
    assert not Axe().run(page).response["violations"]


def test_with_demo_data_samples_are_labelled_and_listed_after_real_services(
    page: Page, demo_site: str
) -> None:
    page.goto(f"{demo_site}/help/find/?specialty=self-harm")
    page.get_by_label("Town, city or ZIP code").fill("New York, NY")
    page.get_by_role("button", name="Find help").click()
    expect(page.get_by_role("heading", name="Near New York, NY")).to_be_visible()
    providers = page.locator(".provider")
    kinds = [
        "sample" if "sample" in (p.get_attribute("class") or "") else "real"
        for p in providers.all()
    ]
    assert "real" in kinds and "sample" in kinds, kinds
    assert kinds == sorted(kinds), f"a sample comes before a real service: {kinds}"
    samples = page.locator(".provider.sample")
    for sample in samples.all():
        expect(sample.locator(".sample-label")).to_have_text("Sample data — not a real provider")
        expect(sample.locator('a[href^="tel:"]')).to_have_count(0)
    expect(page.get_by_role("heading", name="Sample entries (demonstration only)")).to_be_visible()
    assert not Axe().run(page).response["violations"]


def test_latitude_and_longitude_are_behind_advanced(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/help/find/")
    expect(page.get_by_label("Latitude")).to_be_hidden()
    page.get_by_text("Advanced: search from latitude and longitude").click()
    page.get_by_label("Latitude").fill("41.8858")
    page.get_by_label("Longitude").fill("-87.6229")
    page.get_by_role("button", name="Find help").click()
    expect(page.get_by_role("heading", name="Near 41.8858, -87.6229")).to_be_visible()
    expect(page.get_by_label("Latitude")).to_be_visible()  # still open, with what was typed


def test_an_unknown_place_is_explained_next_to_its_field(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/help/find/")
    page.get_by_label("Town, city or ZIP code").fill("00000")
    page.get_by_role("button", name="Find help").click()
    field = page.get_by_label("Town, city or ZIP code")
    expect(field).to_have_attribute("aria-describedby", "id_where_helptext id_where_error")
    expect(page.locator("#id_where_error")).to_contain_text("not a US town or ZIP code we know")
