"""The Spanish pages in real Chromium: a topic, the language switch, hreflang, and answers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser]


def test_spanish_topic_page_has_help_notice_and_language_links(page: Page, live_site: str) -> None:
    page.goto(f"{live_site}/es/topics/autolesion/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Autolesión")
    panel = page.locator(".crisis-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Si ahora mismo lo estás pasando mal")
    expect(panel.locator("li").first).to_contain_text("Estados Unidos")
    expect(page.locator(".review-notice")).to_contain_text(
        "Aún no revisado por un profesional clínico"
    )
    expect(page.locator("#about-this-page dd.reviewers")).to_have_text(
        "Aún no revisado por un profesional clínico"
    )
    expect(page.locator('link[rel="alternate"][hreflang="en"]')).to_have_attribute(
        "href", f"{live_site}/topics/self-injury/"
    )
    expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).to_have_count(1)
    page.locator("a.language-switch").click()
    expect(page).to_have_url(f"{live_site}/topics/self-injury/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("a.language-switch").click()
    expect(page).to_have_url(f"{live_site}/es/topics/autolesion/")


def test_spanish_question_is_answered_and_a_crisis_gets_help_first(
    page: Page, live_site: str
) -> None:
    page.goto(f"{live_site}/es/ask/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Haz una pregunta de salud")
    page.get_by_label("Tu pregunta").fill(
        "¿Cuáles son las causas y los tratamientos de la autolesión?"
    )
    page.get_by_role("button", name="Preguntar").click()
    expect(page.locator('.answer-part[data-kind="causes"]')).to_contain_text(
        "Causas y factores de riesgo"
    )
    expect(page.locator('.answer-part[data-kind="treatment"]')).to_be_visible()
    page.get_by_label("Tu pregunta").fill("ya no aguanto más, me quiero morir")
    page.get_by_label("Tu país (para las líneas de ayuda)").select_option("MX")
    page.get_by_role("button", name="Preguntar").click()
    help_block = page.locator(".help-first.leads")
    expect(help_block).to_have_attribute("data-level", "crisis")
    expect(help_block).to_contain_text("No tienes que pasar por esto sin compañía")
    expect(help_block).to_contain_text("Línea de la Vida")
    box = help_block.bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert box is not None and heading is not None and box["y"] < heading["y"]
