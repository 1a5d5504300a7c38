"""TREC 2017 LiveQA medical test questions and their MedQuAD-answer qrels, as plain Python.

The test XML (Ben Abacha et al., "Overview of the Medical Question Answering Task at TREC 2017
LiveQA") holds, per ``<NLM-QUESTION qid="TQ12">``, the consumer's original question
(``<Original-Question qfile|qFile>`` with ``<SUBJECT>`` and ``<MESSAGE>``) and, beside it,
material written by people after the fact: ``<NIST-PARAPHRASE>``, ``<NLM-Summary>``,
``<ANNOTATIONS>`` (focus, type, keywords) and ``<ReferenceAnswers>``. Only the original
question is read here; the rest never reaches a ``LiveQAQuestion``, so a system evaluated on
these questions cannot see the human rewrites or answers.

The qrels (``All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt``) grade MedQuAD
answers per question, one ``question_id judgment answer_id`` per line, e.g.
``12 4-Excellent ADAM_0002054_Sec2.txt``; the question id is the bare number of ``TQ12``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from symptomdb.errors import SourceFileError

__all__ = [
    "GRADE_LABELS",
    "LiveQAError",
    "LiveQAQuestion",
    "parse_liveqa_questions",
    "parse_qrels",
]

# The LiveQA judgment scale, as the qrels spell it.
GRADE_LABELS = {1: "Incorrect", 2: "Related", 3: "Incomplete", 4: "Excellent"}

_QID = re.compile(r"TQ(\d+)")
_JUDGMENT = re.compile(r"([1-4])-([A-Za-z]+)")


class LiveQAError(SourceFileError):
    """A LiveQA question file or qrels file is malformed; the message names file and place."""


@dataclass(frozen=True)
class LiveQAQuestion:
    """One consumer question, as the consumer wrote it (no paraphrase, summary or answers)."""

    qid: str  # the bare number as the qrels spell it: "12" for qid="TQ12"
    subject: str  # <SUBJECT>, whitespace-normalised ("" if absent)
    message: str  # <MESSAGE>, whitespace-normalised

    @property
    def text(self) -> str:
        """What the consumer wrote: subject and message joined by ". ", skipping empty parts."""
        return ". ".join(part for part in (self.subject, self.message) if part)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def parse_liveqa_questions(path: Path) -> list[LiveQAQuestion]:
    """Parse the consumer questions of a LiveQA-Med test file, in file order.

    Reads ``TREC-2017-LiveQA-Medical-Test.xml`` (or the ``-w-summaries`` variant): only
    ``<Original-Question>``'s ``<SUBJECT>`` and ``<MESSAGE>`` are kept.

    Raises:
        LiveQAError: for XML that is not well formed (with line and column), a question
            without a ``TQ<number>`` qid, a repeated qid, or a question without
            ``<Original-Question>`` or ``<MESSAGE>``; the message names file and element.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":", 1)[0]
        raise LiveQAError(
            path, f"line {line}, column {column}", f"not well-formed XML ({reason})"
        ) from None
    questions: list[LiveQAQuestion] = []
    seen: set[str] = set()
    for position, element in enumerate(root.iter("NLM-QUESTION"), start=1):
        raw_qid = element.get("qid")
        if raw_qid is None:
            raise LiveQAError(
                path, f"element <NLM-QUESTION> #{position}", "missing attribute 'qid'"
            )
        where = f'element <NLM-QUESTION qid="{raw_qid}">'
        match = _QID.fullmatch(raw_qid.strip())
        if match is None:
            raise LiveQAError(path, where, "qid must be TQ followed by a number, like TQ12")
        qid = str(int(match.group(1)))
        if qid in seen:
            raise LiveQAError(path, where, "qid repeated; each question must appear once")
        seen.add(qid)
        original = element.find("Original-Question")
        if original is None:
            raise LiveQAError(path, where, "missing <Original-Question>")
        message = original.find("MESSAGE")
        if message is None:
            raise LiveQAError(path, where, "missing <MESSAGE>")
        subject = original.find("SUBJECT")
        questions.append(
            LiveQAQuestion(
                qid=qid,
                subject=_text(subject) if subject is not None else "",
                message=_text(message),
            )
        )
    if not questions:
        raise LiveQAError(path, f"element <{root.tag}>", "holds no <NLM-QUESTION> elements")
    return questions


def parse_qrels(path: Path) -> dict[str, dict[str, int]]:
    """Read MedQuAD-answer qrels into ``{question_id: {answer_id: grade}}``, grade 1..4.

    Each line is ``question_id judgment answer_id`` with a judgment like ``4-Excellent``;
    the grade is its leading digit (1 Incorrect, 2 Related, 3 Incomplete, 4 Excellent).
    Blank lines are skipped.

    The published file judges some answers twice for the same question with different
    grades (93 of the dev half's 1,162 lines; the later line is always the higher grade).
    The higher grade is kept, so the result does not depend on line order.

    Raises:
        LiveQAError: naming file and line, for a line that does not have three fields, a
            question id that is not a number, or a judgment outside the scale.
    """
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.split()
            if not fields:
                continue
            where = f"line {number}"
            if len(fields) != 3:
                raise LiveQAError(
                    path,
                    where,
                    f"expected 3 fields 'question_id judgment answer_id', found {len(fields)}",
                )
            qid, judgment, answer = fields
            if not qid.isdigit():
                raise LiveQAError(path, where, f"question id {qid!r} is not a number")
            match = _JUDGMENT.fullmatch(judgment)
            if match is None or GRADE_LABELS[int(match.group(1))] != match.group(2):
                expected = ", ".join(f"{g}-{label}" for g, label in GRADE_LABELS.items())
                raise LiveQAError(path, where, f"judgment {judgment!r} is not one of {expected}")
            grade = int(match.group(1))
            judged = qrels.setdefault(str(int(qid)), {})
            judged[answer] = max(grade, judged.get(answer, 0))
    return qrels
