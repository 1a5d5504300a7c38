"""The lead of an answer: the few sentences of the best passage that answer the question.

A section can run to hundreds of words; a reader on a phone should first see two or three
sentences that answer what was asked, with their citations, and then the whole section on
request. The sentences are the passage's own (extractive, never rewritten), shown in the
order the passage has them.

How they are chosen: each sentence is scored by the question's words it contains (stemmed,
stop words left out), rarer words counting more, with a small preference for earlier
sentences, which in our sections and in MedQuAD's answers state the main point. "Rarer" is
the word's inverse document frequency over every passage of the index when the caller gives
it (``AnswerIndex.rarity``: "help" is everywhere, "medication" is not), and over the
passage's own sentences otherwise. An item of a section (one treatment, say) is one unit,
its name then its description. The best sentences are taken, up to
``LEAD_SENTENCES`` and about ``LEAD_WORDS`` words, and always the opening sentence when
nothing else matches. This is a rule of thumb, not a fitted model: no judged set of lead
sentences exists yet to fit one on.

Plain Python: no Django import.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from symptomdb.answering.index import tokens

__all__ = ["LEAD_SENTENCES", "LEAD_WORDS", "choose_lead"]

LEAD_SENTENCES = 3
LEAD_WORDS = 70
_EARLY = 0.15  # the opening sentence's edge over a later one with the same words


def choose_lead(
    question: str,
    sentences: Sequence[str],
    rarity: Callable[[str], float] | None = None,
) -> tuple[str, ...]:
    """Up to three of ``sentences`` that answer ``question``, in their own order.

    Args:
        question: what was asked.
        sentences: the passage's sentences (and item units), in order.
        rarity: a stemmed word's weight (inverse document frequency over a collection);
            without it, words are weighed by how few of ``sentences`` have them.

    Returns all of them when they are short enough together, and () when there are none.
    """
    if not sentences:
        return ()
    if sum(len(s.split()) for s in sentences) <= LEAD_WORDS:
        return tuple(sentences)
    asked = set(tokens(question))
    words = [set(tokens(s)) for s in sentences]
    weight = {
        w: rarity(w)
        if rarity
        else math.log(1 + len(sentences) / (1 + sum(w in ws for ws in words)))
        for w in asked
    }
    scores = [sum(weight[w] for w in asked & ws) + _EARLY / (1 + n) for n, ws in enumerate(words)]
    if max(scores) <= _EARLY:  # no sentence has the question's words: the opening ones
        order = list(range(min(2, len(sentences))))
    else:
        order = sorted(range(len(sentences)), key=lambda n: (-scores[n], n))
    chosen: list[int] = []
    length = 0
    for n in order:
        size = len(sentences[n].split())
        if chosen and (length + size > LEAD_WORDS or (scores[n] < _EARLY and max(scores) > _EARLY)):
            continue
        chosen.append(n)
        length += size
        if len(chosen) == LEAD_SENTENCES:
            break
    return tuple(sentences[n] for n in sorted(chosen))
