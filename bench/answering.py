"""Answering quality on the LiveQA-Med dev questions and speed over the full MedQuAD index,
ours beside the baselines, in one run.

usage: python bench/answering.py [--data ../shared/data] [--lexical-only]

Builds the index from the MedQuAD XML and the starter topic files directly (no database),
answers every dev question from its SUBJECT and MESSAGE only (the NIST paraphrase and NLM
summary never reach a system), and reports avgScore, MAP@10, MRR@10, P@5, P@10 (strict and
judged-only), index build time, answer latency (p50/p99 over five rounds) and peak memory,
for: our pipeline lexical and with MiniLM; a plain MiniLM search over MedQuAD questions;
bm25s, SQLite FTS5 and tantivy over every pair (bench/baselines.py) with the same reduced
queries. The MiniLM passage vectors are encoded afresh in every run, so the build time is
the real one (the ONNX export, done once per machine, is timed separately). Writes
bench/results/answering.json and .md. Tune on dev only.
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

import numpy as np  # noqa: E402
from baselines import BASELINES, corpus  # noqa: E402  (bench/baselines.py, beside this file)

from symptomdb.answering.index import AnswerIndex  # noqa: E402
from symptomdb.answering.metrics import score_run  # noqa: E402
from symptomdb.answering.passages import Passage  # noqa: E402
from symptomdb.answering.pipeline import answer_question, reduce_question  # noqa: E402
from symptomdb.answering.question_types import MEDQUAD_QTYPE_TO_KIND  # noqa: E402
from symptomdb.answering.semantic import (  # noqa: E402
    encode_passages,
    load_encoder,
    passage_texts,
)
from symptomdb.importers.liveqa import LiveQAQuestion, parse_liveqa_questions, parse_qrels  # noqa: E402
from symptomdb.importers.medquad import PLAIN_LANGUAGE_SOURCES, iter_medquad  # noqa: E402
from symptomdb.importers.topic_markdown import read_topic_dir  # noqa: E402


def medquad_passages(root: Path) -> list[Passage]:
    """One passage per MedQuAD pair, as the site builds them."""
    return [
        Passage(
            id=p.answer_id,
            origin="medquad",
            kind=MEDQUAD_QTYPE_TO_KIND.get(p.qtype, "other-information"),
            focus=d.focus,
            synonyms=d.synonyms,
            question=p.question,
            text=p.answer or "",
            title=d.focus,
            url=d.url,
            source=d.source,
            licence="CC BY 4.0",
            plain_language=d.source in PLAIN_LANGUAGE_SOURCES,
        )
        for d in iter_medquad(root)
        for p in d.pairs
    ]


def topic_passages() -> list[Passage]:
    """One passage per section of the starter topics."""
    out = []
    for doc in read_topic_dir(ROOT / "symptomdb" / "topics" / "starter", dt.date.today()):
        for n, s in enumerate(doc.sections):
            text = " ".join([s.body, *(f"{i.name}: {i.description}" for i in s.items)])
            out.append(
                Passage(
                    id=f"topic:{doc.slug}#{n}",
                    origin="topic",
                    kind=s.kind,
                    focus=doc.title,
                    synonyms=doc.synonyms,
                    question=s.heading,
                    text=text,
                    title=doc.title,
                    url=f"/topics/{doc.slug}/",
                    source="symptomdb",
                    licence="CC BY 4.0",
                    plain_language=True,
                )
            )
    return out


ROUNDS = 5
Search = Callable[[str, str], list[str]]


def measure(
    search: Search, questions: list[LiveQAQuestion]
) -> tuple[dict[str, list[str]], list[float]]:
    """The run (top 10 MedQuAD ids per question) and every answer's latency in seconds."""
    run: dict[str, list[str]] = {}
    latencies = []
    for _ in range(ROUNDS):  # the run is the same each round; more rounds steady the latency
        for q in questions:
            started = time.perf_counter()
            run[q.qid] = search(q.subject, q.message)
            latencies.append(time.perf_counter() - started)
    return run, sorted(latencies)


def ours(index: AnswerIndex) -> Search:
    """Our whole pipeline (safety screen included); the run keeps MedQuAD answers only."""

    def search(subject: str, message: str) -> list[str]:
        answer = answer_question(index, subject, message, k=30)
        return [h.passage.id for h in answer.ranked if h.passage.origin == "medquad"][:10]

    return search


def plain_minilm(encoder: object, passages: list[Passage], vectors: np.ndarray) -> Search:
    """The issue's reference point: MiniLM over MedQuAD questions, the whole reduced message as
    the query (the same int8 model and vectors as ours)."""
    medquad = np.array([p.origin == "medquad" for p in passages])

    def search(subject: str, message: str) -> list[str]:
        query = reduce_question(subject, message)  # the model reads its first 256 word pieces
        similarities = np.where(medquad, vectors @ encoder.encode([query])[0], -2.0)  # type: ignore[attr-defined]
        return [passages[i].id for i in np.argsort(-similarities)[:10]]

    return search


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument(
        "--lexical-only", action="store_true", help="skip semantic ranking even if installed"
    )
    args = parser.parse_args()
    data = Path(args.data)
    dev = data / "liveqa-med" / "dev"
    if not (data / "medquad").is_dir():
        print(f"no data at {data}: nothing to measure", file=sys.stderr)
        return 2
    questions_all = parse_liveqa_questions(dev / "TREC-2017-LiveQA-Medical-Test.xml")
    qrels = parse_qrels(dev / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt")
    questions = [q for q in questions_all if q.qid in qrels]
    started = time.perf_counter()
    passages = medquad_passages(data / "medquad") + topic_passages()
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    lexical = AnswerIndex(passages)
    build_s = time.perf_counter() - started
    systems: list[tuple[str, Search, float]] = [
        ("ours, lexical (fallback without vectors)", ours(lexical), build_s)
    ]
    notes = [
        f"{len(passages)} passages (MedQuAD + starter topics); reading the XML {read_s:.1f} s."
    ]
    if not args.lexical_only:
        encoder = load_encoder()
        started = time.perf_counter()
        vectors = encode_passages(encoder, passage_texts(passages), None)
        assert vectors is not None
        encode_s = time.perf_counter() - started
        started = time.perf_counter()
        semantic = AnswerIndex(passages, encoder=encoder, vectors=vectors)
        semantic_build = encode_s + time.perf_counter() - started
        systems.insert(
            0, ("ours (default: learned ranker with MiniLM)", ours(semantic), semantic_build)
        )
        systems.append(
            ("MiniLM over MedQuAD questions", plain_minilm(encoder, passages, vectors), encode_s)
        )
        notes.append(f"MiniLM (int8 ONNX, shipped): encoding every passage {encode_s:.1f} s.")
    ids, texts = corpus(data / "medquad")
    for name, make in BASELINES.items():
        started = time.perf_counter()
        engine = make(ids, texts)
        built = time.perf_counter() - started
        systems.append(
            (f"{name} (baseline)", lambda s, m, e=engine: e(reduce_question(s, m)), built)
        )
    result: dict[str, object] = {
        "passages": len(passages),
        "read_seconds": round(read_s, 2),
        "systems": {},
    }
    lines = [
        "| system | avgScore | MAP@10 | MRR@10 | P@5 | P@10 | judged-only avgScore | judged-only MRR@10 | build s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, search, built in systems:
        run, latencies = measure(search, questions)
        strict, judged = score_run(run, qrels), score_run(run, qrels, judged_only=True)
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        result["systems"][name] = {  # type: ignore[index]
            "questions": len(run),
            "strict": strict.__dict__,
            "judged_only": judged.__dict__,
            "build_seconds": round(built, 2),
            "answer_ms_p50": round(p50, 2),
            "answer_ms_p99": round(p99, 2),
        }
        lines.append(
            f"| {name} | {strict.avg_score:.3f} | {strict.map_at_10:.3f} | {strict.mrr_at_10:.3f} | "
            f"{strict.p_at_5:.3f} | {strict.p_at_10:.3f} | {judged.avg_score:.3f} | {judged.mrr_at_10:.3f} | "
            f"{built:.1f} | {p50:.2f} | {p99:.2f} |"
        )
        print(lines[-1], flush=True)
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    notes.append(
        f"Peak memory {result['peak_memory_mb']} MB for the whole run (one process; every index above held at once"
        + "). Latency per question over five rounds of the 49 questions, safety screen included for ours; "
        f"{dt.date.today().isoformat()}, load average before the run {LOAD_BEFORE}."
    )
    table = "\n".join([*lines, "", " ".join(notes)])
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "answering.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "answering.md").write_text(
        "# Answering on LiveQA-Med dev (49 questions), ours and the baselines in one run\n\n"
        "Written by `python bench/answering.py`. Strict: an unjudged answer counts as not relevant; "
        "judged-only: unjudged answers are dropped before scoring.\n\n"
        f"{table}\n"
    )
    print("\n" + " ".join(notes))
    return 0


LOAD_BEFORE = ", ".join(f"{x:.1f}" for x in os.getloadavg())

if __name__ == "__main__":
    sys.exit(main())
