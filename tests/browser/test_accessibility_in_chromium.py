"""WCAG 2.2 AA in real Chromium: axe-core on every page type, keyboard, small screens, zoom, CSP."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.reader_site import PAGE_TYPES, WATCH_CSP

pytestmark = [pytest.mark.browser]


@pytest.fixture
def watched_page(page: Page, live_site: str) -> Iterator[tuple[Page, list[str]]]:
    """A page that records CSP violations, console errors and requests to other origins."""
    problems: list[str] = []
    page.add_init_script(WATCH_CSP)
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith((live_site, "data:"))
            else problems.append(f"third-party request: {r.url}")
        ),
    )
    yield page, problems


def _violations(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_axe_finds_no_violations_and_the_browser_no_csp_breach(
    watched_page: tuple[Page, list[str]],
    live_site: str,
    site_paths: dict[str, str],
    page_type: str,
    scheme: str,
) -> None:
    page, problems = watched_page
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto(live_site + site_paths[page_type])
    assert response is not None and response.status == 200
    violations = page.evaluate("window.__cspViolations")
    assert violations == [] and problems == [], f"{page_type}: {violations + problems}"
    results = Axe().run(page)
    found = _violations(results)
    assert not found, f"{page_type} ({scheme}): axe found {len(found)} violation(s):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_a_360_px_screen_never_scrolls_sideways_and_help_is_one_tap_away(
    page: Page, live_site: str, site_paths: dict[str, str], page_type: str
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_site + site_paths[page_type])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page_type} is {width} px wide on a 360 px screen"
    help_link = page.locator(".site-header").get_by_role("link", name="Get help now")
    expect(help_link).to_be_in_viewport()
    help_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")


@pytest.mark.parametrize("page_type", ["home", "answer", "topic", "search-results"])
def test_at_200_percent_zoom_the_ask_box_and_help_stay_usable(
    browser: Browser, live_site: str, site_paths: dict[str, str], page_type: str
) -> None:
    # A 1280 px window at 200% zoom lays out 640 CSS px at two device pixels each.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(live_site + site_paths[page_type])
        assert page.evaluate("document.documentElement.scrollWidth") <= 640
        expect(page.get_by_role("link", name="Get help now").first).to_be_in_viewport()
        if page_type in ("home", "answer"):
            box = page.get_by_role("searchbox").first
            box.scroll_into_view_if_needed()
            expect(box).to_be_visible()
            assert (box.bounding_box() or {"width": 0})["width"] >= 200
            box.fill("What helps with anxiety?")
            box.press("Enter")
            expect(page).to_have_url(re.compile(r"/ask/\?q=What\+helps\+with\+anxiety%3F"))
            expect(page.locator("#answer-heading")).to_be_visible()
    finally:
        context.close()


def _tab_until(page: Page, predicate: str, limit: int = 25) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached: {predicate}")


def test_keyboard_only_reader_asks_and_reaches_help(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/")
    _tab_until(page, "document.activeElement.id === 'q'")
    page.keyboard.type("What are the treatments for depression?")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_site}/ask/?q=What+are+the+treatments+for+depression%3F")
    expect(page.locator("#answer-heading")).to_be_visible()
    expect(page.locator(".answer-part").first).to_be_visible()
    presses = _tab_until(page, "document.activeElement.textContent.trim() === 'Get help now'")
    assert presses <= 6, f"Get help now took {presses} presses of Tab"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")


def test_skip_link_moves_focus_past_the_header(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/topics/depression/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_site}/topics/depression/#main")
