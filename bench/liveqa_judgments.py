"""Weak relevance judgments of MedQuAD answers for the LiveQA-Med training questions.

usage: python bench/liveqa_judgments.py [--data ../shared/data] [--out var/judgments]
                                        [--sample N] [--check-dev]

For every annotated sub-question of liveqa-med/train/ (two XML files), grades MedQuAD pairs
by the annotated focus (against the document's Focus and synonyms), the annotated type
(against the pair's qtype) and the TF-IDF cosine between the reference answers and the pair's
answer text (symptomdb/answering/judgments.py has the rule). MedQuAD is read in place; the
answer texts MedQuAD withholds are restored from judged-answers-2479.csv in memory only, for
matching, and never written anywhere.

Writes (derived, git-ignored):
  var/judgments/liveqa-train.qrels            TREC qrels: ``qid 0 docid grade``, qid = sub-question
  var/judgments/liveqa-train-questions.jsonl  qid, question_id, subject, message, text, focus, type

--sample N prints N sub-questions (fixed seed) with their best judged answers, for reading
by hand. --check-dev grades the dev questions the same way (their annotations and reference
answers) and compares with the real dev qrels: a check of the judgments, never a place to
set the thresholds. See docs/answering-judgments.md.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from symptomdb.answering.index import tokens  # noqa: E402
from symptomdb.answering.judgments import (  # noqa: E402
    STRONG_OVERLAP,
    TrainingSubQuestion,
    focus_key,
    focus_matches,
    grade,
    name_keys,
    parse_training_questions,
    type_matches,
)
from symptomdb.importers.medquad import iter_medquad  # noqa: E402

TRAIN_FILES = (
    ("t1", "TREC-2017-LiveQA-Medical-Train-1.xml"),
    ("t2", "TREC-2017-LiveQA-Medical-Train-2.xml"),
)
NEAR_MISSES = 20  # per sub-question, the best-overlapping pairs without the focus that are graded


@dataclass(frozen=True)
class Pair:
    answer_id: str
    doc: int  # index into the document list
    qtype: str
    question: str


def restored_answers(csv_path: Path) -> dict[str, str]:
    """Answer id -> answer text from judged-answers-2479.csv (in memory only)."""
    out: dict[str, str] = {}
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row["Answer"]
            text = text.split("\nAnswer:", 1)[1] if "\nAnswer:" in text else text
            out[row["AnswerID"]] = " ".join(text.split())
    return out


def _analyzer(text: str) -> list[str]:
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


class Tfidf:
    """TF-IDF cosine over stemmed word 1-2 grams (numpy only): sublinear tf, smooth idf
    ln((1 + n) / (1 + df)) + 1, unit-length vectors, terms in at least two texts."""

    def __init__(self, texts: list[str]) -> None:
        counts = [Counter(_analyzer(text)) for text in texts]
        df: Counter[str] = Counter(term for c in counts for term in c)
        n = len(texts)
        self.size = n
        self.idf = {t: math.log((1 + n) / (1 + f)) + 1 for t, f in df.items() if f >= 2}
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for row, c in enumerate(counts):
            vector = self._weights(c)
            for term, weight in vector.items():
                docs, weights = postings.setdefault(term, ([], []))
                docs.append(row)
                weights.append(weight)
        self.postings = {
            t: (np.array(d, dtype=np.int32), np.array(w, dtype=np.float32))
            for t, (d, w) in postings.items()
        }

    def _weights(self, c: Counter[str]) -> dict[str, float]:
        vector = {t: (1 + math.log(k)) * self.idf[t] for t, k in c.items() if t in self.idf}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / norm for t, w in vector.items()}

    def cosines(self, text: str) -> np.ndarray:
        """Cosine of ``text`` to every fitted text."""
        out = np.zeros(self.size, dtype=np.float32)
        for term, weight in self._weights(Counter(_analyzer(text))).items():
            docs, weights = self.postings[term]
            out[docs] += weight * weights
        return out


class Collection:
    """MedQuAD as the judge sees it: names per document, pairs, answer vectors."""

    def __init__(self, medquad: Path) -> None:
        restored = restored_answers(medquad / "judged-answers-2479.csv")
        self.doc_keys: list[set[tuple[str, ...]]] = []
        self.doc_focus: list[str] = []
        self.pairs: list[Pair] = []
        texts: list[str] = []
        self.with_text: list[int] = []  # pair index of each Tfidf text
        self.restored = 0
        for d in iter_medquad(medquad):
            self.doc_keys.append(name_keys(d.focus, d.synonyms))
            self.doc_focus.append(d.focus)
            for p in d.pairs:
                answer = p.answer or restored.get(p.answer_id)
                if answer and not p.answer:
                    self.restored += 1
                if answer:
                    self.with_text.append(len(self.pairs))
                    texts.append(answer)
                self.pairs.append(Pair(p.answer_id, len(self.doc_keys) - 1, p.qtype, p.question))
        self.tfidf = Tfidf(texts)
        self.by_token: dict[str, set[int]] = defaultdict(set)
        for n, keys in enumerate(self.doc_keys):
            for key in keys:
                for word in key:
                    self.by_token[word].add(n)
        self.pairs_of_doc: dict[int, list[int]] = defaultdict(list)
        for i, pair in enumerate(self.pairs):
            self.pairs_of_doc[pair.doc].append(i)

    def focus_docs(self, foci: tuple[str, ...]) -> set[int]:
        """Documents that an annotated focus names."""
        found: set[int] = set()
        for focus in foci:
            candidates = set().union(*(self.by_token.get(w, set()) for w in focus_key(focus)))
            found |= {n for n in candidates if focus_matches(focus, self.doc_keys[n])}
        return found

    def overlaps(self, answers: tuple[str, ...]) -> np.ndarray:
        """Largest cosine to any reference answer, per answer text (``with_text`` order)."""
        out = np.zeros(self.tfidf.size, dtype=np.float32)
        for answer in answers:
            np.maximum(out, self.tfidf.cosines(answer), out=out)
        return out


def judge(c: Collection, sub: TrainingSubQuestion) -> dict[str, tuple[int, float | None]]:
    """answer id -> (grade, overlap) for one sub-question."""
    cos = c.overlaps(sub.answers)
    overlap_of = {c.with_text[row]: float(cos[row]) for row in np.flatnonzero(cos > 0)}
    docs = c.focus_docs(sub.foci)
    candidates = {i for n in docs for i in c.pairs_of_doc[n]}
    best = np.argsort(-cos)[:NEAR_MISSES]
    candidates |= {c.with_text[row] for row in best if cos[row] >= STRONG_OVERLAP}
    has_text = set(c.with_text)
    out: dict[str, tuple[int, float | None]] = {}
    for i in candidates:
        p = c.pairs[i]
        overlap = overlap_of.get(i, 0.0) if i in has_text else None
        g = grade(p.doc in docs, type_matches(sub.type, p.qtype), overlap)
        if g is not None:
            out[p.answer_id] = (g, overlap)
    return out


def training_questions(train: Path) -> list[TrainingSubQuestion]:
    return [
        sub
        for prefix, name in TRAIN_FILES
        for sub in parse_training_questions(train / name, prefix)
    ]


def dev_questions(dev: Path) -> list[TrainingSubQuestion]:
    """The dev questions as annotated sub-questions (one per TYPE, every FOCUS), for the check."""
    out = []
    root = ET.parse(dev / "TREC-2017-LiveQA-Medical-Test.xml").getroot()
    for q in root.iter("NLM-QUESTION"):
        qid = q.get("qid", "").removeprefix("TQ")
        foci = tuple(" ".join("".join(f.itertext()).split()) for f in q.iter("FOCUS"))
        answers = tuple(" ".join("".join(a.itertext()).split()) for a in q.iter("ANSWER") if a.text)
        for n, t in enumerate(q.iter("TYPE"), start=1):
            out.append(
                TrainingSubQuestion(
                    qid=f"{qid}-S{n}",
                    question_id=qid,
                    subject="",
                    message="",
                    foci=foci,
                    type=(t.text or "").strip().lower(),
                    answers=answers,
                )
            )
    return out


def check_dev(c: Collection, dev: Path) -> None:
    """Weak grades of the dev questions against the real dev qrels (a check, not tuning)."""
    from symptomdb.importers.liveqa import parse_qrels

    qrels = parse_qrels(dev / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt")
    weak: dict[str, dict[str, int]] = defaultdict(dict)
    for sub in dev_questions(dev):
        if sub.question_id not in qrels:
            continue
        for answer, (g, _) in judge(c, sub).items():
            weak[sub.question_id][answer] = max(g, weak[sub.question_id].get(answer, 0))
    table: Counter[tuple[int, int]] = Counter()
    for qid, judged in qrels.items():
        for answer, real in judged.items():
            table[(real, weak[qid].get(answer, 0))] += 1
    print("\ndev check: real grade (rows) by weak grade (columns; 0 = not judged weakly)")
    print("real\\weak " + " ".join(f"{w:>6}" for w in (0, 2, 3, 4)))
    for real in (4, 3, 2, 1):
        print(f"{real:>9} " + " ".join(f"{table[(real, w)]:>6}" for w in (0, 2, 3, 4)))
    weak_total = Counter(g for judged in weak.values() for g in judged.values())
    print("weak judgments on dev per grade:", dict(sorted(weak_total.items())))
    # Of each weak grade's answers that the real pool judged, how many are really 3-4?
    for w in (4, 3, 2):
        pooled = sum(table[(r, w)] for r in (1, 2, 3, 4))
        good = sum(table[(r, w)] for r in (3, 4))
        print(f"weak {w}: {pooled} judged in the real pool, {good} of them real 3-4")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(ROOT / "var" / "judgments"))
    parser.add_argument("--sample", type=int, default=0, help="print N sub-questions to read")
    parser.add_argument("--check-dev", action="store_true", help="compare with the dev qrels")
    args = parser.parse_args()
    data = Path(args.data)
    train = data / "liveqa-med" / "train"
    if not (data / "medquad").is_dir() or not train.is_dir():
        print(f"no MedQuAD or LiveQA training data under {data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    subs = training_questions(train)
    c = Collection(data / "medquad")
    judged = {sub.qid: judge(c, sub) for sub in subs}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "liveqa-train.qrels").open("w", encoding="utf-8") as handle:
        for sub in subs:
            for answer, (g, _) in sorted(judged[sub.qid].items()):
                handle.write(f"{sub.qid} 0 {answer} {g}\n")
    with (out / "liveqa-train-questions.jsonl").open("w", encoding="utf-8") as handle:
        for sub in subs:
            row = {
                "qid": sub.qid,
                "question_id": sub.question_id,
                "subject": sub.subject,
                "message": sub.message,
                "text": sub.text,
                "focus": list(sub.foci),
                "type": sub.type,
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    grades = Counter(g for j in judged.values() for g, _ in j.values())
    print(f"wrote {out / 'liveqa-train.qrels'} and {out / 'liveqa-train-questions.jsonl'}")
    print(
        f"MedQuAD: {len(c.pairs)} pairs, {len(c.with_text)} with answer text "
        f"({c.restored} restored in memory from the judged CSV)"
    )
    print(f"questions: {len({s.question_id for s in subs})}; sub-questions: {len(subs)}")
    for floor in (2, 3, 4):
        n = sum(1 for j in judged.values() if any(g >= floor for g, _ in j.values()))
        print(f"sub-questions with >= 1 judgment of grade >= {floor}: {n}")
    print(
        "judgments per grade: "
        + ", ".join(f"{g}: {grades[g]}" for g in (4, 3, 2))
        + f" (total {sum(grades.values())})"
    )
    print(f"{time.perf_counter() - started:.1f} s")
    if args.sample:
        rng = random.Random(2017)
        for sub in rng.sample(subs, args.sample):
            j = judged[sub.qid]
            print(f"\n== {sub.qid} focus={list(sub.foci)} type={sub.type}: {sub.text[:220]}")
            print(f"   ref: {sub.answers[0][:200] if sub.answers else '(none)'}")
            shown = sorted(j.items(), key=lambda kv: (-kv[1][0], -(kv[1][1] or 0)))[:6]
            index = {p.answer_id: p for p in c.pairs}
            for answer, (g, overlap) in shown:
                p = index[answer]
                ov = "withheld" if overlap is None else f"{overlap:.2f}"
                print(f"   {g} {ov:>8} {answer} [{p.qtype}] {p.question[:90]}")
            print(f"   grades: {dict(sorted(Counter(g for g, _ in j.values()).items()))}")
    if args.check_dev:
        check_dev(c, data / "liveqa-med" / "dev")
    return 0


if __name__ == "__main__":
    sys.exit(main())
