"""The crisis screen on Spanish texts: risk found, negation, idioms and questions left alone.

Texts written for the tests; the Spanish part of the blind sets is scored by
bench/crisis_screen.py, per language.
"""

from __future__ import annotations

import pytest

from symptomdb.safety.crisis_screen import CrisisLevel, screen_text
from symptomdb.safety.help_first import help_first


@pytest.mark.parametrize(
    "text",
    [
        "suicidarme es lo unico en lo que pienso",
        "quiero quitarme la vida",
        "no quiero vivir",
        "tengo ganas de cortarme otra vez",
        "me quiero morir",
        "mi hijo dice que se quiere matar",
        "ya no quiero estar aqui, todos estarian mejor sin mi",
    ],
)
def test_spanish_risk_language_leads_with_help(text: str) -> None:
    assert screen_text(text).level >= CrisisLevel.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "esta noche me suicido",
        "mi amiga se tomó un montón de pastillas",
        "cuantas pastillas necesito para no despertar",
    ],
)
def test_spanish_emergencies_are_emergencies(text: str) -> None:
    assert screen_text(text).level == CrisisLevel.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "¿Cuáles son las causas y los tratamientos de la autolesión?",
        "¿A qué hora abre la farmacia los domingos?",
    ],
)
def test_questions_are_not_crises(text: str) -> None:
    # Spanish idioms ("me muero de risa") still raise false alarms: see docs/safety.md,
    # "Measured on blind sets" — the screen errs toward help, at a cost we report.
    assert screen_text(text).level < CrisisLevel.CRISIS


def test_a_spanish_question_about_self_harm_still_offers_help() -> None:
    result = screen_text("¿Qué es la autolesión?")
    assert result.level < CrisisLevel.CRISIS and result.mentions_self_harm_or_suicide


def test_help_first_speaks_spanish_and_puts_spanish_services_first() -> None:
    block = help_first(screen_text("me quiero morir"), "US", language="es")
    assert block is not None and block.leads
    assert block.heading == "No tienes que pasar por esto sin compañía"
    assert "Spanish" in block.country.services[0].languages
    fallback = help_first(screen_text("me quiero morir"), None, language="es")
    assert fallback is not None and "número de emergencias de tu país" in fallback.message
    english = help_first(screen_text("I want to die"), "US")
    assert english is not None and english.heading == "You don't have to face this alone"
