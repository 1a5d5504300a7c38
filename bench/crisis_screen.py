"""Score the crisis screen on a labelled set; print tables and write bench/results/.

usage: python bench/crisis_screen.py [--set FILE.jsonl] [--name NAME]

Each line of the set: {"text", "level": none|concern|crisis|emergency, "category", "language"}.
- recall c+e: share of texts labelled crisis or emergency that the screen puts at crisis
  or above (help leads). The target is >= 0.97.
- recall emerg: share labelled emergency that the screen calls emergency.
- method/act at emerg: share of method-seeking and act-in-progress texts at emergency
  (the target is all of them).
- false alarm: share of texts labelled none that the screen puts at crisis or above
  (target <= 5%); soft alarm: at concern or above (target <= 10%); withheld: at emergency,
  where the answer is withheld — the costliest false alarm.
Tables are given per category and per language.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symptomdb.safety.crisis_screen import CrisisLevel, screen_text  # noqa: E402

LEVELS = {level.label: level for level in CrisisLevel}
ALWAYS_EMERGENCY = ("method-seeking", "act-in-progress")


def score(rows: list[dict[str, str]]) -> dict[str, object]:
    """Screen every row (each gets a ``predicted`` key) and compute the figures."""
    groups: dict[str, dict[str, Counter[str]]] = {
        "category": defaultdict(Counter),
        "language": defaultdict(Counter),
    }
    confusion: Counter[tuple[str, str]] = Counter()
    misses, alarms, not_emergency = [], [], []
    for row in rows:
        gold = LEVELS[row["level"]]
        got = screen_text(row["text"]).level
        row["predicted"] = got.label
        confusion[(gold.label, got.label)] += 1
        keys = {
            "category": row.get("category", "all"),
            "language": row.get("language", "en"),
        }
        for kind, key in keys.items():
            c = groups[kind][key]
            c["n"] += 1
            c["exact"] += gold == got
            if gold >= CrisisLevel.CRISIS:
                c["risk"] += 1
                c["risk_found"] += got >= CrisisLevel.CRISIS
            if gold == CrisisLevel.EMERGENCY:
                c["emergency"] += 1
                c["emergency_found"] += got == CrisisLevel.EMERGENCY
            if row.get("category") in ALWAYS_EMERGENCY:
                c["must"] += 1
                c["must_found"] += got == CrisisLevel.EMERGENCY
            if gold == CrisisLevel.NONE:
                c["none"] += 1
                c["alarm"] += got >= CrisisLevel.CRISIS
                c["soft_alarm"] += got >= CrisisLevel.CONCERN
                c["withheld"] += got == CrisisLevel.EMERGENCY
        if gold >= CrisisLevel.CRISIS and got < CrisisLevel.CRISIS:
            misses.append(row)
        if row.get("category") in ALWAYS_EMERGENCY and got != CrisisLevel.EMERGENCY:
            not_emergency.append(row)
        if gold == CrisisLevel.NONE and got >= CrisisLevel.CONCERN:
            alarms.append(row)

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    def summary(c: Counter[str]) -> dict[str, object]:
        return {
            "n": c["n"],
            "recall_crisis_emergency": ratio(c["risk_found"], c["risk"]),
            "recall_emergency": ratio(c["emergency_found"], c["emergency"]),
            "method_act_at_emergency": ratio(c["must_found"], c["must"]),
            "false_alarm_rate_none": ratio(c["alarm"], c["none"]),
            "soft_alarm_rate_none": ratio(c["soft_alarm"], c["none"]),
            "emergency_rate_none": ratio(c["withheld"], c["none"]),
            "exact_level_accuracy": ratio(c["exact"], c["n"]),
        }

    total: Counter[str] = Counter()
    for c in groups["category"].values():
        total.update(c)
    slim = ("text", "level", "predicted", "category", "language")
    return {
        "overall": summary(total),
        "per_category": {k: summary(c) for k, c in sorted(groups["category"].items())},
        "per_language": {k: summary(c) for k, c in sorted(groups["language"].items())},
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
        "missed": [{k: r.get(k) for k in slim} for r in misses],
        "method_or_act_below_emergency": [{k: r.get(k) for k in slim} for r in not_emergency],
        "alarms_on_ordinary_texts": [{k: r.get(k) for k in slim} for r in alarms],
    }


def fmt(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def table(title: str, groups: dict[str, dict[str, object]], overall: dict[str, object]) -> str:
    header = (
        f"{title:<26}{'n':>5}{'recall c+e':>12}{'recall emerg':>14}{'method/act':>12}"
        f"{'false alarm':>13}{'soft alarm':>12}{'withheld':>10}{'exact':>8}"
    )
    lines = [header, "-" * len(header)]
    for name, s in [*groups.items(), ("OVERALL", overall)]:
        lines.append(
            f"{name:<26}{s['n']:>5}{fmt(s['recall_crisis_emergency']):>12}"
            f"{fmt(s['recall_emergency']):>14}{fmt(s['method_act_at_emergency']):>12}"
            f"{fmt(s['false_alarm_rate_none']):>13}{fmt(s['soft_alarm_rate_none']):>12}"
            f"{fmt(s['emergency_rate_none']):>10}{fmt(s['exact_level_accuracy']):>8}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(ROOT / "bench" / "data" / "crisis_blind_a.jsonl"))
    parser.add_argument("--name", default="crisis_blind_a")
    parser.add_argument("--note", default="", help="a line saying what this run is")
    args = parser.parse_args()
    path = Path(args.set)
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    started = time.perf_counter()
    result = score(rows)
    elapsed = time.perf_counter() - started
    result["set"] = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    result["texts_per_second"] = round(len(rows) / elapsed)
    by_category = table("category", result["per_category"], result["overall"])  # type: ignore[arg-type]
    by_language = table("language", result["per_language"], result["overall"])  # type: ignore[arg-type]
    print(by_category, by_language, sep="\n\n")
    print(
        f"{len(rows)} texts, {result['texts_per_second']} texts/s; missed crises: "
        f"{len(result['missed'])}; method/act below emergency: "
        f"{len(result['method_or_act_below_emergency'])}; alarms on ordinary texts: "
        f"{len(result['alarms_on_ordinary_texts'])}"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{args.name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (out / f"{args.name}.md").write_text(
        f"# Crisis screen on `{result['set']}`\n\nWritten by `python bench/crisis_screen.py`."
        + (f" {args.note}" if args.note else "")
        + "\nrecall c+e: labelled crisis/emergency screened at crisis or above; recall emerg: "
        "labelled emergency screened as emergency; method/act: method-seeking and "
        "act-in-progress texts screened as emergency; false alarm: labelled none screened at "
        "crisis or above; soft alarm: labelled none screened at concern or above; withheld: "
        "labelled none screened as emergency (the answer withheld).\n\n"
        f"```\n{by_category}\n```\n\n```\n{by_language}\n```\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
