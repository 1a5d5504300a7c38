"""The learned part of the crisis screen: two models over a text, mixed, fitted on the bank.

- **Character and word n-grams** (hashed, so any script and any misspelling has features),
  scored by a linear model. Cheap and linear in length, so it reads every window of a long
  text, and of a text longer than any reader can send it picks the windows the classifier
  reads. A fourth linear head on the same
  features tells English from the bank's other languages.
- **A fine-tuned multilingual classifier**: multilingual-e5-small (six layers) fine-tuned
  on the bank, run by ONNX Runtime (``classifier.py``); by far the stronger of the two.

Each model has three heads — "at least concern", "at least crisis", "emergency". A text is
cut into windows of whole sentences the classifier reads whole (``windows``; the classifier
was fine-tuned on windows cut the same way); up to ``ENCODED_WINDOWS`` are read closely — all
of them for any text a reader can send — and the text's score is its highest window's.
A text goes one of two **routes**, each with its own mix and
thresholds: English (the language head is confident the text is English) and every other
text, so that each can be set for the same recall.
A text whose every window the n-grams find quiet (below the gate, chosen in training so
that no crisis or emergency text of the held-out bank is below it) is scored by the n-grams
alone: most texts are ordinary, and the classifier costs ten times more.
The n-gram heads are fitted on 80% of the bank, the classifier is fine-tuned on the same
80%, and the routes' mixes and thresholds are chosen on the other 20% (``training.py``) —
never on an evaluation set. The fitted numbers live in ``data/crisis_model.npz``.

Plain Python: no Django import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from symptomdb.safety.crisis_rules import fold
from symptomdb.safety.ngrams import char_ngram_buckets, word_ngram_buckets

if TYPE_CHECKING:
    from symptomdb.safety.classifier import FineTunedClassifier

__all__ = [
    "HEADS",
    "MODEL_FILE",
    "ROUTES",
    "SENTENCE_END",
    "CrisisModel",
    "HeadScorer",
    "ModelScores",
    "NgramFeatures",
    "Window",
    "combine",
    "decide_level",
    "load_model",
    "top_windows",
    "windows",
]

MODEL_FILE = Path(__file__).resolve().parent / "data" / "crisis_model.npz"
HEADS = ("concern", "crisis", "emergency")
# The two routes a text can take; each has its own mix and thresholds.
ROUTES = ("english", "other")
# A window is a run of whole sentences up to about this many of the classifier's word
# pieces (it reads at most 128 with its markers and prefix; a window of 96 costs about 13 ms
# on one core), or, for a model without a classifier, this many characters.
# The classifier is fine-tuned on the same windows (``finetune.py``).
WINDOW_PIECES = 96
WINDOW_CHARS = 280
# The classifier reads at most this many windows of a text: every window of any text a
# reader can send (2,000 characters are at most about five windows of English; no bank text
# has more than four), and of a longer one the most worrying by n-grams. With two, the
# n-grams, which read a long ordinary story's complaints as worse than one plain sentence
# of despair in it, chose the wrong windows.
ENCODED_WINDOWS = 4

SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])\s+|\n+")


@dataclass(frozen=True)
class Window:
    """A stretch of whole sentences: its text and the 1-based number of its first sentence."""

    text: str
    sentence: int


def windows(
    text: str,
    size: int = WINDOW_CHARS,
    measure: Callable[[list[str]], list[int]] | None = None,
) -> list[Window]:
    """Cut ``text`` into as few windows of whole sentences of at most about ``size`` as the
    text needs, each about as large as the others (the classifier was fine-tuned on windows
    cut this way).

    Even windows cost the same to read: a message read as 96 and 40 word pieces waits for
    the 96 on one core while the other idles; read as 68 and 68 it finishes in about
    three quarters of the time, on two cores.

    ``measure`` gives each sentence's size (the classifier's word pieces, ``count_pieces``);
    without it, a sentence's size is its length in characters and a space. A sentence larger
    than ``size`` is cut into equal stretches of characters that each fit.
    """
    sentences = [s.strip() for s in SENTENCE_END.split(text)]
    sentences = [s for s in sentences if s]
    sizes = measure(sentences) if measure is not None else [len(s) + 1 for s in sentences]
    # (sentence number, stretch of text, its size): whole sentences, or equal stretches of
    # one larger than ``size``.
    stretches: list[tuple[int, str, int]] = []
    for number, (sentence, sentence_size) in enumerate(zip(sentences, sizes, strict=True), 1):
        cuts = max(1, -(-sentence_size // size))
        step = -(-len(sentence) // cuts)
        share = -(-sentence_size // cuts)
        stretches += [
            (number, sentence[i : i + step], share) for i in range(0, len(sentence), step)
        ]
    if not stretches:
        return [Window("", 1)]
    fewest = len(_fill(stretches, size))
    # The smallest limit that still needs no more windows than filling each to ``size``.
    limit = -(-sum(share for _, _, share in stretches) // fewest)
    while len(cut := _fill(stretches, limit)) > fewest:
        limit = min(limit + max(1, size // 16), size)
    return cut


def _fill(stretches: Sequence[tuple[int, str, int]], limit: int) -> list[Window]:
    """Fill windows in turn with ``stretches`` until the next would pass ``limit``."""
    out: list[Window] = []
    current: list[str] = []
    length = 0
    first = 1
    for number, part, share in stretches:
        if current and length + share > limit:
            out.append(Window(" ".join(current), first))
            current, length = [], 0
        if not current:
            first = number
        current.append(part)
        length += share
    if current:
        out.append(Window(" ".join(current), first))
    return out


class NgramFeatures:
    """Hashed character (2–5, within words) and word (1–2) n-grams of folded text
    (``ngrams.py``: computed with numpy, never built as strings)."""

    BITS = 18
    N_FEATURES = 2**BITS

    def transform(self, texts: Sequence[str]) -> Any:
        """A sparse matrix, one row per text: n-gram counts, characters in the first
        ``N_FEATURES`` columns and words in the next, each part scaled to unit length."""
        from scipy.sparse import csr_matrix

        folded = [fold(t) for t in texts]
        char_rows, char_buckets = char_ngram_buckets(folded, self.BITS)
        word_rows, word_buckets = word_ngram_buckets(folded, self.BITS)
        rows = np.concatenate([char_rows, word_rows])
        columns = np.concatenate([char_buckets, word_buckets + self.N_FEATURES])
        # One sort gives each row's distinct columns in order, with their counts.
        keys, counts = np.unique(rows * (2 * self.N_FEATURES) + columns, return_counts=True)
        rows, columns = keys // (2 * self.N_FEATURES), keys % (2 * self.N_FEATURES)
        # Each row's character part and word part scaled to unit length.
        part = rows * 2 + (columns >= self.N_FEATURES)
        norms = np.sqrt(np.bincount(part, weights=counts**2.0, minlength=2 * len(texts)))
        data = counts / norms[part]
        indptr = np.searchsorted(rows, np.arange(len(texts) + 1))
        return csr_matrix(
            (data, columns, indptr), shape=(len(texts), 2 * self.N_FEATURES), copy=False
        )


@dataclass(frozen=True)
class ModelScores:
    """Probabilities per head for one text, and the window that carried the highest risk."""

    concern: float
    crisis: float
    emergency: float
    window: Window
    route: str = "other"
    thresholds: tuple[float, float, float] = (0.5, 0.5, 0.5)


def _sparse_dot(x: Any, coef: np.ndarray) -> np.ndarray:
    """Rows of a CSR matrix times a dense (features, k) array, reading only the nonzeros
    (scipy's general product costs milliseconds at this width; this costs microseconds)."""
    out = np.zeros((x.shape[0], coef.shape[1]), dtype=np.float64)
    for row in range(x.shape[0]):
        start, end = x.indptr[row], x.indptr[row + 1]
        if end > start:
            out[row] = x.data[start:end] @ coef[x.indices[start:end]]
    return out


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-x)))


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1.0 - 1e-6)
    return np.asarray(np.log(q / (1.0 - q)))


class HeadScorer(Protocol):
    """Anything that gives head probabilities for texts (the fine-tuned classifier), and
    the word pieces it reads in each."""

    def scores(self, texts: Sequence[str]) -> np.ndarray: ...

    def count_pieces(self, texts: list[str]) -> list[int]: ...


class CrisisModel:
    """The fitted n-gram heads, the classifier, the mix and the level thresholds."""

    def __init__(
        self,
        params: dict[str, np.ndarray],
        classifier: HeadScorer | FineTunedClassifier | None,
    ) -> None:
        # Stored transposed and contiguous: a sparse row times this is one cheap product.
        self.ngram_coef = np.ascontiguousarray(params["ngram_coef"].astype(np.float32).T)
        self.ngram_bias = params["ngram_bias"].astype(np.float64)  # (heads,)
        self.language_coef = np.ascontiguousarray(
            params["language_coef"].astype(np.float32).reshape(-1, 1)
        )
        self.language_bias = float(params["language_bias"])
        # The English route needs the language head at least this sure.
        self.route_confidence = float(params["route_confidence"])
        # Per route: shares of the n-gram model and the classifier in the mix, and the
        # "at least concern", "at least crisis" and "emergency" thresholds.
        weights = np.asarray(params["weights"], dtype=np.float64).reshape(len(ROUTES), 2)
        thresholds = np.asarray(params["thresholds"], dtype=np.float64).reshape(len(ROUTES), 3)
        self.weights = {r: (float(w[0]), float(w[1])) for r, w in zip(ROUTES, weights, strict=True)}
        self.thresholds = {
            r: (float(t[0]), float(t[1]), float(t[2]))
            for r, t in zip(ROUTES, thresholds, strict=True)
        }
        self.meta: dict[str, Any] = json.loads(str(params["meta"]))
        # Below this n-gram "at least concern" score in every window, the text is read by the
        # n-grams alone (chosen in training: no crisis text of the held-out bank is under it).
        self.gate = float(params["gate"])
        self.features = NgramFeatures()
        self.classifier = classifier

    def ngram_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Head probabilities from the n-gram model, one row per text."""
        return self.ngram_and_language(texts)[0]

    def ngram_and_language(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """N-gram head probabilities (one row per text) and each text's chance of being
        English, from one pass over the features."""
        x = self.features.transform(texts)
        heads = _sigmoid(_sparse_dot(x, self.ngram_coef) + self.ngram_bias)
        english = _sigmoid(_sparse_dot(x, self.language_coef)[:, 0] + self.language_bias)
        return heads, english

    def route(self, english: np.ndarray) -> str:
        """The route for a text whose windows have these chances of being English."""
        return "english" if float(np.mean(english)) >= self.route_confidence else "other"

    def classifier_scores(self, texts: Sequence[str]) -> np.ndarray | None:
        """Head probabilities from the fine-tuned classifier, or None without one."""
        return None if self.classifier is None else self.classifier.scores(texts)

    def windows(self, text: str) -> list[Window]:
        """``text`` in the windows this model reads: runs of whole sentences the classifier
        reads whole (``WINDOW_PIECES``), or of ``WINDOW_CHARS`` without a classifier."""
        if self.classifier is None:
            return windows(text)
        return windows(text, WINDOW_PIECES, self.classifier.count_pieces)

    def score(self, text: str) -> ModelScores:
        """Score a text: every window by n-grams, the most worrying ones read closely by the
        classifier."""
        parts = self.windows(text)
        ngram, english = self.ngram_and_language([w.text for w in parts])  # (windows, heads)
        route = self.route(english)
        weights, thresholds = self.weights[route], self.thresholds[route]
        order = top_windows(ngram)
        if float(ngram[:, 0].max()) < self.gate:
            # Quiet everywhere: most texts. The slower classifier is skipped.
            scores = combine(parts, ngram, order, None, weights)
        else:
            chosen = [parts[i].text for i in order]
            classified = self.classifier_scores(chosen) if weights[1] > 0 else None
            scores = combine(parts, ngram, order, classified, weights)
        return replace(scores, route=route, thresholds=thresholds)


def top_windows(ngram: np.ndarray) -> np.ndarray:
    """Indices of the windows to read closely: the highest "at least concern" n-gram scores."""
    return np.argsort(-ngram[:, 0], kind="stable")[:ENCODED_WINDOWS]


def combine(
    parts: Sequence[Window],
    ngram: np.ndarray,
    order: np.ndarray,
    classified: np.ndarray | None,
    weights: Sequence[float],
) -> ModelScores:
    """Mix the models on the chosen windows; the text's score is the highest window's.

    The mix is a weighted mean of log-odds, not of probabilities: a model that is sure a
    window is ordinary (the classifier at 0.01) is not outvoted by a model that is unsure
    (the n-grams at 0.5 on a long story's list of aches), as it is when probabilities are
    averaged. A model that is missing gives its share to the other.
    """
    parts_scores = [(weights[0], ngram[order]), (weights[1], classified)]
    present = [(w, s) for w, s in parts_scores if s is not None and w > 0]
    total = sum(w for w, _ in present) or 1.0
    if present:
        mixed = _sigmoid(np.sum([w * _logit(s) for w, s in present], axis=0) / total)
    else:
        mixed = np.asarray(ngram[order])
    best = int(np.argmax(mixed[:, 1] + mixed[:, 2]))
    top = np.max(mixed, axis=0)
    return ModelScores(
        concern=float(top[0]),
        crisis=float(top[1]),
        emergency=float(top[2]),
        window=parts[int(order[best])],
    )


def decide_level(
    concern: float, crisis: float, emergency: float, thresholds: Sequence[float], rule: bool
) -> int:
    """The level (0–3) from head probabilities, thresholds and whether a rule fired.

    The levels nest: the model calls a text an emergency only when it is also at crisis by
    the crisis head (an emergency head alone, near its threshold, would withhold the answer
    from ordinary texts). A rule is an emergency on its own.
    """
    level = 0
    if concern >= thresholds[0]:
        level = 1
    if crisis >= thresholds[1]:
        level = 2
        if emergency >= thresholds[2]:
            level = 3
    if rule:
        level = 3
    return level


@cache
def load_model(path: Path = MODEL_FILE) -> CrisisModel:
    """The shipped model with its classifier (loaded once per process).

    Raises FileNotFoundError when the model file is missing: the screen never runs on
    rules alone without saying so.
    """
    with np.load(path, allow_pickle=False) as data:
        params = {key: data[key] for key in data.files}
    from symptomdb.safety.classifier import load_classifier

    return CrisisModel(params, load_classifier())
