"""The weak grading rule of the training judgments (docs/answering-judgments.md), on a
made-up example: a question about the treatment of "Whistler's disease", an invented
condition, graded against invented MedQuAD-like pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomdb.answering.judgments import (
    STRONG_OVERLAP,
    focus_key,
    focus_matches,
    grade,
    name_keys,
    parse_training_questions,
    type_matches,
)

STRONG = STRONG_OVERLAP + 0.2
WEAK = STRONG_OVERLAP / 3

# Invented documents: (Focus, synonyms).
WHISTLER = name_keys("Whistler disease", ["Whistler's syndrome", "Tin ear (familial)"])
WHISTLER_ADULT = name_keys("Whistler disease - adult onset")
CHRONIC_WHISTLER = name_keys("Chronic Whistler disease")
TIN_WHISTLE = name_keys("Tin whistle palsy of the left hand")
WHISTLER_SUBTYPE = name_keys("Whistler Type 2 neuropathy")


def test_focus_names_fold_case_possessives_plurals_and_generic_head_words() -> None:
    assert focus_key("Whistler's Disease") == focus_key("whistler syndrome") == ("whistler",)
    assert focus_key("Tin ears") == focus_key("tin ear (familial)") == ("tin", "ear")
    # A name of generic words only keeps them rather than becoming empty.
    assert focus_key("Syndrome") == ("syndrom",)


@pytest.mark.parametrize(
    ("annotated", "keys", "expected"),
    [
        ("whistlers disease", WHISTLER, True),  # the Focus itself
        ("tin ears", WHISTLER, True),  # a synonym
        ("Whistler disease", WHISTLER_ADULT, True),  # the Focus before " - "
        ("whistler", CHRONIC_WHISTLER, True),  # ends the longer name, half its words
        ("chronic whistler disease", WHISTLER, True),  # the page is the general one
        ("whistler", WHISTLER_SUBTYPE, False),  # begins it only: another condition
        ("tin", TIN_WHISTLE, False),  # one word of a long name
        ("", WHISTLER, False),
    ],
)
def test_focus_matches(annotated: str, keys: set[tuple[str, ...]], expected: bool) -> None:
    assert focus_matches(annotated, keys) is expected


@pytest.mark.parametrize(
    ("annotated", "qtype", "expected"),
    [
        ("treatment", "treatment", True),
        ("Treatment", "how effective is it", True),
        ("diagnosis", "exams and tests", True),
        ("cause", "causes", True),
        ("prognosis", "outlook", True),
        ("treatment", "causes", False),
        ("association", "information", False),  # no MedQuAD counterpart
    ],
)
def test_type_matches(annotated: str, qtype: str, expected: bool) -> None:
    assert type_matches(annotated, qtype) is expected


@pytest.mark.parametrize(
    ("focus", "type_", "overlap", "expected"),
    [
        (True, True, STRONG, 4),  # right page, right section, says what the reference says
        (True, True, STRONG_OVERLAP, 4),  # the threshold itself counts as strong
        (True, True, WEAK, 3),  # right page and section, other words
        (True, True, 0.0, 3),
        (True, True, None, 3),  # text withheld: name and type are all we can check
        (True, False, STRONG, 3),  # the reference's content sits in another section
        (True, False, WEAK, 2),  # another section of the right page
        (True, False, None, 2),
        (False, True, STRONG, 2),  # says the same, about a page the focus does not name
        (False, False, STRONG, 2),
        (False, True, WEAK, None),  # near misses are never judged
        (False, True, None, None),
    ],
)
def test_grade(focus: bool, type_: bool, overlap: float | None, expected: int | None) -> None:
    assert grade(focus, type_, overlap) == expected


def test_a_stricter_overlap_threshold_demotes_a_4_to_a_3() -> None:
    assert grade(True, True, STRONG, strong=STRONG + 0.1) == 3


def test_parse_training_questions_names_sub_questions_per_file(tmp_path: Path) -> None:
    train = tmp_path / "train.xml"
    train.write_text(
        """<NLM-QUESTIONS>
<NLM-QUESTION qid="7.0">
  <SUBJECT>whistlers</SUBJECT>
  <MESSAGE>How is Whistler's disease treated, and   is it inherited?</MESSAGE>
  <SUB-QUESTIONS>
    <SUB-QUESTION><ANNOTATIONS><FOCUS>Whistler's disease</FOCUS><TYPE>Treatment</TYPE>
      </ANNOTATIONS><ANSWERS><ANSWER>Rest and warm tea.</ANSWER></ANSWERS></SUB-QUESTION>
    <SUB-QUESTION><ANNOTATIONS><FOCUS>Whistler's disease</FOCUS><FOCUS>tin ear</FOCUS>
      <TYPE>inheritance</TYPE></ANNOTATIONS><!-- nobody answered this one -->
      <ANSWERS><ANSWER/></ANSWERS></SUB-QUESTION><!-- two sub-questions in all -->
  </SUB-QUESTIONS>
</NLM-QUESTION>
</NLM-QUESTIONS>
""",
        encoding="utf-8",
    )
    first, second = parse_training_questions(train, "t2")
    assert (first.qid, first.question_id, second.qid) == ("t2-Q7-S1", "t2-Q7", "t2-Q7-S2")
    assert first.text == "whistlers. How is Whistler's disease treated, and is it inherited?"
    assert (first.foci, first.type, first.answers) == (
        ("Whistler's disease",),
        "treatment",
        ("Rest and warm tea.",),
    )
    assert (second.foci, second.type, second.answers) == (
        ("Whistler's disease", "tin ear"),
        "inheritance",
        (),
    )
