"""The answering index for Spanish passages: the same ranking, read without accents.

The English index reads words as ``[a-z0-9]+`` and stems them in English, so "autolesión"
would split at the accent. ``SpanishAnswerIndex`` folds accents (and ñ) out of the passages
it indexes and out of each question before ranking, then hands back the passages as
written, accents and all. It only ever holds Spanish passages, so a Spanish question is
answered from Spanish pages and the English index is left exactly as it was. Plain Python:
no Django import.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence

import numpy as np

from symptomdb.answering.index import AnswerIndex, Focus, Hit
from symptomdb.answering.passages import Passage
from symptomdb.answering.ranker import Ranker
from symptomdb.answering.semantic import Encoder

__all__ = ["SpanishAnswerIndex", "fold_accents"]


def fold_accents(text: str) -> str:
    """``text`` without accents or tildes ("autolesión" → "autolesion", "daño" → "dano")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("¿", " ")


def _folded(passage: Passage) -> Passage:
    return dataclasses.replace(
        passage,
        focus=fold_accents(passage.focus),
        synonyms=tuple(fold_accents(s) for s in passage.synonyms),
        question=fold_accents(passage.question),
        text=fold_accents(passage.text),
    )


class SpanishAnswerIndex(AnswerIndex):
    """An :class:`AnswerIndex` over Spanish passages that ignores accents on both sides."""

    def __init__(
        self,
        passages: Sequence[Passage],
        ranker: Ranker | None = None,
        encoder: Encoder | None = None,
        vectors: np.ndarray | None = None,
    ) -> None:
        """Build the index from passages as written (see ``AnswerIndex``)."""
        self._written = {p.id: p for p in passages}
        super().__init__([_folded(p) for p in passages], ranker, encoder, vectors)

    def focus_matches(self, question: str) -> tuple[Focus, list[str]]:
        """As ``AnswerIndex.focus_matches``, on the question without accents."""
        return super().focus_matches(fold_accents(question))

    def search(
        self,
        question: str,
        kinds: Sequence[str],
        k: int = 10,
        focus: dict[int, float] | None = None,
    ) -> list[Hit]:
        """As ``AnswerIndex.search``; the hits carry the passages as written."""
        hits = super().search(fold_accents(question), kinds, k, focus)
        return [dataclasses.replace(h, passage=self._written[h.passage.id]) for h in hits]
