"""The topics nearest to a name a reader guessed: for a 404 on ``/topics/self-harm/``.

Plain Python over (title, names) pairs, so the rule can be read and tested alone: a topic
whose title, slug or synonym *is* the guess comes first ("self-harm" → Self-injury); then
topics with a name close in spelling (``difflib``, ratio ≥ 0.75: "depresion" → Depression)
or containing the guess as a whole word ("panic" → "panic attacks").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Nearest", "nearest_topics", "normalise_name"]

T = TypeVar("T")

# Below this similarity two names are different words, not a misspelling of one another.
CLOSE_ENOUGH = 0.75


def normalise_name(text: str) -> str:
    """Lower case, hyphens and underscores as spaces, one space between words."""
    return " ".join(re.sub(r"[-_+]+", " ", text).casefold().split())


@dataclass(frozen=True)
class Nearest(Generic[T]):
    """A topic near the guess, and the name of it that matched (its title, or a synonym)."""

    topic: T
    matched: str
    exact: bool


def nearest_topics(
    guess: str, topics: Iterable[tuple[T, str, Sequence[str]]], limit: int = 3
) -> list[Nearest[T]]:
    """The topics whose names are nearest ``guess``, best first.

    Args:
        guess: what the reader typed, e.g. a slug ("self-harm").
        topics: (topic, title, other names: slug, synonyms) for each candidate.
        limit: at most this many.

    Returns:
        Exact matches of any name first, then close spellings and containing names, by
        similarity; empty when nothing is near.
    """
    wanted = normalise_name(guess)
    if len(wanted) < 3:
        return []
    scored: list[tuple[float, int, Nearest[T]]] = []
    for order, (topic, title, names) in enumerate(topics):
        best: tuple[float, str] | None = None
        for name in (title, *names):
            candidate = normalise_name(name)
            if not candidate:
                continue
            if candidate == wanted:
                score = 2.0
            elif re.search(rf"\b{re.escape(wanted)}\b", candidate) or re.search(
                rf"\b{re.escape(candidate)}\b", wanted
            ):
                score = 1.0
            else:
                score = difflib.SequenceMatcher(None, wanted, candidate).ratio()
                if score < CLOSE_ENOUGH:
                    continue
            if best is None or score > best[0]:
                best = (score, name)
        if best is not None:
            scored.append((best[0], order, Nearest(topic, best[1], best[0] == 2.0)))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [nearest for _, _, nearest in scored[:limit]]
