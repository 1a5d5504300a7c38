"""Score ranking functions on the LiveQA-Med TRAINING judgments and on dev, side by side.

usage: python bench/answering_train.py [--data ../shared/data] [--judgments var/judgments]

Reads the weak judgments that ``python bench/liveqa_judgments.py`` writes (run it first) and
scores each system with the metrics bench/answering.py uses for dev (symptomdb/answering/
metrics.py: avgScore strict and judged-only, MRR@10, P@5), on the training questions and on
the 49 dev questions in the same run. Every system sees only SUBJECT and MESSAGE, reduced as
on dev (``reduce_question``); the annotations and reference answers never reach a system.

Training judgments are per sub-question; a system answers the whole question, so the
judgments of a question's sub-questions are merged (highest grade per answer) and scored per
question, as on dev, where one question's qrels cover everything it asks.

Systems: BM25 (bm25s) over MedQuAD questions; MiniLM over MedQuAD questions and its
reciprocal rank fusion with BM25, when the semantic extra is installed
(``symptomdb.answering.semantic.load_encoder``); for reference, the dev bench's bm25s
baseline (focus + question + answer) and our pipeline (lexical). Writes
bench/results/answering_train.md and .json.

To score another ranking function, import this file and call ``score_both(search, ...)``
with ``search(subject, message) -> [answer id, ...]`` (best first).

Make ranking choices on the training scores; run dev only to check a finished change
(docs/answering-judgments.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# bench/baselines.py imports tantivy (the `bench` extra) at the top but only calls it in
# tantivy_baseline, which this file never runs: without the extra, an empty stand-in lets
# the passages and the bm25s baseline be built exactly as the dev bench builds them.
if importlib.util.find_spec("tantivy") is None:
    sys.modules["tantivy"] = types.ModuleType("tantivy")

import bm25s  # noqa: E402
import numpy as np  # noqa: E402
import Stemmer  # noqa: E402
from answering import medquad_passages, ours, topic_passages  # noqa: E402  (bench/answering.py)
from baselines import bm25s_baseline, corpus  # noqa: E402

from symptomdb.answering.index import AnswerIndex  # noqa: E402
from symptomdb.answering.metrics import Qrels, Scores, score_run  # noqa: E402
from symptomdb.answering.pipeline import reduce_question  # noqa: E402
from symptomdb.answering.semantic import (  # noqa: E402
    encode_passages,
    load_encoder,
    passage_texts,
)
from symptomdb.importers.liveqa import parse_liveqa_questions, parse_qrels  # noqa: E402
from symptomdb.importers.medquad import iter_medquad  # noqa: E402

Search = Callable[[str, str], list[str]]
Question = tuple[str, str, str]  # qid, subject, message
K = 10
RRF_K = 60  # the usual constant of reciprocal rank fusion (Cormack et al. 2009)


def training_set(folder: Path) -> tuple[list[Question], Qrels]:
    """Training questions (one per consumer question) and their merged weak qrels."""
    qrels_file = folder / "liveqa-train.qrels"
    questions_file = folder / "liveqa-train-questions.jsonl"
    if not qrels_file.exists() or not questions_file.exists():
        raise SystemExit(f"no judgments in {folder}: run `python bench/liveqa_judgments.py` first")
    parent: dict[str, str] = {}
    questions: dict[str, Question] = {}
    for line in questions_file.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        parent[row["qid"]] = row["question_id"]
        questions[row["question_id"]] = (row["question_id"], row["subject"], row["message"])
    qrels: Qrels = {}
    for line in qrels_file.read_text(encoding="utf-8").splitlines():
        sub, _, answer, grade = line.split()
        judged = qrels.setdefault(parent[sub], {})
        judged[answer] = max(int(grade), judged.get(answer, 0))
    return [q for qid, q in questions.items() if qid in qrels], qrels


def dev_set(dev: Path) -> tuple[list[Question], Qrels]:
    """The 49 dev questions and their real qrels."""
    qrels = parse_qrels(dev / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt")
    questions = parse_liveqa_questions(dev / "TREC-2017-LiveQA-Medical-Test.xml")
    return [(q.qid, q.subject, q.message) for q in questions if q.qid in qrels], qrels


def scores(search: Search, questions: list[Question], qrels: Qrels) -> tuple[Scores, Scores]:
    """Strict and judged-only scores of one system on one question set."""
    run = {qid: search(subject, message) for qid, subject, message in questions}
    return score_run(run, qrels), score_run(run, qrels, judged_only=True)


def score_both(
    search: Search, train: tuple[list[Question], Qrels], dev: tuple[list[Question], Qrels]
) -> dict[str, dict[str, float]]:
    """Train and dev scores of one ranking function, as the table reports them."""
    out = {}
    for name, (questions, qrels) in (("train", train), ("dev", dev)):
        strict, judged = scores(search, questions, qrels)
        out[name] = {
            "questions": strict.questions,
            "avg_score": strict.avg_score,
            "judged_only_avg_score": judged.avg_score,
            "mrr_at_10": strict.mrr_at_10,
            "judged_only_mrr_at_10": judged.mrr_at_10,
            "p_at_5": strict.p_at_5,
        }
    return out


def bm25_questions(ids: list[str], questions: list[str]) -> Search:
    """Plain BM25 (bm25s, English stop words, Snowball stems) over MedQuAD questions only."""
    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(questions, stopwords="en", stemmer=stemmer, show_progress=False),
        show_progress=False,
    )

    def search(subject: str, message: str) -> list[str]:
        query = reduce_question(subject, message)
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=stemmer, show_progress=False)
        if not tokens.vocab:
            return []
        docs, _ = retriever.retrieve(tokens, k=K, show_progress=False)
        return [ids[i] for i in docs[0]]

    return search


def minilm_questions(encoder: object, ids: list[str], questions: list[str]) -> Search:
    """Plain MiniLM over MedQuAD questions (cosine, the reduced message as the query)."""
    vectors = encode_passages(encoder, questions, ROOT / "var" / "cache")  # type: ignore[arg-type]

    def search(subject: str, message: str) -> list[str]:
        query = reduce_question(subject, message)
        similarities = vectors @ encoder.encode([query])[0]  # type: ignore[attr-defined]
        return [ids[i] for i in np.argsort(-similarities)[:K]]

    return search


def fused(*systems: Search) -> Search:
    """Reciprocal rank fusion: sum of 1 / (60 + rank) over the systems' top 10."""

    def search(subject: str, message: str) -> list[str]:
        total: dict[str, float] = {}
        for system in systems:
            for rank, answer in enumerate(system(subject, message), start=1):
                total[answer] = total.get(answer, 0.0) + 1.0 / (RRF_K + rank)
        return sorted(total, key=lambda a: -total[a])[:K]

    return search


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--judgments", default=str(ROOT / "var" / "judgments"))
    args = parser.parse_args()
    data = Path(args.data)
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    started = time.perf_counter()
    train = training_set(Path(args.judgments))
    dev = dev_set(data / "liveqa-med" / "dev")
    ids, questions = [], []
    for document in iter_medquad(data / "medquad"):
        for p in document.pairs:
            ids.append(p.answer_id)
            questions.append(p.question)
    bm25 = bm25_questions(ids, questions)
    systems: list[tuple[str, Search]] = [("BM25 over MedQuAD questions (bm25s)", bm25)]
    notes = []
    minilm = minilm_questions(load_encoder(), ids, questions)
    systems.append(("MiniLM over MedQuAD questions", minilm))
    systems.append(("RRF(BM25, MiniLM)", fused(bm25, minilm)))
    pair_ids, pair_texts = corpus(data / "medquad")
    pairs_engine = bm25s_baseline(pair_ids, pair_texts)
    pairs = lambda s, m: pairs_engine(reduce_question(s, m))  # noqa: E731
    systems.append(("reference: bm25s over focus + question + answer (dev bench baseline)", pairs))
    systems.append(
        ("reference: RRF(BM25 questions, bm25s focus + question + answer)", fused(bm25, pairs))
    )
    passages = medquad_passages(data / "medquad") + topic_passages()
    encoder = load_encoder()
    vectors = encode_passages(encoder, passage_texts(passages), ROOT / "var" / "cache")
    systems.append(
        (
            "ours: learned ranker with MiniLM (default; train figure in-sample)",
            ours(AnswerIndex(passages, encoder=encoder, vectors=vectors)),
        )
    )
    systems.append(
        ("ours: learned ranker, lexical fallback (train in-sample)", ours(AnswerIndex(passages)))
    )

    result: dict[str, object] = {
        "train_questions": len(train[0]),
        "train_judgments": sum(len(j) for j in train[1].values()),
        "dev_questions": len(dev[0]),
        "systems": {},
    }
    head = (
        "| system | train avgScore | train judged-only avgScore | train MRR@10 | train P@5 "
        "| dev avgScore | dev judged-only avgScore | dev MRR@10 | dev P@5 |"
    )
    lines = [head, "|---|" + "---:|" * 8]
    for name, search in systems:
        s = score_both(search, train, dev)
        result["systems"][name] = s  # type: ignore[index]
        t, d = s["train"], s["dev"]
        lines.append(
            f"| {name} | {t['avg_score']:.3f} | {t['judged_only_avg_score']:.3f} | "
            f"{t['mrr_at_10']:.3f} | {t['p_at_5']:.3f} | {d['avg_score']:.3f} | "
            f"{d['judged_only_avg_score']:.3f} | {d['mrr_at_10']:.3f} | {d['p_at_5']:.3f} |"
        )
        print(lines[-1], flush=True)
    notes.append(
        f"Train: {len(train[0])} training questions with at least one weak judgment "
        f"({result['train_judgments']} judgments after merging sub-questions); dev: "
        f"{len(dev[0])} questions with the real qrels. {dt.date.today().isoformat()}, "
        f"{time.perf_counter() - started:.0f} s, load average before the run {load_before}."
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "answering_train.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "answering_train.md").write_text(
        "# Plain systems on the LiveQA-Med training judgments and on dev\n\n"
        "Written by `python bench/answering_train.py` after `python bench/liveqa_judgments.py`. "
        "Train: weak judgments (grades 2-4, see docs/answering-judgments.md); dev: the real "
        "qrels. Strict avgScore counts an unjudged first answer as 0; judged-only drops "
        "unjudged answers first. MRR@10 and P@5 are strict, relevant = grade 3 or 4. "
        "Absolute levels are not comparable between the two columns (weak vs real "
        "judgments); the order of the systems and the gaps between them are.\n\n"
        + "\n".join(lines)
        + "\n\n"
        + " ".join(notes)
        + "\n"
    )
    print("\n" + " ".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
