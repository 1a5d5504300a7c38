"""The data dump: every published topic as JSON Lines, loaded into another instance unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from symptomdb.errors import DumpFileInvalid
from symptomdb.interop.dump import DUMP_FORMAT, read_dump
from symptomdb.topics.loading import export_documents
from symptomdb.topics.models import TopicPage
from tests.conftest import TODAY, run_symptomdb


@pytest.fixture
def dump_file(loaded_site: object, tmp_path: Path) -> Path:
    path = tmp_path / "topics.jsonl"
    call_command("export_dump", str(path))
    return path


def test_dump_has_a_header_then_every_published_topic_with_licence_and_provenance(
    dump_file: Path,
) -> None:
    lines = [json.loads(line) for line in dump_file.read_text().splitlines()]
    header, topics = lines[0], lines[1:]
    assert header["format"] == DUMP_FORMAT and header["format_version"] == 1
    assert header["generator"].startswith("symptomdb ") and header["exported_at"]
    assert header["topics"] == len(topics) == TopicPage.objects.live().count()
    self_injury = next(t for t in topics if t["slug"] == "self-injury")
    assert self_injury["licence"] == "CC BY 4.0"
    assert self_injury["provenance"]["organisation"] == "symptomdb project"
    assert self_injury["codes"]["icd10cm"] == ["R45.88", "X71-X83"]
    assert self_injury["url"] == "/topics/self-injury/"
    assert self_injury["authors"][0]["name"] == "symptomdb contributors"
    assert any(s["kind"] == "treatment" and s["items"] for s in self_injury["sections"])
    assert self_injury["references"] and all("id" in r for r in self_injury["references"])


def test_round_trip_into_a_fresh_database_gives_identical_topic_lines(
    dump_file: Path, tmp_path: Path, fresh_database: Callable[[Path], dict[str, str]]
) -> None:
    env = fresh_database(tmp_path / "other")
    (tmp_path / "other").mkdir(exist_ok=True)
    for args in (("migrate", "--verbosity", "0"), ("import-dump", str(dump_file))):
        result = run_symptomdb(*args, env=env)
        assert result.returncode == 0, result.stderr
    assert "7 created" in result.stdout
    again = tmp_path / "again.jsonl"
    result = run_symptomdb("export-dump", str(again), env=env)
    assert result.returncode == 0, result.stderr
    assert again.read_text().splitlines()[1:] == dump_file.read_text().splitlines()[1:]


def test_bad_dump_names_line_and_field_and_changes_nothing(dump_file: Path, tmp_path: Path) -> None:
    before = export_documents()
    lines = dump_file.read_text().splitlines()
    second = json.loads(lines[2])
    second["title"] = "Changed"  # would update the topic if anything were written
    third = json.loads(lines[3])
    third["codes"] = {"icd10cm": ["R45.80"]}
    fourth = json.loads(lines[4])
    fourth["updated"] = "yesterday"
    lines[2], lines[3], lines[4] = (json.dumps(x) for x in (second, third, fourth))
    lines.insert(5, "{not json")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError) as caught:
        call_command("import_dump", str(bad))
    message = str(caught.value)
    assert "bad.jsonl, line 4, field `codes.icd10cm`: 'R45.80' is not in the ICD-10-CM" in message
    assert "bad.jsonl, line 5, field `updated`: expected a date written YYYY-MM-DD" in message
    assert "bad.jsonl, line 6: not valid JSON" in message
    assert export_documents() == before


def test_a_file_that_is_not_a_dump_is_refused_on_its_first_line() -> None:
    with pytest.raises(DumpFileInvalid) as caught:
        read_dump('{"format": "something-else"}\n', "x.jsonl", TODAY)
    assert "x.jsonl, line 1, field `format`" in str(caught.value)
