"""How long a reader waits after an import or a start: `import-medquad` with its vectors,
and the first questions a freshly started server answers.

usage: python bench/import_speed.py [--medquad DIR]

On a fresh SQLite site (`symptomdb setup`, as `make run` does): times `import-medquad`
over the whole of MedQuAD (reading, the safe-messaging lint, the database, and the
MiniLM vectors of every new passage), then starts gunicorn with the served configuration
and times the first answers (`/ask/`), each a question no earlier request asked. Targets
(docs/answering.md): the import with its vectors in at most 90 s, the first question after
a start or an import in at most 200 ms. Writes bench/results/import_speed.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from load import serve_site  # noqa: E402

QUESTIONS = [
    "what are the symptoms of marfan syndrome",
    "how do i stop cutting",
    "is dbt good for borderline personality disorder",
    "what causes high blood pressure in young adults",
    "can self harm scars be removed",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--medquad", type=Path, default=ROOT.parent / "shared" / "data" / "medquad")
    args = parser.parse_args()
    if not args.medquad.is_dir():
        print(f"no MedQuAD at {args.medquad}: nothing to measure", file=sys.stderr)
        return 2
    timings: dict[str, float] = {}
    first: list[float] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve_site(Path(tmp), args.medquad, False, timings) as url,
    ):
        for question in QUESTIONS:
            started = time.perf_counter()
            with urllib.request.urlopen(
                f"{url}/ask/?{urllib.parse.urlencode({'q': question})}", timeout=30
            ) as response:
                response.read()
            first.append((time.perf_counter() - started) * 1000)
    result: dict[str, Any] = {
        "setup_s": round(timings["setup"], 1),
        "import_medquad_s": round(timings["import_medquad"], 1),
        "server_ready_s": round(timings["server_ready"], 1),
        "first_answers_ms": [round(ms, 1) for ms in first],
        "load_average": round(os.getloadavg()[0], 2),
        "date": time.strftime("%Y-%m-%d"),
    }
    lines = [
        "# Import and first answers",
        "",
        "Written by `python bench/import_speed.py`: a fresh SQLite site, the whole of MedQuAD "
        "imported with its vectors, then gunicorn started with the served configuration and "
        "asked five questions no earlier request asked, one after the other.",
        "",
        "| step | time | target |",
        "|---|---:|---:|",
        f"| `symptomdb setup` on an empty database | {result['setup_s']} s | — |",
        f"| `import-medquad` with its vectors | {result['import_medquad_s']} s | 90 s |",
        f"| gunicorn start to its first page | {result['server_ready_s']} s | — |",
        f"| the first question after the start | {result['first_answers_ms'][0]} ms | 200 ms |",
        f"| the next four | {', '.join(str(ms) for ms in result['first_answers_ms'][1:])} ms | — |",
        "",
        f"{result['date']}, load average at the end {result['load_average']} on 2 cores.",
    ]
    out = ROOT / "bench" / "results"
    (out / "import_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "import_speed.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
