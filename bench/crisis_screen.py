"""Score the crisis screen on a labelled set; print a table and write bench/results/.

usage: python bench/crisis_screen.py [--set FILE.jsonl] [--name NAME]

Each line of the set: {"text", "level": none|concern|crisis|emergency, "category"}.
- recall (crisis+emergency): share of texts labelled crisis or emergency that the screen
  puts at crisis or above (help leads). The target is >= 0.99.
- emergency recall: share labelled emergency that the screen calls emergency.
- false alarms: share of texts labelled none that the screen puts at crisis or above
  (a needless crisis response). The target is <= 5%. "soft" counts concern too.
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


def score(rows: list[dict[str, str]]) -> dict[str, object]:
    """Compute the figures for a set of labelled rows (each gets a ``predicted`` key)."""
    by_category: dict[str, dict[str, int]] = defaultdict(Counter)  # type: ignore[arg-type]
    confusion: Counter[tuple[str, str]] = Counter()
    misses, alarms = [], []
    for row in rows:
        gold = LEVELS[row["level"]]
        got = screen_text(row["text"]).level
        row["predicted"] = got.label
        confusion[(gold.label, got.label)] += 1
        cat = by_category[row.get("category", "all")]
        cat["n"] += 1
        cat["exact"] += gold == got
        if gold >= CrisisLevel.CRISIS:
            cat["risk"] += 1
            cat["risk_found"] += got >= CrisisLevel.CRISIS
            if got < CrisisLevel.CRISIS:
                misses.append(row)
        if gold == CrisisLevel.EMERGENCY:
            cat["emergency"] += 1
            cat["emergency_found"] += got == CrisisLevel.EMERGENCY
        if gold == CrisisLevel.NONE:
            cat["none"] += 1
            cat["alarm"] += got >= CrisisLevel.CRISIS
            cat["soft_alarm"] += got >= CrisisLevel.CONCERN
            if got >= CrisisLevel.CRISIS:
                alarms.append(row)

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    def summary(c: dict[str, int]) -> dict[str, object]:
        return {
            "n": c["n"],
            "recall_crisis_emergency": ratio(c["risk_found"], c["risk"]),
            "recall_emergency": ratio(c["emergency_found"], c["emergency"]),
            "false_alarm_rate_none": ratio(c["alarm"], c["none"]),
            "soft_alarm_rate_none": ratio(c["soft_alarm"], c["none"]),
            "exact_level_accuracy": ratio(c["exact"], c["n"]),
        }

    total: Counter[str] = Counter()
    for c in by_category.values():
        total.update(c)
    return {
        "overall": summary(total),
        "per_category": {name: summary(c) for name, c in sorted(by_category.items())},
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
        "missed": [
            {"text": r["text"], "level": r["level"], "predicted": r["predicted"]} for r in misses
        ],
        "false_alarms": [{"text": r["text"], "category": r.get("category")} for r in alarms],
    }


def fmt(value: object) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(ROOT / "bench" / "data" / "crisis_screen_eval.jsonl"))
    parser.add_argument("--name", default="crisis_screen")
    args = parser.parse_args()
    rows = [
        json.loads(line)
        for line in Path(args.set).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    started = time.perf_counter()
    result = score(rows)
    elapsed = time.perf_counter() - started
    result["set"] = (
        str(Path(args.set).relative_to(ROOT)) if Path(args.set).is_relative_to(ROOT) else args.set
    )
    result["texts_per_second"] = round(len(rows) / elapsed)
    header = f"{'category':<24}{'n':>5}{'recall c+e':>12}{'recall emerg':>14}{'false alarm':>13}{'soft alarm':>12}{'exact':>8}"
    lines = [header, "-" * len(header)]
    for name, s in [*result["per_category"].items(), ("OVERALL", result["overall"])]:  # type: ignore[union-attr]
        lines.append(
            f"{name:<24}{s['n']:>5}{fmt(s['recall_crisis_emergency']):>12}{fmt(s['recall_emergency']):>14}"
            f"{fmt(s['false_alarm_rate_none']):>13}{fmt(s['soft_alarm_rate_none']):>12}{fmt(s['exact_level_accuracy']):>8}"
        )
    table = "\n".join(lines)
    print(table)
    print(
        f"{len(rows)} texts, {result['texts_per_second']} texts/s; missed crises: {len(result['missed'])}; false alarms: {len(result['false_alarms'])}"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{args.name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (out / f"{args.name}.md").write_text(
        f"# Crisis screen on `{result['set']}`\n\nWritten by `python bench/crisis_screen.py`.\n"
        "recall c+e: labelled crisis/emergency screened at crisis or above; recall emerg: "
        "labelled emergency screened as emergency; false alarm: labelled none screened at "
        "crisis or above; soft alarm: labelled none screened at concern or above.\n\n"
        f"```\n{table}\n```\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
