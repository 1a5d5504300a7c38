"""The crisis screen on Spanish texts: crisis and emergency found, negation, tense, idioms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from symptomdb.safety.crisis_screen import CrisisLevel, screen_text
from symptomdb.safety.help_first import help_first

EVAL_SET = Path(__file__).resolve().parents[2] / "bench" / "data" / "crisis_screen_es.jsonl"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("suicidarme es lo unico en lo que pienso", CrisisLevel.CRISIS),
        ("quiero matarme", CrisisLevel.CRISIS),
        ("quiero quitarme la vida", CrisisLevel.CRISIS),
        ("no quiero vivir", CrisisLevel.CRISIS),
        ("tengo ganas de cortarme", CrisisLevel.CRISIS),
        ("quiero hacerme daño", CrisisLevel.CRISIS),
        ("quiero hacerme dano", CrisisLevel.CRISIS),
        ("me quiero morir", CrisisLevel.CRISIS),
        ("ya no aguanto", CrisisLevel.CRISIS),
        ("pienso en la autolesion todo el tiempo, me corto", CrisisLevel.CRISIS),
        ("mañana ya no estaré", CrisisLevel.EMERGENCY),
        ("manana ya no estare", CrisisLevel.EMERGENCY),
        ("esta noche me suicido", CrisisLevel.EMERGENCY),
        ("mi hija se corta", CrisisLevel.CONCERN),
        ("mi hijo dice que se quiere matar", CrisisLevel.CRISIS),
        ("mi amiga se tomó un montón de pastillas", CrisisLevel.EMERGENCY),
        ("hace años me autolesionaba", CrisisLevel.CONCERN),
        ("ya no quiero hacerme daño", CrisisLevel.CONCERN),
    ],
)
def test_spanish_risk_language_gets_its_level(text: str, level: CrisisLevel) -> None:
    assert screen_text(text).level == level


@pytest.mark.parametrize(
    "text",
    [
        "No pienso hacerme daño.",
        "no quiero matarme, solo estoy cansado",
        "Me muero de risa",
        "Este calor me está matando",
        "Me corté el pelo",
        "¿Cuáles son las causas y los tratamientos de la autolesión?",
        "Ya no aguanto más el calor de este verano.",
    ],
)
def test_negation_idioms_and_questions_are_not_crises(text: str) -> None:
    assert screen_text(text).level < CrisisLevel.CRISIS


def test_a_spanish_question_about_self_harm_still_offers_help() -> None:
    result = screen_text("¿Qué es la autolesión?")
    assert result.level == CrisisLevel.NONE and result.mentions_self_harm_or_suicide


def test_english_texts_are_screened_as_before() -> None:
    assert screen_text("I want to die").level == CrisisLevel.CRISIS
    assert screen_text("I don't want to die").level == CrisisLevel.NONE
    assert screen_text("What is the capital of Spain?").level == CrisisLevel.NONE


def test_spanish_evaluation_set_misses_no_crisis() -> None:
    rows = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 120
    missed = [
        r["text"]
        for r in rows
        if r["level"] in {"crisis", "emergency"}
        and screen_text(r["text"]).level < CrisisLevel.CRISIS
    ]
    assert missed == []


def test_help_first_speaks_spanish_and_puts_spanish_services_first() -> None:
    block = help_first(screen_text("me quiero morir"), "US", language="es")
    assert block is not None and block.leads
    assert block.heading == "No tienes que pasar por esto sin compañía"
    assert "Spanish" in block.country.services[0].languages
    fallback = help_first(screen_text("me quiero morir"), None, language="es")
    assert fallback is not None and "número de emergencias de tu país" in fallback.message
    english = help_first(screen_text("I want to die"), "US")
    assert english is not None and english.heading == "You don't have to face this alone"
