"""`symptomdb build-index` and the site's semantic ranking (the default install)."""

from __future__ import annotations

import io
import logging

import pytest
from django.core.management import call_command

from symptomdb.answering.ranker import load_rankers
from symptomdb.answers import building
from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db


def test_site_ranks_semantically_once_vectors_are_built(
    monkeypatch: pytest.MonkeyPatch,
    loaded_site: list[TopicDocument],
    settings: object,
    tmp_path: object,
) -> None:
    settings.SYMPTOMDB_INDEX_DIR = tmp_path  # type: ignore[attr-defined]
    monkeypatch.setitem(building._cache, "index", None)
    out = io.StringIO()
    call_command("build_index", stdout=out)
    assert "passages encoded" in out.getvalue()
    index = building.get_answer_index()
    assert index.semantic
    assert index.ranker == load_rankers()["semantic"]


def test_with_semantic_ranking_turned_off_nothing_is_encoded(
    loaded_site: list[TopicDocument], settings: object, tmp_path: object
) -> None:
    settings.SYMPTOMDB_INDEX_DIR = tmp_path  # type: ignore[attr-defined]
    settings.SYMPTOMDB_SEMANTIC = False  # type: ignore[attr-defined]
    out = io.StringIO()
    call_command("build_index", stdout=out)
    assert "Semantic ranking is off" in out.getvalue()
    assert not any(tmp_path.iterdir())  # type: ignore[attr-defined]


def test_too_many_missing_vectors_fall_back_to_lexical_and_say_so(
    monkeypatch: pytest.MonkeyPatch,
    loaded_site: list[TopicDocument],
    settings: object,
    tmp_path: object,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.SYMPTOMDB_INDEX_DIR = tmp_path  # type: ignore[attr-defined]
    monkeypatch.setattr(building, "MAX_NEW_TEXTS", 0)
    monkeypatch.setitem(building._cache, "index", None)
    with caplog.at_level(logging.WARNING, logger="symptomdb.answers.building"):
        index = building.get_answer_index()
    assert not index.semantic
    assert index.ranker == load_rankers()["lexical"]
    assert "ranking lexically until `symptomdb build-index` runs" in caplog.text
