"""Weak relevance judgments: grading MedQuAD answers for an annotated consumer question.

The LiveQA-Med training questions (``liveqa-med/train/``) carry, per sub-question, an
annotated FOCUS ("migraine"), an annotated TYPE ("treatment") and one or more reference
answers from the web. Nobody judged MedQuAD answers for them, so ``bench/liveqa_judgments.py``
derives judgments from three signals, combined by ``grade``:

* **focus**: the annotated focus names the MedQuAD document (its Focus, the Focus before
  " - " or ", ", or a synonym), after folding case, possessives, parentheses, plurals
  (Snowball stems) and the generic head words "disease", "disorder", "syndrome",
  "condition". One name may also end with the other when the shorter has at least half the
  words of the longer ("cardiac amyloidosis" ~ "Amyloidosis", "burn" ~ "Chemical burn"), not
  otherwise ("diabetes" is not "Diabetes insipidus", "cancer" is not "Stage IV breast
  cancer").
* **type**: the annotated type is one of the MedQuAD qtypes listed for it in
  ``TRAIN_TYPE_TO_QTYPES`` ("diagnosis" -> "exams and tests", …).
* **overlap**: the largest TF-IDF cosine (stemmed word 1-2 grams) between one of the
  reference answers and the MedQuAD answer text; None when MedQuAD withholds the text.

Grades, on the LiveQA scale (4 Excellent, 3 Incomplete, 2 Related):

====  ===========================================================================
4     focus and type match, and strong overlap
3     focus and type match (less or unknown overlap); or the focus matches with strong
      overlap but another type (the reference answer's content sits in that section)
2     focus matches, another type, less or unknown overlap; or strong overlap without the
      focus
None  not judged: no focus match and less than strong overlap
====  ===========================================================================

A first version gave 3 to any focus match with some overlap; reading 30 judged
sub-questions by hand showed that this mostly rewarded other sections of the right page
sharing the disease's name ("What causes insomnia?" lifting "What are the treatments for
insomnia?"). It also judged near misses (some overlap, no focus) as 1 Incorrect; graded
the same way, 17 of the 30 dev answers it put at 1 that the real pool judged are really
Incomplete or Excellent (the annotated focus did not name their page), so nothing is
judged Incorrect: grade 1 is never given, and a wrong answer is simply unjudged.

Plain Python: no Django import.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import Stemmer

__all__ = [
    "STRONG_OVERLAP",
    "TRAIN_TYPE_TO_QTYPES",
    "TrainingSubQuestion",
    "focus_key",
    "focus_matches",
    "grade",
    "name_keys",
    "parse_training_questions",
    "type_matches",
]

# TF-IDF cosine between a reference answer and a MedQuAD answer (see the docstring), set by
# reading the training distribution and 30 judged sub-questions by hand, never on dev: about
# the top quarter of same-focus, same-type answers reach it, and 9 in 10 of the best
# unrelated answers per sub-question stay under it.
STRONG_OVERLAP = 0.35

# Annotated training (and test) types -> the MedQuAD qtypes that answer them. Types with no
# MedQuAD counterpart (association, comparison, diagnose_me, …) map to nothing: their
# answers can reach 3 at most.
TRAIN_TYPE_TO_QTYPES: dict[str, frozenset[str]] = {
    k: frozenset(v)
    for k, v in {
        "information": ["information", "other information"],
        "treatment": ["treatment", "how effective is it"],
        "cause": ["causes"],
        "diagnosis": ["exams and tests"],
        "prognosis": ["outlook", "complications"],
        "organization": ["support groups"],
        "person_organization": ["support groups"],
        "resources": ["support groups", "how can i learn more"],
        "symptom": ["symptoms"],
        "susceptibility": ["susceptibility", "causes", "frequency"],
        "inheritance": ["inheritance", "genetic changes"],
        "genetic changes": ["genetic changes", "inheritance"],
        "complication": ["complications"],
        "side effects": ["side effects", "severe reaction"],
        "side_effect": ["side effects", "severe reaction"],
        "prevention": ["prevention"],
        "indication": ["indication", "usage"],
        "usage": ["usage", "indication", "dose"],
        "dosage": ["dose", "usage", "forget a dose"],
        "tapering": ["usage", "precautions"],
        "contraindication": ["contraindication", "precautions", "important warning"],
        "interaction": [
            "interactions with medications",
            "interactions with herbs and supplements",
            "interactions with foods",
        ],
        "storage and disposal": ["storage and disposal"],
        "storage_disposal": ["storage and disposal"],
        "ingredient": ["other information"],
    }.items()
}

_STEMMER = Stemmer.Stemmer("english")
_WORD = re.compile(r"[a-z0-9]+")
_GENERIC = frozenset({"diseas", "disord", "syndrom", "condit"})  # stems


def focus_key(name: str) -> tuple[str, ...]:
    """A name as stemmed words, without parentheses, possessives or generic head words."""
    name = re.sub(r"\([^)]*\)", " ", name.lower())
    name = re.sub(r"['\u2019]s\b", "", name)
    stems = _STEMMER.stemWords(_WORD.findall(name))
    kept = tuple(s for s in stems if s not in _GENERIC)
    return kept or tuple(stems)


def name_keys(focus: str, synonyms: Iterable[str] = ()) -> set[tuple[str, ...]]:
    """Every key a MedQuAD document answers to: its focus, the focus before " - " or ", "
    ("Syphilis - primary" -> "syphilis"), and its synonyms."""
    names = [focus, re.split(r"\s+-\s+|,\s+", focus, maxsplit=1)[0], *synonyms]
    return {k for k in (focus_key(n) for n in names if n.strip()) if k}


def _ends_with(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return longer[len(longer) - len(shorter) :] == shorter


def focus_matches(annotated: str, keys: Iterable[tuple[str, ...]]) -> bool:
    """Whether an annotated focus names a document with these keys (see ``name_keys``)."""
    mine = focus_key(annotated)
    if not mine:
        return False
    for key in keys:
        if key == mine:
            return True
        longer, shorter = (key, mine) if len(key) > len(mine) else (mine, key)
        if 2 * len(shorter) >= len(longer) and _ends_with(longer, shorter):
            return True
    return False


def type_matches(annotated_type: str, qtype: str) -> bool:
    """Whether a MedQuAD qtype answers the annotated type ("diagnosis" ~ "exams and tests")."""
    wanted = TRAIN_TYPE_TO_QTYPES.get(annotated_type.strip().lower(), frozenset())
    return qtype.strip().lower() in wanted


def grade(
    focus: bool,
    type_: bool,
    overlap: float | None,
    strong: float = STRONG_OVERLAP,
) -> int | None:
    """The weak grade (2..4, or None: not judged) of one MedQuAD answer; see the module doc.

    Args:
        focus: the annotated focus names the answer's document.
        type_: the annotated type matches the answer's qtype.
        overlap: TF-IDF cosine to the closest reference answer; None when the answer text
            is withheld (nothing to compare).
    """
    strong_overlap = overlap is not None and overlap >= strong
    if focus:
        if type_:
            return 4 if strong_overlap else 3
        return 3 if strong_overlap else 2
    return 2 if strong_overlap else None


@dataclass(frozen=True)
class TrainingSubQuestion:
    """One annotated sub-question of a LiveQA-Med training question."""

    qid: str  # "t1-Q1-S1": file, question, 1-based sub-question
    question_id: str  # "t1-Q1": the consumer question it belongs to
    subject: str
    message: str
    foci: tuple[str, ...]  # a few sub-questions carry two FOCUS elements
    type: str  # lower case, as annotated ("treatment")
    answers: tuple[str, ...]  # the reference answers (web text)

    @property
    def text(self) -> str:
        """What the consumer wrote: SUBJECT and MESSAGE, joined by ". "."""
        return ". ".join(part for part in (self.subject, self.message) if part)


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def parse_training_questions(path: Path, prefix: str) -> list[TrainingSubQuestion]:
    """Every sub-question of one training file (``…-Train-1.xml`` or ``-2``), in file order.

    Train-1 names questions ``questionid="Q1"``, Train-2 ``qid="1.0"``; both become
    ``<prefix>-Q<n>`` so ids from the two files never collide.
    """
    root = ET.parse(path).getroot()
    out: list[TrainingSubQuestion] = []
    for position, question in enumerate(root.iter("NLM-QUESTION"), start=1):
        raw = question.get("questionid") or question.get("qid") or str(position)
        number = re.sub(r"\.0$", "", raw.strip()).lstrip("Qq")
        question_id = f"{prefix}-Q{number}"
        subject, message = _text(question.find("SUBJECT")), _text(question.find("MESSAGE"))
        for n, sub in enumerate(question.iter("SUB-QUESTION"), start=1):
            out.append(
                TrainingSubQuestion(
                    qid=f"{question_id}-S{n}",
                    question_id=question_id,
                    subject=subject,
                    message=message,
                    foci=tuple(
                        t for t in (_text(f) for f in sub.findall("ANNOTATIONS/FOCUS")) if t
                    ),
                    type=_text(sub.find("ANNOTATIONS/TYPE")).lower(),
                    answers=tuple(
                        t for t in (_text(a) for a in sub.findall("ANSWERS/ANSWER")) if t
                    ),
                )
            )
    return out
