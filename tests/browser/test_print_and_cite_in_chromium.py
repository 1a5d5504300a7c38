"""Printing keeps sources and help; Cite this page and its structured data in real Chromium."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser]


def test_printed_topic_keeps_references_citation_and_help_lines_not_navigation(
    page: Page, live_site: str
) -> None:
    page.goto(f"{live_site}/topics/self-injury/")
    page.emulate_media(media="print")
    expect(page.locator("#references li").first).to_be_visible()
    expect(page.locator("#about-this-page")).to_be_visible()
    expect(page.locator(".crisis-panel")).to_be_visible()
    expect(page.locator(".crisis-panel")).to_contain_text("116 123")
    expect(page.locator('#cite-this-page dd[data-style="apa"]')).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".toc")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator(".site-nav")).to_be_visible()


def test_printed_answer_keeps_help_and_sources_but_not_the_ask_box(
    page: Page, live_site: str
) -> None:
    question = urllib.parse.quote("i want to end it all, what are the treatments for self-harm")
    page.goto(f"{live_site}/ask/?q={question}&country=GB")
    expect(page.locator(".ask-form")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".ask-form")).to_be_hidden()
    expect(page.get_by_role("searchbox")).to_be_hidden()
    help_block = page.locator(".help-first")
    expect(help_block).to_be_visible()
    expect(help_block).to_contain_text("116 123")
    expect(page.locator(".answer-part .source").first).to_be_visible()


def test_reader_copies_a_citation_and_downloads_it(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/topics/depression/")
    page.locator(".toc").get_by_role("link", name="Cite this page").click()
    cite = page.locator("#cite-this-page")
    expect(cite).to_be_in_viewport()
    expect(cite.locator('dd[data-style="apa"]')).to_contain_text(
        f"symptomdb contributors. (2026, November 24). Depression. symptomdb. {live_site}/topics/depression/"
    )
    expect(cite.locator('dd[data-style="apa"] i')).to_have_text("Depression")
    expect(cite.locator('dd[data-style="ama"]')).to_contain_text("Accessed")
    expect(cite.locator('dd[data-style="vancouver"]')).to_contain_text("[Internet]")
    with page.expect_download() as info:
        cite.get_by_role("link", name="RIS file").click()
    download = info.value
    assert download.suggested_filename == "symptomdb-depression.ris"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("TY  - ELEC\nTI  - Depression\n")


def test_structured_data_parses_as_medical_web_page(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/topics/suicidal-thoughts/")
    blocks = page.locator('script[type="application/ld+json"]')
    expect(blocks).to_have_count(1)
    data = json.loads(blocks.text_content() or "")
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == "MedicalCondition"
    assert data["about"]["name"] == "Suicidal thoughts"
    assert data["url"] == f"{live_site}/topics/suicidal-thoughts/"
    assert data["author"] and data["citation"] and data["dateModified"]
    assert "reviewedBy" not in data and "lastReviewed" not in data


def test_a_to_z_letter_jumps_to_its_topics(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/topics/")
    page.get_by_role("navigation", name="Topics by first letter").get_by_role(
        "link", name="S", exact=True
    ).click()
    expect(page).to_have_url(f"{live_site}/topics/#letter-S")
    group = page.locator("#letter-S")
    expect(group).to_be_in_viewport()
    expect(group.get_by_role("link", name="Self-injury")).to_be_visible()


def test_search_results_lead_to_the_topic_section(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/")
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search topics and collections").fill("panic attacks")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search results")
    first = page.locator(".result").first
    expect(first.get_by_role("heading")).to_have_text("Anxiety")
    first.locator(".result-parts a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anxiety")
