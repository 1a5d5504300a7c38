"""A distressed reader on a phone, in real Chromium (issue 17): content on the first screen,
help in one line that opens on request, controls big enough to tap, Quick exit never over
the text, a helpful 404, a favicon, and screenshots in light and dark."""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.reader_site import PAGE_TYPES, screenshot_path

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
TOPIC = "/topics/self-injury/"
CRISIS = "/ask/?q=" + urllib.parse.quote("i cant do this anymore, i want to end it all")

# What a reader taps: form controls, disclosure toggles and the links that stand alone as
# controls (navigation, help, Quick exit, contents, A–Z letters). Links inside a sentence are
# left out, as WCAG 2.5.8 leaves them out: their size is the text's.
CONTROLS = (
    "button, select, textarea, input:not([type=hidden]), summary, a.button, "
    ".site-header a, .site-nav a, .footer-links a, .help-dial a, .help-more-links a, "
    ".toc a, .letters a, .suggestions a"
)

SMALL_CONTROLS = """(selector) => {
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    // A radio button or checkbox is tapped through its label.
    const target = el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')
      ? el.closest('label') : el;
    const box = target.getBoundingClientRect();
    if (box.width === 0 || box.right <= 0) continue;  // off-screen: skip link, honeypot field
    if (box.height < 43.5) {
      small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 30)}" ${Math.round(box.height)} px`);
    }
  }
  return small;
}"""

SMALL_TEXT_FIELDS = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(el => el.checkVisibility() && el.getBoundingClientRect().right > 0)
  .filter(el => parseFloat(getComputedStyle(el).fontSize) < 16)
  .map(el => `${el.tagName.toLowerCase()}#${el.id}: ${getComputedStyle(el).fontSize}`)"""

# Every line of text on screen, against Quick exit's box. A line that runs under the header
# bar that holds Quick exit (sticky, opaque, as wide as the screen) is hidden by the bar, not
# by the button: only the part of it outside the bar counts.
TEXT_UNDER_QUICK_EXIT = """() => {
  const exit = document.querySelector('[data-quick-exit]');
  const qe = exit.getBoundingClientRect();
  const bar = exit.closest('header');
  let band = null;
  if (bar) {
    const style = getComputedStyle(bar);
    const box = bar.getBoundingClientRect();
    const opaque = !/rgba\\([^)]*,\\s*0?\\.?\\d*\\)/.test(style.backgroundColor)
      && style.backgroundColor !== 'transparent';
    if (['sticky', 'fixed'].includes(style.position) && opaque
        && box.left <= 0 && box.right >= window.innerWidth) band = box;
  }
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent || exit.contains(parent)) continue;
    if (!parent.checkVisibility({visibilityProperty: true})) continue;
    const inBar = bar && bar.contains(parent);
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      let top = line.top;
      if (band && !inBar && top < band.bottom && line.bottom > band.top) top = band.bottom;
      if (line.bottom <= top) continue;
      if (line.right > qe.left && line.left < qe.right && line.bottom > qe.top && top < qe.bottom) {
        found.push(`"${node.textContent.trim().slice(0, 40)}" at y=${Math.round(line.top)}`);
      }
    }
  }
  return found;
}"""


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size(PHONE)
    return page


def test_the_first_content_heading_of_self_injury_is_on_the_first_phone_screen(
    phone: Page, live_site: str
) -> None:
    phone.goto(f"{live_site}{TOPIC}")
    heading = phone.locator("section.section h2").first
    expect(heading).to_have_text("What self-injury is")
    box = heading.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    # Help is still above it, with numbers to dial.
    panel = phone.locator(".crisis-panel")
    panel_box = panel.bounding_box()
    assert panel_box is not None and panel_box["y"] < box["y"]
    expect(panel.locator('.help-dial a[href="tel:988"]')).to_be_in_viewport()


@pytest.mark.parametrize("page_type", [*PAGE_TYPES, "not-found"])
def test_every_control_is_at_least_44_px_tall_with_16_px_text(
    phone: Page, live_site: str, site_paths: dict[str, str], page_type: str
) -> None:
    path = "/topics/self-harm/" if page_type == "not-found" else site_paths[page_type]
    phone.goto(live_site + path)
    for details in phone.locator("main details, .help-more").all():
        details.evaluate("d => d.open = true")  # the controls inside count too
    small = phone.evaluate(SMALL_CONTROLS, CONTROLS)
    assert small == [], f"{page_type}: controls under 44 px tall: {small}"
    assert phone.evaluate(SMALL_TEXT_FIELDS) == [], page_type


@pytest.mark.parametrize("page_type", [*PAGE_TYPES, "not-found"])
def test_quick_exit_covers_no_text_anywhere_on_the_page(
    phone: Page, live_site: str, site_paths: dict[str, str], page_type: str
) -> None:
    path = "/topics/self-harm/" if page_type == "not-found" else site_paths[page_type]
    phone.goto(live_site + path)
    expect(phone.get_by_role("link", name="Quick exit")).to_be_in_viewport()
    height = phone.evaluate("document.documentElement.scrollHeight")
    for y in (0, height // 3, 2 * height // 3, height):
        phone.evaluate(f"window.scrollTo(0, {y})")
        expect(phone.get_by_role("link", name="Quick exit")).to_be_in_viewport()
        covered = phone.evaluate(TEXT_UNDER_QUICK_EXIT)
        assert covered == [], f"{page_type}, scrolled to {y}: Quick exit covers {covered}"


@pytest.mark.parametrize("width", [360, 390])
def test_the_navigation_stays_on_one_row(page: Page, live_site: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 740})
    for path in ("/", "/es/"):
        page.goto(f"{live_site}{path}")
        tops = {round(box["y"]) for box in _boxes(page, ".site-nav a")}
        assert len(tops) == 1, f"{path} at {width} px: navigation wraps ({tops})"
        tops = {
            round(box["y"]) for box in _boxes(page, ".site-header .help-now, [data-quick-exit]")
        }
        assert len(tops) == 1, f"{path} at {width} px: the header bar wraps ({tops})"


def _boxes(page: Page, selector: str) -> list[dict[str, float]]:
    boxes = [el.bounding_box() for el in page.locator(selector).all()]
    assert boxes and all(boxes), selector
    return [b for b in boxes if b is not None]


def test_one_line_of_help_opens_to_the_full_panel_and_follows_the_readers_country(
    phone: Page, live_site: str
) -> None:
    phone.goto(f"{live_site}/topics/anxiety/")  # not a sensitive topic: the one line of help
    line = phone.locator(".help-line")
    expect(line).to_be_in_viewport()
    dial = line.locator(".help-dial a")
    assert [a.get_attribute("href") for a in dial.all()] == ["tel:988", "tel:116123", "tel:131114"]
    expect(dial.first).to_have_text("Call 988 US & Canada")
    box = line.bounding_box()
    assert box is not None and box["height"] < 120, box  # a line, not a wall of numbers
    picker = line.get_by_label("Your country")
    expect(picker).to_be_hidden()
    line.get_by_text("Your country & more").click()
    expect(line.locator(".help-lines")).to_contain_text("988 Suicide & Crisis Lifeline")
    expect(picker).to_be_visible()
    picker_box = picker.bounding_box()
    assert picker_box is not None and picker_box["height"] >= 44
    picker.select_option("GB")
    expect(dial.first).to_have_attribute("href", "tel:116123")
    expect(dial.first).to_contain_text("Samaritans")
    expect(dial.nth(1)).to_have_attribute("href", "tel:999")
    expect(line.locator(".help-lines")).to_contain_text("Emergency: 999")
    # Remembered on the reader's device: the next page shows the same numbers.
    phone.goto(f"{live_site}/")
    expect(phone.locator(".help-line .help-dial a").first).to_have_attribute("href", "tel:116123")
    phone.goto(f"{live_site}{TOPIC}")
    expect(phone.locator(".crisis-panel .help-dial a").first).to_have_attribute(
        "href", "tel:116123"
    )


def test_a_crisis_answer_leads_with_help_in_full_not_one_line(phone: Page, live_site: str) -> None:
    phone.goto(f"{live_site}{CRISIS}")
    expect(phone.locator(".help-line")).to_have_count(0)
    help_block = phone.locator(".help-first.leads")
    expect(help_block).to_be_in_viewport()
    expect(help_block.locator('a[href="tel:988"]').first).to_be_visible()
    expect(help_block).to_contain_text("116 123")
    block = help_block.bounding_box()
    heading = phone.get_by_role("heading", level=1).bounding_box()
    assert block is not None and heading is not None and block["y"] < heading["y"]


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_every_help_block_has_a_number_to_dial(
    page: Page, live_site: str, site_paths: dict[str, str], page_type: str
) -> None:
    page.goto(live_site + site_paths[page_type])
    blocks = page.locator(".help-line, .crisis-panel, .help-first, .help-callout").all()
    if page_type != "get-help-now":
        assert blocks, f"{page_type} has no help block"
    for block in blocks:
        assert block.locator('a[href^="tel:"]').count(), f"{page_type}: {block.inner_text()[:80]}"


def test_get_help_now_lists_every_country_and_finds_one_by_name(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/help/")
    countries = page.locator(".country-list .country")
    expect(countries).to_have_count(31)
    search = page.get_by_label("Find a country by name")
    search.fill("irel")
    expect(page.locator(".country-list .country:visible")).to_have_count(1)
    expect(page.locator(".country-list .country:visible h2")).to_have_text("Ireland")
    expect(page.locator("#find-count")).to_contain_text("1")
    search.fill("")
    expect(page.locator(".country-list .country:visible")).to_have_count(31)


def test_without_javascript_the_country_search_works_on_the_server(
    browser: Browser, live_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_site}/help/")
        page.get_by_label("Find a country by name").fill("zealand")
        page.get_by_role("button", name="Find", exact=True).click()
        expect(page.locator(".country-list .country h2")).to_have_text(["New Zealand"])
    finally:
        context.close()


def test_a_guessed_topic_address_gives_a_helpful_404_in_the_layout(
    phone: Page, live_site: str
) -> None:
    response = phone.goto(f"{live_site}/topics/self-harm/")
    assert response is not None and response.status == 404
    expect(phone.get_by_role("heading", level=1)).to_have_text("We could not find that page")
    help_link = phone.locator(".site-header").get_by_role("link", name="Get help now")
    expect(help_link).to_be_in_viewport()
    expect(phone.locator(".help-line .help-dial a[href='tel:988']")).to_be_visible()
    expect(phone.get_by_role("searchbox")).to_be_visible()
    expect(phone.locator(".suggestions")).to_contain_text("also called self-harm")
    results = Axe().run(phone).response["violations"]
    assert results == [], [v["id"] for v in results]
    phone.locator(".suggestions").get_by_role("link", name="Self-injury").click()
    expect(phone).to_have_url(f"{live_site}{TOPIC}")


def test_the_favicon_is_served(page: Page, live_site: str) -> None:
    response = page.request.get(f"{live_site}/favicon.ico")
    assert response.status == 200
    assert b"<svg" in response.body()
    page.goto(f"{live_site}/")
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert icon is not None and page.request.get(live_site + icon).status == 200


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_type", ["home", "topic", "answer"])
def test_screenshots_in_light_and_dark(
    browser: Browser,
    live_site: str,
    site_paths: dict[str, str],
    tmp_path: Path,
    page_type: str,
    width: int,
    scheme: Any,
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width == 390 else 900}, color_scheme=scheme
    )
    try:
        page = context.new_page()
        page.goto(live_site + site_paths[page_type])
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(20, 23, 28)") == (scheme == "dark"), background
        page.screenshot(path=screenshot_path(tmp_path, f"{page_type}-{width}-{scheme}.png"))
    finally:
        context.close()
