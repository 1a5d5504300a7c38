"""After an import, readers are answered from the index they had until the new one is built."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from symptomdb.answers import building
from tests.importers.test_medquad import DOC, write


@pytest.mark.django_db(transaction=True)
def test_an_import_is_picked_up_in_the_background_without_a_reader_waiting(
    tmp_path: Path, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.SYMPTOMDB_REBUILD_IN_BACKGROUND = True  # type: ignore[attr-defined]
    monkeypatch.setitem(building._cache, "index", None)
    monkeypatch.setitem(building._cache, "fingerprint", None)
    before = building.get_answer_index()  # a worker's first index, built at start
    assert not any(p.origin == "medquad" for p in before.passages)

    write(tmp_path / "medquad", "2_GARD_QA", "0000042.xml", DOC.format(source="GARD"))
    call_command(
        "import_medquad", str(tmp_path / "medquad"), stdout=io.StringIO(), stderr=io.StringIO()
    )
    monkeypatch.setitem(building._cache, "checked", 0.0)  # as if the 5 s re-check came round

    started = time.monotonic()
    served = building.get_answer_index()
    assert served is before  # the reader is answered at once, from the index it had
    assert time.monotonic() - started < 0.5
    for _ in range(100):  # the new index is swapped in when the background build ends
        if building.get_answer_index() is not before:
            break
        time.sleep(0.1)
    after = building.get_answer_index()
    assert after is not before
    assert any(p.id == "GARD_0000042_Sec1.txt" for p in after.passages)
