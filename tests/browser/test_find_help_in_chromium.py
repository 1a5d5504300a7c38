"""Finding help near a ZIP code in real Chromium, starting from a topic page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser]


def test_reader_follows_the_topic_link_and_finds_help_for_a_zip_code(
    page: Page, live_site: str
) -> None:
    page.goto(f"{live_site}/topics/self-injury/")
    page.get_by_role("link", name="Find help near you").click()
    expect(page).to_have_url(f"{live_site}/help/find/?specialty=self-harm")
    expect(page.get_by_label("Specialty")).to_have_value("self-harm")

    page.get_by_label("US ZIP code").fill("10001")
    page.get_by_label("Within").fill("5")
    page.get_by_role("button", name="Find help").click()

    expect(page.get_by_role("heading", name="Near ZIP 10001 (New York, NY)")).to_be_visible()
    nearby = page.locator(".finder-results").first.locator(".provider")
    expect(nearby.first.locator("h3")).to_have_text("Example Community Counselling (sample)")
    expect(nearby.first.locator(".distance")).to_have_text("0.2 miles away")
    expect(nearby.first.locator(".sample-label")).to_have_text("Sample data — not a real provider")
    expect(nearby).to_have_count(3)  # DBT programme, teen practice; all self-harm specialists
    online = page.locator("section[aria-labelledby=online-heading]")
    expect(online).to_contain_text("988 Suicide & Crisis Lifeline")
    expect(online).to_contain_text("not yet checked against the source")
    assert not Axe().run(page).response["violations"]


def test_an_unknown_zip_code_is_explained_next_to_its_field(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/help/find/")
    page.get_by_label("US ZIP code").fill("00000")
    page.get_by_role("button", name="Find help").click()
    field = page.get_by_label("US ZIP code")
    expect(field).to_have_attribute("aria-describedby", "id_zip_helptext id_zip_error")
    expect(page.locator("#id_zip_error")).to_contain_text("not a US ZIP code we know")
