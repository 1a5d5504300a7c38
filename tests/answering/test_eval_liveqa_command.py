"""`symptomdb eval-liveqa` end to end on a tiny collection and question set written here."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.importers.test_liveqa import QUESTIONS
from tests.importers.test_medquad import DOC, write

pytestmark = pytest.mark.django_db


def test_run_file_and_report_use_qrels_ids(tmp_path: Path) -> None:
    medquad = tmp_path / "medquad"
    write(medquad, "2_GARD_QA", "0000042.xml", DOC.format(source="GARD"))
    call_command("import_medquad", str(medquad), stdout=io.StringIO(), stderr=io.StringIO())
    questions = tmp_path / "questions.xml"
    questions.write_text(QUESTIONS)
    qrels = tmp_path / "qrels.txt"
    # Question 7 asks what to do about hiccups at home: the treatment pair is Excellent.
    qrels.write_text("7 4-Excellent GARD_0000042_Sec2.txt\n7 2-Related GARD_0000042_Sec1.txt\n")
    out = tmp_path / "out"
    stdout = io.StringIO()
    call_command(
        "eval_liveqa",
        "--questions",
        str(questions),
        "--qrels",
        str(qrels),
        "--out",
        str(out),
        stdout=stdout,
    )
    run_lines = [line.split() for line in (out / "run.txt").read_text().splitlines()]
    # TREC run lines with the qrels' answer ids, ranks 1 and 2 (the order is the ranker's).
    assert {tuple(line[:2]) for line in run_lines} == {("7", "Q0")}
    assert {line[2] for line in run_lines} == {"GARD_0000042_Sec1.txt", "GARD_0000042_Sec2.txt"}
    assert [line[3] for line in run_lines] == ["1", "2"]
    # The report scores that run against the qrels: LiveQA's avgScore is the first
    # answer's grade minus one (Excellent 3, Related 1).
    first = 3.0 if run_lines[0][2] == "GARD_0000042_Sec2.txt" else 1.0
    report = json.loads((out / "report.json").read_text())
    assert report["questions"] == 1
    assert report["strict"]["avg_score"] == first
    assert f"| strict | {first:.3f} |" in stdout.getvalue()
    svg = (out / "avg_score_by_type.svg").read_text()
    assert svg.startswith("<svg") and "avgScore by question type" in svg and f"{first:.2f}" in svg


def test_eval_without_imported_collection_says_what_to_do(tmp_path: Path) -> None:
    questions = tmp_path / "questions.xml"
    questions.write_text(QUESTIONS)
    qrels = tmp_path / "qrels.txt"
    qrels.write_text("7 4-Excellent GARD_0000042_Sec2.txt\n")
    with pytest.raises(CommandError, match="run 'symptomdb import-medquad DIR' first"):
        call_command(
            "eval_liveqa",
            "--questions",
            str(questions),
            "--qrels",
            str(qrels),
            "--out",
            str(tmp_path / "o"),
        )
