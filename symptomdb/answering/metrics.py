"""Scoring ranked MedQuAD answers against the LiveQA-Med qrels.

Two families of measures:

* ``avg_score``, the official TREC 2017 LiveQA measure: only the first answer per question
  counts, graded Excellent (4) -> 3, Incomplete (3) -> 2, Related (2) -> 1, Incorrect (1) -> 0,
  averaged over every question.
* Ranking measures over the top 10, computed by ir-measures (trec_eval's definitions through
  pytrec_eval): MAP@10, MRR (RR@10), P@5 and P@10. They need binary relevance, taken as
  ``grade >= relevant_from`` (default 3). LiveQA counted Excellent and Incomplete as acceptable
  answers, and the anchor paper (Ben Abacha & Demner-Fushman, "A question-entailment approach
  to question answering", BMC Bioinformatics 2019) reports MAP and MRR with answers judged
  "Correct" or "Incomplete" as relevant, so grades 3 and 4 are relevant and Related (2) is not.
  AP@10 is trec_eval's ``map_cut_10``: precision at each relevant answer in the top 10, divided
  by the number of relevant answers in the qrels for that question (not by min(R, 10)).

Every average is over all questions of the qrels: a question missing from the run, or with
an empty list, scores 0 in every measure. Answers for questions that are not in the qrels are
ignored. Only the first 10 answers of each list count, and a repeated answer counts once, at
its first rank.

Strict scoring (the default) treats an answer without a judgment as not relevant (and as
grade 0 for ``avg_score``). With ``judged_only=True`` unjudged answers are removed from each
list first and the remaining ones move up ("condensed lists", Sakai 2007, the convention
behind bpref-style evaluation on incomplete judgments); the top 10 are then taken from the
condensed list, and ``avg_score`` uses the first judged answer. Use it to tell a system that
retrieves unjudged answers apart from one that retrieves bad ones; report strict numbers as
the headline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ir_measures
from ir_measures import AP, RR, P

from symptomdb.errors import SourceFileError

__all__ = [
    "CUTOFF",
    "Qrels",
    "Run",
    "RunFileError",
    "Scores",
    "per_question_avg_score",
    "read_trec_run",
    "score_run",
    "write_trec_run",
]

Run = dict[str, list[str]]  # qid -> ranked answer ids (best first)
Qrels = dict[str, dict[str, int]]  # qid -> {answer_id: grade 1..4}

CUTOFF = 10  # only the top 10 answers of each list count
# LiveQA avgScore: grade 4 (Excellent) -> 3 ... grade 1 (Incorrect) -> 0.
_LIVEQA_POINTS = {4: 3, 3: 2, 2: 1, 1: 0}


class RunFileError(SourceFileError):
    """A TREC run file is malformed; the message names the file and the line."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        self.line = line
        super().__init__(path, f"line {line}", problem)


@dataclass(frozen=True)
class Scores:
    """Scores of one run, each averaged over all questions of the qrels."""

    questions: int
    avg_score: float  # LiveQA avgScore, 0..3
    map_at_10: float
    mrr_at_10: float
    p_at_5: float
    p_at_10: float
    answered: int  # questions of the qrels with at least one answer in the run


def _dedupe(answers: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(answers))


def _condense(run: Run, qrels: Qrels) -> Run:
    """Drop answers without a judgment for their question (keep order)."""
    return {qid: [a for a in answers if a in qrels.get(qid, {})] for qid, answers in run.items()}


def per_question_avg_score(run: Run, qrels: Qrels) -> dict[str, int]:
    """LiveQA points (0..3) of the first answer, for every question of the qrels.

    Excellent (4) -> 3, Incomplete (3) -> 2, Related (2) -> 1, Incorrect (1) -> 0; a question
    without an answer in the run, or whose first answer is unjudged, gets 0.
    """
    points: dict[str, int] = {}
    for qid, judged in qrels.items():
        answers = run.get(qid, [])
        grade = judged.get(answers[0], 0) if answers else 0
        points[qid] = _LIVEQA_POINTS.get(grade, 0)
    return points


def score_run(run: Run, qrels: Qrels, judged_only: bool = False, relevant_from: int = 3) -> Scores:
    """Score a run: LiveQA avgScore plus MAP@10, MRR@10, P@5 and P@10 (via ir-measures).

    Args:
        run: qid -> answer ids, best first.
        qrels: qid -> {answer id: grade 1..4}, as ``parse_qrels`` returns.
        judged_only: remove unjudged answers from each list before scoring (condensed
            lists); by default (strict) an unjudged answer is not relevant.
        relevant_from: the lowest grade that counts as relevant for the ranking measures.
            3 (Incomplete) follows LiveQA and Ben Abacha & Demner-Fushman 2019, where
            "Correct" (Excellent) and "Incomplete" answers are relevant; 4 gives the stricter
            Excellent-only view.

    Raises:
        ValueError: when the qrels hold no questions or ``relevant_from`` is not 1..4.
    """
    if not qrels:
        raise ValueError("the qrels hold no questions; nothing to average over")
    if not 1 <= relevant_from <= 4:
        raise ValueError(f"relevant_from must be a grade 1..4, not {relevant_from}")
    answered = sum(1 for qid in qrels if run.get(qid))
    lists = {qid: _dedupe(answers) for qid, answers in run.items() if qid in qrels}
    if judged_only:
        lists = _condense(lists, qrels)
    lists = {qid: answers[:CUTOFF] for qid, answers in lists.items()}

    points = per_question_avg_score(lists, qrels)
    measures = {
        "map": AP(rel=relevant_from) @ CUTOFF,
        "mrr": RR(rel=relevant_from) @ CUTOFF,
        "p5": P(rel=relevant_from) @ 5,
        "p10": P(rel=relevant_from) @ 10,
    }
    # Strictly decreasing scores, so trec_eval's sort (score, then docno) keeps our order.
    scored = {
        qid: {answer: float(CUTOFF - rank) for rank, answer in enumerate(answers)}
        for qid, answers in lists.items()
        if answers
    }
    totals = dict.fromkeys(measures, 0.0)
    if scored:
        by_measure = {measure: name for name, measure in measures.items()}
        for metric in ir_measures.iter_calc(list(measures.values()), qrels, scored):
            # Sum per question ourselves, so that every question of the qrels counts, even
            # where ir-measures would leave out a question the run does not answer.
            if metric.query_id in scored:
                totals[by_measure[metric.measure]] += float(metric.value)
    n = len(qrels)
    return Scores(
        questions=n,
        avg_score=sum(points.values()) / n,
        map_at_10=totals["map"] / n,
        mrr_at_10=totals["mrr"] / n,
        p_at_5=totals["p5"] / n,
        p_at_10=totals["p10"] / n,
        answered=answered,
    )


def _qid_key(qid: str) -> tuple[int, int | str]:
    return (0, int(qid)) if qid.isdigit() else (1, qid)


def write_trec_run(run: Run, path: Path, tag: str = "symptomdb") -> None:
    """Write the top 10 of each list as a TREC run: ``qid Q0 docid rank score tag``.

    Ranks are 1-based and scores strictly decreasing (10, 9, ...), so trec_eval and
    ``read_trec_run`` keep the order. Questions are written in numeric order; a question
    with an empty list writes no line. A repeated answer is written once, at its first rank.

    Raises:
        ValueError: when a qid, answer id or the tag is empty or holds whitespace.
    """
    for name, value in [("tag", tag)] + [("question id", qid) for qid in run]:
        if not value or len(value.split()) != 1 or value != value.strip():
            raise ValueError(f"{name} {value!r} must be one word without whitespace")
    lines: list[str] = []
    for qid in sorted(run, key=_qid_key):
        for rank, answer in enumerate(_dedupe(run[qid])[:CUTOFF], start=1):
            if not answer or len(answer.split()) != 1 or answer != answer.strip():
                raise ValueError(f"answer id {answer!r} must be one word without whitespace")
            lines.append(f"{qid} Q0 {answer} {rank} {CUTOFF + 1 - rank} {tag}\n")
    path.write_text("".join(lines), encoding="utf-8")


def read_trec_run(path: Path) -> Run:
    """Read a TREC run file (``qid Q0 docid rank score tag``) into qid -> answer ids.

    Each list is ordered by score, highest first; equal scores keep rank order. Blank
    lines are skipped.

    Raises:
        RunFileError: naming file and line, for a line without 6 fields, a rank or score
            that is not a number, or an answer listed twice for the same question.
    """
    rows: dict[str, list[tuple[float, int, str]]] = {}
    seen: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) != 6:
                raise RunFileError(
                    path,
                    number,
                    f"expected 6 fields 'qid Q0 docid rank score tag', found {len(fields)}",
                )
            qid, _q0, answer, rank_text, score_text, _tag = fields
            try:
                rank, score = int(rank_text), float(score_text)
            except ValueError:
                raise RunFileError(
                    path, number, f"rank {rank_text!r} or score {score_text!r} is not a number"
                ) from None
            if (qid, answer) in seen:
                raise RunFileError(path, number, f"answer {answer} repeated for question {qid}")
            seen.add((qid, answer))
            rows.setdefault(qid, []).append((-score, rank, answer))
    return {qid: [answer for _, _, answer in sorted(items)] for qid, items in rows.items()}
