"""Copy benchmark tables from bench/results/*.md into the docs that quote them.

usage: python scripts/quote_bench.py [--check]

A doc quotes a result file between two markers:

    <!-- bench:answering -->
    …(replaced by the body of bench/results/answering.md, its heading left out)…
    <!-- /bench -->

With --check nothing is written; the exit status is 1 when a quote is out of date (the
test suite runs the same check, so docs cannot drift from the latest run).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTE = re.compile(r"(<!-- bench:([\w-]+) -->\n)(.*?)(<!-- /bench -->)", re.DOTALL)


def result_body(name: str) -> str:
    """The result file's text without its first-level heading."""
    text = (ROOT / "bench" / "results" / f"{name}.md").read_text()
    return re.sub(r"\A# [^\n]*\n+", "", text).strip() + "\n"


def quoted(doc: str) -> str:
    """``doc`` with every quote refreshed from its result file."""
    return QUOTE.sub(lambda m: m.group(1) + result_body(m.group(2)) + m.group(4), doc)


def main() -> int:
    stale = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text()
        fresh = quoted(text)
        if fresh != text:
            stale.append(path.relative_to(ROOT))
            if "--check" not in sys.argv:
                path.write_text(fresh)
    for path in stale:
        print(f"{path}: {'out of date' if '--check' in sys.argv else 'refreshed'}")
    return 1 if stale and "--check" in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
