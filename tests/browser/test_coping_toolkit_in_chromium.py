"""The coping toolkit in real Chromium: each activity by keyboard alone, spoken changes in
live regions, reduced motion honoured, text size kept site-wide, and axe finds nothing."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.reader_site import WATCH_CSP

pytestmark = [pytest.mark.browser]

COPING = "/tools/coping/"


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def open_toolkit(page: Page, live_site: str) -> None:
    page.clock.install()  # the activities' timers run only when the test says so
    page.goto(f"{live_site}{COPING}")


def test_breathing_by_keyboard_at_the_readers_own_pace(page: Page, live_site: str) -> None:
    open_toolkit(page, live_site)
    guide = page.locator("#breathing-guide")
    expect(guide).to_have_attribute("aria-live", "polite")
    tab_to(page, "#breathe-in")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    tab_to(page, "#breathe-out")
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    tab_to(page, "#breathing-toggle")
    page.keyboard.press("Enter")
    expect(guide).to_have_text("Breathe in")
    expect(page.locator("#breathing-toggle")).to_have_text("Pause")
    page.clock.run_for(3100)
    expect(guide).to_have_text("Breathe out")
    page.clock.run_for(5100)
    expect(guide).to_have_text("Breathe in")
    page.keyboard.press("Space")  # focus stayed on the button
    expect(guide).to_have_text("Paused. Start again whenever you like.")
    expect(page.locator("#breathing-toggle")).to_have_text("Start")
    # The pace is kept for next time, in this browser only.
    assert page.evaluate("localStorage.getItem('symptomdb.breathing-pace')") == '{"in":3,"out":5}'


def test_breathing_circle_stays_still_when_the_reader_asks_for_reduced_motion(
    page: Page, live_site: str
) -> None:
    page.emulate_media(reduced_motion="reduce")
    open_toolkit(page, live_site)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.locator("#breathing-guide")).to_have_text("Breathe in")
    circle = page.locator("#breath-circle")
    style = circle.evaluate(
        "c => [getComputedStyle(c).transform, getComputedStyle(c).transitionDuration]"
    )
    assert style == ["none", "0s"]
    page.clock.run_for(4100)
    expect(page.locator("#breathing-guide")).to_have_text("Breathe out")


def test_breathing_circle_grows_and_shrinks_at_the_chosen_pace_otherwise(
    page: Page, live_site: str
) -> None:
    page.emulate_media(reduced_motion="no-preference")
    open_toolkit(page, live_site)
    page.get_by_role("button", name="Start", exact=True).click()
    circle = page.locator("#breath-circle")
    expect(circle).to_have_class("breath-circle breathing-in")
    assert circle.evaluate("c => getComputedStyle(c).transitionDuration") == "4s"


def test_grounding_step_by_step_by_keyboard(page: Page, live_site: str) -> None:
    open_toolkit(page, live_site)
    prompt = page.locator("#grounding-prompt")
    expect(prompt).to_have_attribute("aria-live", "polite")
    tab_to(page, "#grounding-start")
    page.keyboard.press("Enter")
    expect(prompt).to_have_text("Step 1 of 5: Name five things you can see.")
    expect(page.locator("#grounding-next")).to_be_focused()
    expect(page.locator("#grounding-back")).to_be_disabled()
    for _ in range(4):
        page.keyboard.press("Enter")
    expect(prompt).to_contain_text("Step 5 of 5: Name one thing you can taste")
    expect(page.locator("#grounding-next")).to_have_text("Finish")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # Back
    expect(prompt).to_contain_text("Step 4 of 5")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # Finish
    expect(prompt).to_contain_text("Well done.")
    expect(page.locator("#grounding-again")).to_be_focused()


def test_delay_timer_by_keyboard_runs_the_chosen_length_and_stops_any_time(
    page: Page, live_site: str
) -> None:
    open_toolkit(page, live_site)
    status = page.locator("#delay-status")
    remaining = page.locator("#delay-remaining")
    tab_to(page, "#delay-minutes")
    page.keyboard.press("ArrowUp")  # 15 -> 10 minutes
    expect(page.locator("#delay-minutes")).to_have_value("10")
    tab_to(page, "#delay-start")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Timer started for 10 minutes. You can stop it at any time.")
    expect(remaining).to_have_text("About 10 minutes to go.")
    expect(page.locator("#delay-stop")).to_be_focused()
    page.clock.run_for(5 * 60 * 1000)
    expect(remaining).to_have_text("About 5 minutes to go.")
    page.clock.run_for(5 * 60 * 1000 + 2000)
    expect(status).to_have_text("The time is up.")
    expect(page.locator("#delay-done")).to_be_visible()
    expect(page.locator("#delay-done")).to_contain_text("How is the urge now?")
    expect(page.locator("#delay-start")).to_be_focused()

    page.keyboard.press("Enter")  # again, and this time stop early
    expect(page.locator("#delay-done")).to_be_hidden()
    page.clock.run_for(60 * 1000)
    page.keyboard.press("Enter")
    expect(status).to_have_text("Timer stopped. That is fine: do whatever helps you now.")
    expect(remaining).to_have_text("")
    page.clock.run_for(20 * 60 * 1000)
    expect(page.locator("#delay-done")).to_be_hidden()


def test_distraction_ideas_one_at_a_time_by_keyboard(page: Page, live_site: str) -> None:
    open_toolkit(page, live_site)
    idea = page.locator("#distraction-idea")
    tab_to(page, "#distraction-next")
    page.keyboard.press("Enter")
    expect(idea).to_have_text("Idea 1 of 10: Put on a song you love and sing or dance along.")
    page.keyboard.press("Enter")
    expect(idea).to_contain_text("Idea 2 of 10:")
    expect(page.locator("#soothing dt")).to_have_text(["Sight", "Sound", "Smell", "Taste", "Touch"])


def test_text_size_buttons_by_keyboard_apply_on_every_page(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}{COPING}")
    tab_to(page, "[data-text-size=larger]")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_class("js text-size-125")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    page.goto(f"{live_site}/topics/depression/")
    expect(page.locator("html")).to_have_class("js text-size-125")
    page.goto(f"{live_site}{COPING}")
    page.get_by_role("button", name="Reset").click()
    expect(page.locator("html")).to_have_class("js")
    assert page.evaluate("localStorage.getItem('symptomdb.text-size')") is None


def _violations(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize(
    "path", [COPING, "/tools/safety-plan/?topic=self-injury", "/help/?country=GB"]
)
def test_axe_finds_no_violations_on_the_tools_with_their_controls_in_use(
    page: Page, live_site: str, path: str
) -> None:
    page.add_init_script(WATCH_CSP)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.clock.install()
    page.goto(f"{live_site}{path}")
    if path == COPING:
        page.get_by_role("button", name="Start", exact=True).click()
        page.get_by_role("button", name="Start grounding").click()
        page.get_by_role("button", name="Start waiting").click()
        page.get_by_role("button", name="Give me an idea").click()
    elif path.startswith("/tools/safety-plan/"):
        page.get_by_label("Crisis lines for").select_option("GB")
        page.get_by_role("button", name="Delete entry 1 of Warning signs", exact=True).click()
        page.get_by_role("button", name="Wipe my plan").click()
    assert page.evaluate("window.__cspViolations") == [] and errors == []
    found = _violations(Axe().run(page))
    assert not found, f"{path}: axe found {len(found)} violation(s):\n" + "\n".join(found)
