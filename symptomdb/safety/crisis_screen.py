"""The crisis screen: one function for anything a reader writes.

``screen_text`` returns a ``CrisisLevel`` — none, concern, crisis, emergency — with the
reasons behind it. Three layers, and the higher level wins:

1. **Rules** (``crisis_rules.py``) for the few unmistakable cases — asking for a method or
   a lethal amount, an act in progress, an intent with a time or preparations — always
   emergency.
2. **A learned model** (``crisis_model.py``): hashed character and word n-grams read every
   window of the text; a fine-tuned multilingual classifier (multilingual-e5-small, six
   layers, ONNX Runtime) reads the most worrying windows; the two are mixed per route
   (English or not), fitted on the bank
   (``data/crisis_bank.jsonl``, thousands of texts in English, Spanish and seven more
   languages and code-mixes), with thresholds chosen on the bank's held-out fifth.
3. The level is the highest of the two.

Text is cut to ``MAX_SCREEN_CHARS`` before anything else, and every step is linear in the
length (the classifier reads at most four windows), so no text can hold a worker.

This is not a clinical risk assessment. Plain Python: no Django import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from symptomdb.safety.crisis_model import SENTENCE_END, decide_level, load_model
from symptomdb.safety.crisis_rules import fold, rule_hits

__all__ = ["MAX_SCREEN_CHARS", "CrisisLevel", "Reason", "ScreenResult", "cap", "screen_text"]

# Longest text the screen reads; longer text is cut here before any work (every surface
# also refuses or cuts longer input before it reaches the screen).
MAX_SCREEN_CHARS = 20_000


class CrisisLevel(IntEnum):
    """How urgently the writer (or someone they write about) may need help."""

    NONE = 0
    CONCERN = 1
    CRISIS = 2
    EMERGENCY = 3

    @property
    def label(self) -> str:
        """The level's name as the CLI and API spell it: none, concern, crisis, emergency."""
        return self.name.lower()


@dataclass(frozen=True)
class Reason:
    """Why the screen chose a level: the rule or model, the words, the sentence (1-based)."""

    rule: str
    level: CrisisLevel
    words: str
    sentence: int


@dataclass(frozen=True)
class ScreenResult:
    """The screen's verdict on one text."""

    level: CrisisLevel
    reasons: tuple[Reason, ...]
    mentions_self_harm_or_suicide: bool

    @property
    def needs_help_first(self) -> bool:
        """True for crisis and emergency: the reply must lead with help."""
        return self.level >= CrisisLevel.CRISIS

    @property
    def withhold_answer(self) -> bool:
        """True for emergency: the reply is help only — no passages, no "see also"."""
        return self.level == CrisisLevel.EMERGENCY


# Words that name the subject in the site's languages and the bank's others; a text that
# uses them gets support lines even at level none.
_TOPIC_WORDS = re.compile(
    r"suicid|self-?harm|self-?injur|autolesi|automutil|auto-?agress|autoagres|"
    r"kill (?:my|your|him|her|them)sel|matarme|quitarme la vida|overdos|sobredosis|"
    r"cutting myself|cortarme|me corto|hurt(?:ing)? myself|hacerme dano|want to die|"
    r"quiero morir|me quiero morir|tu tu|tự tử|tu sat|tự sát|tự hại|自杀|自殺|自残|輕生|轻生|"
    r"انتحار|أنتحر|ايذاء النفس|إيذاء النفس|magpakamatay|saktan ang sarili|khudkushi|"
    r"aatmahatya|आत्महत्या|se tuer|me tuer|scarification|me mutiler|me matar|me cortar"
)


def cap(text: str | None) -> str:
    """The part of ``text`` the screen reads: at most ``MAX_SCREEN_CHARS`` characters."""
    return (text or "")[:MAX_SCREEN_CHARS]


def _sentence_number(text: str, position: int) -> int:
    return 1 + sum(1 for _ in SENTENCE_END.finditer(text, 0, position))


def screen_text(text: str | None) -> ScreenResult:
    """Screen anything a reader wrote.

    Args:
        text: a question, comment or message; anything past ``MAX_SCREEN_CHARS`` is not read.

    Returns:
        A ``ScreenResult``: the highest level found, the reasons (rules first, then the
        model's window), and whether the text names self-harm or suicide at all (so callers
        can show support lines even at level none).
    """
    text = cap(text)
    if not text.strip():
        return ScreenResult(CrisisLevel.NONE, (), False)
    folded = fold(text)
    hits = rule_hits(folded)
    model = load_model()
    scores = model.score(text)
    level = CrisisLevel(
        decide_level(
            scores.concern,
            max(scores.crisis, scores.emergency),
            scores.emergency,
            scores.thresholds,
            rule=False,
        )
    )
    reasons = [
        Reason(
            f"rule:{hit.rule}",
            CrisisLevel.EMERGENCY,
            hit.words,
            _sentence_number(folded, hit.start),
        )
        for hit in hits
    ]
    if level > CrisisLevel.NONE:
        # The window (whole sentences, at most about 96 word pieces) that carried the risk.
        reasons.append(Reason("model", level, scores.window.text, scores.window.sentence))
    final = max([level, *(r.level for r in reasons)])
    return ScreenResult(
        level=final,
        reasons=tuple(reasons),
        mentions_self_harm_or_suicide=final > CrisisLevel.NONE
        or bool(_TOPIC_WORDS.search(folded) or _TOPIC_WORDS.search(text.lower())),
    )
