"""The few unmistakable cases, as rules: asking for a method or a lethal amount, an act in
progress, and an intent with a stated time or preparations.

Everything else is the learned model's job (``crisis_model.py``): these rules exist because
for these three cases a miss is unacceptable and the wording is narrow enough to say
exactly. Each rule fires at **emergency**. They run on text already cut to
``MAX_SCREEN_CHARS`` and cost linear time (one pass of a few compiled patterns, none with
nested quantifiers).

English and Spanish are covered here (the site's two languages), with a handful of
Portuguese and French forms of the same cases; the model covers the other languages.
Plain Python: no Django import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["RuleHit", "fold", "rule_hits"]


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired: its name and the words it matched."""

    rule: str
    words: str
    start: int


def fold(text: str) -> str:
    """Lower case, accents stripped, curly quotes straightened, common text-speak spelled out."""
    text = unicodedata.normalize("NFKD", text.lower()).translate(_COMBINING)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _SPELLING.sub(_spelled_out, text)


class _CombiningMarks(dict[int, int | None]):
    """A ``str.translate`` table that deletes combining marks (accents and the like) and
    keeps every other character; each code point is looked up once, when first met, so no
    process pays to tabulate all of Unicode at import."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_COMBINING = _CombiningMarks()

# Text-speak, spelled out (each pattern with what it stands for). They run as one pattern,
# one pass over the text: leftmost match first, and at one place the first that matches.
_SPELL_OUT: tuple[tuple[str, str], ...] = (
    (r"\bkms+\b", "kill myself"),
    (r"\bun-?alive (?:my ?self|me)\b", "kill myself"),
    (r"\bsewer ?slide\b|\bsui\b|\bsuicde\b|\bsucide\b", "suicide"),
    (r"\bi'?m\b", "i am"),
    (r"\bim\b", "i am"),
    (r"\bi'?ve\b", "i have"),
    (r"\bive\b", "i have"),
    (r"\bgonna\b", "going to"),
    (r"\bwanna\b", "want to"),
    (r"\bu\b", "you"),
    (r"\bq\b", "que"),
    (r"\bxq\b|\bpq\b", "porque"),
    (r"\bkiero\b", "quiero"),
)
# A word that starts with none of these letters is passed over at once.
_SPELLING = re.compile(
    r"\b(?=[giknpqsuwx])(?:"
    + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(_SPELL_OUT))
    + ")"
)


def _spelled_out(match: re.Match[str]) -> str:
    return _SPELL_OUT[int(str(match.lastgroup)[1:])][1]


# Ways to die or to hurt oneself, as a reader would name the act (never the means).
_ACT = (
    r"(?:kill (?:my ?self|me|himself|herself|themselves)|end (?:it all|my life|it|things)|"
    r"commit suicide|suicide|die|not wake up|never wake up|overdose|od|hang (?:my ?self|me)|"
    r"take my (?:own )?life|hurt (?:my ?self|me) (?:badly|for good|permanently)|"
    r"bleed out|cut (?:deep|deeper|too deep))"
)

_METHOD_PATTERNS: tuple[tuple[str, str], ...] = (
    # "how do I kill myself", "how to die painlessly", "best way to end it"
    (
        "method-seeking",
        rf"\b(?:how (?:do|can|could|would|should) (?:i|you|someone|one|a person)(?: best)?|"
        rf"how to|ways? to|best way to|easiest way to|quickest way to|fastest way to|"
        rf"painless(?:ly)? (?:way )?to|least painful way to|surest way to)\s+(?:just\s+)?{_ACT}",
    ),
    # "how many / how much ... to die / to overdose / would kill me / is lethal"
    (
        "lethal-amount",
        r"\bhow (?:many|much)\b[^.?!\n]{0,60}?\b(?:to (?:die|kill|overdose|od|not wake up|"
        r"never wake up|end it)|(?:would|will|could|to) kill (?:me|a person|someone|you|an adult|"
        r"a human)|(?:is|would be|are) (?:lethal|fatal|deadly|enough to die)|"
        r"before (?:you|i|someone) (?:die|dies|stop breathing)|lethal|fatal|deadly|"
        r"an? overdose|to od)",
    ),
    (
        "lethal-amount",
        r"\b(?:lethal|fatal|deadly|killing) (?:dose|amount|quantity|number)\b",
    ),
    (
        "lethal-amount",
        r"\b(?:would|will|is|are)\b[^.?!\n]{0,40}\benough to (?:kill|die|end it|not wake up|overdose)\b",
    ),
    (
        "method-seeking",
        r"\bwhat (?:pills?|meds|medications?|drugs?|medicine|height|way)\b[^.?!\n]{0,40}?"
        r"\b(?:to die|to kill (?:my ?self|me|yourself)|to end (?:it|my life)|to not wake up|"
        r"kill (?:you|me|a person)|would kill|is lethal|are lethal|to overdose|to od)\b",
    ),
    # Spanish: "como matarme", "cuantas pastillas para morir", "dosis letal"
    (
        "method-seeking",
        r"\b(?:como|forma de|manera de|metodo para|formas? de|maneras? de)\s+"
        r"(?:puedo\s+|podria\s+|me\s+)?(?:matarme|suicidarme|morirme|morir sin dolor|"
        r"quitarme la vida|acabar con mi vida|no despertar)",
    ),
    (
        "lethal-amount",
        r"\bcuant[ao]s?\b[^.?!\n]{0,60}?\b(?:para (?:morir|matarme|no despertar|una sobredosis|"
        r"matar a alguien|suicidarme)|(?:es|son|seria|serian) (?:letal|letales|mortal|mortales)|"
        r"me matan?|me mataria|mata a una persona)",
    ),
    ("lethal-amount", r"\bdosis (?:letal|mortal)\b|\bcantidad (?:letal|mortal)\b"),
    # Portuguese and French, the same two questions
    (
        "method-seeking",
        r"\b(?:como (?:me )?matar(?:-me)?|como (?:me )?suicidar|comment (?:me )?(?:suicider|tuer)|"
        r"comment mourir)\b",
    ),
    (
        "lethal-amount",
        r"\b(?:dose (?:letale|mortelle)|quantos? [^.?!\n]{0,40}para morrer|"
        r"combien [^.?!\n]{0,40}pour mourir)\b",
    ),
)

# Something already done or under way. First person, or someone else.
_ACT_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "act-in-progress",
        r"\b(?:i|he|she|they|my \w+)(?: have| has| just| already|'s|'ve)*\s+"
        r"(?:just |already )?(?:taken|took|swallowed|downed|overdosed|od'?d|"
        r"drank) (?:all|a (?:whole|full|bunch|lot|handful)|every|the whole|too many|way too many|"
        r"loads|lots|[\w-]+ (?:bottles?|packs?|boxes))\b",
    ),
    (
        "act-in-progress",
        r"\b(?:i|he|she|they|my \w+)(?: have| has| just| already)*\s+"
        r"(?:overdosed|od'?d|tried to (?:kill|hang) (?:my ?self|himself|herself|themselves))\b",
    ),
    (
        "act-in-progress",
        r"\b(?:i am|i'm|he is|she is|they are|cant stop|can't stop|won't stop|will not stop)"
        r"[^.?!\n]{0,20}\bbleeding\b[^.?!\n]{0,30}\b(?:a lot|badly|heavily|won'?t stop|"
        r"will not stop|everywhere|so much|too much|through)\b",
    ),
    (
        "act-in-progress",
        r"\b(?:the bleeding|it) (?:won'?t|will not|doesn'?t|does not) stop\b",
    ),
    (
        "act-in-progress",
        r"\b(?:i am|he is|she is)\s+(?:standing |sitting )?(?:on|at) (?:the|a|this) "
        r"(?:edge|ledge|roof|bridge|tracks|cliff)\b",
    ),
    (
        "act-in-progress",
        r"\b(?:this is my (?:last|final) (?:post|message|goodbye)|goodbye everyone|"
        r"by the time (?:you|anyone) (?:read|reads|see|sees) this)\b",
    ),
    # Spanish
    (
        "act-in-progress",
        r"\b(?:me|se|nos) (?:tome|tomo|trague|trago|bebi|bebio|tomamos)\b[^.?!\n]{0,25}?"
        r"\b(?:todas? (?:las|mis|sus)|un monton|muchas|un frasco|una caja|el frasco|la caja|"
        r"demasiadas)\b",
    ),
    (
        "act-in-progress",
        r"\b(?:estoy|esta) sangrando (?:mucho|demasiado|sin parar)\b|\bno (?:para|deja) de sangrar\b",
    ),
    (
        "act-in-progress",
        r"\bintente (?:matarme|suicidarme|quitarme la vida) (?:hoy|ahora|anoche)\b",
    ),
    (
        "act-in-progress",
        r"\besta es mi ultima (?:publicacion|mensaje|despedida)\b|\badios a todos\b",
    ),
)

# An intent followed (or preceded) by a time or preparations.
_INTENT = (
    r"(?:kill (?:my ?self|myself)|end (?:it all|my life|it|everything|things)|"
    r"commit suicide|take my (?:own )?life|do it|be gone|not be here|not be around|"
    r"go through with it|(?:am|'m) going to do it|matarme|suicidarme|quitarme la vida|"
    r"acabar con (?:todo|mi vida)|ya no estare|me mato|me suicido)"
)
_TIME = (
    r"(?:tonight|today|tomorrow|this (?:weekend|evening|afternoon|morning|week)|right now|"
    r"in (?:an|a few|\d+) (?:hour|hours|minutes|days)|after (?:everyone|they|the kids|my \w+) "
    r"(?:is|are|goes|go|fall|falls) (?:asleep|to (?:bed|sleep)|out)|at midnight|on (?:monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|my birthday)|"
    r"esta noche|hoy|manana|este fin de semana|ahora mismo|en unas horas)"
)
_INTENT_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "intent-with-time",
        rf"\b(?:i|i am|i'm|i will|i'll|i'?m going to|going to|gonna|i want to|i need to|"
        rf"i plan to|i have decided to|decided to|ready to|quiero|voy a|pienso)\b"
        rf"[^.?!\n]{{0,30}}?\b{_INTENT}\b[^.?!\n]{{0,40}}?\b{_TIME}\b",
    ),
    (
        "intent-with-time",
        rf"\b{_TIME}\b[^.?!\n]{{0,25}}?\b(?:i|i am|i will|i'?m going to|going to|is the night|"
        rf"is the day|voy a|me)\b[^.?!\n]{{0,30}}?\b{_INTENT}\b",
    ),
    (
        # Spanish verbs carry their subject: "esta noche me suicido" needs no "yo".
        "intent-with-time",
        rf"\b{_TIME}\b[^.?!\n]{{0,25}}?\b(?:me mato|me suicido|me quito la vida|"
        rf"acabo con (?:todo|mi vida))\b",
    ),
    (
        "intent-with-time",
        r"\b(?:tonight|today|tomorrow|esta noche|manana) (?:is|will be|es|sera) "
        r"(?:the night|the day|my last|la noche|el dia|mi ultim[ao])\b",
    ),
    (
        "preparations",
        r"\b(?:wrote|written|writing|left|finished|escribi|deje) (?:my |the |mis |las |una )?"
        r"(?:goodbye|suicide|farewell|last)? ?(?:notes?|letters?|cartas?(?: de despedida)?)\b"
        r"[^.?!\n]{0,60}\b(?:goodbye|gave|given|giving|ready|tonight|despedida|regale|listo|lista)\b",
    ),
    (
        "preparations",
        r"\b(?:i have|i've got|i got|tengo)\b[^.?!\n]{0,20}\b(?:a plan|the plan|un plan)\b"
        r"[^.?!\n]{0,40}\b(?:tonight|today|tomorrow|ready|when|esta noche|manana|listo|lista)\b",
    ),
)

_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (*_METHOD_PATTERNS, *_ACT_PATTERNS, *_INTENT_PATTERNS)
)

# A question about someone else's *ordinary* use, or about history, is not method-seeking.
_NOT_ABOUT_HARM = re.compile(
    r"\b(?:per day|a day|daily|for (?:pain|a headache|my back|a cold|the flu|sleep|fever|"
    r"my child|a child|kids?|toddler|baby|dogs?|cats?)|para (?:el dolor|la fiebre|dormir|"
    r"un nino|mi hijo|mi hija))\b"
)
_NEGATED = re.compile(
    r"\b(?:not|never|no|don'?t|do not|won'?t|would never|nunca|jamas)\s+(?:\w+\s+){0,2}$"
)


def rule_hits(folded: str) -> list[RuleHit]:
    """Every emergency rule that fires on ``folded`` text (see ``fold``), in text order.

    A match preceded closely by a negation ("I would never take all my pills") does not
    count; a lethal-amount question about ordinary daily use ("how many ibuprofen per day
    is safe") does not either.
    """
    hits: list[RuleHit] = []
    for name, pattern in _COMPILED:
        for match in pattern.finditer(folded):
            before = folded[max(0, match.start() - 30) : match.start()]
            if _NEGATED.search(before):
                continue
            if name == "lethal-amount" and _NOT_ABOUT_HARM.search(match.group(0)):
                continue
            hits.append(RuleHit(name, match.group(0).strip(), match.start()))
    hits.sort(key=lambda h: h.start)
    return hits
