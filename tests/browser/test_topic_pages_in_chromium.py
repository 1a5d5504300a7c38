"""Topic pages in real Chromium against a live server on loopback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser]


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Screenshots go to tmp, or to the folder in SYMPTOMDB_SCREENSHOTS (`make screenshots`)."""
    folder = Path(os.environ.get("SYMPTOMDB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def test_reader_sees_author_dates_references_notice_and_help(
    page: Page, live_site: str, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_site}/topics/self-injury/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Self-injury")
    expect(page.locator(".synonyms")).to_contain_text("non-suicidal self-injury")
    expect(page.locator(".crisis-panel")).to_be_visible()
    expect(page.locator(".review-notice")).to_contain_text("Not yet reviewed by a clinician")
    about = page.locator("#about-this-page")
    expect(about.locator("dd.authors")).to_have_text("symptomdb contributors (symptomdb project)")
    expect(about.locator("dd.reviewers")).to_have_text("Not yet reviewed by a clinician")
    expect(about).to_contain_text("Next review due")
    expect(about).to_contain_text("24 November 2027")
    expect(page.locator("#references li")).not_to_have_count(0)
    expect(page.locator("#ref-nice-ng225")).to_contain_text("NG225")
    for kind in ("causes", "symptoms", "treatment", "coping", "prevention", "seek-help", "support"):
        expect(page.locator(f'section[data-kind="{kind}"]').first).to_be_visible()
    page.screenshot(path=screenshot_path(tmp_path, "topic-page.png"))

    page.get_by_role("link", name="Get help now").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    expect(page.locator("#country-GB")).to_contain_text("116 123")


def test_citation_and_contents_links_move_the_reader(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/topics/depression/")
    page.locator(".toc").get_by_role("link", name="References").click()
    expect(page).to_have_url(f"{live_site}/topics/depression/#references")
    page.goto(f"{live_site}/topics/depression/")
    first_citation = page.locator("sup.cite a").first
    target = first_citation.get_attribute("href")
    assert target and target.startswith("#ref-")
    first_citation.click()
    expect(page.locator(target)).to_be_in_viewport()


def test_on_a_phone_help_is_on_screen_without_scrolling(
    page: Page, live_site: str, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_site}/topics/suicidal-thoughts/")
    expect(page.get_by_role("link", name="Get help now").first).to_be_in_viewport()
    expect(page.locator(".crisis-panel h2")).to_be_in_viewport()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360, "the page scrolls sideways on a phone"
    page.screenshot(path=screenshot_path(tmp_path, "topic-page-360.png"))


def test_choosing_a_country_shows_its_lines_first(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/help/")
    page.get_by_label("Show crisis lines for").select_option("AU")
    page.get_by_role("button", name="Show").click()
    featured = page.locator(".country.featured")
    expect(featured).to_have_id("country-AU")
    expect(featured).to_contain_text("13 11 14")


def test_crisis_question_from_the_home_page_shows_help_first(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/")
    page.get_by_label("Ask a health question").fill("i cant do this anymore, i want to end it all")
    page.get_by_role("button", name="Ask").click()
    help_block = page.locator(".help-first.leads")
    expect(help_block).to_be_visible()
    expect(help_block).to_be_in_viewport()
    # Crisis or emergency (the screen may read "end it all" as either): help leads both ways.
    calm = re.compile(r"You don't have to face this alone|Please get help right now")
    expect(help_block.get_by_role("heading")).to_have_text(calm)
    first_heading = page.locator("main h2, main h1").first
    expect(first_heading).to_have_text(calm)


def test_on_a_phone_the_seed_question_is_answered_within_two_screens(
    page: Page, live_site: str
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_site}/ask/?q=What+are+the+causes+and+treatments+for+self-injury%3F")
    parts = page.locator("article.answer-part")
    expect(parts).to_have_count(2)
    # Both leads, and each part's "read the whole section", come before two phone screens.
    last_summary = parts.nth(1).locator("summary")
    expect(last_summary).to_have_text("Read the whole section")
    box = last_summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 2 * 844, box
    # A lead's citation opens the reference on the topic page.
    citation = parts.first.locator(".answer-lead sup.cite a").first
    href = citation.get_attribute("href")
    assert href and href.startswith("/topics/self-injury/#ref-")
    citation.click()
    expect(page.locator(href.split("/")[-1])).to_be_in_viewport()
    # The whole section opens in place.
    page.go_back()
    parts.first.locator("summary").click()
    expect(parts.first.locator(".answer-text li").first).to_be_visible()
