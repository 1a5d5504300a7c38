"""Run the test suite on SQLite, then its database tests again on a throwaway PostgreSQL.

usage: python scripts/run_tests.py [--db sqlite|postgres|both] [PYTEST ARGS…]

With ``--db both`` (the default) the SQLite run holds every test and the PostgreSQL run
only the tests that touch a database (``--database-tests-only``; the rule is in
tests/conftest.py and docs/developers.md, "Tests"): plain-Python and browser tests run
once. ``--db sqlite`` or ``--db postgres`` alone runs every test on that database. Each run
spreads its tests over the machine's cores with pytest-xdist (``-n auto``) unless the
arguments say otherwise (``-n 0`` runs in one process).

Prints each run's counts (passed, failed, skipped; how many of them ran on that database
only because they run once) and a closing total line; exits non-zero if either run fails.
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
KINDS = ("passed", "failed", "skipped")


def _count(junit: Path) -> dict[str, int]:
    """Passed, failed (failures and errors) and skipped test cases in a JUnit report, and
    how many of them are tests that run once (``databases`` property ``once``)."""
    counts = dict.fromkeys((*KINDS, "once"), 0)
    if not junit.exists():
        return counts
    for case in ET.parse(junit).getroot().iter("testcase"):
        outcome = {child.tag for child in case}
        if outcome & {"failure", "error"}:
            counts["failed"] += 1
        elif "skipped" in outcome:
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
        if case.find("properties/property[@name='databases'][@value='once']") is not None:
            counts["once"] += 1
    return counts


def _parallel_args(pytest_args: list[str]) -> list[str]:
    """pytest-xdist's options, unless the caller chose their own (or turned xdist off)."""
    chosen = any(
        a in ("-n", "--numprocesses", "no:xdist") or a.startswith(("-n", "--numprocesses="))
        for a in pytest_args
    )
    # Each worker takes a contiguous half of the tests in the order tests/conftest.py gives
    # them (longest modules first), so a module's shared fixtures are mostly set up once, and
    # steals from the other's end when idle. Not loadscope: it schedules by node id, and the
    # API fuzz test's generated cases share one id, so it would run only one of them.
    return [] if chosen else ["-n", "auto", "--dist", "worksteal"]


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
                # The slowest tests, in every run's log: where the suite's time goes.
                "--durations=15",
                *_parallel_args(pytest_args),
                *pytest_args,
            ],
            cwd=ROOT,
            env=env,
        )
        counts = _count(junit)
        if code == 5 and "--database-tests-only" in pytest_args:
            code = 0  # pytest's "no tests collected": none of the chosen tests uses a database
        print(
            f"=== {label}: exit {code} in {time.monotonic() - started:.0f} s: "
            f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped"
            f" ({counts['once']} of them run once, on this database only) ===",
            flush=True,
        )
        return code, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    args, pytest_args = parser.parse_known_args()
    started = time.monotonic()
    results = []
    # Work that cannot differ by database, kept by the first run for the second (see
    # tests/collections/test_import_medquad.py, lint_once_per_suite).
    with tempfile.TemporaryDirectory(prefix="symptomdb-tests-") as shared:
        os.environ["SYMPTOMDB_TEST_SHARED_DIR"] = shared
        if args.db in ("sqlite", "both"):
            results.append(_run("sqlite", None, pytest_args))
        if args.db in ("postgres", "both"):
            only = ["--database-tests-only"] if args.db == "both" else []
            with throwaway_postgres() as url:
                results.append(_run("postgresql", url, [*only, *pytest_args]))
    total = {k: sum(c[k] for _, c in results) for k in KINDS}
    worst = max(code for code, _ in results)
    print(
        f"total: {total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped"
        f" in {time.monotonic() - started:.0f} s"
    )
    return 0 if worst == 0 and total["passed"] > 0 else max(worst, 1)


if __name__ == "__main__":
    sys.exit(main())
