"""After an import, readers are answered from the index they had until the new one is built.

The background thread is replaced by a stand-in that holds the work until the test runs it,
here, inside the test's transaction: so the test needs no committed data (a transactional
test empties the database for the tests after it), no sleep and no clock.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.management import call_command

from symptomdb.answers import building
from tests.importers.test_medquad import DOC, write


class HeldThread:
    """Takes the place of ``threading.Thread`` in ``building``: started means queued."""

    queued: list[HeldThread] = []

    def __init__(self, target: Any, args: tuple[Any, ...] = (), daemon: bool = False) -> None:
        self.target, self.args = target, args

    def start(self) -> None:
        HeldThread.queued.append(self)


@pytest.mark.django_db
def test_an_import_is_picked_up_in_the_background_without_a_reader_waiting(
    tmp_path: Path, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.SYMPTOMDB_REBUILD_IN_BACKGROUND = True  # type: ignore[attr-defined]
    monkeypatch.setattr(
        building, "threading", SimpleNamespace(Thread=HeldThread, Lock=threading.Lock)
    )
    # The background work closes its thread's connection; here that would be the test's.
    monkeypatch.setattr(building, "connections", SimpleNamespace(close_all=lambda: None))
    monkeypatch.setattr(HeldThread, "queued", [])
    monkeypatch.setitem(building._cache, "index", None)
    monkeypatch.setitem(building._cache, "fingerprint", None)
    monkeypatch.setitem(building._cache, "building", False)
    before = building.get_answer_index()  # a worker's first index, built at start
    assert not any(p.origin == "medquad" for p in before.passages)
    assert HeldThread.queued == []  # the first index is built in the request

    write(tmp_path / "medquad", "2_GARD_QA", "0000042.xml", DOC.format(source="GARD"))
    call_command(
        "import_medquad", str(tmp_path / "medquad"), stdout=io.StringIO(), stderr=io.StringIO()
    )
    monkeypatch.setitem(building._cache, "checked", 0.0)  # as if the 5 s re-check came round

    # The reader is answered at once from the index it had; one rebuild is queued, however
    # many readers ask meanwhile.
    assert building.get_answer_index() is before
    assert building.get_answer_index() is before
    assert len(HeldThread.queued) == 1

    rebuild = HeldThread.queued[0]
    rebuild.target(*rebuild.args)  # the background build ends: the new index is swapped in
    after = building.get_answer_index()
    assert after is not before
    assert any(p.id == "GARD_0000042_Sec1.txt" for p in after.passages)
    assert len(HeldThread.queued) == 1  # nothing more to build
