"""Baseline engines that bench/answering.py runs beside our ranking: bm25s, SQLite FTS5, tantivy.

Corpus: every MedQuAD pair as one document (focus, question and answer text where
published). Each ``*_baseline(ids, texts)`` builds an index and returns a search function
from a query (the reduced consumer question) to its top 10 answer ids.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import bm25s
import Stemmer
import tantivy

from symptomdb.importers.medquad import iter_medquad

_WORD = re.compile(r"[a-z0-9]+")


def corpus(root: Path) -> tuple[list[str], list[str]]:
    """Answer ids and one text per MedQuAD pair: focus, question and answer where published."""
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


BASELINES: dict[str, Callable[[list[str], list[str]], Callable[[str], list[str]]]] = {
    "bm25s": bm25s_baseline,
    "SQLite FTS5": fts5_baseline,
    "tantivy": tantivy_baseline,
}
