"""Reading level of section text: Flesch–Kincaid in English, Fernández Huerta in Spanish."""

from __future__ import annotations

import pytest

from symptomdb.importers.topic_markdown import SectionRecord, TreatmentItem
from symptomdb.readability import (
    DEFAULT_TARGET_GRADE,
    plain_text,
    reading_level,
    section_reading_levels,
    target_grade_problem,
)
from tests.importers.test_topic_markdown import VALID, parse

PLAIN = (
    "Self-harm is when you hurt yourself on purpose. It is often a way to cope. "
    "You are not alone. Help is there for you. People do get better."
)
# One long sentence of long words: what a guideline says, not what a reader needs.
DENSE = (
    "Comprehensive psychosocial assessment, undertaken collaboratively by appropriately "
    "experienced multidisciplinary practitioners, should systematically characterise "
    "individualised psychological vulnerabilities, interpersonal circumstances and "
    "contextual determinants preceding repeated intentional self-injurious behaviour."
)


def test_plain_english_reads_at_a_low_grade_and_dense_english_above_the_target() -> None:
    easy = reading_level(PLAIN, "en")
    hard = reading_level(DENSE, "en")
    assert easy is not None and hard is not None
    assert easy.formula == "flesch-kincaid-grade" and easy.language == "en"
    assert easy.grade < DEFAULT_TARGET_GRADE < hard.grade
    assert not easy.above(DEFAULT_TARGET_GRADE) and hard.above(DEFAULT_TARGET_GRADE)
    assert easy.grade == easy.score  # Flesch–Kincaid is itself a school grade
    assert easy.describe() == f"grade {easy.grade:.1f} (Flesch–Kincaid grade level)"
    assert easy.words == 28


def test_spanish_is_scored_with_fernandez_huerta_and_its_table_of_grades() -> None:
    easy = reading_level(
        "La autolesión es hacerse daño a propósito. No estás solo. Hay ayuda. "
        "Habla con alguien de confianza.",
        "es",
    )
    hard = reading_level(
        "La evaluación psicosocial exhaustiva, realizada colaborativamente por profesionales "
        "multidisciplinarios adecuadamente experimentados, debería caracterizar "
        "sistemáticamente las vulnerabilidades psicológicas individualizadas y los "
        "determinantes contextuales precedentes.",
        "es",
    )
    assert easy is not None and hard is not None
    assert easy.formula == "fernandez-huerta" and easy.formula_label.startswith("Fernández")
    # Higher is easier on Fernández Huerta's scale; the grade comes from its bands.
    assert easy.score > 80 and easy.grade in (4.0, 5.0)
    assert hard.score < 30 and hard.grade == 16.0
    assert easy.describe() == f"grade {easy.grade:g} (Fernández Huerta readability {easy.score})"


def test_citations_link_addresses_and_marks_are_not_read() -> None:
    text = plain_text(
        "**Stay calm.** See [the NHS page](https://www.nhs.uk/x) for more [@nhs-self-harm; @nice]."
    )
    assert text == "Stay calm. See the NHS page for more."


def test_each_list_item_and_heading_is_a_sentence_of_its_own() -> None:
    markdown = "What helps:\n\n- stay calm\n- listen more than you talk\n\n### Self-care\n\nRest."
    assert plain_text(markdown) == (
        "What helps. stay calm. listen more than you talk. Self-care. Rest."
    )
    # Without that, a list of short items would score as one very long sentence.
    items = "\n".join(f"- short item number {n} here" for n in range(12))
    as_list = reading_level(items, "en")
    as_sentences = reading_level(" ".join(f"Short item number {n} here." for n in range(12)), "en")
    assert as_list is not None and as_sentences is not None
    assert as_list.grade == as_sentences.grade


def test_text_without_words_or_a_language_without_a_formula_has_no_score() -> None:
    assert reading_level("[@nice-ng225]", "en") is None
    assert reading_level(PLAIN, "fr") is None


def test_every_section_is_scored_against_the_target_items_included() -> None:
    doc = parse(VALID)
    levels = section_reading_levels(doc, target_grade=DEFAULT_TARGET_GRADE)
    assert [(s.position, s.heading) for s in levels] == [
        (0, "What hiccups are"),
        (1, "Treatment"),
    ]
    assert all(s.level is not None for s in levels)
    assert [s.above_target for s in levels] == [
        s.level is not None and s.level.grade > DEFAULT_TARGET_GRADE for s in levels
    ]
    treatment = levels[1].level
    assert treatment is not None and treatment.words > len(doc.sections[1].body.split())


def test_a_section_above_the_target_is_flagged_and_a_higher_target_clears_it() -> None:
    from dataclasses import replace

    doc = parse(VALID)
    dense = replace(
        doc,
        sections=(
            SectionRecord("information", "Plain", PLAIN),
            SectionRecord(
                "treatment",
                "Dense",
                DENSE,
                (TreatmentItem("therapy", "Therapy", "Talk with someone."),),
            ),
        ),
    )
    levels = section_reading_levels(dense, 8)
    assert [s.above_target for s in levels] == [False, True]
    hardest = levels[1].level
    assert hardest is not None
    assert [s.above_target for s in section_reading_levels(dense, hardest.grade)] == [
        False,
        False,
    ]


@pytest.mark.parametrize("value", [8, 7.5, "8", "6.5", 1, 18])
def test_a_target_grade_from_1_to_18_is_accepted(value: object) -> None:
    assert target_grade_problem(value) is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("eight", "expected a school grade from 1 to 18, such as 8, got 'eight'"),
        (0, "expected a school grade from 1 to 18, such as 8, got 0"),
        ("30", "expected a school grade from 1 to 18, such as 8, got 30"),
        (True, "expected a school grade from 1 to 18, got True"),
        (None, "expected a school grade from 1 to 18, such as 8, got None"),
    ],
)
def test_a_target_grade_that_is_not_a_school_grade_is_named(value: object, problem: str) -> None:
    assert target_grade_problem(value) == problem
