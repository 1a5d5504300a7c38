"""The crisis screen as a reader meets it: rules for the unmistakable cases, the model for
the rest, in English, Spanish and the bank's other languages.

The texts here are written for the tests (none is copied from the bank or a blind set).
How well the screen holds on text nobody tuned it to is measured by bench/crisis_screen.py
on the blind sets under bench/data/, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from symptomdb.safety.crisis_model import WINDOW_PIECES, Window, combine, load_model, windows
from symptomdb.safety.crisis_rules import fold, rule_hits
from symptomdb.safety.crisis_screen import MAX_SCREEN_CHARS, CrisisLevel, cap, screen_text
from symptomdb.safety.training import (
    LEVELS,
    embedded_risk,
    figures,
    load_bank,
    split_bank,
    training_rows,
)

BLIND_SETS = Path(__file__).resolve().parents[2] / "bench" / "data"
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
        "what is the least painful way to kill myself",
        "how many of my sleeping tablets would it take to not wake up",
        "is there a lethal dose of my heart medicine, asking for a friend",
        "como puedo matarme sin que duela",
        "cuantas pastillas son letales",
    ],
)
def test_asking_for_a_method_or_a_lethal_amount_is_always_an_emergency(text: str) -> None:
    result = screen_text(text)
    assert result.level == EMERGENCY
    assert result.withhold_answer
    assert any(r.rule.startswith("rule:") for r in result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "i already took all of my pills and i feel strange",
        "my brother just swallowed a whole bottle of something and wont talk",
        "I'm standing on the bridge right now",
        "me tome todas las pastillas de mi mama",
    ],
)
def test_an_act_in_progress_is_an_emergency(text: str) -> None:
    assert level_of(text) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "i want to kill myself tonight",
        "I'm going to end it all this weekend",
        "voy a matarme esta noche",
    ],
)
def test_an_intent_with_a_stated_time_is_an_emergency(text: str) -> None:
    assert level_of(text) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "how many ibuprofen can I take a day for back pain",
        "I would never take all my pills at once, I'm just asking how to store them",
        "how do I clean a cut from a kitchen knife",
        "what time is the pharmacy open today",
    ],
)
def test_the_rules_leave_ordinary_questions_alone(text: str) -> None:
    assert rule_hits(fold(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "I want to die",
        "everyone would be better off without me",
        "i keep hurting myself when nobody is home",
        "my daughter says she wants to die",
        "me quiero morir, ya no aguanto",
        "je n'ai plus envie de vivre",
        "我真的不想活了",
        "gusto ko nang mamatay",
    ],
)
def test_current_thoughts_or_acts_lead_with_help(text: str) -> None:
    result = screen_text(text)
    assert result.level >= CRISIS
    assert result.needs_help_first
    assert result.mentions_self_harm_or_suicide


@pytest.mark.parametrize(
    "text",
    [
        "this homework is killing me",
        "I'd die for a coffee right now",
        "my feet are killing me after that hike",
        "what is the best cream for eczema on my hands",
        "thanks for this article, very clear",
        "me muero de risa con este video",
    ],
)
def test_idioms_and_ordinary_questions_do_not_raise_a_crisis(text: str) -> None:
    assert level_of(text) < CRISIS


def test_a_question_about_self_injury_mentions_it_without_a_crisis() -> None:
    result = screen_text("What are the causes and treatments for self-injury?")
    assert result.level < CRISIS
    assert result.mentions_self_harm_or_suicide


def test_unrelated_text_gets_no_level_and_no_reasons() -> None:
    result = screen_text("Is it safe to take vitamin D with my blood pressure tablets?")
    assert result.level == NONE
    assert result.reasons == ()
    assert not result.mentions_self_harm_or_suicide


# A long message as a reader might send it (under the 2,000-character limit of every
# surface), with and without one sentence of despair in the middle.
KNEES = (
    "I moved to a new flat in March and the stairs are steep, so I carry the shopping up "
    "in two trips. My knees ache by the evening and my GP suggested a physiotherapist. "
    "The physio gave me exercises for my thighs and told me to walk on flat ground. "
    "I do them most mornings before work, and I bought better shoes with a thicker sole. "
    "My sister says I should lose some weight and try swimming at the leisure centre. ",
    "The pool is open late on Tuesdays and Thursdays, which would suit my shifts. "
    "I also read that cycling is gentler on the knees than running. "
    "Should I use ice or heat after the exercises, and how long before they help? "
    "I am fifty-two and otherwise healthy, with no other medicines. ",
)


def test_one_sentence_in_a_long_message_is_found_with_its_sentence_number() -> None:
    before, after = KNEES
    assert level_of(before * 2 + after * 2) < CRISIS
    result = screen_text(before * 2 + "Honestly, some nights I just want to die. " + after * 2)
    assert result.level >= CRISIS
    model_reason = next(r for r in result.reasons if r.rule == "model")
    # The reason quotes the window of whole sentences that holds it (sentence 11 of 19).
    assert "want to die" in model_reason.words
    assert 6 <= model_reason.sentence <= 11


def test_a_sure_model_is_not_outvoted_by_an_unsure_one() -> None:
    # Two windows of a long message: the n-grams half-raise the first (a list of aches and
    # shopping), the classifier is sure it is ordinary; the second is despair to both.
    parts = [Window("aches and shoes", 1), Window("despair", 5)]
    ngram = np.asarray([[0.5, 0.5, 0.3], [0.8, 0.9, 0.1]])
    classified = np.asarray([[0.01, 0.01, 0.01], [0.97, 0.99, 0.04]])
    order = np.asarray([0, 1])
    quiet = combine(parts[:1], ngram[:1], order[:1], classified[:1], (0.3, 0.7))
    # Mixed as log-odds, the sure 0.01 holds the window near ordinary (a mean of
    # probabilities would put it at 0.16, above a crisis threshold set for 98% recall).
    assert quiet.crisis < 0.05
    both = combine(parts, ngram, order, classified, (0.3, 0.7))
    assert both.crisis > 0.9
    assert both.window.sentence == 5
    # Without the classifier the n-grams decide alone.
    assert combine(parts, ngram, order, None, (0.3, 0.7)).crisis == pytest.approx(0.9)


def test_risk_sentences_inside_long_stories_are_made_from_the_fitting_part_only() -> None:
    rows = training_rows()
    fit, hold = split_bank(np.asarray([LEVELS.index(r["level"]) for r in rows]))
    made = embedded_risk(rows, fit, count=100)
    assert len(made) == 200
    held = {rows[i]["text"].strip() for i in hold}
    fitted = {rows[i]["text"].strip() for i in fit}
    for row in made:
        inside = [t for t in fitted if len(t) < 160 and t in row["text"]]
        assert inside, row["text"]
        assert not any(t in row["text"] for t in held if len(t) > 40)
    # Half carry a crisis or emergency sentence, half an ordinary one; each keeps its level.
    levels = [r["level"] for r in made]
    assert levels.count("none") == 100
    assert set(levels) - {"none"} <= {"crisis", "emergency"}


def test_the_screen_reads_at_most_its_limit() -> None:
    assert len(cap("x" * (MAX_SCREEN_CHARS * 3))) == MAX_SCREEN_CHARS
    # A risky sentence before the limit is found even in a text far longer than it.
    text = "I want to kill myself tonight. " + "Lovely weather for a walk. " * 4000
    assert len(text) > MAX_SCREEN_CHARS
    assert level_of(text) == EMERGENCY


def test_windows_keep_whole_sentences_and_number_them() -> None:
    parts = windows("One. Two is here.\nThree! " + "Four is long. " * 40)
    assert parts[0].text.startswith("One. Two is here. Three!")
    assert parts[0].sentence == 1
    assert all(len(w.text) <= 300 for w in parts)
    assert parts[-1].sentence > parts[0].sentence


def test_the_model_reads_windows_the_classifier_reads_whole() -> None:
    # The classifier reads at most 128 word pieces; the screen's windows are cut by its own
    # word pieces, so no part of a long message (in any script) falls outside every window.
    model = load_model()
    assert model.classifier is not None
    for text in (
        "My knee has hurt since the match and the physio says rest. " * 30,
        "我最近睡不好，工作压力很大，每天都很累，不知道该怎么办。" * 40,
        "una sola frase muy larga sin ningun punto que sigue y sigue " * 40,
    ):
        parts = model.windows(text)
        assert len(parts) > 2
        assert max(model.classifier.count_pieces([w.text for w in parts])) <= WINDOW_PIECES + 4
        assert sum(len(w.text) for w in parts) >= len(" ".join(text.split())) - len(parts)


def test_empty_text_is_none() -> None:
    assert screen_text("").level == NONE
    assert screen_text(None).level == NONE


def test_the_shipped_model_was_fitted_on_a_bank_in_seven_languages_or_more() -> None:
    meta = load_model().meta
    rows = load_bank()
    assert meta["bank_size"] == len(rows) >= 3000
    assert meta["fitted_on"] + meta["chosen_on"] == meta["rows"] >= len(rows)
    languages = {r.get("language", "en").split("-")[0] for r in rows}
    assert len(languages - {"en"}) >= 6
    # The thresholds were chosen on the bank's held-out fifth to reach 98% recall there.
    assert meta["held_out"]["recall_crisis_or_above"] >= 0.98


def test_no_blind_set_still_used_for_measuring_shares_a_text_with_the_bank() -> None:
    # Spent blind sets may be folded into the bank (their rows say so in ``source``); a set
    # still used to measure the screen must share no text with what it was fitted on. Short
    # lines are the exception: independent writers do write the same "i wish i was dead" or
    # the same 71-character sentence (one of AD's equals one written months earlier for
    # the bank), and a whole message over 100 characters never comes out the same twice.
    def key(text: str) -> str:
        return " ".join(text.lower().split())

    rows = load_bank()
    bank = {key(r["text"]) for r in rows}
    folded = {
        r["source"].removeprefix("spent-blind-")
        for r in rows
        if r.get("source", "").startswith("spent-blind-")
    }
    measured = [
        path
        for path in sorted(BLIND_SETS.glob("crisis_blind_*.jsonl"))
        if path.stem.removeprefix("crisis_blind_") not in folded
    ]
    assert len(measured) >= 2
    for path in measured:
        texts = [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
        shared = [t for t in texts if key(t) in bank and len(t) > 100]
        assert not shared, (path.name, shared[:3])


def test_a_bad_bank_line_is_named_by_file_line_and_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bank = tmp_path / "bank.jsonl"
    bank.write_text(
        json.dumps({"text": "fine", "level": "none"})
        + "\n"
        + json.dumps({"text": "x", "level": "high"})
        + "\n"
    )
    with pytest.raises(ValueError, match=r"bank.jsonl:2: field `level`"):
        load_bank(bank)


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("ok kms", "ok kill myself"),
        ("I’m gonna unalive myself", "i am going to kill myself"),
        ("Ive had it, u know", "i have had it, you know"),
        ("xq kiero desaparecer", "porque quiero desaparecer"),
        # Words that merely start like text-speak stay as typed.
        ("quick kiwi sushi, umami in winter", "quick kiwi sushi, umami in winter"),
        ("Él está cansado", "el esta cansado"),
    ],
)
def test_text_speak_is_spelled_out_before_rules_and_model_read_it(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_a_message_is_cut_into_as_few_windows_as_it_needs_each_about_as_large() -> None:
    # Windows that cost the same run side by side on two cores; filling the first to the
    # limit would leave a short second one and a core idle.
    text = " ".join(f"Sentence number {n} is about this long." for n in range(1, 7))
    parts = windows(text, size=200)
    assert len(parts) == 2
    assert abs(len(parts[0].text) - len(parts[1].text)) <= 45
    assert parts[1].sentence == 4
    assert " ".join(w.text for w in parts) == text


def test_training_figures_count_ordinary_texts_whose_answer_would_be_withheld() -> None:
    # Four ordinary texts: one left alone, one at concern, one at crisis, one at emergency.
    gold = np.asarray([0, 0, 0, 0, 2, 3])
    levels = np.asarray([0, 1, 2, 3, 2, 3])
    result = figures(levels, gold)
    assert result["ordinary_at_emergency"] == 0.25
    assert result["false_alarm"] == 0.5
    assert result["soft_alarm"] == 0.75
