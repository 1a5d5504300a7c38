"""The `symptomdb` command: help, topic-file commands, and one-line errors."""

from __future__ import annotations

import ast
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from symptomdb.cli import OUR_COMMANDS, main
from symptomdb.topics.models import TopicPage
from tests.conftest import run_symptomdb


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_symptomdb(*args, env=env or {}, settings="tests.settings")


def test_help_lists_our_commands_with_what_they_do() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for name in OUR_COMMANDS:
        assert f"  {name} " in result.stdout
    assert "Validate a directory of topic files" in result.stdout
    assert "symptomdb help --all" in result.stdout


def test_each_command_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    # The command's own entry point, in this process: the tests around this one run it as a
    # child process; fifteen more Django start-ups would add nothing but time.
    for name in OUR_COMMANDS:
        code = main([name, "--help"])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "usage:" in out


def test_unreachable_database_is_one_clear_line() -> None:
    result = run_cli("migrate", env={"DATABASE_URL": "postgres://nobody@127.0.0.1:1/nowhere"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        "symptomdb: cannot use the postgresql database 'nowhere' on 127.0.0.1:1"
    )
    assert "Check DATABASE_URL" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def cli_database(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[[Path], dict[str, str]]
) -> dict[str, str]:
    """A real, migrated database of its own for CLI runs, on the engine of this test run."""
    env = fresh_database(tmp_path_factory.mktemp("cli-data"))
    result = run_cli("migrate", env=env)
    assert result.returncode == 0, result.stderr
    return env


def topic_titles(env: dict[str, str]) -> list[str]:
    code = "from symptomdb.topics.models import TopicPage as T; print(sorted(T.objects.values_list('title', flat=True)))"
    result = run_cli("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return list(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_load_export_check_from_the_command_line(
    cli_database: dict[str, str], starter_dir: Path, tmp_path: Path
) -> None:
    env = cli_database
    result = run_cli("check-topics", str(starter_dir), env=env)
    # The seven English topics and their seven Spanish translations (starter/es/).
    assert result.returncode == 0 and "14 topic file(s) valid." in result.stdout
    result = run_cli("load-topics", str(starter_dir), env=env)
    assert result.returncode == 0, result.stderr
    assert "14 created" in result.stdout or "14 unchanged" in result.stdout
    out_dir = tmp_path / "exported"
    assert run_cli("export-topics", str(out_dir), env=env).returncode == 0
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(
        p.name for p in starter_dir.iterdir()
    )
    assert sorted(p.name for p in (out_dir / "es").iterdir()) == sorted(
        p.name for p in (starter_dir / "es").iterdir()
    )
    result = run_cli("load-topics", str(out_dir), env=env)
    assert result.returncode == 0, result.stderr
    assert "0 created, 0 updated, 14 unchanged" in result.stdout


def test_invalid_file_stops_load_with_file_line_and_field(
    cli_database: dict[str, str], starter_dir: Path
) -> None:
    env = cli_database
    assert run_cli("load-topics", str(starter_dir), env=env).returncode == 0
    before = topic_titles(env)
    broken = starter_dir / "anxiety.md"
    broken.write_text(broken.read_text().replace("{kind=causes}", "{kind=reasons}", 1))
    changed = starter_dir / "depression.md"
    changed.write_text(
        changed.read_text().replace("title: Depression", "title: Depression (changed)")
    )
    result = run_cli("load-topics", str(starter_dir), env=env)
    assert result.returncode == 1
    assert f"{broken}, line " in result.stderr
    assert "field `kind`: unknown section kind 'reasons'" in result.stderr
    assert "Traceback" not in result.stderr
    after = topic_titles(env)
    assert after == before and "Depression (changed)" not in after


@pytest.mark.django_db
def test_check_topics_writes_nothing(starter_dir: Path) -> None:
    from django.core.management import call_command

    call_command("check_topics", str(starter_dir))
    assert not TopicPage.objects.exists()
