"""The safety plan in real Chromium: made, pre-filled, edited, printed, saved as a file,
reloaded offline and wiped, with nothing of it ever sent to the server."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

pytestmark = [pytest.mark.browser]

PLAN = "/tools/safety-plan/"
STORAGE_KEY = "symptomdb.safety-plan"
# Typed into the plan; no request may ever carry it, in any form.
MARKER = "Quokka-Lantern-5521"


class RequestLog:
    """Every request the browser makes (pages and workers), to search for the marker."""

    def __init__(self) -> None:
        self.requests: list[Request] = []

    def record(self, request: Request) -> None:
        self.requests.append(request)

    def carrying(self, text: str) -> list[str]:
        forms = {text, urllib.parse.quote(text), urllib.parse.quote_plus(text), text.lower()}
        found = []
        for request in self.requests:
            headers = json.dumps(request.all_headers())
            body = request.post_data or ""
            seen = f"{request.url}\n{headers}\n{body}"
            if any(form in seen or form.lower() in seen.lower() for form in forms):
                found.append(f"{request.method} {request.url}")
        return found


@pytest.fixture
def plan_context(browser: Browser) -> Iterator[tuple[BrowserContext, RequestLog]]:
    """A fresh browser profile whose every request is recorded."""
    context = browser.new_context(accept_downloads=True)
    log = RequestLog()
    context.on("request", log.record)
    yield context, log
    context.close()


def entries(page: Page, step: str) -> list[str]:
    return page.locator(f"#step-{step} .plan-entries input").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )


def stored_plan(page: Page) -> dict[str, object] | None:
    raw = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return json.loads(raw) if raw else None


def make_plan_from_topic(page: Page, live_site: str) -> None:
    """Open the plan from the self-injury topic's crisis panel and make one change."""
    page.goto(f"{live_site}/topics/self-injury/")
    page.locator(".crisis-panel").get_by_role("link", name="Make a safety plan").click()
    expect(page).to_have_url(f"{live_site}{PLAN}?topic=self-injury")
    expect(page.locator("#step-coping .plan-entries input").first).to_be_visible()


def test_reader_makes_edits_prints_and_saves_a_plan_and_none_of_it_is_sent(
    plan_context: tuple[BrowserContext, RequestLog], live_site: str, tmp_path: Path
) -> None:
    context, log = plan_context
    page = context.new_page()
    make_plan_from_topic(page, live_site)

    # Pre-filled: the topic's coping ideas, and crisis lines once a country is chosen.
    coping = entries(page, "coping")
    assert coping[:3] == ["Delay the urge", "Physical release", "Relaxation and breathing"]
    assert stored_plan(page) is None, "nothing is stored before the reader changes something"
    page.get_by_label("Crisis lines for").select_option("GB")
    assert "Samaritans: call 116 123" in entries(page, "professionals")
    assert "Emergency number: 999" in entries(page, "professionals")

    # Edit a suggestion, add one of the reader's own, delete one.
    page.get_by_label("Things I can do on my own, entry 1", exact=True).fill(
        f"Delay the urge: {MARKER}"
    )
    page.get_by_label("Add your own to My reasons for living").fill(f"My sister {MARKER}")
    page.locator("#step-reasons").get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#plan-status")).to_have_text("Added to My reasons for living.")
    page.get_by_role(
        "button", name="Delete entry 2 of Things I can do on my own", exact=True
    ).click()
    expect(page.locator("#plan-status")).to_have_text("Deleted from Things I can do on my own.")
    assert "Physical release" not in entries(page, "coping")
    # A deleted suggestion can be added back from the ideas list.
    expect(page.get_by_role("button", name="Add: Physical release")).to_be_visible()

    saved = stored_plan(page)
    assert saved is not None and saved["country"] == "GB"
    steps = saved["steps"]
    assert isinstance(steps, dict)
    assert steps["coping"][0] == f"Delay the urge: {MARKER}"
    assert f"My sister {MARKER}" in steps["reasons"]
    assert "Physical release" not in steps["coping"]

    # Reloading shows the saved plan, not the suggestions again.
    page.reload()
    assert entries(page, "coping")[0] == f"Delay the urge: {MARKER}"
    assert f"My sister {MARKER}" in entries(page, "reasons")

    # Print: the reader's entries, without the editing controls or the site's navigation.
    page.emulate_media(media="print")
    printed = page.locator("#step-reasons .plan-print")
    expect(printed).to_be_visible()
    expect(printed).to_contain_text(f"My sister {MARKER}")
    expect(page.locator("#step-coping .plan-print")).not_to_contain_text("Physical release")
    for hidden in (
        ".plan-editor",
        ".plan-toolbar",
        ".plan-wipe",
        ".quick-exit",
        ".site-header nav",
    ):
        expect(page.locator(hidden).first).to_be_hidden()
    page.emulate_media(media="screen")

    # Save as a text file: built in the browser, the whole plan in order.
    with page.expect_download() as info:
        page.get_by_role("button", name="Save as a text file").click()
    download = info.value
    assert download.suggested_filename == "my-safety-plan.txt"
    path = tmp_path / "plan.txt"
    download.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("My safety plan\n")
    assert "Step 1: Warning signs" in text and "My reasons for living" in text
    assert text.index("Step 2: Things I can do on my own") < text.index(
        f"- Delay the urge: {MARKER}"
    )
    assert f"- My sister {MARKER}" in text and "- Samaritans: call 116 123" in text
    assert "Physical release" not in text

    assert log.requests, "the log recorded the page loads"
    assert log.carrying(MARKER) == []


def test_a_saved_plan_opens_offline_with_its_entries(
    plan_context: tuple[BrowserContext, RequestLog], live_site: str
) -> None:
    context, log = plan_context
    page = context.new_page()
    make_plan_from_topic(page, live_site)
    page.get_by_label("Add your own to Warning signs").fill(f"Skipping meals {MARKER}")
    page.get_by_label("Add your own to Warning signs").press("Enter")
    # The offline worker has stored the pages once it is active.
    page.wait_for_function("() => document.documentElement.dataset.offline === 'ready'")
    page.wait_for_function(
        "() => caches.open('symptomdb-offline-v1').then(c => c.keys()).then(k => k.length >= 3)"
    )
    page.reload()  # now controlled by the worker
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")

    context.set_offline(True)
    try:
        page.reload()
        assert f"Skipping meals {MARKER}" in entries(page, "warning-signs")
        expect(page.get_by_role("heading", level=1)).to_have_text("My safety plan")
        page.goto(f"{live_site}/help/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
        page.goto(f"{live_site}/tools/coping/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Coping toolkit")
    finally:
        context.set_offline(False)
    cached = page.evaluate(
        "caches.open('symptomdb-offline-v1').then(c => c.keys()).then(k => k.map(r => r.url))"
    )
    assert not [url for url in cached if "?" in url], "no topic or country is kept in the cache"
    assert log.carrying(MARKER) == []


def test_wipe_deletes_the_plan_every_setting_and_on_request_the_offline_copy(
    plan_context: tuple[BrowserContext, RequestLog], live_site: str
) -> None:
    context, log = plan_context
    page = context.new_page()
    page.goto(f"{live_site}/help/?country=GB")
    make_plan_from_topic(page, live_site)
    page.get_by_role("button", name="Larger text").click()
    page.get_by_label("People I can ask for help, entry 1", exact=True).fill(f"Ana {MARKER}")
    page.wait_for_function("() => document.documentElement.dataset.offline === 'ready'")
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert keys == ["symptomdb.country", "symptomdb.safety-plan", "symptomdb.text-size"]

    page.get_by_role("button", name="Wipe my plan").click()
    page.get_by_role("button", name="Keep my plan").click()
    assert stored_plan(page) is not None, "cancelling keeps the plan"

    page.get_by_label("Also remove the offline copy of these pages").check()
    page.get_by_role("button", name="Wipe my plan").click()
    page.get_by_role("button", name="Yes, wipe it").click()
    expect(page.locator("#plan-status")).to_have_text(
        "Your plan and the offline copy of these pages have been wiped from this browser."
    )
    assert page.evaluate("Object.keys(localStorage)") == []
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert not page.evaluate("document.documentElement.className").count("text-size-")
    assert f"Ana {MARKER}" not in entries(page, "help-people")
    page.reload()
    assert stored_plan(page) is None
    assert f"Ana {MARKER}" not in entries(page, "help-people")
    assert log.carrying(MARKER) == []


def test_the_country_chosen_on_get_help_now_fills_in_its_crisis_lines(
    page: Page, live_site: str
) -> None:
    page.goto(f"{live_site}/help/")
    page.get_by_label("Show crisis lines for").select_option("IE")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(f"{live_site}/help/?country=IE")
    page.goto(f"{live_site}{PLAN}")  # not through the help page's link: the browser remembers
    expect(page.get_by_label("Crisis lines for")).to_have_value("IE")
    assert "Samaritans Ireland: call 116 123" in entries(page, "professionals")


def test_without_javascript_the_plan_is_a_printable_blank_form_with_suggestions(
    browser: Browser, live_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_site}{PLAN}?topic=self-injury&country=GB")
        for n in range(1, 7):
            expect(page.get_by_role("heading", name=f"Step {n}:")).to_be_visible()
        expect(page.get_by_role("heading", name="My reasons for living")).to_be_visible()
        coping = page.locator("#step-coping .plan-suggestions")
        expect(coping).to_contain_text("Delay the urge")
        expect(page.locator("#step-professionals .plan-suggestions")).to_contain_text(
            "Samaritans: call 116 123"
        )
        expect(page.locator("#step-coping .write-lines")).to_be_visible()
        expect(page.get_by_role("button", name="Wipe my plan")).to_be_hidden()
        assert page.locator("main form").count() == 0  # the site's country picker is outside
        page.emulate_media(media="print")
        expect(coping).to_be_visible()
    finally:
        context.close()
