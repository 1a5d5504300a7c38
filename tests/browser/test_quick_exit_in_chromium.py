"""Quick exit and discretion in real Chromium: the button, Escape twice, safety pages that
leave no Back entry, and no cookies while reading."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route, expect

from symptomdb.tools.templatetags.tools import DEFAULT_QUICK_EXIT_URL

pytestmark = [pytest.mark.browser]

NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"


def _neutral_site(route: Route) -> None:
    # The test never reaches the real neutral site: it is answered here.
    route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)


@pytest.fixture
def exit_context(browser: Browser) -> Iterator[tuple[BrowserContext, list[Request]]]:
    """A browser profile in which the neutral site is served locally; requests recorded."""
    context = browser.new_context()
    context.route("https://www.bbc.co.uk/**", _neutral_site)
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    yield context, requests
    context.close()


def test_the_quick_exit_button_replaces_the_page_and_back_does_not_return_to_it(
    exit_context: tuple[BrowserContext, list[Request]], live_site: str
) -> None:
    context, requests = exit_context
    page = context.new_page()
    page.goto(f"{live_site}/about/")
    page.goto(f"{live_site}/topics/self-injury/")
    button = page.get_by_role("link", name="Quick exit")
    expect(button).to_be_in_viewport()
    before = len(requests)
    button.click()
    expect(page).to_have_url(DEFAULT_QUICK_EXIT_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Weather")
    after = [r.url for r in requests[before:]]
    assert not [url for url in after if url.startswith(live_site)], after
    page.go_back()
    expect(page).to_have_url(f"{live_site}/about/")


def test_escape_twice_leaves_even_while_typing_but_once_does_not(
    exit_context: tuple[BrowserContext, list[Request]], live_site: str
) -> None:
    context, _ = exit_context
    page = context.new_page()
    page.clock.install()
    page.goto(f"{live_site}/")
    box = page.get_by_role("searchbox").first
    box.fill("how do I stop")
    box.press("Escape")
    page.clock.run_for(3000)  # two presses further apart than two seconds are not a double
    box.press("Escape")
    expect(page).to_have_url(f"{live_site}/")
    box.press("Escape")
    expect(page).to_have_url(DEFAULT_QUICK_EXIT_URL)


def test_safety_pages_and_the_topic_that_opened_them_leave_no_back_entry(
    exit_context: tuple[BrowserContext, list[Request]], live_site: str
) -> None:
    context, _ = exit_context
    page = context.new_page()
    page.goto(f"{live_site}/about/")
    page.goto(f"{live_site}/topics/self-injury/")
    page.locator(".crisis-panel").get_by_role("link", name="Make a safety plan").click()
    expect(page).to_have_url(f"{live_site}/tools/safety-plan/?topic=self-injury")
    page.locator(".plan-about").get_by_role("link", name="coping toolkit").click()
    expect(page).to_have_url(f"{live_site}/tools/coping/")
    page.get_by_role("link", name="Get help now: crisis lines").click()
    expect(page).to_have_url(f"{live_site}/help/")
    page.get_by_label("Show crisis lines for").select_option("GB")
    page.get_by_role("button", name="Show").click()  # a GET form on a safety page, too
    expect(page).to_have_url(f"{live_site}/help/?country=GB")
    page.get_by_role("link", name="Search", exact=True).click()
    expect(page).to_have_url(f"{live_site}/search/")
    page.go_back()
    expect(page).to_have_url(f"{live_site}/about/")


def test_links_within_a_safety_page_and_phone_links_are_left_alone(
    exit_context: tuple[BrowserContext, list[Request]], live_site: str
) -> None:
    context, _ = exit_context
    page = context.new_page()
    page.goto(f"{live_site}/tools/coping/")
    page.locator(".toc").get_by_role("link", name="Slow breathing").click()
    expect(page).to_have_url(f"{live_site}/tools/coping/#breathing")
    page.go_back()
    expect(page).to_have_url(f"{live_site}/tools/coping/")


def test_reading_pages_and_using_the_tools_sets_no_cookie(page: Page, live_site: str) -> None:
    for path in (
        "/",
        "/topics/",
        "/topics/self-injury/",
        "/help/",
        "/help/?country=GB",
        "/tools/safety-plan/?topic=self-injury",
        "/tools/coping/",
        "/privacy/",
    ):
        response = page.goto(f"{live_site}{path}")
        assert response is not None and response.status == 200, path
        assert "set-cookie" not in response.all_headers(), path
    page.goto(f"{live_site}/tools/coping/")
    page.get_by_role("button", name="Start", exact=True).click()
    page.get_by_role("button", name="Larger text").click()
    page.goto(f"{live_site}/tools/safety-plan/")
    page.get_by_label("Add your own to Warning signs").fill("tired")
    page.get_by_label("Add your own to Warning signs").press("Enter")
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


def test_without_javascript_quick_exit_is_a_plain_link_to_the_neutral_site(
    browser: Browser, live_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    context.route("https://www.bbc.co.uk/**", _neutral_site)
    try:
        page = context.new_page()
        page.goto(f"{live_site}/topics/self-injury/")
        page.get_by_role("link", name="Quick exit").click()
        expect(page).to_have_url(DEFAULT_QUICK_EXIT_URL)
    finally:
        context.close()
