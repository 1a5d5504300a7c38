"""What the answering core searches: passages, plain dataclasses built by the apps.

A passage is one answerable unit with its attribution: a section of one of our topics, or
one question–answer pair of an imported collection (whose answer text may be withheld).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# MedQuAD writes its questions from templates: "What is (are) Self-harm ?".
_EITHER_VERB = re.compile(r"\b(is|are|does|do|has|have) \((?:is|are|does|do|has|have)\)")
_SPACE_BEFORE_MARK = re.compile(r"\s+([?.!,;:])")
_DOUBLE_MARK = re.compile(r"([?.!])\1+")


def display_question(question: str) -> str:
    """A collection's template question as a reader should see it: "What is (are) Self-harm ?"
    becomes "What is Self-harm?"."""
    text = _EITHER_VERB.sub(r"\1", " ".join(question.split()))
    return _DOUBLE_MARK.sub(r"\1", _SPACE_BEFORE_MARK.sub(r"\1", text))


@dataclass(frozen=True)
class Passage:
    """One answerable unit and everything needed to show and cite it.

    Attributes:
        id: stable id: the MedQuAD answer id ("GARD_0000042_Sec1.txt") or "topic:SLUG#ANCHOR".
        origin: "topic" (our reviewed-or-not content) or "medquad".
        kind: section kind in our vocabulary (treatment, causes, …).
        focus: what it is about ("Self-injury", "Hiccups").
        synonyms: other names of the focus.
        question: the MedQuAD question, or our section heading.
        text: the answer text; "" when the publisher withheld it.
        title: the topic or document title shown to readers.
        url: where the reader can read it (our page, or the publisher's page).
        source: who published it ("symptomdb contributors", "National Cancer Institute").
        licence: the text's licence.
        reviewed: for our topics, whether a clinician reviewed it.
        updated: last-updated date as text (YYYY-MM-DD), when known.
        citation: a ready one-line citation.
        plain_language: written for the general public (MedlinePlus, NIHSeniorHealth, ours).
        sensitive: a section of one of our topics marked sensitive (self-harm, suicide, …):
            when a question names such a topic, its sections rank ahead of imported ones.
    """

    id: str
    origin: str
    kind: str
    focus: str
    question: str
    text: str
    title: str
    url: str
    source: str
    licence: str
    synonyms: tuple[str, ...] = ()
    reviewed: bool = False
    updated: str = ""
    citation: str = ""
    plain_language: bool = False
    sensitive: bool = False
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def heading(self) -> str:
        """The question or section heading as shown to readers (templates cleaned)."""
        return display_question(self.question)

    @property
    def withheld(self) -> bool:
        """True when only the question and the source are known, not the answer text."""
        return not self.text
