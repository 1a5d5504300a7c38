"""The learned ranker: one linear combination of ranking features, fitted on training questions.

The index (``index.py``) gathers candidates — the best by BM25 over questions, by BM25 over
answers, by MiniLM similarity, and every passage whose focus the question names — and
describes each one with the features in ``FEATURES``. A passage's score is the dot product
of its features with the fitted weights: no weight here is set by hand.

The weights are fitted by ``bench/answering_fit.py`` on the weak judgments of the LiveQA-Med
training questions (docs/answering-judgments.md), pairwise: for each training question, a
better-judged candidate should score above a worse one, which is a logistic regression on
feature differences (a linear RankNet). Two sets are fitted and shipped in
``data/ranker.json``: with MiniLM similarity (the default) and without it (the lexical
fallback, used only when the passage vectors are missing).

Plain Python: no Django import.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

__all__ = [
    "FEATURES",
    "LEXICAL_FEATURES",
    "RANKER_FILE",
    "Ranker",
    "fit_pairwise",
    "load_rankers",
]

RANKER_FILE = Path(__file__).resolve().parent / "data" / "ranker.json"

# Every feature is computed for every candidate (index.AnswerIndex.features). Scores are
# normalised per question (divided by the best candidate's), so one question's weights
# carry over to another.
FEATURES: tuple[str, ...] = (
    "question_bm25",  # BM25 over the passage's focus, synonyms and question, / best
    "answer_bm25",  # BM25 over the passage's answer text, / best
    "question_bm25_rrf",  # 60 / (60 + rank) in the question-BM25 list (0 outside the top 300)
    "semantic",  # MiniLM cosine of question and passage question
    "semantic_gap",  # semantic minus the best candidate's semantic (<= 0)
    "semantic_rrf",  # 60 / (60 + rank) in the MiniLM list (0 outside the top 300)
    "focus",  # how strongly the question names the passage's focus (0..1)
    "kind",  # the passage's kind is one the question asks for
    "kind_related",  # its kind answers the asked one in part (coping <- treatment, ...)
    "focus_and_kind",  # focus * kind: the named topic's section of the asked type
    "plain_language",  # MedlinePlus, NIHSeniorHealth, our topics
    "no_text",  # the publisher withheld the answer text (only a link can be shown)
)
SEMANTIC_ONLY = frozenset({"semantic", "semantic_gap", "semantic_rrf"})
LEXICAL_FEATURES: tuple[str, ...] = tuple(f for f in FEATURES if f not in SEMANTIC_ONLY)


@dataclass(frozen=True)
class Ranker:
    """A fitted linear ranker: ``score = features @ weights``."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    # The confidence bar: a first answer scoring below it is not offered (see the fit).
    min_score: float = 0.0
    # A passage about nothing the question names is offered only from this MiniLM similarity
    # (above 1: never, as for the lexical ranker).
    min_similarity: float = 2.0
    # One of our own sections is offered from this MiniLM similarity of the question to its
    # closest sentence, whatever its score: the score and the bars above are fitted on
    # MedQuAD's questions, and a question is never as close to a sentence that answers it
    # as to another wording of itself. Fitted on a set of consumer questions about our
    # topics (``bench/answering_consumer.py --fit``); above 1: never.
    section_similarity: float = 2.0

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Scores for candidate rows of ``matrix`` (columns in ``FEATURES`` order)."""
        columns = [FEATURES.index(f) for f in self.features]
        result: np.ndarray = matrix[:, columns] @ np.asarray(self.weights, dtype=np.float64)
        return result

    def as_dict(self) -> dict[str, float]:
        """Feature name -> weight, for the file and the docs."""
        return dict(zip(self.features, self.weights, strict=True))


def fit_pairwise(
    groups: Sequence[tuple[np.ndarray, np.ndarray]],
    features: tuple[str, ...] = FEATURES,
    pairs_per_question: int = 400,
    c: float = 1.0,
    seed: int = 13,
) -> Ranker:
    """Fit a linear ranker on (feature matrix, grades) per training question.

    Every pair of candidates with different grades (unjudged = 0) is one example: the
    difference of their feature rows, labelled by which is better. At most
    ``pairs_per_question`` pairs are sampled per question, so long candidate lists do not
    outweigh short ones. scikit-learn's logistic regression (no intercept, L2 with ``c``).
    """
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(seed)
    columns = [FEATURES.index(f) for f in features]
    diffs, labels = [], []
    for matrix, grades in groups:
        better, worse = np.nonzero(grades[:, None] > grades[None, :])
        if len(better) == 0:
            continue
        if len(better) > pairs_per_question:
            keep = rng.choice(len(better), pairs_per_question, replace=False)
            better, worse = better[keep], worse[keep]
        x = matrix[better][:, columns] - matrix[worse][:, columns]
        diffs += [x, -x]
        labels += [np.ones(len(x)), np.zeros(len(x))]
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    model.fit(np.vstack(diffs), np.concatenate(labels))
    return Ranker(features, tuple(float(w) for w in model.coef_[0]))


@cache
def load_rankers(path: Path = RANKER_FILE) -> dict[str, Ranker]:
    """The shipped rankers: "semantic" (default) and "lexical" (fallback)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for name in ("semantic", "lexical"):
        weights = data[name]["weights"]
        unknown = set(weights) - set(FEATURES)
        if unknown:
            raise ValueError(f"{path}: `{name}.weights` has unknown features {sorted(unknown)}")
        out[name] = Ranker(
            tuple(weights),
            tuple(float(w) for w in weights.values()),
            float(data[name]["min_score"]),
            float(data[name].get("min_similarity", 2.0)),
            float(data[name].get("section_similarity", 2.0)),
        )
    return out
