"""Hashed character and word n-grams of many texts at once, computed with numpy.

The crisis model's cheap part reads every window of a text as hashed n-grams
(``crisis_model.NgramFeatures``). scikit-learn's ``HashingVectorizer`` builds every n-gram
as a Python string before hashing it: about 50 ms for a 20,000-character message, more than
the rest of the screen together. Here the n-grams are never built. A text's code points
are one numpy array, and each n-gram's hash is a polynomial of the code points in it,
computed for every starting place at once; a word is hashed once (CRC-32) and bigrams
from their words' hashes.

- **Characters**: every run of 2 to 5 characters inside a word padded with a space either
  side (scikit-learn's ``char_wb``: " word " gives " w", "wo", …, "rd ", " wor", …).
- **Words**: unigrams and bigrams of ``WORD_TOKENS`` within a text.

Each n-gram goes to one of ``2 ** bits`` buckets through a 64-bit mixer (splitmix64's
finaliser), so buckets do not follow the alphabet. The hashes are fixed functions of the
text: the same in every process and on every machine (numpy arithmetic on ``uint64``
wraps modulo 2**64 by definition).

Plain Python: no Django import.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

__all__ = ["WORD_TOKENS", "char_ngram_buckets", "word_ngram_buckets"]

# Words, and the few emoji that carry meaning in crisis talk.
WORD_TOKENS = re.compile(r"(?u)\b\w+\b|[💀😂🙃🔪💊]")

_BASE = np.uint64(0x100000001B3)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
# Tags keep n-grams of different lengths and kinds apart before mixing.
_TAG = np.uint64(0x9E3779B97F4A7C15)
_PAIR = np.uint64(0xD6E8FEB86659FD93)
_SEPARATOR = "\x00"


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit moves about half the output bits."""
    h = h ^ (h >> np.uint64(30))
    h = h * _MIX_1
    h = h ^ (h >> np.uint64(27))
    h = h * _MIX_2
    return np.asarray(h ^ (h >> np.uint64(31)))


def _buckets(h: np.ndarray, bits: int) -> np.ndarray:
    return (_mix(h) >> np.uint64(64 - bits)).astype(np.int64)


def char_ngram_buckets(
    texts: Sequence[str], bits: int, longest: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    """Row and bucket of every character n-gram (2 to ``longest`` long) inside each text's
    space-padded words; one entry per occurrence."""
    padded = [_SEPARATOR.join(f" {w} " for w in t.replace(_SEPARATOR, "").split()) for t in texts]
    joined = _SEPARATOR.join(padded)
    if not joined:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    row_of = np.repeat(np.arange(len(texts), dtype=np.int64), [len(p) + 1 for p in padded])[
        : len(codes)
    ]
    # separators[i]: how many separators come before place i.
    separators = np.concatenate([[0], np.cumsum(codes == 0)])
    rows: list[np.ndarray] = []
    buckets: list[np.ndarray] = []
    h = codes.copy()
    with np.errstate(over="ignore"):
        for n in range(2, longest + 1):
            starts = len(codes) - n + 1
            if starts <= 0:
                break
            # h[i] becomes the hash of codes[i : i + n] from that of codes[i : i + n - 1].
            h = h[:starts] * _BASE + codes[n - 1 : n - 1 + starts]
            inside = separators[n : n + starts] == separators[:starts]
            rows.append(row_of[:starts][inside])
            buckets.append(_buckets(h[inside] ^ (_TAG * np.uint64(n)), bits))
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(buckets)


def word_ngram_buckets(texts: Sequence[str], bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and bucket of every word unigram and bigram (``WORD_TOKENS``) of each text."""
    row_parts: list[list[int]] = []
    hashes: list[int] = []
    for row, text in enumerate(texts):
        words = WORD_TOKENS.findall(text)
        hashes += [zlib.crc32(w.encode("utf-8")) for w in words]
        row_parts.append([row] * len(words))
    rows = np.asarray([r for part in row_parts for r in part], dtype=np.int64)
    if not len(rows):
        return rows, rows.copy()
    h = np.asarray(hashes, dtype=np.uint64)
    same_text = rows[1:] == rows[:-1]
    with np.errstate(over="ignore"):
        unigrams = _buckets(h ^ _TAG, bits)
        bigrams = _buckets((h[:-1] * _PAIR + h[1:])[same_text] ^ (_TAG * np.uint64(2)), bits)
    return np.concatenate([rows, rows[:-1][same_text]]), np.concatenate([unigrams, bigrams])
