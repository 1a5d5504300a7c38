"""How long the crisis screen takes: p50/p99 for texts up to 2,000 characters, and long texts.

usage: python bench/crisis_speed.py

Texts are the bank's own (``symptomdb/safety/data/crisis_bank.jsonl``), cut to at most 2,000
characters, each screened once after a warm-up; then texts of 2k, 5k, 10k and 20k
characters built by repeating bank texts, five runs each (the median is reported). The
targets, on two cores: p50 <= 5 ms and p99 <= 20 ms up to 2,000 characters; 20,000
characters in <= 100 ms. Writes bench/results/crisis_speed.{json,md}.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symptomdb.safety.crisis_screen import screen_text  # noqa: E402
from symptomdb.safety.training import load_bank  # noqa: E402


def main() -> int:
    rows = load_bank()
    texts = [r["text"][:2000] for r in rows]
    for text in texts[:20]:
        screen_text(text)
    timings = []
    for text in texts:
        started = time.perf_counter()
        screen_text(text)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p50 = timings[len(timings) // 2]
    p99 = timings[int(len(timings) * 0.99)]
    long_texts: dict[int, float] = {}
    filler = " ".join(t for t in texts if len(t) > 60)
    for size in (2_000, 5_000, 10_000, 20_000, 100_000):
        text = (filler * (size // max(len(filler), 1) + 1))[:size]
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            screen_text(text)
            runs.append((time.perf_counter() - started) * 1000)
        long_texts[size] = round(statistics.median(runs), 2)
    result = {
        "texts": len(texts),
        "cores": os.cpu_count(),
        "load_average": round(os.getloadavg()[0], 2),
        "p50_ms": round(p50, 2),
        "p99_ms": round(p99, 2),
        "max_ms": round(timings[-1], 2),
        "long_text_ms": long_texts,
    }
    lines = [
        f"texts up to 2,000 characters ({len(texts)}): p50 {result['p50_ms']} ms, "
        f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms",
        *(f"{size:>7,} characters: {ms} ms (median of 5)" for size, ms in long_texts.items()),
        f"load average at the end: {result['load_average']} on {result['cores']} cores",
    ]
    print("\n".join(lines))
    out = ROOT / "bench" / "results"
    (out / "crisis_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "crisis_speed.md").write_text(
        "# Crisis screen speed\n\nWritten by `python bench/crisis_speed.py`. The screen reads at "
        "most 20,000 characters, so the 100,000-character text costs what 20,000 does.\n\n```\n"
        + "\n".join(lines)
        + "\n```\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
