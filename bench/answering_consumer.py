"""How readers' own questions about our topics are answered: from the right section or not.

usage: python bench/answering_consumer.py QUESTIONS.jsonl [--name NAME] [--medquad] [--fit]

QUESTIONS.jsonl holds consumer questions written by someone who never saw the rules, the
content or the ranker, one JSON object a line: ``{"id", "question", "topic", "kinds"}`` —
the topic slug that should answer and the section kinds that would be a right answer, best
first. Such sets are kept outside the repository (docs/answering.md, "Consumer questions"),
so nothing is tuned on them; this script reads one in place.

The index is the one readers get from `make run`: the starter topics (English), built by
the site's passage builder, with MiniLM; ``--medquad`` adds MedQuAD's 47,000 passages, as
after `symptomdb import-medquad`. Per question it records whether there is an answer at
all, whether its first part is the expected topic, and whether it is that topic's section
of an expected kind. Writes bench/results/answering_consumer_NAME.{json,md}; no question
text is written, only ids.

``--fit`` chooses the ranker's ``section_similarity`` bar on the set instead (the set is
then training data, never a set to report): the bar with the highest utility — a right
section +1, the right topic's other section +0.25, another topic −1, no answer 0 — written
into symptomdb/answering/data/ranker.json. The LiveQA-Med training questions that name none
of our topics count too, as questions our topics should not answer (an answer −1, none 0):
without them, a set of questions that are all about our topics would pick a bar that
answers anything from them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from answering import medquad_passages, topic_passages  # noqa: E402  (bench/answering.py)

from symptomdb.answering.index import AnswerIndex  # noqa: E402
from symptomdb.answering.pipeline import Answer, answer_question  # noqa: E402
from symptomdb.answering.ranker import RANKER_FILE  # noqa: E402
from symptomdb.answering.semantic import (  # noqa: E402
    encode_passages,
    load_encoder,
    passage_texts,
)
from symptomdb.safety.training import consumer_questions  # noqa: E402

RESULTS = ROOT / "bench" / "results"
TRAIN = ROOT.parent / "shared" / "data" / "liveqa-med" / "train"


def outcome(answer: Answer, topic: str, kinds: list[str]) -> str:
    """ "right" (expected topic and kind), "topic" (expected topic, other kind), "other"
    (another topic or a collection's record), "none" (no answer) or "withheld" (screened
    as an emergency: help only), for the first part."""
    if answer.withheld:
        return "withheld"
    if not answer.parts:
        return "none"
    first = answer.parts[0].hit.passage
    if not first.id.startswith(f"topic:{topic}#"):
        return "other"
    return "right" if first.kind in kinds else "topic"


UTILITY = {"right": 1.0, "topic": 0.25, "other": -1.0, "none": 0.0, "withheld": 0.0}


def off_topic_questions(index: AnswerIndex) -> list[str]:
    """LiveQA-Med training questions (read in place) that name none of our topics."""
    ours = {i for i, p in enumerate(index.passages) if p.origin == "topic"}
    return [
        r["text"]
        for r in consumer_questions(TRAIN)
        if not ours & set(index.focus_matches(r["text"])[0])
    ]


def fit_section_bar(index: AnswerIndex, rows: list[dict[str, Any]], off_topic: list[str]) -> float:
    """The section-similarity bar with the best utility on ``rows`` and ``off_topic``
    (ties: the higher bar)."""
    base = index.ranker
    best: tuple[float, float] = (-1e9, 2.0)
    for bar in [*(round(0.30 + 0.02 * i, 2) for i in range(26)), 2.0]:
        index.ranker = dataclasses.replace(base, section_similarity=bar)
        counts: Counter[str] = Counter()
        for row in rows:
            answer = answer_question(index, row["question"])
            counts[outcome(answer, row["topic"], row["kinds"])] += 1
        wrongly = sum(
            any(p.hit.passage.origin == "topic" for p in answer_question(index, text).parts)
            for text in off_topic
        )
        utility = sum(UTILITY[k] * v for k, v in counts.items()) - wrongly
        print(f"bar {bar:.2f}: utility {utility:7.2f} {dict(counts)}; off-topic answered {wrongly}")
        if utility >= best[0]:
            best = (utility, bar)
    index.ranker = base
    return best[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--name", default="")
    parser.add_argument("--medquad", action="store_true", help="add MedQuAD's passages")
    parser.add_argument("--fit", action="store_true", help="fit the section-similarity bar")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    passages = topic_passages()
    if args.medquad:
        passages = medquad_passages(ROOT.parent / "shared" / "data" / "medquad") + passages
    encoder = load_encoder()
    vectors = encode_passages(encoder, passage_texts(passages), None)
    index = AnswerIndex(passages, encoder=encoder, vectors=vectors)
    if args.fit:
        off_topic = off_topic_questions(index)
        bar = fit_section_bar(index, rows, off_topic)
        data = json.loads(RANKER_FILE.read_text(encoding="utf-8"))
        data["semantic"]["section_similarity"] = bar
        data["semantic"]["section_similarity_fitted_on"] = (
            f"{len(rows)} consumer questions ({args.questions.name}) and {len(off_topic)} "
            "off-topic LiveQA-Med training questions, bench/answering_consumer.py --fit"
        )
        RANKER_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"section_similarity = {bar} written to {RANKER_FILE}")
        return 0
    per_question = {}
    by_topic: dict[str, Counter[str]] = defaultdict(Counter)
    levels: Counter[str] = Counter()
    for row in rows:
        answer = answer_question(index, row["question"])
        parts = [p.hit.passage.id for p in answer.parts]
        result = outcome(answer, row["topic"], row["kinds"])
        per_question[row["id"]] = {"outcome": result, "first": parts[0] if parts else None}
        by_topic[row["topic"]][result] += 1
        levels[answer.screen.level.label] += 1
    total: Counter[str] = sum(by_topic.values(), Counter())
    n = len(rows)
    name = args.name or args.questions.stem
    suffix = f"{name}_medquad" if args.medquad else name
    summary = {
        "set": name,
        "questions": n,
        "index": "starter topics + MedQuAD" if args.medquad else "starter topics",
        "outcomes": dict(total),
        "right_section": round(total["right"] / n, 3),
        "right_topic": round((total["right"] + total["topic"]) / n, 3),
        "answered": round(1 - (total["none"] + total["withheld"]) / n, 3),
        "screen_levels": dict(levels),
        "date": dt.date.today().isoformat(),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"answering_consumer_{suffix}.json").write_text(
        json.dumps({**summary, "per_question": per_question}, indent=2) + "\n"
    )
    lines = [
        f"# Consumer questions, set {name}: answered from the right section?",
        "",
        f"Written by `python bench/answering_consumer.py` on {summary['date']}; "
        f"index: {summary['index']}. First part of the answer: **right** = the expected "
        "topic's section of an expected kind; **topic** = the expected topic, another "
        "section; **other** = another topic or an imported record; **none** = no answer; "
        "**withheld** = screened as an emergency (help only).",
        "",
        "| topic | questions | right | topic | other | none | withheld |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for topic, counts in [*sorted(by_topic.items()), ("**all**", total)]:
        cells = [counts[k] for k in ("right", "topic", "other", "none", "withheld")]
        lines.append(f"| {topic} | {sum(counts.values())} | " + " | ".join(map(str, cells)) + " |")
    lines += [
        "",
        f"Right section {summary['right_section']:.1%}, right topic "
        f"{summary['right_topic']:.1%}, any answer {summary['answered']:.1%}. Screen levels: "
        + ", ".join(f"{k} {v}" for k, v in sorted(levels.items()))
        + ".",
    ]
    (RESULTS / f"answering_consumer_{suffix}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
