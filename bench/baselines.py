"""Baselines beside our ranking, on the same corpus and queries: bm25s, SQLite FTS5, tantivy.

usage: python bench/baselines.py [--data ../shared/data]

Corpus: every MedQuAD pair as one document (focus, question and answer text where
published). Queries: the LiveQA-Med dev questions' subject and message, reduced the same
way our pipeline reduces them (greetings, thanks, contact details and generic subjects
dropped). Each baseline returns its top 10; scored with the same metrics. Writes
bench/results/baselines.json and .md.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bm25s  # noqa: E402
import Stemmer  # noqa: E402
import tantivy  # noqa: E402

from symptomdb.answering.metrics import score_run  # noqa: E402
from symptomdb.answering.pipeline import reduce_question  # noqa: E402
from symptomdb.importers.liveqa import parse_liveqa_questions, parse_qrels  # noqa: E402
from symptomdb.importers.medquad import iter_medquad  # noqa: E402

_WORD = re.compile(r"[a-z0-9]+")


def corpus(root: Path) -> tuple[list[str], list[str]]:
    ids, texts = [], []
    for d in iter_medquad(root):
        for p in d.pairs:
            ids.append(p.answer_id)
            texts.append(f"{d.focus}. {p.question} {p.answer or ''}")
    return ids, texts


def bm25s_baseline(ids: list[str], texts: list[str]) -> Callable[[str], list[str]]:
    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False),
        show_progress=False,
    )

    def search(query: str) -> list[str]:
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=stemmer, show_progress=False)
        if not tokens.vocab:
            return []
        docs, _ = retriever.retrieve(tokens, k=10, show_progress=False)
        return [ids[i] for i in docs[0]]

    return search


def fts5_baseline(ids: list[str], texts: list[str]) -> Callable[[str], list[str]]:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='porter')")
    db.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)", enumerate(texts))

    def search(query: str) -> list[str]:
        words = sorted(set(_WORD.findall(query.lower())))
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        rows = db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", (match,)
        )
        return [ids[r[0]] for r in rows]

    return search


def tantivy_baseline(ids: list[str], texts: list[str]) -> Callable[[str], list[str]]:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    builder.add_integer_field("row", stored=True, indexed=False)
    schema = builder.build()
    folder = tempfile.mkdtemp(prefix="symptomdb-tantivy-")
    index = tantivy.Index(schema, path=folder)
    writer = index.writer()
    for row, text in enumerate(texts):
        writer.add_document(tantivy.Document(body=text, row=row))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(query: str) -> list[str]:
        words = sorted(set(_WORD.findall(query.lower())))
        if not words:
            return []
        parsed = index.parse_query(" OR ".join(words), ["body"])
        hits = searcher.search(parsed, 10).hits
        return [ids[searcher.doc(address)["row"][0]] for _, address in hits]

    return search


def main() -> int:
    data = (
        Path(sys.argv[sys.argv.index("--data") + 1])
        if "--data" in sys.argv
        else ROOT.parent / "shared" / "data"
    )
    if not (data / "medquad").is_dir():
        print(f"no data at {data}: nothing to measure", file=sys.stderr)
        return 2
    dev = data / "liveqa-med" / "dev"
    ids, texts = corpus(data / "medquad")
    questions = parse_liveqa_questions(dev / "TREC-2017-LiveQA-Medical-Test.xml")
    qrels = parse_qrels(dev / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt")
    queries = {q.qid: reduce_question(q.subject, q.message) for q in questions if q.qid in qrels}
    results: dict[str, dict[str, object]] = {}
    lines = [
        "| baseline | avgScore | MAP@10 | MRR@10 | P@5 | P@10 | judged-only avgScore | build s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, make in (
        ("bm25s", bm25s_baseline),
        ("SQLite FTS5", fts5_baseline),
        ("tantivy", tantivy_baseline),
    ):
        started = time.perf_counter()
        search = make(ids, texts)
        built = time.perf_counter() - started
        run, latencies = {}, []
        for _ in range(3):
            for qid, query in queries.items():
                t = time.perf_counter()
                run[qid] = search(query)
                latencies.append(time.perf_counter() - t)
        latencies.sort()
        strict, judged = score_run(run, qrels), score_run(run, qrels, judged_only=True)
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        results[name] = {
            "strict": strict.__dict__,
            "judged_only": judged.__dict__,
            "build_seconds": round(built, 2),
            "p50_ms": round(p50, 2),
            "p99_ms": round(p99, 2),
        }
        lines.append(
            f"| {name} | {strict.avg_score:.3f} | {strict.map_at_10:.3f} | {strict.mrr_at_10:.3f} | {strict.p_at_5:.3f} | "
            f"{strict.p_at_10:.3f} | {judged.avg_score:.3f} | {built:.1f} | {p50:.2f} | {p99:.2f} |"
        )
    table = "\n".join(lines)
    print(table)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "baselines.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "baselines.md").write_text(
        "# Baselines on LiveQA-Med dev (49 questions)\n\nWritten by `python bench/baselines.py`; same corpus "
        f"({len(ids)} MedQuAD pairs) and reduced queries for each. Strict scoring unless noted.\n\n{table}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
