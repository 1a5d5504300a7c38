"""The crisis screen: one function for anything a reader writes.

``screen_text`` returns a ``CrisisLevel`` — none, concern, crisis, emergency — with the
reasons (rule, words, sentence). It is rules and a lexicon over normalised text:

1. Normalise: lower case, straight apostrophes, slang and common misspellings mapped to
   plain words ("kms" → "kill myself", "sewerslide" → "suicide", "wanna" → "want to").
2. Split into sentences, then clauses (at ", but", ";", "though" …), because negation and
   tense belong to a clause: "I'm not going to lie, I want to die" is a crisis.
3. Match patterns by level. A first-person crisis phrase under negation ("I don't want to
   die") is dropped; under past-tense markers without present ones ("years ago I used to
   self-harm") it becomes concern. Idioms ("dying to see", "killing me", "die of
   embarrassment") are not risk phrases in the first place.
4. The level is the highest found. When in doubt the rules lean towards showing help: a
   missed crisis is the worst bug this project can have (see docs/safety.md).

This is not a clinical risk assessment. Plain Python: no Django import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

__all__ = ["CrisisLevel", "Reason", "ScreenResult", "screen_text"]


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
    """Why the screen chose a level: the rule, the words it matched, the sentence (1-based)."""

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


# --- 1. Normalisation -------------------------------------------------------------------

# Slang, abbreviations and misspellings seen in consumer messages, mapped to plain words.
# Applied on word boundaries after lower-casing.
_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    (r"\bkms+\b", "kill myself"),
    (r"\bkmself\b", "kill myself"),
    (r"\bkys\b", "kill yourself"),
    (r"\bctb\b", "end my life"),
    (
        r"\bun-?alive\b(?! (?:myself|yourself|himself|herself|themselves|me|him|her|them)\b)",
        "kill myself",
    ),
    (r"\bun-?alive\b", "kill"),
    (r"\bun-?aliving\b", "killing"),
    (r"\bun-?alived\b", "killed"),
    (r"\bsewer ?slide\b", "suicide"),
    (r"\bsui\b", "suicide"),
    (
        r"\b(?:suicidel+|suicidle|sucidal|suicdal|suisidal|suicidial|suicidall|suacidal|sucidial|"
        r"suicidale|suecidal|suisidle|suicedal|sucicidal)\b",
        "suicidal",
    ),
    (
        r"\b(?:suicde|sucide|suiside|suicied|sucicide|suicie|suicid|suwicide|sooicide|suicidee|"
        r"suecide|suisde|suicaid|suiciede|sucied)\b",
        "suicide",
    ),
    (r"\bself[\s-]*h+a+r+m+(?:ing|ed|s)?\b", "self-harm"),
    (r"\bself[\s-]*injur(?:y|ies|ing|ed)\b", "self-harm"),
    (r"\bselfharm\w*\b", "self-harm"),
    (r"\bnssi\b", "self-harm"),
    (r"\bs/h\b", "self-harm"),
    (r"\b(to|did|do|about|from|of|no|my|the|with|stop|and|urge|urges) sh\b", r"\1 self-harm"),
    (
        r"\bsh(?= (?:urges?|again|tonight|scars?|wounds?|marks?|relapse|free|clean|worse)\b)",
        "self-harm",
    ),
    (
        r"\b(tonight|today|it|that|there|life|what|he|she|who|everything|nothing|where|here|time|plan|mind|this)'s\b",
        r"\1 is",
    ),
    (r"\bcan't\b|\bcant\b", "can not"),
    (r"\bwon't\b|\bwont\b", "will not"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(i|you|he|she|it|we|they|that|this|there|who|everything)'ll\b", r"\1 will"),
    (r"\b(you|we|they|who)'re\b", r"\1 are"),
    (r"\b(i|you|we|they|who|would|could|should|must|might)'ve\b", r"\1 have"),
    (r"\bdnt\b|\bdun\b", "do not"),
    (r"\bb(?= (?:here|alive|dead|gone|around|better|okay|ok|free|happy|over)\b)", "be"),
    (r"\bw/o\b|\bwithout\b", "without"),
    (r"\bwud\b|\bwld\b|\bwd\b", "would"),
    (r"\bcud\b|\bcld\b", "could"),
    (
        r"\b(think|say|feel|plann|go|do|try|cutt|hurt|dy|noth|someth|liv|talk|text|want|wait|cry|fight|gett|mean)in\b",
        r"\1ing",
    ),
    (r"\bbout\b", "about"),
    (r"\bv\b", "very"),
    (r"\brly\b|\brlly\b|\breeally\b", "really"),
    (r"\bfinna\b|\bfixing to\b|\bboutta\b|\babt to\b", "going to"),
    (r"\bthru\b|\bthrough\b|\bthro\b", "through"),
    (r"\b2(?= (?:die|be|end|kill|hurt|live|sleep|go|do|stop|cut|exist)\b)", "to"),
    (r"\bidk\b", "i do not know"),
    (r"\bsumthing\b|\bsomethin\b|\bsmthing\b|\bsmthng\b", "something"),
    (r"\bhrs?\b", "hour"),
    (r"\bdis+ap+ear\b|\bdisapear\b|\bdissapear\b", "disappear"),
    (r"\bforevr\b|\b4ever\b|\bfurever\b", "forever"),
    (r"\bevry1\b|\bevery1\b|\beveryon\b", "everyone"),
    (
        r"\b(think|thinking|thoughts|want|wanting|urges?) (about|of|to) (kill|killing|hurt|hurting|harm|harming|end|ending) yourself\b",
        r"\1 \2 \3 yourself_generic",
    ),
    (r"\bd[!1]e\b|\bdi3\b|\bd!3\b", "die"),
    (r"\bjus\b|\bjst\b", "just"),
    (r"\bevrything\b|\beverythin\b|\bevrythin\b|\beverthing\b", "everything"),
    (r"\bsh'?-?ing\b", "self-harming"),
    (r"\b(\w+)'s (just|been|already|taken|done|hurt|gone|got)\b", r"\1 has \2"),
    (
        r"\b(\w+)'s (not|going|about|saying|ending|doing|on|in|at|really|so|very|locked|talking|sitting|standing)\b",
        r"\1 is \2",
    ),
    (r"\bwanna\b", "want to"),
    (r"\bwana\b", "want to"),
    (r"\bwan2\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\bgunna\b", "going to"),
    (r"\bgotta\b", "got to"),
    (r"\bim\b", "i am"),
    (r"\bi'm\b", "i am"),
    (r"\bi've\b", "i have"),
    (r"\bive\b", "i have"),
    (r"\bi'll\b", "i will"),
    (r"\bill\b(?= (?:do|end|kill|take|be|never|just|finally|go))", "i will"),
    (r"\bi'd\b", "i would"),
    (r"\bid\b(?= (?:rather|never|be|just|kill|love|die))", "i would"),
    (r"\bdont\b|\bdon't\b|\bdo n't\b", "do not"),
    (r"\bdoesnt\b|\bdoesn't\b", "does not"),
    (r"\bdidnt\b|\bdidn't\b", "did not"),
    (r"\bcant\b|\bcan't\b|\bcannot\b", "can not"),
    (r"\bwont\b|\bwon't\b", "will not"),
    (r"\bwouldnt\b|\bwouldn't\b", "would not"),
    (r"\bisnt\b|\bisn't\b", "is not"),
    (r"\barent\b|\baren't\b", "are not"),
    (r"\bwasnt\b|\bwasn't\b", "was not"),
    (r"\bhavent\b|\bhaven't\b", "have not"),
    (r"\bhes\b|\bhe's\b", "he is"),
    (r"\bshes\b|\bshe's\b", "she is"),
    (r"\btheyre\b|\bthey're\b", "they are"),
    (r"\bits\b|\bit's\b", "it is"),
    (r"\bthats\b|\bthat's\b", "that is"),
    (r"\bwhats\b|\bwhat's\b", "what is"),
    (r"\blife's\b", "life is"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\br\b", "are"),
    (r"\bn\b", "and"),
    (r"\brn\b", "right now"),
    (r"\btn\b", "tonight"),
    (r"\b2night\b|\b2nite\b|\btonite\b|\btnight\b", "tonight"),
    (r"\b2day\b", "today"),
    (r"\b2moro\b|\b2morrow\b|\btmrw\b|\btmr\b|\btomoz\b|\btomorow\b", "tomorrow"),
    (r"\bb4\b", "before"),
    (r"\bbc\b|\bcuz\b|\bcos\b|\bcoz\b|\bbcos\b|\bbecuase\b|\bbecasue\b", "because"),
    (r"\bppl\b", "people"),
    (r"\bsmth\b|\bsmthn\b|\bsth\b", "something"),
    (r"\bevry\b|\bevery1\b", "every"),
    (r"\bany1\b|\banyon\b", "anyone"),
    (r"\bno1\b|\bnoone\b", "no one"),
    (r"\bsum1\b", "someone"),
    (r"\bmyslef\b|\bmysef\b|\bmyselff\b|\bmy self\b|\bmeself\b|\bmaself\b", "myself"),
    (r"\bkil\b", "kill"),
    (r"\bkiling\b", "killing"),
    (r"\bdieing\b|\bdyin\b", "dying"),
    (r"\bded\b", "dead"),
    (r"\blyf\b|\blif\b", "life"),
    (r"\bwnt\b|\bwant2\b", "want to"),
    (r"\bpils\b|\bpillz\b", "pills"),
    (r"\boverdoes\b|\boverdose?d\b|\bod'?d\b|\bod'ing\b", "overdosed"),
    (r"\bcuttin\b|\bcuting\b", "cutting"),
    (r"\bgoodbye\b|\bgood bye\b|\bgoodby\b|\bg'bye\b", "goodbye"),
    (r"\banymore\b|\bany more\b|\banymor\b|\benymore\b", "anymore"),
    (r"\bplz\b|\bpls\b", "please"),
    (r"\bsoo+\b", "so"),
    (r"\bfr\b|\bfrfr\b|\bngl\b|\btbh\b|\blol\b|\blmao\b|\bsmh\b", ""),
)
_COMPILED_REPLACEMENTS = tuple((re.compile(p), r) for p, r in _REPLACEMENTS)


# A word or two in quotes is talked about, not said: "is 'unalive' the word for dying?"
_META_LANGUAGE = re.compile(
    r"\b(?:word|words|term|means?|meaning|slang|stands? for|short for|spell|spelled|spelt|called|emoji)\b",
    re.IGNORECASE,
)
_REPORTED_QUOTE = re.compile(
    r"(\b(?:says?|said|reads?|warns?|warning|label|leaflet|states?|article|headline|title|lyrics?|song|sings?|book|film|movie|packet|insert)\b[^'\"]{0,25})(?<![A-Za-z])['\"][^'\"]{3,200}['\"](?![A-Za-z])",
    re.IGNORECASE,
)
_QUOTED_TERM = re.compile(r"(?<!\w)['\"](?:[\w-]+ ?){1,2}['\"](?!\w)")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    if _META_LANGUAGE.search(text):
        text = _QUOTED_TERM.sub(" a word ", text)
    # Words quoted from a leaflet, label, article or song are reported, not said.
    text = _REPORTED_QUOTE.sub(r"\1 a quotation ", text)
    text = text.replace("`", "'")
    text = text.lower()
    # Repeated letters ("soooo", "dieeee") collapse to at most two.
    text = re.sub(r"([a-z])\1{2,}", r"\1\1", text)
    for pattern, replacement in _COMPILED_REPLACEMENTS:
        text = pattern.sub(replacement, text)
    return re.sub(r"[ \t]+", " ", text)


# --- 2. Sentences and clauses -------------------------------------------------------------

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])(?=[A-Za-z])")
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:;|:|,?\s+but\s+|,?\s+though\s+|,?\s+however\s+|,\s+(?=i\b)|\s+-+\s+|\s+and\s+(?=i (?:am|have|will|want|feel|just|keep)\b))\s*"
)


def _sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in _SENTENCE_SPLIT.split(text)) if s]


# --- 3. Patterns -------------------------------------------------------------------------

SELF = r"(?:myself|my self|my own life|my life)"
DIE_WORDS = (
    r"(?:die|be dead|not (?:be )?(?:here|alive|around)|not exist|stop existing|disappear forever|"
    r"never wake up|not wake up|go to sleep (?:and|forever)|sleep forever|end it(?: all)?|end things|"
    r"end everything|end my life|end myself|kill myself|take my (?:own )?life|commit suicide|"
    r"do it|give up on life|be gone|leave this world|no longer be here|not be around|dying|ending things|ending everything|"
    r"killing myself|ending it(?: all)?|ending my life|"
    r"suicide(?! (?:prevention|rates?|statistics|awareness|research|risk factors|hotlines?|lines?|squad|bombers?|bombing)))"
)
HARM_WORDS = (
    r"(?:hurt(?:ing)? myself|harm(?:ing)? myself|self-harm|cut(?:ting)? (?:myself|again|my)|"
    r"cut|cutting|burn(?:ing)? myself|punish(?:ing)? myself|injur(?:e|ing) myself|relapse(?:d)?)"
)
OTHER = (
    r"(?:he|she|they|my (?:son|daughter|child|kid|boy|girl|teen|teenager|friend|best friend|bf|gf|"
    r"boyfriend|girlfriend|partner|husband|wife|mum|mom|mother|dad|father|brother|sister|sibling|"
    r"cousin|student|pupil|roommate|flatmate|housemate|colleague|coworker|niece|nephew|grandson|"
    r"granddaughter|client|patient|fiance|fiancee)|(?:a|our|this) (?:friend|student|kid|child|girl|boy)|"
    r"(?:our|a) (?:son|daughter|child|kid|teen|teenager|student)|[a-z]+ (?:friend|mate))"
)
OTHER_SELF = r"(?:himself|herself|themselves|themself|their life|his life|her life|their own life)"

_PATTERNS: tuple[tuple[str, CrisisLevel, str], ...] = (
    # --- emergency: intent, plan, timing, an act in progress (first person) ---
    (
        "intent",
        CrisisLevel.EMERGENCY,
        rf"\bi (?:am|will|have decided to|decided to|am about to|am ready to|plan to|am planning to|"
        rf"am going to|want to (?:\w+ )?tonight|intend to|will definitely|will finally)\s+(?:\w+\s+)?"
        rf"(?:kill {SELF}|end (?:it(?: all)?|my life|things|everything)|take my (?:own )?life|commit suicide|"
        rf"do it tonight|die tonight|be dead (?:by|before|tomorrow|tonight))",
    ),
    ("intent", CrisisLevel.EMERGENCY, r"\b(?:tonight|today) (?:is|will be) the (?:night|day)\b"),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\bthis is (?:my )?(?:goodbye|the end|my last (?:message|post|night|day))\b",
    ),
    ("intent", CrisisLevel.EMERGENCY, r"\b(?:my|a) (?:suicide|goodbye) (?:note|letter|message)\b"),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:wrote|written|writing|left|leaving|finished) (?:my |the |a )?(?:last )?(?:notes?|letters?|goodbye)"
        r"(?: (?:to|for) (?:my|everyone|every|all|the)| for when| so)?",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:saying|said|say) (?:my )?goodbyes?\b(?! to (?:summer|the|my old|winter))",
    ),
    ("intent", CrisisLevel.EMERGENCY, r"\bgoodbye (?:everyone|forever|world|all)\b"),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\bgave (?:away )?(?:all )?(?:my|of my) (?:things|stuff|belongings|possessions|pets?)(?: away)?\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:giving|given) (?:away )?(?:all )?(?:my|of my) (?:things|stuff|belongings|possessions)(?: away)?\b",
    ),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\bi (?:have|got|have got|bought|found|collected|saved|stocked up|gathered) (?:a |the )?"
        r"(?:plan|everything i need|what i need|the means|enough|all i need|the stuff)\b",
    ),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\b(?:planned|planning|worked out|figured out|decided) (?:how|when|where|the date|the day|on a date)\b",
    ),
    ("plan", CrisisLevel.EMERGENCY, r"\b(?:set|picked|chose|chosen) (?:a|the) date\b"),
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\b(?:will not|won't|not going to|am not going to) (?:be (?:here|alive|around)|wake up|make it|see) "
        r"(?:tomorrow|in the morning|by (?:the )?morning|much longer|another day|next week|the weekend|christmas|my birthday)\b",
    ),
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\b(?:by|before) (?:tomorrow|morning|the morning)\b.{0,40}\b(?:dead|gone|over|die)\b",
    ),
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\b(?:dead|gone) (?:by|before) (?:tomorrow|morning|the morning|tonight|the weekend)\b",
    ),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\bi (?:have |just |have just |already )?(?:taken|took|swallowed|drank|overdosed|had) "
        r"(?:something|some|a lot|loads|too many|too much|all|everything|an overdose|the pills|pills|a bunch|a handful|a whole)\b",
    ),
    ("in-progress", CrisisLevel.EMERGENCY, r"\bi (?:have |just |have just )?overdosed\b"),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\bi (?:have |just |have just |already )?(?:hurt|cut|harmed|injured|burned) myself\b.{0,30}"
        r"\b(?:bad|badly|deep|deeper|too far|really bad|worse than|a lot|can not stop|will not stop)\b",
    ),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\b(?:am|is|keeps?|will not stop|can not stop (?:the )?)\s*bleeding\b",
    ),
    ("in-progress", CrisisLevel.EMERGENCY, r"\bcan not stop (?:the )?bleeding\b"),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\b(?:i am|i'm) (?:on|at) the (?:edge|ledge|bridge|roof|tracks)\b",
    ),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\b(?:i am|i'm) (?:doing|going to do) it (?:now|right now|tonight)\b",
    ),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\b(?:it is|it will be) (?:over|done) (?:soon|tonight|in a few)\b",
    ),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\b(?:i am|i feel) (?:dizzy|drowsy|sleepy|going numb|fading)\b.{0,60}\b(?:took|taken|swallowed|pills|overdose)\b",
    ),
    (
        "in-progress",
        CrisisLevel.EMERGENCY,
        r"\b(?:took|taken|swallowed)\b.{0,60}\b(?:dizzy|drowsy|fading|passing out|can not stay awake)\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\bi am (?:ready|about|going) to (?:die|jump|go through with it)\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:tonight|today|tomorrow|this weekend) is when (?:it|this|i) (?:happens|ends|will happen|do it)\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:letter|note|message|text|post) (?:that )?(?:reads|read|sounds|sounded|looks|looked) like (?:a )?(?:goodbye|suicide note)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:rather|sooner) (?:die|be dead) than (?:live|living|go on|going on|keep|go through|feel|carry on|be alive|wake up|face|spend another|suffer|continue|be here)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bcan not say i do not want to die\b|\bi do not want to die\W+(?:because|but)? ?(?:right now|honestly|now|actually)? ?i do\b",
    ),
    ("intent", CrisisLevel.EMERGENCY, r"\bgo(?:ing)? through with it\b"),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:my |the )?(?:last|final) (?:night|day|message|post|goodbye|words)(?: alive| on earth| here)?\b(?=.{0,40}\b(?:alive|earth|here|goodbye|anymore|ever|love you|sorry)\b)",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:after tonight|after today) (?:you|no one|nobody|it|i) (?:will not|won't|will never|do not)\b",
    ),
    (
        "intent",
        CrisisLevel.EMERGENCY,
        r"\b(?:i am|i'm) (?:done|finished) with (?:life|living|everything|this world)\b.{0,40}\b(?:tonight|today|now|goodbye)\b",
    ),
    # --- emergency: someone else, now ---
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b{OTHER} (?:has |have |just |has just |have just )?(?:taken|took|swallowed|overdosed|drank) "
        r"(?:something|some|a lot|loads|too many|too much|all|everything|an overdose|pills|a bunch|a handful|a whole)\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b{OTHER} (?:has |just |has just )?overdosed\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b{OTHER} (?:is|are|was|were|says (?:he|she|they) (?:is|are)|said (?:he|she|they) (?:is|was|are|were)) "
        rf"(?:going to|about to|planning to|ready to|gonna) (?:kill {OTHER_SELF}|end (?:it|{OTHER_SELF}|it all)|die|take {OTHER_SELF}|jump|do it)\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b{OTHER} (?:is |just |has )?(?:hurt|cut|harmed|injured) {OTHER_SELF}\b.{{0,30}}\b(?:bad|badly|deep|hospital|bleeding|will not stop)\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b{OTHER} (?:just |has |had |has just )?(?:texted|sent|posted|wrote|left|said|messaged|called)\b.{{0,40}}\b(?:goodbye|a note|suicide note|last message|final message|a letter)\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b{OTHER} (?:has|have|is|are)? ?(?:a plan|planned|planning) (?:to )?(?:kill|end|die|take {OTHER_SELF})\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b(?:found|find) {OTHER}\b.{{0,40}}\b(?:unconscious|not breathing|unresponsive|passed out|will not wake|can not wake|bleeding)\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        r"\b(?:he|she|they) (?:is|are|was) (?:on|at) the (?:edge|ledge|roof|bridge|tracks)\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b{OTHER}\b.{{0,60}}\b(?:suicide attempt|attempted suicide|tried to (?:kill|end) {OTHER_SELF})\b.{{0,30}}\b(?:now|tonight|right now|just now|today|an hour ago|minutes ago)\b",
    ),
    (
        "third-person-emergency",
        CrisisLevel.EMERGENCY,
        rf"\b(?:just|has just|have just|tonight|right now)\b.{{0,20}}\b(?:tried to (?:kill|end) {OTHER_SELF}|attempted suicide)\b",
    ),
    # --- crisis: current thoughts or urges (first person) ---
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        rf"\b(?:wants?|wanting|wish(?:es)?|wishing|think about|thinking about|thinking of|thoughts? (?:of|about)|"
        rf"feel like|feeling like|considering|tempted|urge|urges|going to|need|would (?:rather|prefer)|"
        rf"keep thinking about|dream about|fantasi[sz]e about|could just|might|should just|am going to|"
        rf"have to|plan to|ready to|so close to|close to|almost)\s+(?:to\s+)?(?:just\s+)?(?:\w+\s+)?{DIE_WORDS}",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:i am|feel|feeling|felt|been|getting|so|very|really|get) suicidal\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bsuicidal (?:thoughts|feelings|ideation|urges|again|lately|tonight|today|right now|rn)\b",
    ),
    ("suicidal-thoughts", CrisisLevel.CRISIS, rf"\b(?:kill|killing) {SELF}\b"),
    ("suicidal-thoughts", CrisisLevel.CRISIS, r"\bend(?:ing)? (?:my life|it all|my own life)\b"),
    ("suicidal-thoughts", CrisisLevel.CRISIS, r"\btak(?:e|ing) my (?:own )?life\b"),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:commit|committing|attempt|attempting) suicide\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:i|me) (?:and )?suicide\b|\bsuicide (?:is|seems) (?:the|my) (?:only|best|answer|option|way)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bbetter off (?:without me|if i (?:was|were) (?:gone|dead|not here)|dead|if i did not exist)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:everyone|they|people|family|world) (?:would|will) be (?:better|happier) (?:off )?(?:without me|if i (?:was|were) gone)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:do not|never) want to (?:live|be alive|be here|exist|wake up|go on|carry on|keep going|be around)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:no|not any|not a single) (?:reason|point|purpose) (?:to|in|for) (?:live|living|being alive|go on|going on|being here|staying|me being here|life|keep going|carrying on)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:what is|what's) the point (?:of|in) (?:living|life|being alive|going on|me being here|existing|staying alive)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bcan not (?:go on|do this anymore|keep going|take (?:it|this) anymore|live like this|carry on|cope anymore|keep living|handle life|face tomorrow|be here anymore)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:life|living) (?:is not|is no longer|isn't|ain't|not) worth\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:do not|can not|can't|don't) see (?:the|any) point (?:of|in) (?:being here|living|life|going on|being alive|existing|staying|carrying on|anything anymore|waking up)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:tired|sick) of (?:living|being alive|life|existing|waking up|being here)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:i am|i feel like|feel like) (?:just )?a burden\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bwish i (?:was|were|had) (?:dead|never (?:been )?born|not (?:alive|here|born))\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bwish i (?:could )?(?:just |simply |really )?(?:die|disappear|vanish|not wake up|would not wake up|died|could die|could sleep forever)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:hope|hoping|pray|praying) (?:i|that i) (?:do not|never|will not|don't) wake up\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:want|wanting|need) (?:it|everything|the pain|this) to (?:all )?(?:end|stop) (?:forever|for good|permanently)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:want|wanting) to (?:disappear|vanish) (?:forever|for good|permanently|and never come back)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:way|ways) (?:out|to end it|to die)\b.{0,30}\b(?:only|looking|searching|need|want|find)\b|\b(?:only|looking for a|need a|want a|find a) way out\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:i|me) (?:should|deserve to) (?:just )?(?:die|not exist|be dead|not be alive)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:i|me) (?:would|will|'d) (?:rather|prefer to) (?:die|be dead|not exist|not be here|not be alive)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:nobody|no one) would (?:miss|notice|care) (?:me|if i (?:died|was gone|were gone|disappeared))\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bi (?:am|feel) (?:ready|done|finished) (?:to go|with (?:life|living|everything|it all))\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:want|wanting|wish|wishing) (?:for )?(?:death|to stop existing|it to be over|to be over)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:want|wanting|need|going) to (?:go to sleep|sleep) (?:and never|forever|for good|and not)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bi (?:keep |have been )?(?:researching|looking up|googling|searching) (?:ways|how) to (?:die|end|kill)\b",
    ),
    (
        "self-harm-urges",
        CrisisLevel.CRISIS,
        rf"\b(?:want|wanting|urge|urges|tempted|need|feel like|thinking about|thinking of|craving|going to|close to|"
        rf"about to|struggling not to|trying not to|fighting the urge to|resisting the urge to)\s+(?:to\s+)?(?:\w+\s+)?{HARM_WORDS}",
    ),
    (
        "self-harm-urges",
        CrisisLevel.CRISIS,
        r"\b(?:urges?|cravings?) (?:to (?:self-harm|hurt|cut|harm)|are back|came back|coming back|again|so strong|are (?:so |really |very )?(?:strong|bad|overwhelming|unbearable|intense|too much)|getting (?:stronger|worse)|tonight)\b",
    ),
    (
        "self-harm-urges",
        CrisisLevel.CRISIS,
        r"\b(?:self-harm|hurt myself|harm myself|cut myself|cutting) urges?\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\bi (?:am|have been|keep|still|started|started to|began|continue to|can not stop|do|often|sometimes|always|usually) "
        r"(?:self-harm|self-harming|cutting|hurting myself|harming myself|burning myself|cut myself|hurt myself|harm myself|punishing myself|hitting myself|scratching myself)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\bi (?:self-harm|cut|hurt myself|harm myself)\b(?! (?:my (?:hand|finger|leg|knee|foot|back|thumb)|while|when i was|by accident|accidentally|on))",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\b(?:i|just) (?:relapsed|slipped up|cut again|self-harm again|hurt myself again)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\b(?:cut|hurt|harmed|self-harm) (?:myself )?(?:again|last night|today|this morning|tonight|yesterday|this week)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\bhow (?:do|can|to) (?:i )?(?:stop|quit) (?:self-harm|cutting|hurting myself|harming myself|wanting to die|wanting to kill myself)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\b(?:hide|hiding|cover|covering) (?:my )?(?:cuts|scars|wounds|marks|self-harm)\b(?=.{0,80}\b(?:now|new|fresh|again|still|today|from)\b)",
    ),
    ("self-harm-now", CrisisLevel.CRISIS, r"\b(?:fresh|new) (?:cuts|wounds|marks|scars)\b"),
    # --- crisis: someone else, now ---
    (
        "third-person-crisis",
        CrisisLevel.CRISIS,
        rf"\b{OTHER}\b.{{0,50}}\b(?:wants?|wanted|wanting|keeps? saying|kept saying|talks? about|talking about|said|says|told me|thinks about|thinking about|threaten(?:s|ed|ing)?|mentioned|posted|texted|wrote)\b.{{0,30}}"
        rf"\b(?:to die|dying|kill(?:ing)? {OTHER_SELF}|suicide|suicidal|end(?:ing)? (?:it(?: all)?|{OTHER_SELF})|not (?:want|wanting) to (?:live|be (?:here|alive))|being dead|better off dead|better off without|take {OTHER_SELF})\b",
    ),
    (
        "third-person-crisis",
        CrisisLevel.CRISIS,
        rf"\b{OTHER} (?:is|are|seems|seem|has been|have been|was|were|became|got|is getting) (?:really |very |so |quite )?suicidal\b",
    ),
    (
        "third-person-crisis",
        CrisisLevel.CRISIS,
        rf"\b{OTHER} (?:tried|attempted|tries) to (?:kill|end|hurt) {OTHER_SELF}\b.{{0,30}}\b(?:again|last night|yesterday|this week|today)\b",
    ),
    (
        "third-person-crisis",
        CrisisLevel.CRISIS,
        r"\bworried (?:that )?(?:he|she|they|my \w+) (?:will|might|is going to|may) (?:kill|hurt|harm|end)\b",
    ),
    (
        "third-person-crisis",
        CrisisLevel.CRISIS,
        r"\b(?:afraid|scared|worried|terrified) (?:he|she|they|my \w+) (?:will|might|is going to|may) (?:do something|not be here|die|try again|attempt)\b",
    ),
    # --- concern ---
    (
        "third-person-self-harm",
        CrisisLevel.CONCERN,
        rf"\b{OTHER}\b.{{0,40}}\b(?:self-harm|self-harming|cuts {OTHER_SELF}|cutting {OTHER_SELF}|is cutting|has been cutting|"
        rf"hurts {OTHER_SELF}|hurting {OTHER_SELF}|harms {OTHER_SELF}|harming {OTHER_SELF}|burns {OTHER_SELF}|cut {OTHER_SELF}|cuts|cutting|scars|attempted suicide|tried to kill {OTHER_SELF}|suicide attempt)\b",
    ),
    (
        "third-person-self-harm",
        CrisisLevel.CONCERN,
        r"\b(?:found|noticed|saw|seen|discovered)\b.{0,40}\b(?:cuts|scars|marks|self-harm|razors?|blades?)\b.{0,40}\b(?:on|in|under)\b.{0,20}\b(?:his|her|their|my (?:son|daughter|child|kid)'?s?)\b",
    ),
    (
        "third-person-self-harm",
        CrisisLevel.CONCERN,
        r"\b(?:his|her|their) (?:self-harm|cutting|scars|cuts)\b",
    ),
    (
        "asking-for-someone",
        CrisisLevel.CONCERN,
        r"\bfor a friend\b|\bmy friend (?:is|has|who)\b.{0,40}\b(?:self-harm|suicid|depress|hurt)",
    ),
    (
        "past-risk",
        CrisisLevel.CONCERN,
        r"\b(?:i )?(?:used to|was|have been|had|history of|recovering from|recovered from|in recovery from|years ago|when i was|as a (?:teen|teenager|kid|child)|in the past|back in|survived|survivor of|attempted|tried to)\b.{0,50}"
        r"\b(?:self-harm|self-harming|cut|cutting|hurt(?:ing)? myself|harm(?:ing)? myself|suicid\w*|overdos\w*|attempt|kill myself|end my life|wanting to die)\b",
    ),
    (
        "past-risk",
        CrisisLevel.CONCERN,
        r"\b(?:self-harm|cut|hurt myself|harmed myself|tried to kill myself|attempted suicide|overdosed|suicidal)\b.{0,40}\b(?:when i was|years ago|as a (?:teen|teenager|kid|child)|in (?:the past|high school|school|college|uni)|at \d+|aged \d+|back then|in my (?:teens|twenties))\b",
    ),
    (
        "past-risk",
        CrisisLevel.CONCERN,
        r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?|years?) (?:clean|free|without (?:self-harm|cutting|hurting myself))\b",
    ),
    ("past-risk", CrisisLevel.CONCERN, r"\b(?:my|old|the) scars\b"),
    (
        "relapse-fear",
        CrisisLevel.CONCERN,
        r"\b(?:scared|afraid|worried|terrified|fear|frightened)\b.{0,30}\b(?:relapse|relapsing|going back|starting again|doing it again)\b",
    ),
    (
        "hopelessness",
        CrisisLevel.CONCERN,
        r"\b(?:hopeless|worthless|helpless|empty inside|numb inside|no future|nothing (?:will|is going to|ever) (?:get|gets) better|"
        r"nothing ever gets better|can not see a way out|see no way out|no way out|trapped|no hope|lost all hope|given up|giving up|"
        r"what is the point|what's the point|pointless|hate myself|hate my life|i am a failure|i am nothing|i am useless|"
        r"so alone|all alone|no one cares|nobody cares|can not cope|struggling to cope|falling apart|breaking down|dark place|"
        r"do not see the point|want to give up|so tired of everything|exhausted of everything|want to run away|at my lowest|rock bottom|"
        r"do not know how much longer|can not take much more|overwhelmed|i am drowning|in so much pain|everything hurts|"
        r"(?:really|so|very|badly) struggling|struggling (?:so much|a lot|badly|to cope|to keep going|mentally))\b",
    ),
    (
        "abuse-received",
        CrisisLevel.CONCERN,
        r"\b(?:told|tell|telling|tells|said|say|says|saying)\s+(?:me|i)\s+(?:to|should|should go)\s+(?:kill yourself|kill myself|die|go die|go kill)\b|\bpeople (?:keep )?(?:telling|tell) me to kill\b",
    ),
    (
        "abuse-received",
        CrisisLevel.CONCERN,
        r"\b(?:bullied|bullying|harassed)\b.{0,40}\b(?:kill yourself|kill myself|die)\b",
    ),
    (
        "passive-death-wish",
        CrisisLevel.CRISIS,
        r"\b(?:would not|wouldn't|do not|would not really) (?:mind|care) (?:if i|dying|if i died|if i did not wake up|if something happened to me|if i was gone|not waking up)\b",
    ),
    (
        "passive-death-wish",
        CrisisLevel.CRISIS,
        r"\b(?:if i|when i) (?:die|am gone|am dead|disappear)\b.{0,40}\b(?:nobody|no one|would|will|better|care|notice|miss)\b",
    ),
    # --- emergency cues that name no method: timing, preparation, finality, an act ---
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\b(?:end|ending|do|doing|going through with|go through with) it (?:all )?(?:tonight|today|tomorrow|this weekend|now|right now|soon|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|when)\b",
    ),
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\b(?:tonight|today|tomorrow|this weekend|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)) i (?:will |am going to )?(?:end it|do it|go through with it|end my life|kill myself|die)\b",
    ),
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\bi (?:will|am going to) do it (?:on|this|tonight|tomorrow|when|after|before|at)\b",
    ),
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\bit is happening (?:tonight|today|tomorrow|this weekend|soon|now)\b",
    ),
    ("timing", CrisisLevel.EMERGENCY, r"\b(?:time|date|day) is (?:set|chosen|picked|decided)\b"),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\b(?:the |my )?plan is (?:made|set|ready|in place)\b|\bi have (?:made )?(?:a|my) plan\b|\bmade (?:a|my) plan\b",
    ),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\b(?:planned|worked out|figured out|sorted) (?:it all|it|everything|exactly)(?: out)?\b.{0,40}\b(?:how|when|saturday|sunday|friday|tonight|tomorrow|weekend|date|soon)\b",
    ),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\b(?:planned|worked out|figured out|decided) exactly (?:how|when)\b",
    ),
    ("plan", CrisisLevel.EMERGENCY, r"\b(?:a plan and a date|a date and a plan)\b"),
    (
        "preparation",
        CrisisLevel.EMERGENCY,
        r"\b(?:have|got|has) (?:it|everything|all of it|what i need|the stuff|it all)(?: all)? (?:ready|sorted|set|prepared|with me|here|in my room|lined up)\b",
    ),
    (
        "preparation",
        CrisisLevel.EMERGENCY,
        r"\b(?:with|sitting here with|have) everything (?:ready|i need|prepared|with me)\b|\beverything is (?:ready|set|prepared|in place)\b",
    ),
    (
        "preparation",
        CrisisLevel.EMERGENCY,
        r"\bsaving (?:it|them|something|stuff|things) up\b.{0,60}\b(?:use|take|tonight|for)\b",
    ),
    ("preparation", CrisisLevel.EMERGENCY, r"\b(?:updated|wrote|made|written|finished) my will\b"),
    (
        "preparation",
        CrisisLevel.EMERGENCY,
        r"\b(?:stockpil\w*|hoard\w*|sav(?:ed|ing) up|collect(?:ed|ing)|stash(?:ed|ing)?) (?:up )?(?:my |some |all my |all the )?(?:meds|medication|medicine|pills|tablets|prescriptions?)\b",
    ),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\b(?:googl\w*|search\w*|look\w* up|research\w*)\b.{0,40}\b(?:how (?:much|many)|ways to (?:die|end|kill)|how to (?:die|end it|kill myself)|what it would take|it would take|quickest way|painless|lethal)\b",
    ),
    (
        "preparation",
        CrisisLevel.EMERGENCY,
        r"\bon my way to (?:the place|do it|end it|the spot)\b|\bthe place i (?:picked|chose)\b",
    ),
    (
        "finality",
        CrisisLevel.EMERGENCY,
        r"\b(?:the )?last (?:thing|message|words|post|text|time) (?:i will|i am going to|i) (?:ever )?(?:write|say|post|send|type)\b",
    ),
    (
        "finality",
        CrisisLevel.EMERGENCY,
        r"\bby the time (?:anyone|you|someone|somebody|they|people) (?:reads?|sees?|finds?|gets?) this\b",
    ),
    (
        "finality",
        CrisisLevel.EMERGENCY,
        r"\b(?:it|this|everything) will (?:all )?be over (?:soon|tonight|by|before|in)\b",
    ),
    (
        "finality",
        CrisisLevel.EMERGENCY,
        r"\b(?:do not|please do not) try (?:to|and) stop me\b|\b(?:do not|will not) (?:want|let) (?:to be|myself be|anyone) stop(?:ped)?\b",
    ),
    (
        "finality",
        CrisisLevel.EMERGENCY,
        r"\bsee you (?:all )?on the other side\b|\bsee you in (?:the next life|another life|heaven)\b",
    ),
    (
        "finality",
        CrisisLevel.EMERGENCY,
        r"\b(?:love you all|i love you all),? (?:goodbye|bye|forever)\b|\bforgive me\b.{0,30}\b(?:goodbye|gone|end)\b",
    ),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\b(?:took|taken|swallowed|drank|had|did|done|used) (?:a bunch of|a lot of|loads of|too much|too many|all of|everything|something|some stuff|stuff|smth)\b(?! (?:work|homework|time|effort|courage|to do|for granted))",
    ),
    ("act", CrisisLevel.EMERGENCY, r"\b(?:did|done|have done|already done) something to myself\b"),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\balready (?:did it|done it|started|took|taken|done something|did something|hurt myself)\b|\bi (?:did|have done) it\b.{0,30}\b(?:waiting|now|scared|sorry)\b",
    ),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\bcan not undo (?:it|this|what i did)\b|\bjust waiting (?:now|for it)\b",
    ),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\b(?:a lot of|so much|lots of|too much) blood\b|\b(?:going|turning|looks) (?:pale|grey|blue)\b|\b(?:passing|passed) out\b|\bnot breathing\b|\bunconscious\b|\bunresponsive\b|\bcan not wake (?:me|myself|up)\b",
    ),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\b(?:self-harm|hurt myself|harmed myself|cut myself|cut)\b.{0,40}\b(?:worse than (?:usual|ever|before|normal)|too (?:deep|far|much)|can not (?:get it to )?stop|will not stop)\b",
    ),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\b(?:feel|feeling|getting|starting to feel|am) (?:really |very |so )?(?:weird|sleepy|drowsy|dizzy|faint|lightheaded|light-headed|numb|sick and sleepy)\b(?=.{0,120}\b(?:took|taken|swallowed|hurt myself|did something|overdose|self-harm)\b)",
    ),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\b(?:took|taken|swallowed|hurt myself|did something|self-harm|hurt myself badly)\b.{0,160}\b(?:weird|sleepy|drowsy|dizzy|faint|lightheaded|light-headed|getting worse|going numb|sick)\b",
    ),
    # --- crisis: more ways people say it ---
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:wish|wishing|want|wanting|wanted)\b.{0,40}\b(?:not exist|did not exist|stop existing|was not born|was never born|had never been born|was dead|were dead|was not alive|were not alive|not be alive|never wake up|not wake up|could disappear|be gone|to stop|everything to stop|it all to end|it all to stop|out of (?:life|everything)|to give up on life)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:nobody|no one) would (?:even )?(?:notice|care|miss me|be sad|cry)\b.{0,12}\bif i\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:no way out|no escape|only way out|only option|only answer|only solution)\b.{0,30}\b(?:die|dying|death|suicide|end it|ending it|kill myself)\b|\b(?:except|but|other than) (?:dying|death|suicide|ending it|to die)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bi want out\b|\bwant out of (?:life|everything|this life|it all)\b",
    ),
    ("suicidal-thoughts", CrisisLevel.CRISIS, r"\bnot (?:meant|supposed) to be (?:alive|here)\b"),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:thinking|think|thoughts|thought) (?:about|of) (?:suicide|dying|death|ending it|ending my life|killing myself|not being (?:here|alive|around)|my own funeral|not waking up)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bimagin(?:e|ing) my (?:own )?(?:funeral|death)\b|\bdark thoughts\b|\bsuicidal (?:thoughts|feelings)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:dying|death|suicide|ending it) (?:is|seems|feels like) (?:the|my) (?:only|best|last) (?:option|way|answer|choice|solution|way out)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:easier|better) (?:for everyone )?if i (?:just )?(?:was not|were not|was no longer|were gone|was gone|died|did not exist) (?:here|around|alive)?\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:world|everyone|everybody|family) (?:would|will) be (?:a )?better (?:place )?(?:off )?without me\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:nobody|no one) would (?:even )?(?:notice|care|miss me)\b.{0,30}\b(?:gone|around|here|dead|died|disappeared)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:hate|sick of|tired of|done with) (?:it here|being alive|being here|existing|my existence)\b.{0,40}|\bnot this site,? (?:like|i mean),? being alive\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:do not|never) want to be (?:here|alive|around) (?:no more|anymore|any longer)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:god|he|life) (?:would|will|could) (?:just )?take (?:me|him|her|them) (?:now|away)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:my head|my brain|my mind|voices?|the thoughts?) (?:keeps?|keep|is|are) telling me to (?:hurt|kill|harm|end|die)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bi am (?:really )?done\b\W*(?:with (?:all of it|everything|it all|life)|$)|\bdone with all of it\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bwhat is the point\W*(?:seriously|honestly|anymore|of anything|of it all|i am done)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bhow easy it would be to (?:just )?(?:end it|die|not be here|disappear|give up)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bdo not trust myself\b|\bscared of myself\b|\bafraid of what i (?:might|will) do\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bsuicidal thoughts (?:come|came|are coming) back\b|\b(?:the )?thoughts? (?:came|come|are) back\b.{0,30}\b(?:strong|loud|bad|tonight|now)\b",
    ),
    (
        "self-harm-urges",
        CrisisLevel.CRISIS,
        r"\b(?:barely|hardly|can not|could not|struggling to|trying to) resist (?:it|the urges?|hurting myself|self-harm)\b|\btired of fighting (?:it|the urges?|this)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\b(?:been|keep|kept|started|start|still|back to|am|have been) (?:self-harm(?:ing)?|cutting|hurting myself|harming myself|burning myself|hitting myself)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\b(?:self-harm|hurting myself|cutting|harming myself)\b.{0,30}\b(?:every (?:day|night)|most nights|daily|again|this week|tonight|right now|since)\b",
    ),
    # Weak emergency cues: alone they are concern; with any other risk sign or a time in the
    # same message they are an emergency (see _WEAK_RULES in screen_text).
    (
        "weak:plan",
        CrisisLevel.CONCERN,
        r"\b(?:planned|worked out|figured out|sorted|organised|organized) (?:it|it all|everything)(?: all)?(?: out)?\b",
    ),
    (
        "weak:decision",
        CrisisLevel.CONCERN,
        r"\b(?:made|make) (?:up )?my (?:mind|decision)\b|\bmy mind is made up\b|\bit is decided\b|\bi have decided\b",
    ),
    (
        "weak:absence",
        CrisisLevel.CONCERN,
        r"\b(?:will not|not going to) be (?:around|here|alive)\b",
    ),
    ("weak:act", CrisisLevel.CONCERN, r"\bwent too far\b|\bwent (?:too )?deep\b"),
    (
        "weak:symptom",
        CrisisLevel.CONCERN,
        r"\b(?:feel|feeling|am|getting) (?:really |very |so )?(?:weak|faint|woozy|cold and shaky)\b",
    ),
    (
        "weak:preparation",
        CrisisLevel.CONCERN,
        r"\bgetting (?:everything )?ready\b|\blocked (?:the|my) door\b|\blocked myself in\b|\bgiving away my\b|\bgave away my\b",
    ),
    (
        "weak:location",
        CrisisLevel.CONCERN,
        r"\bi am (?:\w+ing )?(?:on|at|by|near) (?:the|a) (?:bridge|ledge|edge|roof|rooftop|railway|tracks|cliff|top of)\b",
    ),
    (
        "weak:farewell",
        CrisisLevel.CONCERN,
        r"\b(?:i am sorry|forgive me|i love you all|tell my \w+ i love)\W*$",
    ),
    ("weak:decision", CrisisLevel.CONCERN, r"\bi know what i am going to do\b"),
    (
        "bereavement",
        CrisisLevel.CONCERN,
        r"\b(?:died by suicide|killed (?:himself|herself|themselves)|took (?:his|her|their) own life|lost (?:\w+ )?to suicide|suicide of my)\b",
    ),
    (
        "means-worry",
        CrisisLevel.CONCERN,
        r"\b(?:lock|locking|hide|hiding|remove|removing) (?:away )?(?:things|medicines?|medications?|pills|sharps|knives)\b.{0,60}\b(?:safe|self-harm|hurt|suicid)\w*",
    ),
)

# Indirect ways of saying it, found by testing on a second set written without sight of
# these rules (see docs/safety.md for the numbers before and after).
_PATTERNS += (
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:disappear|vanish)\w*\b.{0,20}\b(?:for good|forever|permanently|for ever)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:being dead|being gone|not being alive|not being here|my own death)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:kids|children|family|wife|husband|partner|parents|everyone|everybody|world|they|them|people) (?:would|will) "
        r"(?:honestly |probably |really )?(?:do|be|manage|cope|get on) (?:just )?(?:fine|better|okay|ok|lighter|happier|easier|better off)\b"
        r".{0,30}\b(?:without me|with just|if i (?:was|were) (?:gone|not here|dead))",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bwould be (?:\w+ )?(?:better|happier|lighter|easier|fine|okay|better off)\b.{0,40}\bwithout me\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:everyone|everybody|they|my family|the world|my kids) (?:would|will) be better off\b(?! (?:with (?!the insurance)|if we|when))",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bworth more (?:to \w+ )?(?:dead|gone) than (?:alive|here)\b|\binsurance (?:money|payout|pay-out)\b.{0,60}\b(?:better off|without me|gone|dead)\b|\bbetter off with the insurance\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:wish|wishing|hope|hoping|pray|praying) (?:that )?something (?:bad )?(?:would|will|could) (?:just )?happen to me\b|\bso (?:that )?it (?:would|could) (?:all )?be over\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:would not|wouldn't) mind (?:at all )?if (?:it all|everything|my life|it) (?:just )?(?:stopped|ended|was over)\b|\bhad my innings\b",
    ),
    ("suicidal-thoughts", CrisisLevel.CRISIS, r"\bpictur(?:e|ing) my (?:own )?(?:funeral|death)\b"),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:thoughts|pictures|images|visions) (?:in my head )?(?:of|about) (?:hurting|killing|harming|ending) myself\b|\bwants? to give in\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bbeing alive (?:feels|is) like (?:a|an) (?:job|chore|burden|punishment|prison|sentence)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:kill|killing|hurt|hurting|harm|harming|end|ending) yourself_generic\b",
    ),
    (
        "preparation",
        CrisisLevel.EMERGENCY,
        r"\b(?:hidden|hid|got|have|keep|kept|stored) everything i need\b|\bi (?:\w+ )?(?:have|got) (?:what|everything|all) i need\b",
    ),
    (
        "plan",
        CrisisLevel.EMERGENCY,
        r"\b(?:chosen|chose|picked|set|decided on) (?:a|the|my) (?:day|date|time)\b",
    ),
    (
        "timing",
        CrisisLevel.EMERGENCY,
        r"\bi am ending it\b|\b(?:tomorrow|tonight|today|this weekend|on \w+day)\b[^.]{0,60}\bi am (?:ending it|doing it|going to do it|going through with it)\b",
    ),
    (
        "finality",
        CrisisLevel.EMERGENCY,
        r"\blast (?:night|day) (?:alive|on earth|here|of my life)\b",
    ),
    (
        "act",
        CrisisLevel.EMERGENCY,
        r"\b(?:hurt|cut|harmed|injured) myself (?:really |very |so )?(?:badly|bad|deep|deeply|seriously)\b",
    ),
    (
        "weak:decision",
        CrisisLevel.CONCERN,
        r"\bdecided on\b|\bthought it (?:all )?through\b|\bat peace with it\b",
    ),
    ("weak:plan", CrisisLevel.CONCERN, r"\bhave (?:a|the|my) plan\b|\bhave the time\b"),
    (
        "weak:timing",
        CrisisLevel.CONCERN,
        r"\bwaiting for (?:the house|everyone|them|the flat|my \w+) to (?:be empty|leave|go out|be asleep|fall asleep)\b|\bcounting down the days\b"
        r"|\bafter (?:this weekend|tonight|tomorrow|friday|saturday|sunday) i (?:will not|won't|am not)\b",
    ),
    (
        "weak:finality",
        CrisisLevel.CONCERN,
        r"\b(?:finally )?be free of (?:all of )?(?:it|this|everything)\b|\bnot coming back\b|\bwhere nobody will (?:look|find)\b"
        r"|\b(?:will not|won't) need to (?:look after|worry|deal)\b|\bgoing to use it (?:tonight|today|tomorrow|soon)\b",
    ),
    (
        "weak:preparation",
        CrisisLevel.CONCERN,
        r"\b(?:cancelled|canceled|closed) my (?:phone|accounts?|subscriptions?|contract)\b|\bpaid off (?:my )?(?:debts|bills)\b"
        r"|\baffairs (?:are )?in order\b|\bleft (?:the )?(?:spare )?keys with\b|\beverything is sorted\b|\bputting things aside\b"
        r"|\bgave (?:the|my) (?:dog|cat|pets?|rabbit|bird)\b.{0,30}\b(?:for good|away|to)\b",
    ),
    (
        "weak:contact",
        CrisisLevel.CONCERN,
        r"\b(?:will not|won't|not|is not) (?:pick(?:ing)? up|answer(?:ing)?)\b.{0,20}\b(?:phone|calls?|texts?)\b|\bwill not let (?:us|me|anyone) in\b",
    ),
)

# More indirect phrasings (third set; see docs/safety.md for the numbers before and after).
_PATTERNS += (
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\b(?:suicide|death|dying|not being here|ending it) (?:keeps |still )?(?:sounds?|sounding|seems?|feels?|looks?) like (?:a |an )?(?:relief|way out|door out|escape|peace|freedom|option|answer|rest)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bhow easy it (?:would|could) be to (?:just )?(?:stop existing|not exist|not wake up|slip away|be gone)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bwish i (?:was|were) (?:gone|not here|no longer here|dead)\b|\b(?:better|easier) if i (?:was|were) (?:dead|gone|not alive|not here)\b",
    ),
    (
        "suicidal-thoughts",
        CrisisLevel.CRISIS,
        r"\bwant(?:ed|s)? (?:it|everything|this|all of this|it all) to (?:be over|end|stop)\b",
    ),
    (
        "self-harm-urges",
        CrisisLevel.CRISIS,
        r"\b(?:the )?urges? (?:is|are) (?:there|back|constant|always there|everywhere)\b|\burges? (?:constantly|all the time|every day)\b",
    ),
    (
        "self-harm-now",
        CrisisLevel.CRISIS,
        r"\b(?:cut|hurt|harmed|self-harmed|self-harm)\w* (?:myself )?(?:\w+ ){0,3}(?:again|last night|today|this morning|tonight|yesterday|this week|every day|every night|times this week)\b",
    ),
    ("preparation", CrisisLevel.EMERGENCY, r"\bwith (?:what|everything|all) i need\b"),
    (
        "weak:finality",
        CrisisLevel.CONCERN,
        r"\b(?:not|never) (?:plan(?:ning)? on |going to be |intending on )?coming back\b|\bno going back\b|\bno turning back\b",
    ),
    (
        "weak:farewell",
        CrisisLevel.CONCERN,
        r"\b(?:just )?want(?:ed)? to say (?:sorry|goodbye|thank you|thanks)\b|\bplease (?:do not|don't) be (?:mad|angry|sad)\b|\bi am so sorry for everything\b",
    ),
    (
        "weak:act",
        CrisisLevel.CONCERN,
        r"\bi have done it\W*$|\bi did it\W*$|\btaken the first steps?\b",
    ),
    (
        "weak:symptom",
        CrisisLevel.CONCERN,
        r"\bnot making (?:any )?sense\b|\bslurring\b|\bcan not stay awake\b|\bwill not wake up\b|\bconfused and (?:sleepy|drowsy)\b",
    ),
)

# Highest levels first, so a crisis phrase claims its words before a milder one inside it.
_COMPILED = tuple(
    (rule, level, re.compile(pattern))
    for rule, level, pattern in sorted(_PATTERNS, key=lambda p: (-p[1], p[0].startswith("weak:")))
)

# Phrases that look like risk words but are idioms, hyperbole or everyday speech. They are
# blanked before matching so "I'd die for a coffee" or "this homework is killing me" never
# reach the risk patterns.
_IDIOMS = re.compile(
    r"\b(?:"
    r"(?:die|died|dying|dead) (?:of|from|with) (?:embarrassment|laughter|laughing|boredom|shame|cuteness|cringe|envy|jealousy|curiosity|thirst|hunger|heat|the heat|excitement|happiness)|"
    r"(?:would|could) (?:die|kill) for (?:a|an|some|that|this|the|one)\b|die for (?:a|an|some|that|this|one)\b|"
    r"dying (?:for|to (?:see|know|try|meet|go|get|hear|read|watch|tell|eat|have|visit|find out))|"
    r"(?:is|are|was|were|it is|this is|that is|these|those|they are|you are|you're) (?:literally |actually |honestly |absolutely |slowly )?killing (?:me|it|my)|"
    r"killing it|killed it|kill(?:ing)? (?:the|a|some|my) (?:time|lights|vibe|mood|game|process|engine|music|buzz|bug|weeds|conversation|joke|spider|fly|wasp)|"
    r"kill (?:me|me now),? (?:please|now)|just kill me now|somebody kill me|someone kill me|shoot me (?:a|an) (?:text|message|email|dm|line)|"
    r"(?:my|her|his) (?:feet|legs|back|head|knees|eyes|ears|stomach|shoes) (?:are|is) killing me|"
    r"dead (?:tired|beat|serious|set|end|on|last|ringer|heat|wrong|right|easy|funny|lucky|quiet|weight|line|space|battery|phone|zone)|"
    r"(?:battery|phone|laptop|car|plant|plants|hamster|goldfish|fish) (?:is |are |was )?(?:dead|died|dying)|"
    r"(?:i am|i'm|im) (?:so |literally )?dead(?: 💀| lol| lmao| haha|\b)(?! inside)|"
    r"(?:nearly|almost|literally|basically) died (?:laughing|of|from|when|at)|"
    r"i (?:could|would|will) (?:literally )?kill (?:him|her|them|you|my (?:brother|sister|mum|mom|dad|boss|husband|wife|cat|dog|flatmate|roommate|kids?))|"
    r"(?:murder|murdering) (?:mystery|podcast|show|documentary|hornets)|this traffic is murder|"
    r"suicide (?:squeeze|squad|doors?|king|run|runs|drill|drills|lane|sprints?|mission|bid|pass)|(?:political|career|social|commercial|electoral) suicide|"
    r"(?:cut|cutting) (?:down|back|out|off|the (?:grass|lawn|hair|cake|bread|cord|deal|line|cable|crap|noise)|my (?:hair|nails|losses|fringe|bangs|hours|spending)|it out|corners|ties|class|school|costs|carbs|sugar|loose|in line|short|through)|"
    r"hang(?:ing)? (?:out|on|up|in there|around|over)|hungover|"
    r"over ?dose on (?:sugar|chocolate|caffeine|coffee|netflix|tv|sweets|candy|carbs|cuteness|drama)|"
    r"(?:cpr|first aid|lifeguard) (?:class|course|training)|"
    r"(?:in|on) (?:the|a) (?:game|movie|film|book|novel|show|series|episode|song|story)[^.]{0,40}(?:dies|died|kills|killed|suicide)|"
    r"(?:dying|died|dies) (?:light|battery|breed|art|star|stars|embers|hair)|"
    r"(?:killer|killing) (?:app|workout|deal|heels|look|outfit|queen|instinct|whale|joke|line|abs)|"
    r"(?:would|had) (?:rather|sooner) (?:die|be dead) than(?! (?:live|living|go on|going on|keep|go through|feel|carry on|be alive|wake up|face|spend another|suffer|continue|be here))|(?:thought|felt like|feel like|feels like|felt as if) i (?:was|am|were) (?:going to|about to) die|"
    r"(?:going to|about to|will|would|could) (?:literally |actually )?die if (?:he|she|they|you|someone|my|i have to|i see)|"
    r"(?:phone|phones|battery|laptop|car|it) (?:is |are )?(?:on \d+% )?(?:it is )?about to die|"
    r"bored to death|scared to death|worried (?:sick|to death)|sick to death|to die for|over my dead body|"
    r"(?:the|a|this) (?:workout|exam|test|homework|assignment|commute|meeting|shift|week|day|job|boss|heat|hangover|class|course|diet|run|hike|deadline|traffic|queue|wait|noise|baby|toddler)s? (?:is|was|are|were|will be) (?:going to be |gonna be )?(?:literally |actually |honestly |slowly )?(?:the death of me|killing me|murder|brutal)|"
    r"(?:the death of me)"
    r")",
)

# Negations that cancel a first-person risk phrase within the same clause when they come
# shortly before it ("I don't want to die", "I would never hurt myself").
_NEGATION_BEFORE = re.compile(
    r"\b(?:do not|does not|did not|not|never|no longer|would not|will not|wouldn't|won't|am not|"
    r"is not|was not|have not|have never|nor|no|nothing about|without|stopped|quit|no more|"
    r"neither|hardly|can not imagine|could never|not going to|not planning to|not thinking about|"
    r"not suicidal|no thoughts of|no intention|no plans? (?:to|of))\b[^,;.!?]{0,28}$"
)
_NEGATION_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:not|never|anymore|any more|no more|no longer)\b"
)
# Words that put a clause in the past, and words that bring it back to now.
_PAST = re.compile(
    r"\b(?:used to|years ago|months ago|year ago|when i was (?:younger|a|in|at|\d+|little|young|small|younger)|"
    r"as a (?:teen|teenager|kid|child|student)|in (?:the )?past|back in|back then|in high school|in school|"
    r"at uni|at university|in college|in my (?:teens|twenties|20s|youth)|history of|have a history|had a history|"
    r"long time ago|a while ago|once|formerly|previously|(?:years?|months?|weeks?|ages|a while|long time) ago|last year|had been|was \d+|at \d+|aged \d+|"
    r"recovered|recovery|clean for|free for|have not (?:self-harmed|cut|hurt myself) (?:for|in|since)|"
    r"stopped|quit|no longer)\b"
)
_PRESENT = re.compile(
    r"\b(?:again|now|right now|tonight|today|this morning|this evening|this week|lately|recently|these days|"
    r"still|currently|every day|every night|all the time|constantly|keep|back|came back|coming back|"
    r"am|these thoughts|at the moment|atm|anymore and|(?:minutes?|an hour|hours?|half an hour) ago)\b"
)
# The writer is asking for information, not describing themselves.
_INFORMATIONAL = re.compile(
    r"^(?:what|which|why|how|when|where|who|tell me|explain|(?=[^?]*\?)(?:is|are|can|could|does|do|should|would)|"
    r"define|list|give me|help me understand|i (?:am|was) (?:writing|doing|researching|studying)|"
    r"for (?:my|a) (?:essay|assignment|project|class|paper|thesis|school))\b"
)
_ME_TOO = re.compile(
    r"\b(?:because|cause|cos|coz|as) i do\b|\bi do too\b|\bme too\b|\blike i do\b|\bwhich i do\b|"
    r"\bi do\W*$|\bi have them\b|\bi feel (?:this|that) way\b|\basking for (?:me|myself)\b|\bthis is about me\b"
)
_PERSONAL = re.compile(r"\b(?:i|me|my|myself|i am|i have|i will|i would|we|our)\b")

_TOPIC_WORDS = re.compile(
    r"\b(?:suicid\w*|self-harm|kill (?:myself|yourself|himself|herself|themselves)|"
    r"cutting|overdos\w*|want to die|end my life|take my (?:own )?life|hurt(?:ing)? (?:myself|himself|herself|themselves)|"
    r"harm(?:ing)? (?:myself|himself|herself|themselves)|died by suicide|self-mutilation|self injury)\b"
)


_WHEN = re.compile(
    r"\b(?:tonight|tomorrow|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day|this weekend|next week|soon|"
    r"when (?:my|everyone|the house|they|he|she|nobody|no one)\b[^.]{0,40}\b(?:away|out|asleep|gone|empty|at work))\b"
)


def _clauses(sentence: str) -> list[str]:
    return [c for c in (part.strip() for part in _CLAUSE_SPLIT.split(sentence)) if c]


# Third person → first person, so one set of phrases serves "I want to die" and "my son
# says he wants to die". Verbs in the third person singular lose their -s.
_THIRD_PERSON_MARK = re.compile(
    r"\b(?:he|she|they|him|her|them|himself|herself|themselves|themself|his|their|someone|somebody)\b"
)
_THIRD_TO_FIRST: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\b(?:himself|herself|themselves|themself)\b", "myself"),
        (
            r"\b(?:his|her|their) (own )?(life|things|stuff|belongings|possessions|room|phone|will)\b",
            r"my \1\2",
        ),
        (r"\b(?:he|she) is\b|\bthey are\b", "i am"),
        (r"\b(?:he|she) was\b|\bthey were\b", "i was"),
        (r"\b(?:he|she) has\b|\bthey have\b", "i have"),
        (r"\b(?:he|she) does not\b|\bthey do not\b", "i do not"),
        (r"\b(?:he|she) will\b|\bthey will\b", "i will"),
        (
            r"\b(?:he|she|they) (wants|wishes|says|keeps|feels|thinks|talks|hates|needs|cuts|hurts|harms|plans|"
            r"tries|seems|self-harms|posts|texts|tells|goes|gets|takes|means|deserves|fantasises|dreams)\b",
            "i \\1",
        ),
        (r"\b(?:he|she|they)\b", "i"),
        (r"\b(?:him|them)\b", "me"),
    )
)
_S_VERB = re.compile(r"\bi (\w+?)(?:es|s)\b")
_KEEP_S = {"i is", "i was", "i has", "i does", "i goes"}


def _to_first_person(clause: str) -> str | None:
    """The clause with he/she/they read as I, or None when it names no third person."""
    if not _THIRD_PERSON_MARK.search(clause):
        return None
    converted = clause
    for pattern, replacement in _THIRD_TO_FIRST:
        converted = pattern.sub(replacement, converted)

    def base_form(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in _KEEP_S:
            return word
        full = word[2:]
        if full in {"wishes", "fantasises", "goes"}:
            return "i " + full[:-2]
        if full.endswith("s") and not full.endswith("ss"):
            return "i " + full[:-1]
        return word

    return _S_VERB.sub(base_form, converted)


# A negation scopes a risk phrase only when it sits right before it ("I don't want to
# die", "I would never hurt myself"). "I can't stop thinking about dying" is not negated.
_NEGATOR_BEFORE = re.compile(r"\b(?:not|never|no longer|no|nor|without|hardly)\b(?: \w+){0,3} ?$")
_NOT_A_NEGATION = re.compile(
    r"\b(?:can not|could not|do not know how to|not) (?:stop|help|resist|get rid of|shake|escape|say|pretend|lie)\b[^.]*$"
)
# Laughing, eye-rolling and "lol" mark hyperbole ("that pun was so bad I want to die 😂").
_HYPERBOLE = re.compile(
    r"(?:😂|🤣|💀|🙄|😅|😆|😭|😹|\blol\b|\blmao\b|\bhaha\w*|\bjk\b|\bjoking\b|\bjust kidding\b|\bxd\b)"
)
_NOT_JOKING = re.compile(
    r"\b(?:not|no|never) (?:joking|kidding|a joke)\b|\bno joke\b|\bseriously\b"
)
# "how do I know if my friend is suicidal?" asks about a possibility; "if I leave him he'll
# kill himself" is a threat made now.
_HYPOTHETICAL = re.compile(
    r"\b(?:ask|know|tell|wonder|notice|check|sure|see|find out|figure out|spot|recogni[sz]e)\b[^,]{0,25}\b(?:if|whether)\b|"
    r"\bhow (?:do|can|would|should) (?:i|you|we) (?:know|tell|ask|help|spot|recogni[sz]e)\b|\b(?:signs|warning signs) (?:that|of)\b"
)
_CONDITIONAL = re.compile(r"\b(?:if|unless|when)\b")


_BELONGS_TO_OTHER = re.compile(
    r"\b(?:he|she|they|someone|somebody|him|her|them|his|their|my (?:son|daughter|friend|partner|child|kid|brother|sister|mum|mom|dad|husband|wife|student|teen|boyfriend|girlfriend|bf|gf))\b(?:(?!\bi\b)[^,;])*$"
)


def _negated(clause: str, start: int) -> bool:
    before = clause[:start]
    if _NOT_A_NEGATION.search(before):
        return False
    return bool(_NEGATOR_BEFORE.search(before))


def _adjust(
    rule: str, level: CrisisLevel, clause: str, start: int, informational: bool, hyperbole: bool
) -> CrisisLevel | None:
    """Apply negation, tense, hyperbole and plain questions to a match; None drops it."""
    if level <= CrisisLevel.CONCERN:
        # "I don't feel hopeless" is not hopelessness; other concern signs stand as found.
        return None if rule == "hopelessness" and _negated(clause, start) else level
    if _negated(clause, start):
        # "I don't want to die" is not a crisis; "I no longer want to die" tells of a past.
        if re.search(r"\b(?:no longer|anymore|any more|stopped|used to)\b", clause):
            return CrisisLevel.CONCERN
        return None
    if _PAST.search(clause) and not _PRESENT.search(clause):
        return CrisisLevel.CONCERN
    if informational and _TOPIC_WORDS.search(clause[start:]):
        return None
    if hyperbole and rule in {"suicidal-thoughts", "passive-death-wish"}:
        return CrisisLevel.CONCERN
    return level


def _risk_reasons(
    clause: str, number: int, informational: bool, hyperbole: bool, third: bool
) -> list[Reason]:
    reasons: list[Reason] = []
    taken: list[tuple[int, int]] = []
    for rule, level, pattern in _COMPILED:
        if third and rule.startswith(("third-person", "asking", "abuse", "bereavement")):
            continue
        for match in pattern.finditer(clause):
            if any(s <= match.start() < e for s, e in taken):
                continue
            if not third and _BELONGS_TO_OTHER.search(
                clause[max(0, match.start() - 30) : match.start()]
            ):
                continue  # "if they are thinking about suicide": the third-person pass decides
            adjusted = _adjust(rule, level, clause, match.start(), informational, hyperbole)
            if adjusted is None:
                taken.append((match.start(), match.end()))  # a negated phrase hides its parts too
                continue
            if third:
                # Someone else's ongoing self-harm is concern for the writer; their
                # suicidal thoughts or an act in progress keep their level.
                if rule == "self-harm-now" and adjusted == CrisisLevel.CRISIS:
                    adjusted = CrisisLevel.CONCERN
                if _HYPOTHETICAL.search(clause[: match.start()]):
                    adjusted = min(adjusted, CrisisLevel.CONCERN)
                elif _CONDITIONAL.search(clause[: match.start()]):
                    adjusted = min(adjusted, CrisisLevel.CRISIS)
                rule = f"third-person:{rule}"
            taken.append((match.start(), match.end()))
            reasons.append(Reason(rule, adjusted, match.group(0).strip(), number))
    return reasons


def screen_text(text: str) -> ScreenResult:
    """Screen anything a reader wrote.

    Args:
        text: a question, comment or message, any length.

    Returns:
        A ``ScreenResult``: the highest level found, every reason behind it (and lesser
        ones), and whether the text mentions self-harm or suicide at all (so callers can
        show help resources even when the level is none).
    """
    normalised = _normalise(text or "")
    # A plain question with no "I", "me" or "my" anywhere asks for information.
    informational = bool(_INFORMATIONAL.match(normalised.lstrip())) and not _PERSONAL.search(
        normalised
    )
    if _INFORMATIONAL.match(normalised.lstrip()) and not _ME_TOO.search(normalised):
        # A general question followed by an aside ("I read about a warning label") is still
        # a question; "…? Because I do." is not.
        first = _sentences(normalised)[0] if normalised.strip() else ""
        informational = informational or not _PERSONAL.search(first)
    reasons: list[Reason] = []
    for number, sentence in enumerate(_sentences(normalised), start=1):
        hyperbole = bool(_HYPERBOLE.search(sentence)) and not _NOT_JOKING.search(normalised)
        cleaned = _IDIOMS.sub(" ", sentence)
        for clause in _clauses(cleaned):
            found = _risk_reasons(clause, number, informational, hyperbole, third=False)
            converted = _to_first_person(clause)
            if converted is not None:
                converted = _IDIOMS.sub(" ", converted)
                found_words = {r.words for r in found}
                found += [
                    r
                    for r in _risk_reasons(converted, number, informational, hyperbole, third=True)
                    if r.words not in found_words
                ]
            reasons.extend(found)
    weak = [r for r in reasons if r.rule.startswith(("weak:", "third-person:weak:"))]
    if weak:
        others = [r for r in reasons if r not in weak and r.level >= CrisisLevel.CRISIS]
        if others or len({r.rule for r in weak}) > 1 or _WHEN.search(normalised):
            reasons = [
                Reason(r.rule, CrisisLevel.EMERGENCY, r.words, r.sentence) if r in weak else r
                for r in reasons
            ]
    # Spanish rules run on every text too (see crisis_screen_es.py); the higher level wins.
    from symptomdb.safety.crisis_screen_es import mentions_topic_es, spanish_reasons

    reasons.extend(spanish_reasons(text or ""))
    level = max((r.level for r in reasons), default=CrisisLevel.NONE)
    reasons.sort(key=lambda r: (-r.level, r.sentence))
    return ScreenResult(
        level=level,
        reasons=tuple(reasons),
        mentions_self_harm_or_suicide=bool(_TOPIC_WORDS.search(normalised))
        or mentions_topic_es(text or "")
        or level > CrisisLevel.NONE,
    )
