"""Docs stay true: every command is documented, the README shows the two commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomdb.cli import OUR_COMMANDS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", OUR_COMMANDS)
def test_every_symptomdb_command_is_in_the_operators_guide(command: str) -> None:
    assert f"symptomdb {command}" in (ROOT / "docs" / "operators.md").read_text()


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    ci = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert ci[-1] == "make test"


def test_readme_screenshot_exists() -> None:
    # The topic page on a phone (tests/browser/test_phone_first_in_chromium.py writes it).
    assert "docs/screenshots/topic-390-light.png" in (ROOT / "README.md").read_text()
    assert (ROOT / "docs" / "screenshots" / "topic-390-light.png").stat().st_size > 10_000


def test_docs_quote_the_latest_benchmark_results() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "quote_bench", ROOT / "scripts" / "quote_bench.py"
    )
    assert spec and spec.loader
    quote_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quote_bench)
    answering = (ROOT / "docs" / "answering.md").read_text()
    assert "<!-- bench:answering -->" in answering
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text()
        assert quote_bench.quoted(text) == text, (
            f"{path.name} quotes an older benchmark run: python scripts/quote_bench.py"
        )
