"""The machinery the safe-messaging lint's rules are written with, in every language.

``content_lint`` (the English rules, and ``lint_text``/``lint_topic``) and ``content_lint_es``
(the Spanish rules) both build their lexicons from these pieces: compiled patterns with their
prefilter words (``needs``), the rule entries (``_Pattern``) and what one language is made of
(``_Language``). Plain Python, no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_FLAGS = re.IGNORECASE

# A space, a hyphen or a line break between words: "attention-seeking", "attention seeking".
_SEP = r"[\s\-\u2010\u2011]+"
# An optional hyphen or space inside a compound: "self-harm", "self harm", "selfharm".
_OPT = r"[\s\-\u2010\u2011]*"


def _rx(pattern: str, needs: tuple[str, ...] = ()) -> re.Pattern[str]:
    regex = re.compile(pattern, _FLAGS)
    if needs:
        _NEEDS[regex] = _needs(needs)
    return regex


# --- Prefilter: words a match must contain. ---------------------------------------------
# Each pattern may list ``needs``: clauses, one of which every match of the pattern holds.
# A clause is "word" or "a|b + c|d" (one of a, b and one of c, d); the words are lower-case
# ASCII letters that occur, contiguously, in every match of the branch they stand for.
# ``lint_text`` looks them up with ``in`` on the folded text (cheap) and runs the regex only
# when some clause holds, so the findings are the same, only most regexes never run.
# Parsed: the words of one-word clauses, and the other clauses as groups of words.
_Needs = tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], ...], ...]]
_NO_NEEDS: _Needs = ((), ())
_NEEDS: dict[re.Pattern[str], _Needs] = {}


def _needs(clauses: tuple[str, ...]) -> _Needs:
    parsed = [
        tuple(tuple(group.split("|")) for group in clause.replace(" ", "").split("+"))
        for clause in clauses
    ]
    words = tuple(word for clause in parsed if len(clause) == 1 for word in clause[0])
    return words, tuple(clause for clause in parsed if len(clause) > 1)


# Under re.IGNORECASE an ASCII letter also matches these characters (the re docs list them
# for [a-z]); lower() alone would not turn them into the ASCII letter, so they are mapped
# first. Every other character that matches an ASCII letter lower-cases to it.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(text: str) -> str:
    """The text in lower case, so that a case-insensitive match of a word is a substring."""
    return text.lower() if text.isascii() else text.translate(_ASCII_FOLD).lower()


def _may_match(needs: _Needs, folded: str) -> bool:
    """False only when no clause of ``needs`` holds, i.e. the pattern cannot match."""
    words, clauses = needs
    if not words and not clauses:
        return True  # no prefilter
    for word in words:
        if word in folded:
            return True
    return any(all(any(w in folded for w in group) for group in clause) for clause in clauses)


# Contexts that are dear to look for (long alternations of means): a rule that needs one
# asks for it after its other contexts (``all`` and ``any`` give the same answer in any order).
_DEAR_CONTEXTS: list[re.Pattern[str]] = []


@dataclass(frozen=True)
class _Pattern:
    """One lexicon entry: a regex plus the conditions under which it is a finding."""

    regex: re.Pattern[str]
    message: str  # one sentence; ``{words}`` is replaced by the words found
    suggestion: str
    needs: _Needs = _NO_NEEDS  # see _may_match: words without which the regex cannot match
    # Context the rest of the sentence (the match itself left out) must hold: every group
    # needs a match from at least one of its patterns. Empty: no context needed.
    requires: tuple[tuple[re.Pattern[str], ...], ...] = ()
    skip_if_negated: bool = False  # "is not attention-seeking", "suicide is not a solution"
    skip_if_perceived: bool = False  # "it can feel like the only way out"
    skip_if_corrected: bool = False  # "the relief ... tends to be brief"
    skip_if_means_safety: bool = False  # "lock away medicines"
    skip_if_accident: bool = False  # "careful not to cut yourself"
    # On a sensitive topic every sentence is read as being about self-harm or suicide, so
    # ``requires`` is not checked ("keep cutting with a razor blade" needs no "self-harm").
    anywhere_if_sensitive: bool = False
    skip_if_care: bool = False  # first aid: "clean the cut", in any sentence


def _p(
    pattern: str,
    message: str,
    suggestion: str,
    *,
    context: tuple[re.Pattern[str], ...] = (),
    also: tuple[re.Pattern[str], ...] = (),
    negated: bool = False,
    perceived: bool = False,
    corrected: bool = False,
    means_safety: bool = False,
    accident: bool = False,
    anywhere_if_sensitive: bool = False,
    care: bool = False,
    needs: tuple[str, ...] = (),
) -> _Pattern:
    return _Pattern(
        _rx(pattern),
        message,
        suggestion,
        _needs(needs),
        # Dear contexts (_DEAR_CONTEXTS) are asked last.
        tuple(
            sorted(
                (
                    tuple(sorted(group, key=_DEAR_CONTEXTS.__contains__))
                    for group in (context, also)
                    if group
                ),
                key=lambda group: any(c in _DEAR_CONTEXTS for c in group),
            )
        ),
        negated,
        perceived,
        corrected,
        means_safety,
        accident,
        anywhere_if_sensitive,
        care,
    )


@dataclass(frozen=True)
class _Language:
    """Everything the lint reads in one language: its rules, the cues that exempt a match,
    the crisis lines that count as help, and the wording editors read."""

    text_rules: dict[str, tuple[_Pattern, ...]]
    negation: re.Pattern[str]
    perception: re.Pattern[str]
    corrective_after: re.Pattern[str]
    means_safety: re.Pattern[str]
    accident: re.Pattern[str]
    care: re.Pattern[str]
    crisis_line: re.Pattern[str]
    # The text the prefilter looks in: lower case (and, in Spanish, without accents).
    fold: Callable[[str], str]
    plain_lead: dict[str, str]
    plain_fix: dict[str, str]
    plain_default: str
    quotes: tuple[str, str]
    # (has a seek-help section, has a crisis line) -> (message, suggestion), for a
    # sensitive topic that lacks either (content_lint._missing_help).
    missing_help: Callable[[bool, bool], tuple[str, str]]
