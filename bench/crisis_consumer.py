"""How often the crisis screen alarms on real consumer health questions it never saw.

usage: python bench/crisis_consumer.py

Reads the 49 LiveQA-Med **dev** questions (subject and message, as consumers wrote them to
the U.S. National Library of Medicine) from ../shared/data, in place; the screen was never
fitted or tuned on them (its training uses the LiveQA *training* questions). Questions that
name self-harm, suicide or an overdose are left out, as in training; the rest are ordinary
health questions, so every level above none is a false alarm. Prints the level counts and
writes bench/results/crisis_consumer.{json,md}; no question text is written.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symptomdb.safety.crisis_screen import screen_text  # noqa: E402
from symptomdb.safety.training import consumer_questions  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "liveqa-med" / "dev"


def main() -> int:
    rows = consumer_questions(DEV, pattern="TREC-2017-LiveQA-Medical-Test.xml")
    if not rows:
        print(f"no LiveQA-Med dev questions under {DEV}", file=sys.stderr)
        return 1
    levels = Counter(screen_text(r["text"]).level.label for r in rows)
    n = len(rows)
    raised = n - levels["none"]
    at_crisis = levels["crisis"] + levels["emergency"]
    result = {
        "questions": n,
        "levels": dict(levels),
        "false_alarm_crisis_or_above": round(at_crisis / n, 4),
        "soft_alarm_any_level": round(raised / n, 4),
        "answer_withheld_emergency": round(levels["emergency"] / n, 4),
    }
    line = (
        f"{n} ordinary consumer questions (LiveQA-Med dev): crisis or above {at_crisis} "
        f"({result['false_alarm_crisis_or_above']:.1%}), emergency {levels['emergency']} "
        f"({result['answer_withheld_emergency']:.1%}), any level {raised} "
        f"({result['soft_alarm_any_level']:.1%})"
    )
    print(line)
    out = ROOT / "bench" / "results"
    (out / "crisis_consumer.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "crisis_consumer.md").write_text(
        "# Crisis screen on real consumer questions\n\nWritten by `python bench/crisis_consumer.py`"
        " (LiveQA-Med dev questions, never used to fit or tune the screen).\n\n"
        f"```\n{line}\n```\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
