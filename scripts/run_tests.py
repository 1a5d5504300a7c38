"""Run the whole test suite twice: on SQLite, then on a throwaway PostgreSQL server.

usage: python scripts/run_tests.py [--db sqlite|postgres] [PYTEST ARGS…]

Prints each run's result and a closing total line; exits non-zero if either run fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throwaway_postgres import throwaway_postgres

ROOT = Path(__file__).resolve().parent.parent


def _run(
    label: str, database_url: str | None, pytest_args: list[str]
) -> tuple[int, dict[str, int]]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    env["SYMPTOMDB_TEST_DB_LABEL"] = label
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        env["SYMPTOMDB_DATA_DIR"] = str(Path(tmp) / "var")
        print(f"\n=== test suite on {label} ===", flush=True)
        started = time.monotonic()
        code = subprocess.call(
            [
                sys.executable,
                "-m",
                "pytest",
                f"--junitxml={junit}",
                "-o",
                "junit_family=xunit2",
                *pytest_args,
            ],
            cwd=ROOT,
            env=env,
        )
        counts = {"passed": 0, "failed": 0, "skipped": 0}
        if junit.exists():
            suite = ET.parse(junit).getroot()
            if suite.tag != "testsuite":
                suite = suite.find("testsuite")  # type: ignore[assignment]
            tests = int(suite.get("tests", 0))
            failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skipped = int(suite.get("skipped", 0))
            counts = {"passed": tests - failed - skipped, "failed": failed, "skipped": skipped}
        print(f"=== {label}: exit {code} in {time.monotonic() - started:.0f} s ===", flush=True)
        return code, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    args, pytest_args = parser.parse_known_args()
    results = []
    if args.db in ("sqlite", "both"):
        results.append(_run("sqlite", None, pytest_args))
    if args.db in ("postgres", "both"):
        with throwaway_postgres() as url:
            results.append(_run("postgresql", url, pytest_args))
    total = {k: sum(c[k] for _, c in results) for k in ("passed", "failed", "skipped")}
    worst = max(code for code, _ in results)
    print(f"total: {total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
    return 0 if worst == 0 and total["passed"] > 0 else max(worst, 1)


if __name__ == "__main__":
    sys.exit(main())
