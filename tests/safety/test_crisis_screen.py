"""The crisis screen on each level and each hard case named in the safety issue.

These texts are written for the tests; the larger evaluation set lives in
bench/data/crisis_screen_eval.jsonl and is scored by bench/crisis_screen.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from symptomdb.safety.crisis_screen import CrisisLevel, screen_text

NONE, CONCERN, CRISIS, EMERGENCY = (
    CrisisLevel.NONE,
    CrisisLevel.CONCERN,
    CrisisLevel.CRISIS,
    CrisisLevel.EMERGENCY,
)


def level_of(text: str) -> CrisisLevel:
    return screen_text(text).level


@pytest.mark.parametrize(
    "text",
    [
        "I have made up my mind, tonight is the night",
        "i've taken something and i feel really dizzy",
        "I wrote my goodbye letters and gave my things away",
        "I have a plan and I'm going to do it tonight",
        "my brother just told me he took a bunch of pills",
        "my friend texted me goodbye and said she's going to end it tonight",
    ],
)
def test_intent_plan_or_act_in_progress_is_an_emergency(text: str) -> None:
    assert level_of(text) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I want to die",
        "everyone would be better off without me",
        "I don't see the point of being here anymore",
        "I keep thinking about killing myself",
        "i have been hurting myself every night this week",
        "the urges to self harm are so strong today",
        "my son said he wants to die",
        "my girlfriend keeps saying she wants to kill herself",
    ],
)
def test_current_thoughts_or_urges_are_a_crisis(text: str) -> None:
    assert level_of(text) == CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "my daughter cuts herself, what treatments help?",
        "years ago I used to self-harm but I've been fine since",
        "I feel hopeless, like nothing will ever get better",
        "people at school keep telling me to kys",
        "I'm scared I'll relapse now that exams are starting",
    ],
)
def test_past_risk_third_person_self_harm_and_hopelessness_are_concern(text: str) -> None:
    assert level_of(text) == CONCERN


@pytest.mark.parametrize(
    "text",
    [
        "this homework is killing me",
        "I'd die for a coffee right now",
        "I nearly died laughing at that video",
        "my feet are killing me after that hike",
        "kill the lights when you leave please",
        "im so dead 💀 that was hilarious",
        "the suicide squeeze won us the game",
    ],
)
def test_idioms_are_not_risk(text: str) -> None:
    assert level_of(text) == NONE


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to die, I just want to know if this mole is cancer",
        "I would never hurt myself, I'm asking about my eczema",
        "I'm not suicidal, just exhausted after night shifts",
    ],
)
def test_negated_statements_are_not_risk(text: str) -> None:
    assert level_of(text) == NONE


def test_negation_in_another_clause_does_not_hide_risk() -> None:
    assert level_of("I'm not going to lie, I want to die") == CRISIS


def test_past_tense_becomes_concern_but_returning_urges_are_a_crisis() -> None:
    assert level_of("when I was 15 I tried to kill myself") == CONCERN
    assert level_of("I used to self harm and the urges are back tonight") == CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i wanna kms fr",
        "thinking about sewerslide again",
        "i want to unalive myself",
        "feeling suicidel tonight",
    ],
)
def test_misspellings_and_slang_are_understood(text: str) -> None:
    assert level_of(text) >= CRISIS


def test_one_sentence_in_a_long_message_is_found_with_its_sentence_number() -> None:
    text = (
        "Hi, I'm 45 and have type 2 diabetes. My feet hurt at night and the cream my doctor "
        "gave me does nothing. Sometimes I think everyone would be better off without me. "
        "Anyway, which cream works best for diabetic feet?"
    )
    result = screen_text(text)
    assert result.level == CRISIS
    assert result.reasons[0].sentence == 3
    assert "better off without me" in result.reasons[0].words


def test_health_question_about_self_harm_is_not_a_crisis_but_mentions_it() -> None:
    result = screen_text("What are the causes and treatments for self-injury?")
    assert result.level == NONE
    assert result.mentions_self_harm_or_suicide
    assert not result.needs_help_first


def test_unrelated_text_does_not_mention_self_harm() -> None:
    result = screen_text("thanks for this article, very clear")
    assert result.level == NONE and not result.mentions_self_harm_or_suicide
    assert result.reasons == ()


def test_own_evaluation_set_misses_no_emergency_as_none() -> None:
    """The worst bug: an emergency or crisis in our own set screened as nothing at all."""
    path = Path(__file__).resolve().parents[2] / "bench" / "data" / "crisis_screen_eval.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(rows) >= 400
    missed = [
        r["text"]
        for r in rows
        if r["level"] in ("crisis", "emergency") and level_of(r["text"]) == NONE
    ]
    assert missed == []
