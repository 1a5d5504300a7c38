"""Answering on the LiveQA-Med training judgments and on dev, ours beside the plain systems,
in one table with build time, latency and memory.

usage: python bench/answering.py [--data ../shared/data] [--judgments var/judgments]

Run ``python bench/liveqa_judgments.py`` first (the weak training judgments). Builds the
passages with the core builder the site uses (MedQuAD XML and the starter topic files, no
database), answers every question from its SUBJECT and MESSAGE only (annotations, reference
answers, the NIST paraphrase and the NLM summary never reach a system) and reports avgScore
(strict and judged-only), MRR@10 and P@5 on train and dev, build time, answer latency
(p50/p99 over the dev questions) and peak memory, for: ours (the learned ranker with
MiniLM, and its lexical fallback), plain BM25 and plain MiniLM over MedQuAD questions and
their rank fusion, and bm25s, SQLite FTS5 and tantivy over every pair (bench/baselines.py).
Writes bench/results/answering.json and .md. Choices are made on train
(bench/answering_fit.py), never on dev.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bm25s  # noqa: E402
import numpy as np  # noqa: E402
import Stemmer  # noqa: E402
from baselines import BASELINES, corpus  # noqa: E402  (bench/baselines.py, beside this file)

from symptomdb.answering.index import AnswerIndex  # noqa: E402
from symptomdb.answering.metrics import Qrels, score_run  # noqa: E402
from symptomdb.answering.passages import (  # noqa: E402
    Passage,
    medquad_passage,
    section_anchors,
    topic_passage,
)
from symptomdb.answering.pipeline import answer_question, reduce_question  # noqa: E402
from symptomdb.answering.semantic import (  # noqa: E402
    encode_passages,
    load_encoder,
    passage_texts,
)
from symptomdb.importers.liveqa import parse_liveqa_questions, parse_qrels  # noqa: E402
from symptomdb.importers.medquad import iter_medquad  # noqa: E402
from symptomdb.importers.topic_markdown import read_topic_dir  # noqa: E402


def medquad_passages(root: Path) -> list[Passage]:
    """One passage per MedQuAD pair, built by the core builder the site uses."""
    return [
        medquad_passage(
            answer_id=p.answer_id,
            qtype=p.qtype,
            question=p.question,
            answer=p.answer,
            focus=d.focus,
            synonyms=d.synonyms,
            url=d.url,
            source=d.source,
        )
        for d in iter_medquad(root)
        for p in d.pairs
    ]


def topic_passages() -> list[Passage]:
    """One passage per section of the starter topics, built by the core builder the site
    uses (same ids, anchors and plain text as the site's)."""
    out = []
    for doc in read_topic_dir(ROOT / "symptomdb" / "topics" / "starter", dt.date.today()):
        anchors = section_anchors((s.kind, s.audience) for s in doc.sections)
        for s, anchor in zip(doc.sections, anchors, strict=True):
            out.append(
                topic_passage(
                    slug=doc.slug,
                    anchor=anchor,
                    page_url=f"/topics/{doc.slug}/",
                    kind=s.kind,
                    title=doc.title,
                    heading=s.heading,
                    body=s.body,
                    items=[(i.name, i.description) for i in s.items],
                    synonyms=[*doc.synonyms, *doc.search_terms],
                    source=", ".join(a.name for a in doc.authors),
                    licence=doc.provenance.licence,
                    sensitive=doc.sensitive,
                )
            )
    return out


ROUNDS = 3
K = 10
RRF_K = 60  # the usual constant of reciprocal rank fusion (Cormack et al. 2009)
Search = Callable[[str, str], list[str]]
Question = tuple[str, str, str]  # qid, subject, message


def training_set(folder: Path) -> tuple[list[Question], Qrels]:
    """Training questions (one per consumer question) and their merged weak qrels
    (``bench/liveqa_judgments.py`` writes them; a question's sub-questions are merged,
    highest grade per answer, because a system answers the whole question)."""
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


def measure(
    search: Search, questions: list[Question], rounds: int = 1
) -> tuple[dict[str, list[str]], list[float]]:
    """The run (top 10 MedQuAD ids per question) and every answer's latency in seconds."""
    run: dict[str, list[str]] = {}
    latencies = []
    for _ in range(rounds):  # the run is the same each round; more rounds steady the latency
        for qid, subject, message in questions:
            started = time.perf_counter()
            run[qid] = search(subject, message)
            latencies.append(time.perf_counter() - started)
    return run, sorted(latencies)


def ours(index: AnswerIndex) -> Search:
    """Our whole pipeline (safety screen included); the run keeps MedQuAD answers only."""

    def search(subject: str, message: str) -> list[str]:
        answer = answer_question(index, subject, message, k=30)
        return [h.passage.id for h in answer.ranked if h.passage.origin == "medquad"][:K]

    return search


def bm25_questions(passages: list[Passage]) -> Search:
    """Plain BM25 (bm25s, English stop words, Snowball stems) over MedQuAD questions only."""
    medquad = [p for p in passages if p.origin == "medquad"]
    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(
            [p.question for p in medquad], stopwords="en", stemmer=stemmer, show_progress=False
        ),
        show_progress=False,
    )

    def search(subject: str, message: str) -> list[str]:
        query = reduce_question(subject, message)
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=stemmer, show_progress=False)
        if not tokens.vocab:
            return []
        docs, _ = retriever.retrieve(tokens, k=K, show_progress=False)
        return [medquad[i].id for i in docs[0]]

    return search


def plain_minilm(encoder: object, passages: list[Passage], vectors: np.ndarray) -> Search:
    """MiniLM over MedQuAD questions, the whole reduced message as the query (the same int8
    model and vectors as ours)."""
    medquad = np.array([p.origin == "medquad" for p in passages])

    def search(subject: str, message: str) -> list[str]:
        query = reduce_question(subject, message)  # the model reads its first 256 word pieces
        similarities = np.where(medquad, vectors @ encoder.encode([query])[0], -2.0)  # type: ignore[attr-defined]
        return [passages[i].id for i in np.argsort(-similarities)[:K]]

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
    if not (data / "medquad").is_dir():
        print(f"no data at {data}: nothing to measure", file=sys.stderr)
        return 2
    train = training_set(Path(args.judgments))
    dev = dev_set(data / "liveqa-med" / "dev")
    started = time.perf_counter()
    passages = medquad_passages(data / "medquad") + topic_passages()
    read_s = time.perf_counter() - started
    encoder = load_encoder()
    started = time.perf_counter()
    vectors = encode_passages(encoder, passage_texts(passages), None)
    assert vectors is not None
    encode_s = time.perf_counter() - started
    started = time.perf_counter()
    semantic = AnswerIndex(passages, encoder=encoder, vectors=vectors)
    ours_build = encode_s + time.perf_counter() - started
    started = time.perf_counter()
    lexical = AnswerIndex(passages)
    lexical_build = time.perf_counter() - started
    started = time.perf_counter()
    bm25 = bm25_questions(passages)
    bm25_build = time.perf_counter() - started
    minilm = plain_minilm(encoder, passages, vectors[: len(passages)])  # each passage's question
    systems: list[tuple[str, Search, float]] = [
        ("ours (default: learned ranker, MiniLM)", ours(semantic), ours_build),
        ("ours, lexical fallback (no vectors)", ours(lexical), lexical_build),
        ("plain BM25 over MedQuAD questions", bm25, bm25_build),
        ("plain MiniLM over MedQuAD questions", minilm, encode_s),
        ("plain rank fusion of those two", fused(bm25, minilm), bm25_build + encode_s),
    ]
    ids, texts = corpus(data / "medquad")
    for name, make in BASELINES.items():
        started = time.perf_counter()
        engine = make(ids, texts)
        built = time.perf_counter() - started
        systems.append(
            (f"{name} over every pair", lambda s, m, e=engine: e(reduce_question(s, m)), built)
        )
    result: dict[str, object] = {
        "passages": len(passages),
        "train_questions": len(train[0]),
        "dev_questions": len(dev[0]),
        "systems": {},
    }
    lines = [
        "| system | train avgScore | train judged-only | train MRR@10 | train P@5 "
        "| dev avgScore | dev judged-only | dev MRR@10 | dev P@5 | build s | p50 ms | p99 ms |",
        "|---|" + "---:|" * 11,
    ]
    for name, search, built in systems:
        figures = {}
        for set_name, (questions, qrels) in (("train", train), ("dev", dev)):
            run, _ = measure(search, questions)
            strict, judged = score_run(run, qrels), score_run(run, qrels, judged_only=True)
            figures[set_name] = {"strict": strict.__dict__, "judged_only": judged.__dict__}
        _, latencies = measure(search, dev[0], ROUNDS)
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        result["systems"][name] = {  # type: ignore[index]
            **figures,
            "build_seconds": round(built, 2),
            "answer_ms_p50": round(p50, 2),
            "answer_ms_p99": round(p99, 2),
        }
        t, d = figures["train"], figures["dev"]
        lines.append(
            f"| {name} | {t['strict']['avg_score']:.3f} | {t['judged_only']['avg_score']:.3f} | "
            f"{t['strict']['mrr_at_10']:.3f} | {t['strict']['p_at_5']:.3f} | "
            f"{d['strict']['avg_score']:.3f} | {d['judged_only']['avg_score']:.3f} | "
            f"{d['strict']['mrr_at_10']:.3f} | {d['strict']['p_at_5']:.3f} | "
            f"{built:.1f} | {p50:.2f} | {p99:.2f} |"
        )
        print(lines[-1], flush=True)
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    notes = (
        f"{len(passages)} passages (MedQuAD + starter topics, built by the site's passage "
        f"builder); reading the XML {read_s:.1f} s; MiniLM (int8 ONNX, shipped) encoding every "
        f"passage {encode_s:.1f} s. Train: {len(train[0])} LiveQA-Med training questions with "
        f"weak judgments (docs/answering-judgments.md) — the ranker was fitted on them, so "
        f"ours' train figure is in-sample (bench/results/answering_fit.md has it out of "
        f"fold); dev: {len(dev[0])} questions with the real qrels. Latency per question over "
        f"{ROUNDS} rounds of the dev questions, safety screen included for ours. Peak memory "
        f"{result['peak_memory_mb']} MB for the whole run (one process, every index held at "
        f"once). {dt.date.today().isoformat()}, load average before the run {LOAD_BEFORE}."
    )
    table = "\n".join([*lines, "", notes])
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "answering.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "answering.md").write_text(
        "# Answering: ours and the plain systems on the LiveQA-Med training judgments and dev\n\n"
        "Written by `python bench/answering.py`. Strict avgScore counts an unjudged first "
        "answer as 0; judged-only drops unjudged answers first. MRR@10 and P@5 are strict. "
        "Absolute levels are not comparable between train (weak judgments) and dev (real "
        "judgments); the order of the systems is.\n\n"
        f"{table}\n"
    )
    print("\n" + notes)
    return 0


LOAD_BEFORE = ", ".join(f"{x:.1f}" for x in os.getloadavg())

if __name__ == "__main__":
    sys.exit(main())
