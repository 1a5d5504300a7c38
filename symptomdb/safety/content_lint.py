"""Safe-messaging lint for topic content about suicide and self-harm.

Checks the words of a topic (title, summary, section headings and bodies, treatment items)
against safe-messaging guidance and reports each problem with the exact words found, why
they are a problem and what to write instead. The rules follow:

- World Health Organization and International Association for Suicide Prevention,
  "Preventing suicide: a resource for media professionals" (2017 update; 2023 update).
- Recommendations for Reporting on Suicide, https://reportingonsuicide.org/.

Both advise against language that stigmatises or sensationalises suicide, against
describing methods, locations or how lethal a method is, against graphic detail, and
against presenting suicide as a solution; and both ask that help (crisis lines, services)
is always offered alongside the content.

The lexicons are written for this project and kept deliberately generic: they name
categories of means so that content naming them can be caught, and nothing here describes
how any method works. Most rules only fire when the same sentence is about suicide or
self-harm, so everyday phrases ("cut down on caffeine", "feeling cut off", "training") stay
clear. Plain Python: no Django or Wagtail import, so the command line and the publish step
can both use it.

The rules here are English. Text in Spanish (a topic with ``locale: es``, or
``lint_text(..., language="es")``) is read with the Spanish rules of ``content_lint_es``
instead; both are written with the pieces in ``content_lint_base``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.safety.content_lint_base import (
    _DEAR_CONTEXTS,
    _FLAGS,
    _NEEDS,
    _NO_NEEDS,
    _OPT,
    _SEP,
    _fold,
    _Language,
    _may_match,
    _needs,
    _p,
    _Pattern,
    _rx,
)
from symptomdb.safety.content_lint_es import SPANISH

__all__ = [
    "DEFAULT_BLOCKING",
    "LANGUAGES",
    "RULES",
    "LintFinding",
    "about_suicide_or_self_harm",
    "lint_text",
    "lint_topic",
]


@dataclass(frozen=True)
class LintFinding:
    """One safe-messaging problem found in a topic.

    Attributes:
        rule: the rule id, a key of ``RULES`` (e.g. ``"stigmatising-language"``).
        severity: ``"block"`` (must be fixed before publishing) or ``"warn"``.
        topic: the topic slug.
        section: the section heading, ``"Heading › Item name"`` for a treatment item, or
            ``""`` for the title, the summary and topic-level findings.
        words: the words found, exactly as written (``""`` when something is missing).
        message: what is wrong, in one sentence.
        suggestion: the alternative wording or the fix.
        sentence: the whole sentence the words are in, whitespace collapsed (``""`` for
            topic-level findings).
        language: the language of the rules that found it (``"en"`` or ``"es"``), which is
            the language of the message, the suggestion and ``plain``.
    """

    rule: str
    severity: str
    topic: str
    section: str
    words: str
    message: str
    suggestion: str
    sentence: str = ""
    language: str = "en"

    @property
    def plain(self) -> str:
        """What editors read: what is wrong, the offending sentence quoted, and the fix."""
        if not self.sentence:
            return f"{self.message} {self.suggestion}"
        wording = _language(self.language)
        shown = " ".join(self.words.split())
        lead = wording.plain_lead.get(self.rule, wording.plain_default)
        fix = wording.plain_fix.get(self.rule, self.suggestion)
        end = "" if self.sentence[-1:] in ".!?…" else "."
        opening, closing = wording.quotes
        return f"{lead.format(words=shown)}: {opening}{self.sentence}{closing}{end} {fix}"


RULES: dict[str, str] = {
    "stigmatising-language": "Words that blame, criminalise or label people who self-harm or die by suicide.",
    "method-detail": "Naming or describing a method, means, amount or place of suicide or self-harm.",
    "lethality-detail": "Statements about how lethal, quick, painless or certain a method is.",
    "graphic-description": "Graphic descriptions of injuries or blood.",
    "sensational-language": "Dramatic or sensational words about suicide or self-harm.",
    "presents-suicide-as-solution": "Wording that presents suicide or self-harm as a way out, a solution or a relief that works.",
    "missing-help-resources": "A sensitive topic without a 'seek help' section and a crisis line.",
}

# What editors read (``LintFinding.plain``): a lead naming the problem and why it matters, the
# sentence quoted, then the fix. Method, lethality and graphic findings do not repeat the
# words (the sentence shows them); the others name them because the fix depends on them.
_PLAIN_LEAD: dict[str, str] = {
    "method-detail": "This sentence describes a method or tool of self-harm or suicide, "
    "which can harm vulnerable readers",
    "lethality-detail": "This sentence says how lethal, quick or painless a method is, "
    "which can lead vulnerable readers to try it",
    "graphic-description": "This sentence describes an injury in graphic detail, which can "
    "distress vulnerable readers",
    "stigmatising-language": "This sentence uses words that blame or label people who self-harm "
    'or die by suicide ("{words}")',
    "sensational-language": 'This sentence sensationalises suicide or self-harm ("{words}")',
    "presents-suicide-as-solution": "This sentence presents suicide or self-harm as a solution "
    'or relief ("{words}")',
}
_PLAIN_FIX: dict[str, str] = {
    "method-detail": "Describe care and help instead.",
    "lethality-detail": "Remove it and say that help is available.",
    "graphic-description": 'Describe injuries plainly, if at all, e.g. "an injury that needs '
    'medical care".',
}

DEFAULT_BLOCKING: frozenset[str] = frozenset(
    {
        "stigmatising-language",
        "method-detail",
        "lethality-detail",
        "graphic-description",
        "missing-help-resources",
    }
)

_RULE_ORDER = {rule: index for index, rule in enumerate(RULES)}
_REFLEXIVE = r"(?:your|them|him|her|my|one|it)sel(?:f|ves)"


# --- Context: what makes a sentence "about" suicide or self-harm. --------------------------
# Most method and tone words are ordinary English ("cut", "bridge", "tragic"); they only
# matter when the same sentence is about suicide or self-harm.
_SUICIDE_CONTEXT = _rx(
    r"\b(?:suicid\w*"
    rf"|self{_OPT}(?:harm\w*|injur\w*|poison\w*|mutilat\w*)"
    rf"|(?:kill\w*|hurt\w*|harm\w*|injur\w*)\s+{_REFLEXIVE}"
    r"|(?:end|ends|ended|ending)\s+(?:your|their|his|her|my|one['’]s|a)\s+(?:own\s+)?life"
    r"|(?:take|takes|took|taking|taken)\s+(?:your|their|his|her|my|one['’]s)\s+(?:own\s+)?life"
    r"|(?:want|wants|wanted|wanting)\s+to\s+die)\b",
    # The reflexive ends in "self" or "selves".
    needs=("suicid", "self", "selves", "life", "want"),
)
# Words for a death, used with method words to judge lethality statements.
_DEATH_CONTEXT = _rx(
    r"\b(?:die[sd]?|dying|death|dead|kill\w*|lethal|fatal)\b",
    needs=("die", "dying", "dead", "death", "kill", "lethal", "fatal"),
)
# Generic categories of means. Used both as a method finding (with suicide context) and as
# context for lethality statements ("most lethal" next to a means is a lethality claim).
_METHOD_TERMS: tuple[str, ...] = (
    r"overdos(?:e|es|ed|ing)",
    r"poison(?:s|ed|ing)?",
    r"hang(?:ing|ed)(?!\s+(?:out|on|around|in|up|about|over|back)\b)",
    r"ligatures?",
    r"nooses?",
    r"strangl(?:e|ed|ing)|strangulation",
    r"suffocat(?:e|ed|ing|ion)",
    r"asphyxi(?:a|ation|ate|ated)",
    # "(?=drown)" is implied by the word after the lookbehinds (the same in cuts, cutter and
    # the solution rule's "s"): only where it starts are the lookbehinds tried.
    r"(?=drown)(?<!like you're )(?<!like you are )(?<!like I'm )(?<!like I am )(?<!like they're )"
    r"drown(?:s|ed)?\b|drowning(?!\s+(?:in|under)\b)",
    r"jump(?:s|ed|ing)?\s+(?:off|from|in\s+front\s+of)",
    r"firearms?",
    r"(?:hand|shot)?guns?",
    r"rifles?|pistols?",
    r"shooting",
    r"knife|knives|blades?|razors?|scissors|sharp\s+objects?",
    r"cutting(?![\s\-]+(?:down|off|out|back|edge|in|corners|ties|remarks?|comments?)\b)",
    r"(?=cuts)(?<!funding )(?<!budget )(?<!spending )(?<!service )(?<!pay )(?<!tax )(?<!job )"
    r"cuts(?![\s\-]+(?:down|off|out|back|in|to|across)\b)",
    r"burn(?:s|ed|ing|t)?(?![\s\-]+(?:out|desire|question|issue|sensation)\b)",
    r"carbon\s+monoxide|exhaust\s+fumes",
    r"(?:swallow\w*|stockpil\w*|hoard\w*|sav(?:e|ed|ing)\s+up|took\s+(?:all|lots)(?:\s+of)?)\s+"
    r"(?:\w+\s+){0,2}?(?:pills|tablets|painkillers|medicines?|medications?)",
    r"(?:from|off|over)\s+(?:a|the|that)\s+(?:\w+\s+)?"
    r"(?:bridge|cliff|roof|rooftop|balcony|building|tower\s+block|car\s+park|height)s?",
    r"(?:railway|railroad|rail|train|subway|metro|tube)\s+(?:tracks?|lines?|platforms?)|railways?",
    r"(?:in\s+front\s+of|under|hit\s+by|struck\s+by)\s+(?:a|an|the)\s+"
    r"(?:train|tram|bus|lorry|truck|car|vehicle)",
)
# What every match of each of _METHOD_TERMS holds, term by term (see _may_match).
_METHOD_TERM_NEEDS: tuple[tuple[str, ...], ...] = (
    ("overdos",), ("poison",), ("hanging", "hanged"), ("ligature",), ("noose",),
    ("strangl", "strangulation"), ("suffocat",), ("asphyxi",), ("drown",), ("jump",),
    ("firearm",), ("gun",), ("rifle", "pistol"), ("shooting",),
    ("knife", "knives", "blade", "razor", "scissors", "sharp"), ("cutting",), ("cuts",),
    ("burn",), ("monoxide", "fumes"),
    ("swallow|stockpil|hoard|save|saving|took + pills|tablets|painkillers|medicine|medication",),
    ("bridge", "cliff", "roof", "balcony", "building", "tower", "park", "height"),
    ("rail", "train|subway|metro|tube + track|line|platform"),
    ("front|under|hit|struck + train|tram|bus|lorry|truck|car|vehicle",),
)  # fmt: skip
_METHOD_NEEDS = tuple(clause for needs in _METHOD_TERM_NEEDS for clause in needs)
_METHOD_TERM_PREFILTER = tuple(_needs(needs) for needs in _METHOD_TERM_NEEDS)


def _method_alternation(terms: tuple[int, ...]) -> str:
    # Every term starts with a letter, so "(?=\w)" changes nothing but lets the regex give
    # up at once where \b is the end of a word, without trying every term there.
    return r"\b(?=\w)(?:" + "|".join(_METHOD_TERMS[i] for i in terms) + r")\b"


_METHOD_CONTEXT = _rx(_method_alternation(tuple(range(len(_METHOD_TERMS)))), needs=_METHOD_NEEDS)
_DEAR_CONTEXTS.append(_METHOD_CONTEXT)


@lru_cache(maxsize=256)
def _method_subset(terms: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile(_method_alternation(terms), _FLAGS)


def _method_regex(folded: str) -> re.Pattern[str]:
    """_METHOD_CONTEXT cut down to the terms that can match in the (folded) text.

    A term none of whose needs the text holds cannot match anywhere in it, so leaving it out
    of the alternation changes no match: the terms left keep their order. Scanning for the
    few terms left is several times faster than for all of them. Call it only when
    _METHOD_NEEDS holds (some term is left).
    """
    return _method_subset(
        tuple(i for i, needs in enumerate(_METHOD_TERM_PREFILTER) if _may_match(needs, folded))
    )


_ANY_DEATH_CONTEXT = (_SUICIDE_CONTEXT, _METHOD_CONTEXT, _DEATH_CONTEXT)

# Means safety ("lock away medicines", "put distance between yourself and anything you might
# use to hurt yourself") is recommended by both sources; naming a category of means there
# is advice to reduce access, not method detail.
_MEANS_SAFETY = _rx(
    r"\b(?:remov\w*|lock(?:ed|ing)?\s+(?:away|up)|lock\s+box|store\w*|storing|safely|safer"
    r"|out\s+of\s+reach|dispos\w*|get\s+rid\s+of|hand\s+in|put\s+away|keep\w*\s+away"
    r"|distance\s+between|restrict\w*|limit\w*\s+access|access\s+to)\b"
)
# Accidents are not self-harm: "be careful not to cut yourself when cooking".
_ACCIDENT = _rx(
    r"\b(?:accident\w*|by\s+mistake|unintentional\w*|careful\w*"
    r"|without\s+(?:knowing|noticing|reali[sz]ing))\b"
)
# First-aid care ("cool a burn under running water", "clean the wound"): on a sensitive
# topic a sentence like this names an injury to look after, not a method.
_CARE = _rx(
    r"\b(?:clean\w*|rins\w*|cool\w*|running\s+water|wash\w*|dressings?|bandag\w*|plasters?"
    r"|first\s+aid|antiseptic|infect\w*|heal\w*|press\s+(?:firmly|on)|pressure)\b"
)
# Cues that a stigmatising or solution phrase is being denied or corrected.
_NEGATION = _rx(
    r"\b(?:not|never|no|nor|none|neither|cannot|rather\s+than|instead\s+of|myths?|wrong\w*"
    r"|unfair\w*|mistaken\w*|false\w*|dismiss\w*|label\w*|stereotyp\w*|stigma\w*)\b|n['’]t\b"
)
# Cues that the sentence reports how something feels or seems, not that it is true:
# "it can feel like the only way out".
_PERCEPTION = _rx(
    r"\b(?:(?:can|may|might|could|sometimes|often)\s+(?:feel|seem)\w*"
    r"|feel(?:s|ing)?\s+(?:like|as\s+if|as\s+though)|if\s+you\s+(?:feel|think)"
    r"|thoughts?|tells?\s+you|lies|believ\w*|convinc\w*)\b"
)
# Cues after a relief/solution phrase that correct it: "the relief ... tends to be brief".
_CORRECTIVE_AFTER = _rx(
    r"\b(?:brief\w*|short[\s\-]lived|short\s+(?:while|time)|temporar\w*|pass(?:es)?|fades?"
    r"|wears\s+off|(?:does\s+not|doesn['’]t|never)\s+last|but|however|yet)\b"
)

_NEGATION_WINDOW = 6  # words before a match searched for a negation cue


_SC = (_SUICIDE_CONTEXT,)
_SUICIDE_OR_BPD = (
    _SUICIDE_CONTEXT,
    _rx(
        r"\b(?:borderline|BPD|EUPD|personality\s+disorder)\b",
        needs=("borderline", "bpd", "eupd", "personality"),
    ),
)

# 1. Stigmatising language. "Commit" ties suicide to crime and sin; "successful"/"failed"
# frame death as success; labels ("cutter", "attention-seeking") reduce a person to a
# behaviour and discourage help-seeking. Person-first wording ("suicidal person" is fine).
_STIGMATISING: tuple[_Pattern, ...] = (
    _p(
        rf"\bcommit(?:s|ted|ting)?{_SEP}suicide\b",
        '"{words}" implies a crime or sin; write "died by suicide".',
        'Write "died by suicide" or "took their own life" (or "die by suicide" for the present).',
        needs=("suicide",),
    ),
    _p(
        rf"\bcompleted{_SEP}suicides?\b",
        '"{words}" frames a death as an achievement; write "died by suicide".',
        'Write "died by suicide" or "took their own life".',
        needs=("suicide",),
    ),
    _p(
        rf"\bsuccessful(?:ly)?{_SEP}suicides?(?:{_SEP}attempts?)?\b",
        '"{words}" presents a death as a success; write "died by suicide".',
        'Write "died by suicide" or "took their own life".',
        needs=("suicide",),
    ),
    _p(
        rf"\bsuccessful(?:ly)?{_SEP}attempts?\b",
        '"{words}" presents a death by suicide as a success; write "died by suicide".',
        'Write "died by suicide" or "took their own life".',
        context=_SC,
        needs=("successful",),
    ),
    _p(
        rf"\b(?:failed|unsuccessful|botched){_SEP}suicides?(?:{_SEP}attempts?)?\b",
        '"{words}" presents surviving as a failure; write "suicide attempt".',
        'Write "suicide attempt" or "survived a suicide attempt".',
        needs=("suicide",),
    ),
    _p(
        rf"\b(?:failed|unsuccessful|botched){_SEP}attempts?\b",
        '"{words}" presents surviving a suicide attempt as a failure; write "suicide attempt".',
        'Write "suicide attempt" or "survived a suicide attempt".',
        context=_SC,
        needs=("attempt",),
    ),
    _p(
        rf"\bsuicide{_SEP}victims?\b|\bvictims?{_SEP}of{_SEP}suicide\b",
        '"{words}" casts the person only as a victim; describe the person instead.',
        'Write "person who died by suicide" (or "people bereaved by suicide" for those left behind).',
        needs=("suicide",),
    ),
    _p(
        rf"\battention{_SEP}seek(?:ing|ers?)\b",
        '"{words}" dismisses self-harm as a bid for attention; it is a sign of distress.',
        'Write "a way of coping with distress" or "a sign that someone needs support".',
        negated=True,
        needs=("attention",),
    ),
    _p(
        r"\bmanipulat(?:ive|ion|ing)\b",
        '"{words}" blames people who self-harm or feel suicidal for their distress.',
        'Describe the distress instead, e.g. "a person who self-harms may be in great pain".',
        context=_SUICIDE_OR_BPD,
        negated=True,
        needs=("manipulat",),
    ),
    _p(
        rf"\bself{_OPT}mutilat(?:ors?|ion|ing)\b",
        '"{words}" is an outdated, stigmatising label; write "self-harm" or "person who self-harms".',
        'Write "self-harm", "self-injury" or "person who self-harms".',
        needs=("mutilat",),
    ),
    _p(
        rf"\bself{_OPT}harmers?\b",
        '"{words}" reduces a person to a behaviour; use person-first wording.',
        'Write "person who self-harms".',
        needs=("harmer",),
    ),
    _p(
        r"(?=cutter)(?<!box )(?<!cookie )(?<!cookie-)(?<!pizza )(?<!wire )(?<!bolt )(?<!paper )"
        r"(?<!glass )(?<!tile )(?<!pipe )(?<!stone )(?<!laser )(?<!hedge )(?<!nail )"
        r"(?<!guard )\bcutters?\b",
        '"{words}" labels a person by a behaviour; use person-first wording.',
        'Write "person who self-harms".',
        negated=True,
        needs=("cutter",),
    ),
)

# 2. Method detail. Describing how someone hurt themselves, or where, is linked to imitation
# (WHO/IASP; Recommendations for Reporting on Suicide). Category words only fire next to
# suicide/self-harm context; means-safety advice is exempt.
_METHOD_MESSAGE = (
    'The text names a means of suicide or self-harm ("{words}"); method details can lead to '
    "imitation."
)
_METHOD_SUGGESTION = (
    'Leave the method out and speak in general terms, e.g. "self-harm", "hurt themselves" '
    'or "a suicide attempt".'
)
_METHOD: tuple[_Pattern, ...] = (
    # Instructions, in any context.
    _p(
        r"\bhow\s+to\s+(?:(?:kill|hurt|harm|cut|burn|hang|poison|shoot|stab|strangle|suffocate"
        rf"|drown|starve)\s+{_REFLEXIVE}|commit\s+suicide|die(?:\s+by\s+suicide)?"
        r"|(?:end|take)\s+(?:your|my|their|his|her|one['’]s)\s+(?:own\s+)?life"
        rf"|self{_OPT}(?:harm|injure)|overdose)\b",
        '"{words}" reads as instructions for suicide or self-harm.',
        "Remove the instructions and point to help instead (a crisis line or the Get help now page).",
        # "how" and a word of what follows "to" (the reflexive ends in "self" or "selves").
        needs=("how + self|selves|suicide|die|life|overdose",),
    ),
    _p(
        r"\b(?:ways?|methods?|means)\s+(?:to|of)\s+(?:kill(?:ing)?|end(?:ing)?)\s+"
        r"(?:(?:your|them|my|him|her|one)sel\w+|(?:your|their|my|his|her|one['’]s)\s+(?:own\s+)?life)\b"
        rf"|\b(?:step{_SEP}by{_SEP}step|instructions?)\s+(?:for|on|to)\s+(?:suicide"
        rf"|self{_OPT}harm\w*|self{_OPT}injur\w*|killing\s+\w+sel\w+|overdos\w*)",
        '"{words}" reads as instructions for suicide or self-harm.',
        "Remove the instructions and point to help instead (a crisis line or the Get help now page).",
        needs=("sel", "life", "step", "instruction"),  # "sel" of "(your|them|…)sel\w+"
    ),
    # A harm verb aimed at oneself is self-harm context on its own ("cutting themselves").
    _p(
        r"\b(?:cut|cuts|cutting|burn\w*|hang\w*|poison\w*|shoot\w*|shot|stab\w*|strangl\w*"
        rf"|suffocat\w*|drown\w*|overdos\w*)\s+{_REFLEXIVE}\b"
        r"(?!\s+(?:off|out|up|some\s+slack|a\s+break|in\s+the\s+foot|in\s+work)\b)",
        _METHOD_MESSAGE,
        _METHOD_SUGGESTION,
        means_safety=True,
        accident=True,
        needs=("self", "selves"),
    ),
    _p(
        r"\b(?:cut|cuts|cutting|slit\w*|slash\w*)\s+(?:their|his|her|my|your)\s+"
        r"(?:wrists?|arms?|legs?|thighs?|skin|throat)\b",
        _METHOD_MESSAGE,
        _METHOD_SUGGESTION,
        accident=True,
        needs=("cut", "slit", "slash"),
    ),
    # "Self-" forms name the method themselves.
    _p(
        rf"\bself{_OPT}(?:poison\w*|cutting|burn\w*|strangl\w*|strangulation|immolat\w*"
        r"|laceration\w*)\b",
        _METHOD_MESSAGE,
        'Write "self-harm" or "self-injury" without naming the method.',
        needs=("self",),
    ),
    # Category words next to suicide or self-harm.
    _p(
        _METHOD_CONTEXT.pattern,
        _METHOD_MESSAGE,
        _METHOD_SUGGESTION,
        context=_SC,
        means_safety=True,
        accident=True,
        anywhere_if_sensitive=True,
        needs=_METHOD_NEEDS,
    ),
    # Amounts and doses next to suicide or self-harm.
    _p(
        # A number word needs a space before its unit: "ten g", never "tensing". No needs:
        # \d matches any Unicode digit, which no ASCII word stands for.
        # "(?=\w)": a digit or a letter follows; see _METHOD_CONTEXT.
        r"\b(?=\w)(?:\d+(?:[.,]\d+)?\s*|(?:a\s+few|several|dozens|(?:two|three|four|five|six|seven"
        r"|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)s?)\s+)"
        r"(?:of\s+)?"
        r"(?:[a-z]+\s+)?"
        r"(?:mg|milligrams?|g|grams?|ml|millilitres?|milliliters?|pills?|tablets?|capsules?"
        r"|packets?|doses?)\b"
        r"|\ba\s+(?:whole\s+)?(?:bottle|packet|pack|box|handful|strip|month['’]s\s+supply)\s+of\s+"
        r"(?:pills|tablets|painkillers|medicines?|medications?)\b",
        'The text states an amount or dose ("{words}") in a sentence about suicide, self-harm or overdose.',
        "Remove the amount; say that the person needed medical care, if anything.",
        context=(_SUICIDE_CONTEXT, _METHOD_CONTEXT),
        means_safety=True,
        anywhere_if_sensitive=True,
    ),
    # Named places ("the Riverside Bridge") next to suicide or self-harm. Crisis services
    # with "Line" in their names are not places.
    _p(
        r"\b(?:(?!(?:Crisis|Text|Help|Support|Life|Hope|Suicide|Prevention|Samaritans|Get|Call"
        r"|Phone|Chat|The|A|An|At|On|In|From|Off|Near|Under|By)\b)(?-i:[A-Z][\w'’\-]*\s+)){1,3}"
        r"(?-i:Bridge|Viaduct|Cliffs?|Gorge|Tower|Station|Line|Railway|Dam)\b",
        'The text names a specific place ("{words}") next to suicide or self-harm, which can make it a site for imitation.',
        'Leave the place out, or say "a public place" if a location is needed at all.',
        context=_SC,
        needs=("bridge", "viaduct", "cliff", "gorge", "tower", "station", "line", "railway", "dam"),
    ),
)

# 3. Lethality. Saying how deadly, quick, painless or certain a method is can make it
# attractive to someone at risk (WHO/IASP: avoid detail of method and its lethality).
_LETHALITY_MESSAGE = '"{words}" describes how lethal or easy a method is.'
_LETHALITY_SUGGESTION = (
    "Remove any statement about how lethal, painless, quick or certain a method is; "
    "say that help is available instead."
)
_LETHALITY: tuple[_Pattern, ...] = (
    _p(
        r"\b(?:most|more|less|least|highly|very|extremely|quite|fairly)\s+(?:lethal|deadly|fatal)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("lethal", "deadly", "fatal"),
    ),
    _p(
        r"\b(?:lethal|fatal|deadly)\s+(?:doses?|amounts?|quantit(?:y|ies)|methods?|means|ways?|levels?)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("lethal", "deadly", "fatal"),
    ),
    _p(
        rf"\b(?:painless(?:ly)?|pain{_SEP}free)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("painless", "free"),
    ),
    _p(
        rf"\bsure(?:st)?{_OPT}(?:fire{_OPT})?(?:way|method)\s+(?:to|of)\s+(?:die|dying|kill\w*|end\w*)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        needs=("sure",),
    ),
    _p(
        r"\b(?:quick|quickest|fast|fastest|easy|easiest|best|simplest|effective|reliable"
        r"|peaceful|certain|foolproof)\s+(?:ways?|methods?|means)\s+(?:to|of)\s+"
        r"(?:die|dying|kill\w*|end\w*|commit\w*|do\s+it)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("way", "method", "means"),
    ),
    _p(
        r"\b(?:most|more|less|least)\s+(?:effective|reliable|painful|successful|certain)\s+"
        r"(?:ways?|methods?|means)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(_METHOD_CONTEXT,),
        needs=("way", "method", "means"),
    ),
    _p(
        r"\bguaranteed\s+(?:to\s+(?:die|work|kill|be\s+fatal|succeed)|death|fatal\w*)\b"
        r"|\b(?:death|dying)\s+(?:\w+\s+){0,4}?(?:is|was|would\s+be)\s+guaranteed\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(
            _SUICIDE_CONTEXT,
            _METHOD_CONTEXT,
            _rx(r"\b(?:method|means|way)s?\b", needs=("method", "means", "way")),
        ),
        needs=("guaranteed",),
    ),
    _p(
        r"\b(?:quick|fast|instant|swift)\s+and\s+(?:painless|peaceful|easy)\b"
        r"|\b(?:die[sd]?|dying|death)\s+(?:quickly|instantly|painlessly|peacefully)\b"
        r"|\b(?:instant|quick|painless|peaceful)\s+death\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=_ANY_DEATH_CONTEXT,
        needs=("painless", "peaceful", "easy", "quickly", "instantly", "death"),
    ),
    _p(
        r"\b(?:always|certainly|almost\s+always|usually|rarely|seldom)\s+"
        r"(?:fatal|lethal|deadly|survived|survivable)\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(_METHOD_CONTEXT,),
        needs=("fatal", "lethal", "deadly", "surviv"),
    ),
    # Population statistics about suicide are fine; rates for a particular means are not.
    _p(
        r"\b(?:survival|fatality|case[\s-]+fatality|death|mortality|success)\s+rates?\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(_METHOD_CONTEXT,),
        also=(_SUICIDE_CONTEXT,),
        needs=("rate",),
    ),
    _p(
        r"\bwon['’]?t\s+feel\s+(?:a\s+thing|anything|any\s+pain)\b"
        r"|\bdoes(?:\s+not|n['’]t)\s+hurt\b|\bwithout\s+(?:any\s+)?pain\b",
        _LETHALITY_MESSAGE,
        _LETHALITY_SUGGESTION,
        context=(_SUICIDE_CONTEXT, _METHOD_CONTEXT),
        accident=True,
        needs=("feel", "hurt", "pain"),
    ),
)

# 4. Graphic description. Vivid injury detail can distress readers and draw attention to
# method; describe care and recovery, not wounds. Checked in any context.
_GRAPHIC_MESSAGE = '"{words}" is a graphic description of injury.'
_GRAPHIC_SUGGESTION = (
    'Describe injuries plainly, if at all, e.g. "an injury that needs medical care".'
)
_GRAPHIC: tuple[_Pattern, ...] = (
    _p(
        rf"\bblood{_OPT}(?:soaked|stained|spattered|splattered|drenched|covered|smeared)\b"
        r"|\b(?:soaked|drenched|covered|dripping)\s+(?:in|with)\s+blood\b"
        r"|\bpools?\s+of\s+blood\b|\bblood\s+everywhere\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("blood",),
    ),
    _p(r"\bgaping\b", _GRAPHIC_MESSAGE, _GRAPHIC_SUGGESTION, needs=("gaping",)),
    _p(
        r"\b(?:gory|gruesome|grisly|mangled)\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("gory", "gruesome", "grisly", "mangled"),
    ),
    # How deep a wound is, or what it exposes, is ordinary medical language ("tetanus can
    # enter through a deep cut", "exposed bone"); it is graphic next to self-harm or on a
    # sensitive topic, where first-aid sentences stay exempt.
    _p(
        r"\bdeep\s+(?:wounds?|cuts?|gashes|lacerations?|burns?)\b|\bgash(?:es|ed)?\b"
        r"|\b(?:torn|raw|exposed|open)\s+(?:flesh|bone|tendons?)\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        context=_SC,
        anywhere_if_sensitive=True,
        needs=("deep", "gash", "flesh", "bone", "tendon"),
    ),
    _p(
        r"\b(?:bleed(?:s|ing)?|bled)\s+(?:out|to\s+death)\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("bleed", "bled"),
    ),
    # "Self-mutilation" is caught as stigmatising language; "female genital mutilation"
    # is the standard name of a health topic.
    _p(
        r"(?<!self-)(?<!self )(?<!self)(?<!genital )\bmutilat(?:ed|es|ing|ion)\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("mutilat",),
    ),
    _p(
        r"\b(?:slash\w*|slit\w*|hack\w*|carv\w*)\s+(?:open|(?:their|his|her|my|your)\s+"
        r"(?:wrists?|arms?|legs?|thighs?|skin|throat|flesh))\b",
        _GRAPHIC_MESSAGE,
        _GRAPHIC_SUGGESTION,
        needs=("slash", "slit", "hack", "carv"),
    ),
)

# 5. Sensational language. Dramatic framing ("epidemic", "shocking") and labels such as
# "copycat" or "suicide hotspot" normalise suicide and can raise risk for vulnerable readers.
_SENSATIONAL: tuple[_Pattern, ...] = (
    _p(
        r"\b(?:epidemic|pandemic)s?\b",
        '"{words}" sensationalises suicide or self-harm.',
        'Describe the trend with accurate figures, e.g. "rates have risen", and say help is available.',
        context=_SC,
        needs=("demic",),
    ),
    _p(
        rf"\bsky{_OPT}rocket\w*|\bsoar(?:s|ed|ing)?\b|\bspiral\w*\s+out\s+of\s+control\b",
        '"{words}" sensationalises changes in suicide or self-harm.',
        'Write "have risen" or "have increased", with the figures and their source.',
        context=_SC,
        needs=("rocket", "soar", "spiral"),
    ),
    _p(
        r"\b(?:shocking(?:ly)?|horrific(?:ally)?|horrifying|tragic(?:ally)?|traged(?:y|ies)"
        r"|senseless)\b",
        '"{words}" dramatises suicide or self-harm.',
        'State the facts calmly, e.g. "died by suicide", and include where to get help.',
        context=_SC,
        needs=("shocking", "horrif", "tragic", "traged", "senseless"),
    ),
    _p(
        rf"\bsuicide{_SEP}(?:craze|fad|hot{_OPT}spots?|bridge|forest|capital)\b",
        '"{words}" sensationalises suicide.',
        'Leave the label out; write "suicide" and describe the issue factually.',
        needs=("suicide",),
    ),
    _p(
        rf"\bcopy{_OPT}cat\b|\b(?:spate|rash|wave)\s+of\s+(?:suicides|self{_OPT}harm)\b",
        '"{words}" sensationalises suicide.',
        'Write "rates have increased" or describe the risk factually; avoid "copycat".',
        needs=("copy", "suicides", "self"),
    ),
)

# 6. Suicide as a solution. Presenting suicide or self-harm as a way out, a fix or a lasting
# relief makes it seem like an option; denials, corrections and descriptions of how it can
# feel ("it can feel like the only way out, but ...") are exempt.
_SOLUTION_MESSAGE = '"{words}" presents suicide or self-harm as a solution or relief.'
_SOLUTION_SUGGESTION = (
    "Say that problems and pain can be helped in other ways, that the relief of self-harm "
    "does not last, and where to get help."
)
_SOLUTION: tuple[_Pattern, ...] = (
    _p(
        r"\b(?:the\s+)?only\s+(?:way\s+out|escape|answer|solution|option|choice"
        r"|way\s+to\s+(?:stop|end|escape)\b[^.!?\n]*?\b(?:pain|suffering))\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        context=_SC,
        negated=True,
        perceived=True,
        corrected=True,
        needs=("only",),
    ),
    _p(
        r"\b(?:a|the)\s+(?:way|means)\s+(?:to|of)\s+(?:solv\w*|fix\w*|escap\w*|end\w*|stop\w*)\s+"
        r"(?:\w+\s+){0,3}?(?:problems?|pain|suffering|troubles?|misery|distress)\b"
        r"|\b(?:a|the)\s+(?:\w+\s+)?(?:solution|answer|escape|cure)\s+(?:to|for|from)\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        context=_SC,
        negated=True,
        perceived=True,
        corrected=True,
        needs=("way", "means", "solution", "answer", "escape", "cure"),
    ),
    _p(
        r"\b(?:end(?:s|ed|ing)?|put\s+an\s+end\s+to|free[sd]?\s+(?:them|him|her)\s+from"
        r"|releas\w*\s+(?:them|him|her)\s+from)\s+(?:their|his|her|the)\s+(?:own\s+)?"
        r"(?:suffering|pain|misery|torment)\b"
        r"|\b(?:finally|now)\s+(?:at\s+peace|free|out\s+of\s+pain)\b"
        r"|\bno\s+longer\s+suffering\b|\bbetter\s+off\s+dead\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        context=_SC,
        negated=True,
        perceived=True,
        needs=("suffering", "pain", "misery", "torment", "peace", "free", "dead"),
    ),
    # The subject must be suicide or self-harm itself, not the object of a preposition
    # ("CBT focused on suicide helps you ...").
    _p(
        # Both "suicide" and "self" start with "s"; see "(?=drown)" in _METHOD_TERMS.
        r"(?=s)(?<!\bon )(?<!about )(?<!for )(?<!\bof )(?<!\bto )(?<!with )(?<!against )(?<!from )"
        r"(?<!after )(?<!\bby )(?<!around )(?<!into )(?<!\bin )"
        rf"\b(?:suicide|self{_OPT}harm(?:ing)?|self{_OPT}injur(?:y|ing))\s+"
        r"(?:really\s+|actually\s+|always\s+)?(?:works?|worked|helps|helped|solves|solved"
        r"|fixes|fixed|is\s+the\s+(?:answer|solution)|was\s+the\s+(?:answer|solution))\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        negated=True,
        perceived=True,
        corrected=True,
        needs=("suicide", "self"),
    ),
    _p(
        r"\b(?:brings?|brought|gives?|gave|provides?|provided|offers?|offered)\s+"
        r"(?:\w+\s+)?(?:relief|release|peace|calm)\b"
        r"|\brelief\s+(?:it|that|which)\s+(?:brings|gives|provides)\b",
        _SOLUTION_MESSAGE,
        _SOLUTION_SUGGESTION,
        context=_SC,
        negated=True,
        corrected=True,
        needs=("relief", "release", "peace", "calm"),
    ),
)

_TEXT_RULES: dict[str, tuple[_Pattern, ...]] = {
    "stigmatising-language": _STIGMATISING,
    "method-detail": _METHOD,
    "lethality-detail": _LETHALITY,
    "graphic-description": _GRAPHIC,
    "sensational-language": _SENSATIONAL,
    "presents-suicide-as-solution": _SOLUTION,
}

# 7. Help resources. Both sources ask that content about suicide always says where to get
# help; a sensitive topic needs a "seek help" section and a crisis line.
_CRISIS_LINE = _rx(
    r"\b988\b|\b116\s*123\b|\bcrisis\s+(?:lines?|helplines?|text\s+line)\b|\bsamaritans\b"
    r"|\blifeline\b|\bget\s+help\s+now\b|\bhelplines?\b|\bhotlines?\b"
)

# Sentence ends: terminal punctuation (with closing emphasis, quotes or brackets), a blank
# line, a line that starts a list item or a heading, or a list item run into the line
# (imported MedQuAD answers write lists as "Examples include - Cutting … - Burning …").
_SENTENCE_END = re.compile(
    r"[.!?]+[*_\"'”’)\]]*(?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+[.)]|#)[ \t])"
    r"|[ \t]+(?=[-•][ \t]+[A-Z])"
)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into sentence-like spans (start, end) that together cover it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _last_words(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


def _skipped(
    pattern: _Pattern,
    sentence: str,
    before: str,
    after: str,
    sensitive: bool,
    lang: _Language,
) -> bool:
    """Whether the sentence around a match exempts it from ``pattern``, read with the cues
    (negation, first aid, means safety, …) of the text's language."""
    rest = f"{before} … {after}"
    in_context = all(any(c.search(rest) for c in group) for group in pattern.requires)
    # On a sensitive topic means and tools count in any sentence, except in first aid.
    anywhere = sensitive and pattern.anywhere_if_sensitive and not lang.care.search(sentence)
    if not in_context and not anywhere:
        return True
    window = _last_words(before, _NEGATION_WINDOW)
    if pattern.skip_if_negated and lang.negation.search(window):
        return True
    if pattern.skip_if_perceived and lang.perception.search(before):
        return True
    if pattern.skip_if_corrected and lang.corrective_after.search(after):
        return True
    if pattern.skip_if_means_safety and lang.means_safety.search(sentence):
        return True
    if pattern.skip_if_care and lang.care.search(sentence):
        return True
    return pattern.skip_if_accident and bool(lang.accident.search(sentence))


def _severity(rule: str, blocking: frozenset[str]) -> str:
    return "block" if rule in blocking else "warn"


def _missing_help_en(has_section: bool, has_line: bool) -> tuple[str, str]:
    missing: list[str] = []
    fixes: list[str] = []
    if not has_section:
        missing.append("a section of kind seek-help")
        fixes.append("add a section '## When to get help now {kind=seek-help}'")
    if not has_line:
        missing.append("a crisis line")
        fixes.append(
            'name a crisis line (e.g. "call or text 988 in the US", '
            '"Samaritans on 116 123 in the UK and Ireland") and the "Get help now" page'
        )
    return (
        f"This sensitive topic has no {' and no '.join(missing)}, so readers at risk are not told where to get help.",
        "; ".join(fixes).capitalize() + ".",
    )


_ENGLISH = _Language(
    text_rules=_TEXT_RULES,
    negation=_NEGATION,
    perception=_PERCEPTION,
    corrective_after=_CORRECTIVE_AFTER,
    means_safety=_MEANS_SAFETY,
    accident=_ACCIDENT,
    care=_CARE,
    crisis_line=_CRISIS_LINE,
    fold=_fold,
    plain_lead=_PLAIN_LEAD,
    plain_fix=_PLAIN_FIX,
    plain_default="This sentence breaks a safe-messaging rule",
    quotes=('"', '"'),
    missing_help=_missing_help_en,
)

_LANGUAGES: dict[str, _Language] = {"en": _ENGLISH, "es": SPANISH}
# The languages the lint has rules for (symptomdb.importers.topic_markdown.LOCALES).
LANGUAGES: tuple[str, ...] = tuple(_LANGUAGES)


def _language(code: str) -> _Language:
    """The rules and wording of a language ("es": content_lint_es)."""
    try:
        return _LANGUAGES[code]
    except KeyError:
        raise ValueError(
            f"the safe-messaging lint has no rules for language {code!r}; use one of {list(LANGUAGES)}"
        ) from None


def lint_text(
    text: str,
    *,
    topic: str = "",
    section: str = "",
    blocking: frozenset[str] = DEFAULT_BLOCKING,
    sensitive: bool = False,
    language: str = "en",
) -> list[LintFinding]:
    """Check one piece of text against the text rules (every rule but missing-help-resources).

    Args:
        text: the text, Markdown or plain.
        topic: the topic slug to report.
        section: the section (or "Heading › Item") to report; "" for title and summary.
        blocking: rule ids whose findings block publishing; the rest warn.
        sensitive: the text belongs to a sensitive topic (self-harm, suicide, …): means,
            tools and amounts are method detail in any sentence, not only in sentences
            that name suicide or self-harm. Means-safety advice and accidents stay exempt.
        language: the language the text is written in, one of ``LANGUAGES``: its rules are
            applied and its findings are worded in it ("es": content_lint_es).

    Returns:
        The findings in the order their words appear in the text (ties in ``RULES`` order).
        A sentence is reported at most once per rule (at its first words), so editors read
        one finding per problem.
    """
    lang = _language(language)
    spans: list[tuple[int, int]] = []  # split into sentences when the first match is found
    starts: list[int] = []
    folded = lang.fold(text)
    hits: list[tuple[int, int, str, _Pattern]] = []
    # Whether the text holds a context pattern anywhere, asked once per pattern: a pattern
    # whose context the whole text lacks cannot be a finding in any of its sentences, so it
    # is not scanned for (most imported answers never name suicide or self-harm).
    present: dict[re.Pattern[str], bool] = {}

    def holds(context: re.Pattern[str]) -> bool:
        if context not in present:
            present[context] = _may_match(_NEEDS.get(context, _NO_NEEDS), folded) and bool(
                narrowed(context).search(text)
            )
        return present[context]

    def narrowed(regex: re.Pattern[str]) -> re.Pattern[str]:
        # Method terms, as context or as a rule, are looked for among those the text can hold.
        return _method_regex(folded) if regex.pattern == _METHOD_CONTEXT.pattern else regex

    def sentence(at: int) -> tuple[int, int]:
        # The spans are contiguous and cover the text: the last one starting at or before
        # ``at`` holds it.
        if not spans:
            spans.extend(_sentence_spans(text))
            starts.extend(start for start, _ in spans)
        return spans[bisect_right(starts, at) - 1]

    for rule, patterns in lang.text_rules.items():
        for pattern in patterns:
            if not _may_match(pattern.needs, folded):
                continue
            anywhere = sensitive and pattern.anywhere_if_sensitive
            if not anywhere and not all(any(map(holds, group)) for group in pattern.requires):
                continue
            for match in narrowed(pattern.regex).finditer(text):
                start, end = match.span()
                if start == end:
                    continue
                s_start, s_end = sentence(start)
                if _skipped(
                    pattern,
                    text[s_start:s_end],
                    text[s_start:start],
                    text[end:s_end],
                    sensitive,
                    lang,
                ):
                    continue
                hits.append((start, end, rule, pattern))
    # Keep the first, longest hit of each rule in each sentence.
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), _RULE_ORDER[h[2]]))
    taken: set[tuple[str, int]] = set()
    findings: list[LintFinding] = []
    for start, end, rule, pattern in hits:
        s_start, s_end = sentence(start)
        if (rule, s_start) in taken:
            continue
        taken.add((rule, s_start))
        words = text[start:end]
        shown = " ".join(words.split())
        message = pattern.message.replace("{words}", shown)
        findings.append(
            LintFinding(
                rule=rule,
                severity=_severity(rule, blocking),
                topic=topic,
                section=section,
                words=words,
                message=message,
                suggestion=pattern.suggestion,
                sentence=_quotable(text[s_start:s_end], start - s_start, end - s_start),
                language=language,
            )
        )
    return findings


_LIST_MARK = re.compile(r"^(?:[-*+]|\d+[.)]|#+)\s+")
_QUOTE_CHARS = 240


def _quotable(sentence: str, start: int, end: int) -> str:
    """The sentence as editors should see it quoted: one line, without a list or heading mark,
    and cut to about ``_QUOTE_CHARS`` around the words found when it is very long."""
    if len(sentence) > _QUOTE_CHARS:
        left = max(0, start - _QUOTE_CHARS // 2)
        right = min(len(sentence), max(end, left + _QUOTE_CHARS))
        cut = sentence[left:right]
        if left > 0:
            cut = "…" + cut.split(" ", 1)[-1] if " " in cut else "…" + cut
        if right < len(sentence):
            cut = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
        sentence = cut
    return _LIST_MARK.sub("", " ".join(sentence.split()))


def about_suicide_or_self_harm(text: str) -> bool:
    """True when the text names suicide or self-harm (e.g. an imported record's focus)."""
    return bool(_SUICIDE_CONTEXT.search(text))


def _missing_help(doc: TopicDocument, blocking: frozenset[str]) -> list[LintFinding]:
    """The topic-level help check for sensitive topics, in the topic's language."""
    if not doc.sensitive:
        return []
    lang = _language(doc.locale)
    texts = [doc.title, doc.summary]
    for section in doc.sections:
        texts += [section.heading, section.body]
        for item in section.items:
            texts += [item.name, item.description]
    has_section = any(section.kind == "seek-help" for section in doc.sections)
    has_line = any(lang.crisis_line.search(text) for text in texts)
    if has_section and has_line:
        return []
    message, suggestion = lang.missing_help(has_section, has_line)
    return [
        LintFinding(
            rule="missing-help-resources",
            severity=_severity("missing-help-resources", blocking),
            topic=doc.slug,
            section="",
            words="",
            message=message,
            suggestion=suggestion,
            language=doc.locale,
        )
    ]


def lint_topic(
    doc: TopicDocument, blocking: frozenset[str] = DEFAULT_BLOCKING
) -> list[LintFinding]:
    """Check a whole topic: title, summary, sections, treatment items and help resources.

    Args:
        doc: the parsed topic; its ``locale`` chooses the rules (``lint_text``'s language).
        blocking: rule ids whose findings block publishing; the rest warn.

    Returns:
        The findings in document order: title, summary, then each section's heading, body
        and treatment items (reported as "Heading › Item name"), then topic-level findings.
    """
    findings: list[LintFinding] = []

    def check(text: str, section: str) -> None:
        findings.extend(
            lint_text(
                text,
                topic=doc.slug,
                section=section,
                blocking=blocking,
                sensitive=doc.sensitive,
                language=doc.locale,
            )
        )

    check(doc.title, "")
    check(doc.summary, "")
    for section in doc.sections:
        check(section.heading, section.heading)
        check(section.body, section.heading)
        for item in section.items:
            where = f"{section.heading} › {item.name}"
            check(item.name, where)
            check(item.description, where)
    findings.extend(_missing_help(doc, blocking))
    return findings
