"""Help a reader can act on, in real Chromium: every help block leads with a number to dial,
the country chosen on "Get help now" is used on the ask page, the search page and the comment
form, and a crisis answer never says "no good answer" or points to a pharmacist.

The crisis screen is being rewritten, so a risky text may come back as crisis or emergency;
these tests check what a reader sees at either level.
"""

from __future__ import annotations

import urllib.parse

import pytest
from playwright.sync_api import Page, expect

from tests.browser.reader_site import WATCH_CSP

pytestmark = [pytest.mark.browser]

TONIGHT = "i want to kill myself tonight"
RISKY_COMMENT = "I keep hurting myself and I want to die."
TOPIC = "/topics/self-injury/"


def ask_from_the_home_page(page: Page, site: str, question: str) -> None:
    page.goto(f"{site}/")
    page.get_by_role("searchbox").first.fill(question)
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url("**/ask/?q=*")


def first_dial_link(page: Page) -> str:
    """The first tel: link on the page, which must sit in the help block."""
    link = page.locator('main a[href^="tel:"]').first
    expect(link).to_be_visible()
    expect(page.locator(".help-first").first.locator('a[href^="tel:"]').first).to_be_visible()
    href = link.get_attribute("href")
    assert href is not None
    return href


def choose_country_on_get_help_now(page: Page, site: str, code: str) -> None:
    page.goto(f"{site}/help/")
    page.get_by_label("Show crisis lines for").select_option(code)
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(f"{site}/help/?country={code}")
    assert page.evaluate("localStorage.getItem('symptomdb.country')") == code


def test_with_no_country_a_crisis_question_leads_with_a_number_to_dial(
    page: Page, live_site: str
) -> None:
    page.add_init_script(WATCH_CSP)
    ask_from_the_home_page(page, live_site, TONIGHT)
    assert "country=" not in page.url  # nothing chosen, nothing guessed
    help_block = page.locator(".help-first.leads")
    expect(help_block).to_be_visible()
    assert help_block.get_attribute("data-level") in ("crisis", "emergency")
    # The first thing a reader can act on is a number, before the heading of the page.
    assert first_dial_link(page) == "tel:988"
    dial = help_block.locator("a.dial-number").first
    heading = page.get_by_role("heading", level=1)
    assert dial.bounding_box()["y"] < heading.bounding_box()["y"]  # type: ignore[index]
    expect(dial).to_have_text("Call 988")
    expect(help_block).to_contain_text("116 123")
    expect(help_block).to_contain_text("13 11 14")
    expect(help_block).to_contain_text("Or your local emergency number")
    text = page.locator("main").inner_text().lower()
    assert "pharmacist" not in text
    assert "no good answer" not in text
    if help_block.get_attribute("data-level") == "emergency":
        expect(page.locator(".answer-part")).to_have_count(0)
        expect(page.get_by_role("heading", name="See also")).to_have_count(0)
    assert page.evaluate("window.__cspViolations") == []


def test_the_country_chosen_on_get_help_now_is_used_when_asking(page: Page, live_site: str) -> None:
    choose_country_on_get_help_now(page, live_site, "GB")

    ask_from_the_home_page(page, live_site, TONIGHT)
    assert "country=GB" in page.url
    assert first_dial_link(page) == "tel:116123"
    help_block = page.locator(".help-first.leads")
    expect(help_block.locator("a.dial-number").first).to_have_text("Call 116 123")
    expect(help_block).to_contain_text("Emergency: 999")
    expect(page.get_by_label("Your country (for help lines)")).to_have_value("GB")

    # A link to the ask page without a country (shared, bookmarked) uses it too.
    page.goto(f"{live_site}/ask/?q={urllib.parse.quote(TONIGHT)}")
    page.wait_for_url("**country=GB*")
    assert first_dial_link(page) == "tel:116123"

    # So does the search page.
    page.goto(f"{live_site}/search/?q={urllib.parse.quote(TONIGHT)}")
    page.wait_for_url("**country=GB*")
    assert first_dial_link(page) == "tel:116123"

    # And a topic's crisis panel shows the reader's country's numbers.
    page.goto(f"{live_site}{TOPIC}")
    first_line = page.locator(".crisis-panel .help-dial li").first
    expect(first_line).to_contain_text("Samaritans")
    expect(first_line).to_contain_text("United Kingdom")
    expect(first_line.locator('a[href="tel:116123"]')).to_be_visible()


def test_a_held_risky_comment_shows_a_number_to_dial(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}{TOPIC}")
    page.fill("#comment-text", RISKY_COMMENT)
    page.click("text=Send comment")
    expect(page.locator("[data-outcome=held]")).to_contain_text("Your comment was saved")
    assert first_dial_link(page) == "tel:988"
    help_block = page.locator(".help-first").first
    expect(help_block).to_contain_text("116 123")
    expect(help_block).not_to_contain_text("You can also call a crisis line now:")


def test_a_held_comment_uses_the_country_chosen_on_get_help_now(page: Page, live_site: str) -> None:
    choose_country_on_get_help_now(page, live_site, "AU")
    page.goto(f"{live_site}{TOPIC}")
    expect(page.locator("#comment-country")).to_have_value("AU")
    page.fill("#comment-text", RISKY_COMMENT)
    page.click("text=Send comment")
    expect(page.locator("[data-outcome=held]")).to_be_visible()
    assert first_dial_link(page) == "tel:131114"
    expect(page.locator(".help-first").first).to_contain_text("Emergency: 000")
