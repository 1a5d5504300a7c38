"""Importing MedQuAD: all or nothing, updates in place, attributed pages, and the real data."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from symptomdb.collections.models import CollectionAnswer, CollectionDocument
from tests.importers.test_medquad import DOC, write

pytestmark = pytest.mark.django_db
MEDQUAD = Path(__file__).resolve().parents[3] / "shared" / "data" / "medquad"


def small_tree(root: Path) -> Path:
    write(root, "2_GARD_QA", "0000042.xml", DOC.format(source="GARD"))
    write(
        root,
        "10_MPlus_ADAM_QA",
        "0000043.xml",
        DOC.format(source="ADAM").replace("A test answer written for this test.", ""),
    )
    return root


def run(root: Path) -> str:
    out = io.StringIO()
    call_command("import_medquad", str(root), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_keeps_questions_without_answers_with_source_and_url(tmp_path: Path) -> None:
    assert "2 documents, 4 question–answer pairs (3 without answer text" in run(
        small_tree(tmp_path)
    )
    withheld = CollectionDocument.objects.get(file="10_MPlus_ADAM_QA/0000043.xml")
    assert withheld.answers_withheld and withheld.url == "https://example.org/topic"
    assert [a.answer for a in withheld.answers.all()] == ["", ""]
    assert withheld.licence == "publisher's copyright: text withheld, read it at the source"


def test_rerun_updates_in_place(tmp_path: Path) -> None:
    root = small_tree(tmp_path)
    run(root)
    ids = set(CollectionAnswer.objects.values_list("id", flat=True))
    write(
        root,
        "2_GARD_QA",
        "0000042.xml",
        DOC.format(source="GARD").replace("A test answer", "An updated answer"),
    )
    run(root)
    assert set(CollectionAnswer.objects.values_list("id", flat=True)) == ids
    assert CollectionAnswer.objects.get(answer_id="GARD_0000042_Sec1.txt").answer.startswith(
        "An updated answer"
    )


def test_malformed_file_stops_the_run_and_changes_nothing(tmp_path: Path) -> None:
    root = small_tree(tmp_path)
    run(root)
    before = list(CollectionAnswer.objects.values_list("id", "answer"))
    write(
        root,
        "2_GARD_QA",
        "0000042.xml",
        DOC.format(source="GARD").replace("A test answer", "Changed"),
    )
    bad = write(
        root, "3_GHR_QA", "0000099.xml", DOC.format(source="GHR").replace("</Document>", "")
    )
    with pytest.raises(
        CommandError, match=rf"{bad}, element <Document>: not well-formed XML.*nothing was imported"
    ):
        run(root)
    assert list(CollectionAnswer.objects.values_list("id", "answer")) == before


def test_imported_document_page_shows_attribution_and_links_withheld_answers(
    tmp_path: Path, client: Client
) -> None:
    run(small_tree(tmp_path))
    withheld = CollectionDocument.objects.get(file="10_MPlus_ADAM_QA/0000043.xml")
    html = client.get(withheld.get_absolute_url()).content.decode()
    assert "MedlinePlus A.D.A.M. Medical Encyclopedia" in html
    assert "publisher&#x27;s copyright: text withheld, read it at the source" in html
    assert "CC BY 4.0" not in html
    assert "not included here for copyright reasons" in html
    assert 'href="https://example.org/topic"' in html
    shown = CollectionDocument.objects.get(file="2_GARD_QA/0000042.xml")
    assert (
        "A test answer written for this test."
        in client.get(shown.get_absolute_url()).content.decode()
    )


@pytest.fixture
def lint_once_per_suite(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The safe-messaging lint of the real answers, made once per `scripts/run_tests.py`.

    The lint is plain Python on the parsed text (the same text gives the same findings on
    any database) and takes about 7 s of every import of the 47,457 answers. The first run
    (SQLite) lints every answer and keeps the results, by text and lint version, in the
    folder both runs share (SYMPTOMDB_TEST_SHARED_DIR); the PostgreSQL run's import stores
    those results and is checked against the same figures. Without the shared folder it is
    made every time.
    """
    shared = os.environ.get("SYMPTOMDB_TEST_SHARED_DIR")
    if not shared:
        yield
        return
    from symptomdb.collections import importing, safety
    from symptomdb.safety import content_lint

    sources = b"".join(Path(m.__file__ or "").read_bytes() for m in (safety, content_lint))
    path = Path(shared) / f"medquad-lint-{hashlib.sha256(sources).hexdigest()[:16]}.pickle"
    memo: dict[tuple[str, bool, Any], Any] = (
        pickle.loads(path.read_bytes()) if path.exists() else {}
    )
    real = importing.lint_passage

    def lint(text: str, *, sensitive: bool, blocking: frozenset[str] | None = None) -> Any:
        key = (hashlib.sha256(text.encode()).hexdigest(), sensitive, blocking)
        if key not in memo:
            memo[key] = real(text, sensitive=sensitive, blocking=blocking)
        return memo[key]

    monkeypatch.setattr(importing, "lint_passage", lint)
    yield
    if not path.exists():
        path.write_bytes(pickle.dumps(memo))


@pytest.mark.skipif(
    not MEDQUAD.is_dir(), reason="../shared/data/medquad is not present on this machine"
)
def test_real_medquad_imports_every_pair(lint_once_per_suite: None, settings: Any) -> None:
    # What is imported, not its vectors: encoding 47,457 questions was two thirds of this
    # test's time (64 of 91 s on a quiet machine). The import builds vectors as `make run`
    # does in tests/answering/test_build_index_command.py, and on the whole of MedQuAD in
    # bench/import_speed.py.
    settings.SYMPTOMDB_SEMANTIC = False
    out = run(MEDQUAD)
    assert "Semantic ranking is off" in out
    # The XML holds 47,441 pairs in the current <Document> shape plus 16 in six files of older
    # shapes (five NINDS <doc>, one CDC <DiseaseFile>): 47,457, the figure the paper gives.
    assert CollectionAnswer.objects.count() == 47_457
    assert CollectionDocument.objects.count() == 11_274
    assert CollectionAnswer.objects.filter(answer="").count() == 31_034
    assert "47457 question–answer pairs" in out
    # The safe-messaging lint withholds 15 answers (docs/safety.md lists why): the
    # "Self-harm" record, which lists methods and tools, and 14 clinical texts that use
    # "self-mutilation", "attention-seeking" or "mutilating".
    withheld = CollectionAnswer.objects.filter(withheld_for_safety=True)
    assert withheld.count() == 15
    assert "15 answer(s) withheld by the safe-messaging lint" in out
    assert withheld.filter(answer_id="MPlusHealthTopics_0000804_Sec1.txt").exists()
    qrels = (
        MEDQUAD.parent
        / "liveqa-med"
        / "dev"
        / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt"
    )
    judged = {line.split()[2] for line in qrels.read_text().splitlines() if line.strip()}
    found = set(
        CollectionAnswer.objects.filter(answer_id__in=judged).values_list("answer_id", flat=True)
    )
    assert found == judged
