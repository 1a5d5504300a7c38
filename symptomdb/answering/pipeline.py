"""From a consumer's question to an attributed, extractive answer.

question ─► safety screen ─► reduce ─► types + focus ─► rank ─► compose

The safety screen reads the whole text; crisis and emergency lead with help (the caller
shows ``answer.help`` before anything else), and at emergency the answer is withheld: no
parts and no "see also", only help. The screen runs in a thread of its own
(``symptomdb.threads``) while the question is ranked (both spend their time in ONNX Runtime
and numpy, which let go of the GIL), so a question costs the slower of the two rather than
their sum; nothing is shown before the screen's verdict is in. The answer is extractive:
every part is a passage's own text (or, where the publisher withheld it, a pointer to the
source), never generated. Plain Python: no Django import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symptomdb.answering.compose import choose_lead
from symptomdb.answering.index import AnswerIndex, Hit
from symptomdb.answering.question_types import question_types
from symptomdb.answering.question_types_es import question_types_es
from symptomdb.answering.ranker import Ranker
from symptomdb.safety.crisis_screen import CrisisLevel, ScreenResult, screen_text
from symptomdb.safety.help_first import HelpFirst, help_first
from symptomdb.threads import pool

__all__ = ["Answer", "AnswerPart", "answer_question", "reduce_question"]

_GENERIC_SUBJECT = re.compile(
    r"^(?:general health|general information|topic not covered|question|questions|help|"
    r"clinicaltrials\.gov[^.]*|hello|hi|urgent|medical question|health question)\W*$",
    re.IGNORECASE,
)
_NOISE_SENTENCE = re.compile(
    r"^(?:hi|hello|hey|dear\b[^.]*|good (?:morning|afternoon|evening)|thanks?(?: you)?(?: so much| in advance)?|"
    r"regards|best regards|kind regards|sincerely|cheers|god bless)\W*$",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"\S+@\S+|https?://\S+|\+?\d[\d\s().-]{7,}\d")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def reduce_question(subject: str, message: str = "") -> str:
    """What is asked: drop generic subjects, greetings, thanks, sign-offs and contact details."""
    parts = []
    if subject.strip() and not _GENERIC_SUBJECT.match(subject.strip()):
        parts.append(subject.strip().rstrip(".") + ".")
    for sentence in _SENTENCE.split(_CONTACT.sub(" ", message)):
        sentence = sentence.strip()
        if sentence and not _NOISE_SENTENCE.match(sentence):
            parts.append(sentence)
    return " ".join(parts)


@dataclass(frozen=True)
class AnswerPart:
    """One part of an answer: the question type it answers and the passage that answers it."""

    kind: str
    hit: Hit
    # The few sentences of the passage that answer the question, citations kept
    # (``compose.choose_lead``); the whole passage follows on request.
    lead: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """The composed answer.

    Attributes:
        question: the text as the reader wrote it.
        asked: the reduced question used for ranking.
        kinds: the question types found.
        focus: names of topics found in the question.
        screen: the safety screen's verdict.
        help: the help block; when ``help.leads`` it must be shown before anything else.
        parts: one part per asked type that we can answer well, best first; empty when
            the answer is withheld.
        related: further good passages (other types or topics), for "see also"; empty when
            the answer is withheld.
        ranked: the ranked passages, for evaluation runs only (never shown to a reader).
        withheld: True at the emergency level: show the help and nothing else.
        confident: False when nothing cleared the bar: say so honestly and point to help.
    """

    question: str
    asked: str
    kinds: tuple[str, ...]
    focus: tuple[str, ...]
    screen: ScreenResult
    help: HelpFirst | None
    parts: tuple[AnswerPart, ...]
    related: tuple[Hit, ...]
    ranked: tuple[Hit, ...]
    withheld: bool = False

    @property
    def confident(self) -> bool:
        """True when at least one part cleared the confidence bar."""
        return bool(self.parts)


# A gthread worker answers up to four requests at once (gunicorn_conf.threads).
_SCREENERS = 4


def _confident(hit: Hit, ranker: Ranker) -> bool:
    """Offer a passage only when its score clears the ranker's confidence bar, and only about
    something the question names or means: word overlap alone ("burn at night" → night
    blindness) is noise, not an answer. Both bars are fitted with the ranker on the training
    questions (``bench/answering_fit.py``).

    Sections of one of our sensitive topics that the question names (ranked first by the
    index) are always offered: for "why do people cut themselves" our safe-messaging-checked
    topic answers, never "no good answer". One of our sections whose closest sentence is
    near the question in meaning (``Ranker.section_similarity``) is offered too."""
    if hit.passage.sensitive and hit.focus_matched:
        return True
    if hit.passage.origin == "topic" and hit.similarity >= ranker.section_similarity:
        return True  # a sentence of one of our sections is close to the question
    about = hit.focus_matched or hit.term_matched or hit.similarity >= ranker.min_similarity
    return about and hit.score >= ranker.min_score


def answer_question(
    index: AnswerIndex,
    subject: str,
    message: str = "",
    country: str | None = None,
    k: int = 10,
    language: str = "en",
) -> Answer:
    """Answer a consumer question from the index.

    Args:
        index: the answering index.
        subject: the question, or the subject line of a longer message.
        message: the body of a longer message, if any.
        country: the reader's chosen country for crisis lines.
        k: how many ranked passages to keep (for evaluation runs and "see also").
        language: "es" reads the question types in Spanish and words the help block in
            Spanish (pass the Spanish index too); "en" otherwise.

    Returns:
        An ``Answer``; its ``help`` leads for crisis and emergency.
    """
    question = " ".join(p for p in (subject.strip(), message.strip()) if p)
    screening = pool("screen", _SCREENERS).submit(screen_text, question)
    asked = reduce_question(subject, message) or question
    kinds = question_types_es(asked) if language == "es" else question_types(asked)
    focus, names = index.focus_matches(asked)
    if kinds == ("information",) and focus.named_items:
        # "cbt for self harm?", "what is DBT": a question with no other type that names an
        # item of our sections (a treatment, say) asks what those sections say of it.
        kinds = tuple(dict.fromkeys(index.passages[i].kind for i in sorted(focus.named_items)))
    ranked = index.search(asked, kinds, k=max(k, 20), focus=focus)
    parts: list[AnswerPart] = []
    used: set[str] = set()
    bar = index.ranker
    for kind in kinds:
        for hit in ranked:
            if hit.passage.kind == kind and hit.passage.id not in used and _confident(hit, bar):
                parts.append(
                    AnswerPart(kind, hit, choose_lead(asked, hit.passage.sentences, index.rarity))
                )
                used.add(hit.passage.id)
                break
    if not parts and ranked and _confident(ranked[0], bar):
        best = ranked[0]
        parts.append(
            AnswerPart(
                best.passage.kind, best, choose_lead(asked, best.passage.sentences, index.rarity)
            )
        )
        used.add(ranked[0].passage.id)
    related = tuple(h for h in ranked if h.passage.id not in used and _confident(h, bar))[:5]
    screen = screening.result()
    withheld = screen.level == CrisisLevel.EMERGENCY
    if withheld:
        # Someone may be in danger now: nothing but help, on every surface.
        parts, related = [], ()
    return Answer(
        question=question,
        asked=asked,
        kinds=kinds,
        focus=tuple(names),
        screen=screen,
        help=help_first(screen, country, language=language),
        parts=tuple(parts),
        related=related,
        ranked=tuple(ranked[:k]),
        withheld=withheld,
    )
