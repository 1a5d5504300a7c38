"""Answering quality on the LiveQA-Med dev questions and speed over the full MedQuAD index.

usage: python bench/answering.py [--data ../shared/data]

Builds the index from the MedQuAD XML and the starter topic files directly (no database),
answers every dev question from its SUBJECT and MESSAGE only, and reports avgScore, MAP@10,
MRR@10, P@5, P@10 (strict and judged-only), index build time, answer latency (p50/p99) and
peak memory. Writes bench/results/answering.json and .md. Tune on dev only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symptomdb.answering.index import AnswerIndex  # noqa: E402
from symptomdb.answering.metrics import score_run  # noqa: E402
from symptomdb.answering.passages import Passage  # noqa: E402
from symptomdb.answering.pipeline import answer_question  # noqa: E402
from symptomdb.answering.question_types import MEDQUAD_QTYPE_TO_KIND  # noqa: E402
from symptomdb.answering.semantic import encode_passages, load_encoder, passage_texts  # noqa: E402
from symptomdb.importers.liveqa import parse_liveqa_questions, parse_qrels  # noqa: E402
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
    started = time.perf_counter()
    passages = medquad_passages(data / "medquad") + topic_passages()
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    lexical = AnswerIndex(passages)
    build_s = time.perf_counter() - started
    questions = parse_liveqa_questions(dev / "TREC-2017-LiveQA-Medical-Test.xml")
    qrels = parse_qrels(dev / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt")
    configurations: list[tuple[str, AnswerIndex, float]] = [("lexical", lexical, build_s)]
    encoder = None if args.lexical_only else load_encoder(ROOT / "var" / "cache")
    if encoder is not None:
        started = time.perf_counter()
        vectors = encode_passages(encoder, passage_texts(passages), ROOT / "var" / "cache")
        semantic_build = time.perf_counter() - started + build_s
        configurations.append(
            (
                "lexical + MiniLM",
                AnswerIndex(passages, encoder=encoder, vectors=vectors),
                semantic_build,
            )
        )
    result: dict[str, object] = {
        "passages": len(passages),
        "read_seconds": round(read_s, 2),
        "configurations": {},
    }
    lines = [
        "| ranking | scoring | avgScore | MAP@10 | MRR@10 | P@5 | P@10 |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    speed = []
    for name, index, built in configurations:
        run: dict[str, list[str]] = {}
        latencies = []
        for _ in range(
            3
        ):  # three rounds for steadier latency figures; the run is the same each time
            for q in questions:
                if q.qid not in qrels:
                    continue
                t = time.perf_counter()
                answer = answer_question(index, q.subject, q.message, k=30)
                latencies.append(time.perf_counter() - t)
                run[q.qid] = [h.passage.id for h in answer.ranked if h.passage.origin == "medquad"][
                    :10
                ]
        latencies.sort()
        strict, judged = score_run(run, qrels), score_run(run, qrels, judged_only=True)
        p50 = round(latencies[len(latencies) // 2] * 1000, 2)
        p99 = round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 2)
        result["configurations"][name] = {  # type: ignore[index]
            "questions": len(run),
            "strict": strict.__dict__,
            "judged_only": judged.__dict__,
            "index_build_seconds": round(built, 2),
            "answer_ms_p50": p50,
            "answer_ms_p99": p99,
        }
        for label, s in (("strict", strict), ("judged only", judged)):
            lines.append(
                f"| {name} | {label} | {s.avg_score:.3f} | {s.map_at_10:.3f} | {s.mrr_at_10:.3f} | {s.p_at_5:.3f} | {s.p_at_10:.3f} |"
            )
        speed.append(f"{name}: index build {built:.1f} s, answer p50 {p50} ms, p99 {p99} ms")
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    table = "\n".join(
        [
            *lines,
            "",
            f"{len(passages)} passages (MedQuAD + starter topics); reading the XML {read_s:.1f} s; "
            + "; ".join(speed)
            + f"; peak memory {result['peak_memory_mb']} MB (one process, 2 cores, safety screen included). "
            "MiniLM vectors are cached in var/cache; the build time shown is with the cache as found.",
        ]
    )
    print(table)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "answering.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "answering.md").write_text(
        f"# Answering on LiveQA-Med dev (49 questions)\n\nWritten by `python bench/answering.py`.\n\n{table}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
