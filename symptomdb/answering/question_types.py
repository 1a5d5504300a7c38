"""The question-type analyser: which sections of a topic a consumer question asks for.

``question_types("What are the causes and treatments for self-injury?")`` returns
``("causes", "treatment")``: section kinds from ``symptomdb.vocabulary``, in the order the
question asks for them. It is rules over normalised text, built for consumer wording:

1. Normalise: lower case, straight apostrophes, contractions spelled out ("don't" → "do
   not") and common misspellings and text-speak mapped to plain words ("wat" → "what",
   "sympotms" → "symptoms", "u" → "you").
2. Keep the question sentences. Long messages open with greetings and a story ("My son was
   diagnosed last year and is on meds…"); the types come from the sentences that ask
   something (a "?", a question word, or "I'd like to know…"). A message with no question
   sentence is read whole.
3. Match the rules in priority order. Each match blanks out the words it used, so a later,
   more general rule cannot reuse them: "new treatments" is research, not treatment; "what
   happens if I don't treat it" is complications; "side effects" never feeds "effects".
   Story phrases ("was diagnosed with", "is on meds") are blanked first without giving a
   type, so a story told inside a question does not read as a question about diagnosis.
4. Fallbacks work per clause: "what is X" gives ``information`` and "what should I do?"
   gives ``helping-others`` (when the message is about someone else) or ``coping`` only in
   a clause that asks nothing more specific. "What is OCD and how is it treated?" is
   information and treatment; "What is the treatment for OCD?" is treatment alone.
5. Types are ordered by where they are first asked; ``("information",)`` when nothing is.

Decisions where consumer wording is ambiguous (the tests pin each one down):

- "is it contagious", "can I catch it" → ``causes``: how a person comes to have a condition
  is what our causes section covers ("why it happens and who is more likely to have it").
- "cure", "get rid of", "stop", "how effective is it", "does it work" → ``treatment``;
  "cope", "deal with", "manage", "live with", "home remedies" → ``coping``.
- "is it safe", "while pregnant", "stop taking", "come off" → ``precautions``; drinking
  alcohol on a medicine and "can I take X with Y" → ``interactions``.
- "types of", "stages" → ``stages`` (how it is classified).
- "can X cause Y" and "what can lead to" → ``causes``; "does it lead to", "long-term
  effects", "if left untreated" → ``complications``.
- "crisis line", "hotline", "should I be worried", "how do I tell my parents" →
  ``seek-help``; "where can I find/get…" a specialist, group or help → ``support``.
- "how can I learn more", "tell me about" → ``information`` (``other-information`` is kept
  for MedQuAD's drug sections and the literal "other information").

This does not judge risk: the crisis screen (``symptomdb.safety.crisis_screen``) reads
every message first. Plain Python: no Django import.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["MEDQUAD_QTYPE_TO_KIND", "question_sentences", "question_types"]


# MedQuAD's question types (the "qtype" attribute) mapped onto our section kinds, so answers
# imported from MedQuAD land in the section a question of that type asks for.
MEDQUAD_QTYPE_TO_KIND: dict[str, str] = {
    "information": "information",
    "symptoms": "symptoms",
    "treatment": "treatment",
    "causes": "causes",
    "outlook": "outlook",
    "exams and tests": "exams-and-tests",
    "when to contact a medical professional": "seek-help",
    "inheritance": "genetics",
    "precautions": "precautions",
    "side effects": "side-effects",
    "other information": "other-information",
    "indication": "usage",
    "usage": "usage",
    "prevention": "prevention",
    "brand names": "brand-names",
    "emergency or overdose": "overdose",
    "frequency": "frequency",
    "complications": "complications",
    "storage and disposal": "storage-disposal",
    "forget a dose": "dosage",
    # Diet while on a medicine is a special instruction, as on the leaflet.
    "dietary": "precautions",
    "genetic changes": "genetics",
    "considerations": "considerations",
    # Who is more likely to get it is a risk factor; our causes section covers those.
    "susceptibility": "causes",
    "important warning": "precautions",
    "research": "research",
    "brand names of combination products": "brand-names",
    "support groups": "support",
    "dose": "dosage",
    # Whether a treatment works belongs with the treatment it is about.
    "how effective is it": "treatment",
    "how does it work": "how-it-works",
    "interactions with medications": "interactions",
    "interactions with herbs and supplements": "interactions",
    "interactions with foods": "interactions",
    "stages": "stages",
    "how can i learn more": "other-information",
    "severe reaction": "side-effects",
    "contraindication": "precautions",
    # The reasons to be vaccinated are the prevention a vaccine gives.
    "why get vaccinated": "prevention",
}


# --- 1. Normalisation -------------------------------------------------------------------

# Contractions spelled out first, so every later pattern sees one spelling ("do not", never
# "don't"/"dont"). "can't" and "won't" go before the general n't rule, which would make
# "ca not" and "wo not". Only run when the text has an apostrophe (most questions have
# none); the apostrophe-less spellings ("dont", "cant") are in the word table below.
_CONTRACTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\bcan't\b", "can not"),
        (r"\bwon't\b", "will not"),
        (r"\b(\w+)n't\b", r"\1 not"),
        (r"\b(what|how|who|where|when|why|it|that|there|he|she)'s\b", r"\1 is"),
        (r"\b(i|you|we|they)'re\b", r"\1 are"),
        (r"\b(i|you|we|they|should|could|would|might|must)'ve\b", r"\1 have"),
        (r"\b(i|you|we|they|he|she|it)'ll\b", r"\1 will"),
        (r"\b(i|you|we|they|he|she)'d\b", r"\1 would"),
        (r"\bi'm\b", "i am"),
    )
)

# Misspellings, run-together contractions and text-speak seen in consumer questions, one
# word each, replaced in a single pass through a dictionary lookup (fast and easy to grow).
_WORD_FIXES: dict[str, str] = {
    # question words
    "wat": "what",
    "wht": "what",
    "waht": "what",
    "whta": "what",
    "wut": "what",
    "wot": "what",
    "whats": "what is",
    "hw": "how",
    "hwo": "how",
    "hows": "how is",
    "wen": "when",
    "wich": "which",
    "whic": "which",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "arent": "are not",
    "shouldnt": "should not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "havent": "have not",
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "ppl": "people",
    "b4": "before",
    "ok": "okay",
    # causes
    "cuase": "cause",
    "casue": "cause",
    "caues": "cause",
    "couse": "cause",
    "cuases": "causes",
    "casues": "causes",
    "couses": "causes",
    "causess": "causes",
    "cuased": "caused",
    "contagous": "contagious",
    "contagius": "contagious",
    "contageous": "contagious",
    "contagiuos": "contagious",
    "contagios": "contagious",
    # symptoms and signs
    "symtoms": "symptoms",
    "sympotms": "symptoms",
    "symptons": "symptoms",
    "simptoms": "symptoms",
    "symptomes": "symptoms",
    "sympoms": "symptoms",
    "symptopms": "symptoms",
    "syptoms": "symptoms",
    "symtom": "symptom",
    "sympton": "symptom",
    "sighns": "signs",
    "singns": "signs",
    # diagnosis
    "diagnos": "diagnose",
    "diagnoise": "diagnose",
    "daignose": "diagnose",
    "dignose": "diagnose",
    "diagnoised": "diagnosed",
    "diagnosted": "diagnosed",
    "dignosed": "diagnosed",
    "daignosed": "diagnosed",
    "diagnosied": "diagnosed",
    "diagonsed": "diagnosed",
    "diagnosis'": "diagnosis",
    "diagonsis": "diagnosis",
    "dignosis": "diagnosis",
    # treatment
    "treatmnt": "treatment",
    "treament": "treatment",
    "tretment": "treatment",
    "treatmant": "treatment",
    "treatement": "treatment",
    "tratment": "treatment",
    "treatmen": "treatment",
    "treatmnts": "treatments",
    "treaments": "treatments",
    "treatements": "treatments",
    "tretments": "treatments",
    "treatmants": "treatments",
    "theraphy": "therapy",
    "therepy": "therapy",
    "thearpy": "therapy",
    "therapys": "therapies",
    "medecine": "medicine",
    "medicin": "medicine",
    "medicen": "medicine",
    "medecation": "medication",
    "medicaton": "medication",
    "medicatoin": "medication",
    "medicaiton": "medication",
    "medcation": "medication",
    "medz": "meds",
    "perscribed": "prescribed",
    "prescibed": "prescribed",
    "precribed": "prescribed",
    "perscription": "prescription",
    "tablts": "tablets",
    "pils": "pills",
    "pillz": "pills",
    # other kinds
    "prevnt": "prevent",
    "prevant": "prevent",
    "heriditary": "hereditary",
    "hereditery": "hereditary",
    "hereditory": "hereditary",
    "heredetary": "hereditary",
    "herediatry": "hereditary",
    "genitic": "genetic",
    "genetik": "genetic",
    "inheritted": "inherited",
    "recovry": "recovery",
    "complicatons": "complications",
    "complecations": "complications",
    "complicaitons": "complications",
    "reasearch": "research",
    "reserch": "research",
    "resarch": "research",
    "reseach": "research",
    "specilist": "specialist",
    "specalist": "specialist",
    "specialst": "specialist",
    "suport": "support",
    "supprt": "support",
    "copeing": "coping",
    "docter": "doctor",
    "doctr": "doctor",
    "dr": "doctor",
    "dosege": "dosage",
    "dossage": "dosage",
    "overdoes": "overdose",
    "overdos": "overdose",
    "allergie": "allergy",
    "alergic": "allergic",
    "pregnent": "pregnant",
    "pregant": "pregnant",
    "pragnant": "pregnant",
    "breastfeding": "breastfeeding",
    "interation": "interaction",
    "interactoin": "interaction",
    "storeage": "storage",
    "alchohol": "alcohol",
    "alcohal": "alcohol",
    "alcohl": "alcohol",
    # people
    "daugther": "daughter",
    "dauther": "daughter",
    "doughter": "daughter",
    "freind": "friend",
    "frend": "friend",
    "frnd": "friend",
}
_WORD_FIX = re.compile(r"\b(?:" + "|".join(map(re.escape, _WORD_FIXES)) + r")(?![\w'])")
# Two-word misspellings the word table cannot see.
_PHRASE_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bside[\s-]*(?:e|a)f+ects?\b|\bsideeffects?\b"), "side effects"),
    (re.compile(r"\bclinical trails?\b"), "clinical trials"),
    (re.compile(r"\bself[\s-]+(?=harm|injur|care|help)"), "self-"),
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"[ \t]+")


def _normalise(text: str) -> str:
    text = text.translate(_APOSTROPHES).lower()
    if "'" in text:
        for pattern, replacement in _CONTRACTIONS:
            text = pattern.sub(replacement, text)
    text = _WORD_FIX.sub(lambda m: _WORD_FIXES[m.group()], text)
    for pattern, replacement in _PHRASE_FIXES:
        text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", text)


# --- 2. Question sentences ----------------------------------------------------------------

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
# A sentence asks something when it ends in "?", opens with a question word, or carries a
# request ("I'd like to know", "please tell me", "any advice"). Story sentences ("I have had
# anxiety for years.") do none of these. "have"/"was" openings are left out on purpose:
# consumers drop the subject in stories ("Was diagnosed in May").
_QUESTION_START = re.compile(
    r"^\W*(?:hi|hello|hey|dear \w+|thanks?|so|ok(?:ay)?|also|and|but|well|please|sorry)?[\s,!.]*"
    r"(?:what|how|why|when|where|which|who|whom|whose|is|are|am|do|does|did|can|could|should|"
    r"would|will|may|might|must|any|anyone|anybody|tell|explain|describe|list|help|advice|"
    r"need|looking|wondering|info|information)\b"
)
_QUESTION_CUE = re.compile(
    r"\b(?:i|we) (?:would like|want|need|wanted|am trying|was hoping|hope) to (?:know|understand|"
    r"find out|learn|ask|hear)|\b(?:wondering|curious|i wonder)\b|\bplease (?:tell|explain|"
    r"help|advise|let)|\b(?:can|could) (?:you|someone|anyone|somebody) (?:tell|explain|help|"
    r"advise|recommend)|\blooking for\b|\bneed (?:some )?(?:info|information|advice|help|"
    r"guidance)\b|\bmy question\b|\bquestion is\b|\bany (?:advice|info|information|tips|ideas|"
    r"suggestions|help)\b|\btell me\b|\blet me know\b|\bnot sure (?:if|whether|what|how|why)\b|"
    r"\b(?:do not|does not) know (?:if|whether|what|how|why|where|when)\b"
)


def question_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that ask something, as written (not normalised), in order."""
    sentences = [s.strip() for s in _SENTENCE_SPLIT.split(text) if s.strip()]
    return [
        s
        for s in sentences
        if s.endswith("?")
        or _QUESTION_START.match(_normalise(s))
        or _QUESTION_CUE.search(_normalise(s))
    ]


def _question_text(text: str) -> str:
    """Keep the sentences of ``text`` that ask something.

    Returns:
        Those sentences joined with " | ", or every sentence when none asks anything.
    """
    sentences = [s.strip() for s in _SENTENCE_SPLIT.split(text) if s.strip()]
    asked = [
        s
        for s in sentences
        if s.endswith("?") or _QUESTION_START.match(s) or _QUESTION_CUE.search(s)
    ]
    # "|" keeps sentence boundaries visible to the clause splitter below.
    return " | ".join(asked) if asked else " | ".join(sentences)


# --- 3. Rules ---------------------------------------------------------------------------

# People a question can be about other than the writer. Used by helping-others and by the
# "what should I do?" fallback.
_PERSON = (
    r"(?:(?:my|our|a|your|his|her|their|the) (?:\w+ )?(?:son|sons|daughter|daughters|child|"
    r"children|kid|kids|teen|teens|teenager|teenagers|baby|toddler|wife|husband|partner|"
    r"spouse|boyfriend|girlfriend|fiance|fiancee|friend|friends|mom|mum|mother|dad|father|"
    r"parent|parents|brother|brothers|sister|sisters|sibling|siblings|grandson|granddaughter|"
    r"grandmother|grandma|grandfather|grandpa|grandparent|aunt|uncle|niece|nephew|cousin|"
    r"student|students|pupil|pupils|colleague|coworker|co-worker|roommate|flatmate|classmate|"
    r"loved one|family member|family)|someone|somebody|a loved one|loved ones|others|"
    r"other people|him|her|them|a person|the person|this person)\b"
)
_ABOUT_SOMEONE_ELSE = re.compile(
    r"\b(?:my|our) (?:\w+ )?(?:son|daughter|child|children|kid|kids|teen|teenager|baby|"
    r"toddler|wife|husband|partner|spouse|boyfriend|girlfriend|fiance|fiancee|friend|friends|"
    r"mom|mum|mother|dad|father|parents?|brother|sister|sibling|grandson|granddaughter|"
    r"grandmother|grandma|grandfather|grandpa|aunt|uncle|niece|nephew|cousin|student|"
    r"students|pupil|colleague|coworker|roommate|flatmate|classmate|loved one)\b|"
    r"\b(?:a|my|our) (?:friend|loved one|family member)\b|\bsomeone (?:i|we) (?:know|love)\b"
)

_DRUG = (
    r"(?:meds|medications?|medicines?|drugs?|pills?|tablets?|capsules?|antidepressants?|"
    r"prescriptions?|remed(?:y|ies)|supplements?|vitamins?)"
)

# (kind, pattern) in priority order: earlier rules claim their words first. A kind of
# None marks story phrases that are blanked out without giving a type.
_RULE_SOURCES: tuple[tuple[str | None, str], ...] = (
    # Story, not question: "my son was diagnosed with…", "she is on meds".
    (
        None,
        r"\b(?:was|were|been|got|just|recently|newly|later|finally|eventually|officially)"
        r"(?: (?:just|recently|newly|finally|officially|been|got))? diagnosed\b|\b(?:is|am|are)"
        r" diagnosed with\b|\b(?:since|after|before|with) (?:my|his|"
        r"her|their|our|the) (?:\w+ )?diagnosis\b|\b(?:is|am|are|been|was|were|currently|now|"
        r"already|still) (?:on|taking) (?:\w+ )?" + _DRUG + r"\b|\b(?:started|starting|takes|"
        r"took|prescribed|put (?:him|her|me|them) on) (?:\w+ )?" + _DRUG + r"\b",
    ),
    (
        "helping-others",
        r"\b(?:i|we|me|us|you|to|parents?|family|families|friends?|teachers?|schools?|carers?|"
        r"caregivers?|partners?)\b(?: [\w-]+){0,3}? (?:help|support|talk to|talk with|speak to|"
        r"speak with|approach|comfort|reach out to|be there for|deal with|cope with|handle|"
        r"encourage|persuade|convince|look after|care for|treat|respond to|react to|say to)"
        r" " + _PERSON + r"(?: (?:to )?(?:cope|deal|manage|live|recover|get better|feel better|"
        r"stop|get help|through (?:this|it)))?|\b(?:helping|supporting|caring for|looking after|"
        r"talking to|comforting) "
        + _PERSON
        + r"|\b(?:get|make) "
        + _PERSON
        + r" to\b|\b(?:parents?|teachers?|famil(?:y|ies)|"
        r"friends?|carers?|caregivers?|schools?|partners?|loved ones) (?:can|should|could|do|"
        r"might) (?:do|help|support|say)\b|\b(?:bring (?:it|this|that|the subject) up|raise (?:it|"
        r"this|the subject|my concerns?)|start (?:a|the) conversation|have (?:a|the|that) "
        r"(?:talk|conversation)) (?:with|to) " + _PERSON + r"|\bask " + _PERSON + r" (?:if|"
        r"whether|about)\b|\bhelp(?:ing)? (?:a |my |our )?(?:\w+ )?(?:child|"
        r"son|daughter|teen|friend|partner|loved one)\b",
    ),
    # Scars, before outlook ("go away", "permanent") and treatment ("removed" is no rule,
    # "get rid of" is treatment): "do self-harm scars fade" asks about scars. Scarring of an
    # organ ("lung scarring") is a complication of that illness, not this section.
    (
        "scars",
        r"(?<!lung )(?<!liver )(?<!kidney )(?<!heart )(?<!pulmonary )(?<!retinal )"
        r"(?<!corneal )(?<!uterine )\bscar(?:s|ring|red)?\b"
        r"(?! (?:tissue )?(?:in|on|of) (?:the |my |your |his |her |their )?(?:lungs?|liver|heart|"
        r"kidneys?|brain|uterus|womb|eyes?|cornea|bladder)\b)"
        r"(?: (?:tissue|be removed|removed|removal|go away|fade|heal|(?:be |are |is )?permanent))?",
    ),
    # Looking after an injury and when it needs urgent care. Care verbs only: "how do you
    # treat a burn" stays treatment, and a question that merely names a wound is not one.
    (
        "injury-care",
        r"\bwound care\b|\bfirst aid\b|\bstitch(?:es|ed)?\b|\binjury care\b|\b(?:look(?:ing)? "
        r"after|tak(?:e|ing) care of|care for|caring for|clean(?:ing)?|dress(?:ing)?|bandag\w*) "
        r"(?:a |an |the |my |your |his |her |their |this )?(?:\w+ )?(?:injury|injuries|wounds?|"
        r"cuts?|grazes?)\b|\b(?:injury|injuries|wounds?)\b(?: [\w-]+){0,3}? (?:need|needs|"
        r"needing) (?:urgent|emergency|medical|hospital) (?:care|attention|treatment|help)\b|"
        r"\b(?:injury|wound|cut) (?:is |looks )?infected\b",
    ),
    # The assessment itself and getting ready for an appointment, before exams-and-tests
    # (which claims "assessment" for how a condition is diagnosed).
    (
        "assessment",
        r"\bprepar\w* (?:for|before) (?:a |an |the |my |your |our |his |her |their )?(?:first )?"
        r"(?:[\w-]+ )?(?:appointments?|assessments?|visits?|consultations?)\b|\bwhat (?:happens|"
        r"will happen|to expect|should (?:i|we) expect|can (?:i|we) expect|goes on) (?:at|in|"
        r"during|from) (?:a |an |the |my |your |our |his |her |their )?(?:first )?(?:[\w-]+ ){0,2}?"
        r"(?:assessments?|appointments?|consultations?)\b|\b(?:what|which) questions? (?:will|do|"
        r"might|would|does) (?:they|the doctor|the gp|the nurse|a doctor|the team) ask\b|\bwhat "
        r"(?:should|do) (?:i|we) (?:bring|take|say) (?:to|at) (?:the|my|an|a|our) (?:first )?"
        r"(?:appointment|assessment)\b|\bpsychosocial assessments?\b",
    ),
    (
        "storage-disposal",
        r"\b(?:stor(?:e|ed|ing|age)|refrigerat\w*|fridge|room temperature|dispos\w*|"
        r"expir\w*|throw (?:away|out)|get rid of (?:\w+ )?(?:old|unused|expired|leftover|extra|"
        r"unwanted) |(?:leftover|unused|old|expired) " + _DRUG + r"|keep (?:it|them|\w+) "
        r"(?:cold|cool|dry|in the (?:fridge|bathroom|car|freezer)|at room|out of (?:the )?reach))",
    ),
    (
        "overdose",
        r"\boverdos\w*|\b(?:took|take|taken|taking|swallowed|ate|had|takes) (?:way )?too "
        r"(?:much|many)\b|\btoo (?:much|many) (?:of|pills|tablets|doses)\b|\b(?:took|taken|"
        r"swallowed|ate|had|takes) (?:a |the |an )?(?:whole|entire|extra|double|handful|bunch|"
        r"lot of|two doses|several)\b|\b(?:lethal|fatal|toxic) (?:dose|amount)\b|\bhow much "
        r"(?:\w+ ){0,2}?is (?:too much|dangerous|toxic)\b|\bpoison\w*",
    ),
    (
        "complications",
        r"\bcomplications?\b|\buntreated\b|\b(?:do|does|did|will|would) not (?:get |getting "
        r"|have |seek |go for )?(?:it |them |this |him |her )?(?:treat(?:ed|ment|ing)?|help|"
        r"therapy|care|medication|meds)\b(?: (?:it|them|this))?|\bwithout (?:getting )?"
        r"(?:treatment|help|therapy|medication|meds|care)\b|\b(?:long[- ]term|lasting|"
        r"permanent) (?:effects|damage|problems|consequences|harm|impact)\b|\bconsequences\b|"
        r"\b(?:does|do|will|can|could|would|might) (?:it|this|that|they|\w+) (?:lead to|result "
        r"in|turn into|damage)\b|\bwhat (?:else )?(?:can|could|might|does|will) (?:it|this) "
        r"(?:do to|lead to)\b",
    ),
    (
        "support",
        r"\b(?:support|self-help|peer|parent|parents|family|carer|caregiver) groups?\b|"
        r"\bpeer support\b|\b(?:find|finding|locate|recommend|looking for|look for|search for|"
        r"need|want|get)\b(?: \w+){0,3}? (?:a |an |the |good |local )?(?:specialists?|"
        r"psychiatrists?|psychologists?|therapists?|counsell?ors?|doctor who|clinics?|experts?|"
        r"neurologists?|services?|organi[sz]ations?|charit(?:y|ies)|programmes?|programs?)\b|"
        r"\bwhere (?:can|do|should|could|would) (?:i|we|you|one|he|she|they|someone|people) "
        r"(?:find|get|go|look|turn)\b(?:(?: [\w-]+){0,3}? (?:specialists?|psychiatrists?|"
        r"psychologists?|therapists?|counsell?ors?|clinics?|experts?|help|support|services?|"
        r"treatment|therapy|counsell?ing)\b)?|\bwho (?:can|could|should) (?:i|we) (?:talk|speak|turn) "
        r"to\b|\b(?:services|resources|organi[sz]ations|charities) (?:for|near|in)\b",
    ),
    (
        "seek-help",
        r"\b(?:when|should|must|need to|have to|whether to|time to|do i|do we|does (?:he|she)|"
        r"is it time to)\b(?: [\w-]+){0,3}? (?:see|call|visit|contact|go to|talk to|speak to|"
        r"get|seek|ring|phone|consult|take (?:him|her|them|my \w+) to)(?: (?:a|an|the|my|our|"
        r"his|her|their|to))? (?:doctor|gp|physician|nurse|professional|medical|emergency|er|"
        r"a&e|hospital|911|999|112|ambulance|urgent care|pediatrician|paediatrician|"
        r"specialist|someone|help|therapist|psychiatrist|psychologist|clinic|health ?care)\b|"
        r"\b(?:crisis|suicide|emergency|mental health) (?:line|lines|hotline|helpline|number|"
        r"service|team)s?\b|\b(?:hotline|helpline|lifeline)s?\b|\bis (?:it|this|that) an "
        r"emergency\b|\b(?:should|do|must) (?:i|we) (?:be )?(?:worried|concerned|worry)\b|"
        r"\bwhen to (?:worry|be worried)\b|\b(?:how|when) (?:do|can|should|to) (?:i |we )?"
        r"(?:ask for|get|seek|find) help\b|\b(?:tell|telling|open up to) (?:my )?(?:parents?|"
        r"mom|mum|dad|family|doctor|teacher|someone|anyone|friends?|gp)\b|\bseek(?:ing)? help\b",
    ),
    # Care in hospital or a unit, and intensive support at home; after seek-help, which keeps
    # "go to hospital" and "crisis team" (when to get help).
    (
        "inpatient-care",
        r"\bin-?patients?\b|\b(?:psychiatric|mental health) (?:hospitals?|wards?|units?|"
        r"admissions?)\b|\b(?:admitted|admission|admit) (?:to|into) (?:a |an |the )?(?:[\w-]+ )?"
        r"(?:hospital|ward|unit)\b|\bsectioned\b|\bintensive (?:care|treatment|support|"
        r"outpatient|home treatment)\b|\bhome treatment team\b|\bcrisis (?:house|resolution)\b|"
        r"\bday hospital\b|\bpartial hospitali[sz]ation\b|\bresidential (?:treatment|care|unit)\b|"
        r"\bhospital stay\b|\bstay(?:ing)? in (?:a |the )?(?:hospital|ward|unit)\b",
    ),
    (
        "research",
        r"\bresearch\w*|\bclinical (?:trials?|stud(?:y|ies))|\btrials?\b|\b(?:new|newer|newest|"
        r"latest|recent|upcoming|experimental|cutting[- ]edge|promising|future|breakthrough|"
        r"emerging|novel) (?:\w+ )?(?:treatments?|therap(?:y|ies)|drugs?|medications?|"
        r"medicines?|research|studies|findings|developments?|advances?|options|cures?|"
        r"discoveries|vaccines?)\b|\bstudies (?:on|about|into|of|show)\b|\bscientists\b|"
        r"\bbeing studied\b|\bany progress\b|\bclose to (?:a |finding a )?cure\b|\bcure yet\b",
    ),
    (
        "precautions",
        r"\bprecautions?\b|\b(?:while|when|if) (?:i am |she is |you are |i was |we are )?"
        r"(?:pregnant|breast-?feeding|nursing|trying to (?:get pregnant|conceive))\b|"
        r"\bduring pregnancy\b|\bpregnan\w*|\bbreast-?feeding\b|\bcontraindicat\w*|\b(?:who|"
        r"anyone) (?:should|can|must) not (?:take|use|have)\b|\b(?:is|are) (?:it|this|they|\w+)"
        r" (?:really |completely )?safe\b|\bsafe (?:to|for|during|while|in)\b|\bwarnings?\b(?! signs?)|"
        r"\bstop(?:ping)? (?:taking|it suddenly)\b|\bcold turkey\b|\bcom(?:e|ing) off\b|"
        r"\btaper\w*|\b(?:foods?|drinks?|things) (?:to avoid|i should avoid|should i avoid)\b|"
        r"\bcan (?:i|you|we|he|she) (?:still )?drive\b|\bdiet(?:ary)? (?:restrictions?|"
        r"instructions?)\b|\bbefore (?:taking|starting|using)\b|\b(?:can|should) (?:children|"
        r"kids|teens|teenagers|elderly|older (?:people|adults)|seniors|pregnant women) (?:take|"
        r"use|have)\b|\b(?:can|should) (?:i|we|you) give (?:my|a|our|your) (?:\w+ )?(?:baby|"
        r"child|toddler|kid|son|daughter|infant|newborn)\b|\b(?:take|use) (?:[\w-]+ ){1,4}?if (?:i|you|he|she|they|someone) "
        r"(?:have|has|am|are|is)\b",
    ),
    (
        "interactions",
        r"\binteract\w*|\b(?:mix|mixing|combine|combining)\b(?: [\w-]+){0,3}? (?:with|and)\b|"
        r"\b(?:can|could|should|may|is it (?:okay|safe|fine|bad|dangerous) to|safe to) (?:i |you "
        r"|we |he |she |they |someone |people )?(?:also |still )?(?:take|use|have|give) (?:[\w-]+"
        r" ){1,4}?(?:with|together|alongside|on top of|while (?:on|taking|using))\b|"
        r"\b(?:can|could|should|is it (?:okay|safe|fine|bad) to) (?:i |you |we |he |she )?(?:still"
        r" )?(?:drink|have) (?:\w+ )?(?:alcohol|wine|beer|booze|grapefruit|coffee|caffeine)\b|"
        r"\bwith (?:other|my|his|her|their) " + _DRUG + r"\b",
    ),
    (
        "side-effects",
        r"\bside effects\b|\badverse (?:effects?|reactions?|events?)\b|\b(?:allergic |bad |"
        r"severe )?reactions?\b|\ballerg\w*|\bwithdrawal\b|\bdiscontinuation\b|\b(?:will|does|"
        r"can|could|would|might|may|do|did) (?:it|this|they|\w+) make (?:me|you|him|her|them|"
        r"people|my \w+) (?:feel )?\w+|\bweight gain\b|\bgain weight\b",
    ),
    (
        "usage",
        r"\bused (?:for|to|in|as)\b|\buses? (?:for|of)\b|\bindications?\b|\bpurpose of\b|"
        r"\bprescribed (?:for|to)\b|\bwhat does (?:[\w-]+ ){1,2}?treat\b|\bwhat (?:is|are) "
        r"(?:[\w-]+ ){1,3}?for(?= *(?:$|[?.!,;|]))|\bwhy (?:was|were|am|is|are|would|did|do|"
        r"does) (?:i|he|she|they|my \w+|a doctor|the doctor|doctors|my doctor) (?:\w+ )?"
        r"(?:prescribed?|given|put on)\b",
    ),
    (
        "how-it-works",
        r"\bhow (?:does|do|will|would|did) (?:[\w-]+ ){1,3}?works?\b(?! (?:through|out|on|at|"
        r"for))|\bmechanism\b|\bhow it works\b|\bwhat does (?:[\w-]+ ){1,2}?do (?:to|in) (?:the"
        r" |my |your )?(?:brain|body)\b|\bhow long (?:(?:does|will|do) (?:[\w-]+ ){1,2}?take |"
        r"until (?:it|they) |before (?:it|they) )?(?:for (?:[\w-]+ ){1,2}?)?(?:to )?(?:work|kick in|"
        r"start working|take effect)\b",
    ),
    (
        "dosage",
        r"\bdos(?:e|es|age|ages|ing)\b|\bhow (?:much|many) (?:[\w-]+ ){0,3}?(?:should|can|do|"
        r"must|may|to|is it safe to)\b(?: [\w-]+){0,3}? (?:take|give|use|have)\b|\bhow (?:often|"
        r"frequently) (?:should|can|do|must|may|to|is it safe to)\b(?: [\w-]+){0,3}? (?:take|"
        r"give|use|have|apply)\b|\bhow many (?:mg|milligrams?|pills|tablets|capsules|times)\b|"
        r"\b\d+ ?mg\b|\bmilligrams?\b|\bwhen (?:should|do|to|can) (?:i |you |we |he |she )?"
        r"(?:take|give)\b|\bmiss(?:ed)? (?:a |my |one |his |her )?(?:dose|pill|tablet)s?\b|"
        r"\bforg[eo]t(?:ten)? (?:to take|a dose|my|his|her)\b|\bhow (?:do|should|to|can) (?:i |you"
        r" |we )?(?:take|give|use|apply|inject)\b|\bhow long (?:should|do|will|must|can) (?:i|you"
        r"|we|he|she|they) (?:\w+ ){0,2}?(?:take|stay on|be on|use|keep taking)\b|\b(?:have to|need to|"
        r"must) (?:keep )?(?:take|taking|stay on|be on) (?:it|this|them|[\w-]+) (?:forever|for "
        r"life|long[- ]term|for ever|for the rest)\b|\bmax(?:imum)? (?:dose|amount)\b|\b(?:should|do|"
        r"can) (?:i|he|she|we|they|you) (?:take|give) (?:it|them|this) (?:on|at|every|daily|in "
        r"the|before|after|each|with food)\b",
    ),
    # Slowing a condition down is treatment, before outlook claims "progression".
    (
        "treatment",
        r"\bslow(?:s|ing)? (?:[\w-]+ )?down\b|\bslow(?:s|ing)? (?:down )?"
        r"(?:the )?progress\w*",
    ),
    (
        "outlook",
        r"\b(?<!not )(?:go|goes|going|went) away\b|\b(?<!not )get(?:s|ting)? (?:better|worse)\b|\bworsen\w*|"
        r"\brecover(?:y|ies|ing|ed)?\b|\bprognosis\b|\boutlook\b|\blife expectancy\b|\bhow long "
        r"(?:does|will|do|can|is|until|before|till)\b(?: [\w-]+){0,4}? (?:last|go on|take to "
        r"heal|be)\b|\blasts? forever\b|\bpermanent\b|\bheal(?:ed)? (?:on its own|by itself)\b|"
        r"\bgrow out of\b|\boutgrow\b|\bchances? of (?:survival|recovery|surviving|getting "
        r"better)\b|\bsurviv(?:e|al)\b|\b(?:can|will|do|could) (?:i|you|he|she|they|people|"
        r"someone) die\b|\bdie (?:from|of)\b|\bfatal\b|\bdeadly\b|\blife[- ]threatening\b|"
        r"\b(?:is (?:it|this|\w+)|how) serious\b|\bcome back\b(?: (?:after|once|following) (?:the )?(?:treatment|"
        r"therapy|surgery|chemo))?|\bnormal life\b|\bwill (?:i|he|"
        r"she|it|they|my \w+) ever\b|\bwhat to expect\b|\blong run\b|\bprogress(?:es|ion)?\b"
        r"(?: (?:on its own|by itself|without (?:treatment|help|medication|meds|therapy)))?",
    ),
    (
        "prevention",
        r"\b(?:why (?:should (?:i|we|you) )?(?:get |be )?)?vaccin\w*|\bimmuni[sz]\w*|"
        r"\bprevent\w*(?: (?:a |it from |them from )?(?:relapse|recurrence|coming back|"
        r"happening again))?|\bavoid\w*|\bstop (?:it |this )?(?:from )?(?:happening|spreading|"
        r"coming back|developing)\b|\b(?:reduce|lower|cut) (?:the |my |your |our )?(?:risk|"
        r"chances?|odds)\b|\bprotect (?:myself|yourself|ourselves|themselves|himself|herself|"
        r"my|our|your)\b|\b(?:keep|stay) (?:from getting|safe from|away from)\b|\b(?:not|never) "
        r"(?:get|catch) (?:it|this)\b",
    ),
    (
        "genetics",
        r"\bhereditary\b|\bheredit\w*|\binherit\w*|\bgenetic\w*|\bgenes?\b|\brun(?:s|ning)? in "
        r"(?:the |my |our |your )?famil(?:y|ies)\b|\bfamily history\b|\bpass(?:ed)? (?:it |this "
        r")?(?:on|down)\b|\bget it from (?:my|his|her|their) (?:parents?|mom|mum|dad|mother|"
        r"father)\b|\bdna\b|\bchromosom\w*|\bmutation\w*|\bcarriers?\b|\bwill (?:my|our) "
        r"(?:kids|children|baby|son|daughter|child) (?:get|have|inherit)\b",
    ),
    (
        "frequency",
        r"\bhow (?:common|rare|prevalent|widespread|frequent)\b|\bhow often does (?:it|this|"
        r"[\w-]+) (?:happen|occur)\b|\b(?:is|are) (?:it|this|they|[\w-]+) (?:very |really |that "
        r"|so |pretty )?(?:common|rare|prevalent)\b|\b(?:more|most|less) common (?:in|among|for)"
        r"\b|\bprevalence\b|\bincidence\b|\bstatistics\b|\bstats\b|\bnumber of (?:people|cases)"
        r"\b|\bhow many (?:people|persons|adults|children|kids|teens|teenagers|women|men|"
        r"americans|cases|young people)\b|\bwhat percent\w*|\b(?:am i|is he|is she) the only "
        r"one\b",
    ),
    (
        "stages",
        r"\bstag(?:e|es|ing)\b|\bphases?\b|\bgrades?\b|\b(?:what|which|different|main) "
        r"(?:types?|kinds?|forms?|subtypes?) (?:of|are)\b|\bclassif\w*|\bhow (?:advanced|severe)"
        r" is\b|\bseverity\b|\bmild,? moderate\b",
    ),
    (
        "exams-and-tests",
        r"\bdiagnos\w*|\btest(?:s|ed|ing)?\b|\bscreen(?:ed|ing)\b|\bscreen for\b|\bcheck(?:ed)? "
        r"(?:out |up )?for\b|\bget (?:it |him |her |me )?checked\b|\bblood (?:work|tests?)\b|"
        r"\b(?:scans?|mri|ct scan|x-rays?|biopsy|biopsies|assess(?:ed|ment|ments)?|evaluat\w*|exam|exams|"
        r"examination|questionnaires?|quiz)\b|\bhow (?:do|can|would|will|does) (?:a |the |my |"
        r"your )?(?:doctors?|gps?|professionals?|psychiatrists?|specialists?|they) (?:know|tell|"
        r"find out|figure out|check|confirm|determine)\b",
    ),
    (
        "symptoms",
        r"\bsymptoms?\b|\bsigns?\b(?! up\b)|\bred flags?\b|\bhow (?:do|can|would|will|could|"
        r"does|should) (?:i|you|we|one|someone|a person|parents?|people|he|she) (?:\w+ )?(?:know"
        r"(?= (?:if|whether|when|that|i|you|he|she|they|someone|my|it|this|for sure))|tell"
        r"(?= (?:if|whether|the difference|that|when))|recogni[sz]e|spot|notice|identify|detect|"
        r"be sure)|\bwhat (?:does|do|is) (?:it|\w+(?: \w+)?) (?:feel|look|sound|like)(?: like)?\b"
        r"|\bis (?:this|it|that) normal\b|\b(?:do|does|might|could|may) (?:i|he|she|they|my "
        r"\w+|our \w+|someone) (?:have|be|be having)\b(?! to\b)|\b(?:am i|is (?:he|she|my \w+)|"
        r"are (?:they|we)) (?:\w+ )?(?:depressed|anxious|suicidal|bipolar|autistic|addicted|"
        r"anorexic|bulimic|psychotic|manic|ocd|adhd|an alcoholic|having)\b|\bmanifest\w*|"
        r"\bindicators?\b|\bwarning signs?\b",
    ),
    (
        "causes",
        r"\bcaus\w*|\bwhy (?!get vaccin)\w+|\bwhat (?:makes|triggers?|brings on|sets off|leads to)"
        r"\b|\bwhat (?:can|could|might) (?:lead to|trigger|bring on)\b|\btriggers?\b|\brisk\w*|"
        r"\breasons? (?:for|why|behind)\b|\bhow (?:do|does|did|can|could) (?:you|i|people|"
        r"someone|one|he|she|they|kids|children|it|[\w-]+) (?:get|catch|develop|contract|end up "
        r"with)\b(?! (?:diagnosed|tested|treated|help|rid|better|checked|prescribed|over|"
        r"through|support|treatment|to)\b| \x00)|\bwhere does (?:it|[\w-]+) come from\b|\bcontagious\b|"
        r"\bcatching\b|\bspread\w*|\btransmi\w*|\binfectious\b|\bcan (?:i|you|we|he|she) "
        r"(?:get|catch) (?:it|this|[\w-]+) from\b|\bwho (?:gets|is at risk|is likely|is more "
        r"likely)\b|\b(?:likely|prone|susceptible|at risk) (?:to|of|for)\b|\borigins?\b|"
        r"\b(?:a)?etiology\b",
    ),
    (
        "coping",
        # Stopping a behaviour one does (not a symptom one has) asks how to cope with urges.
        r"\bhow (?:do|can|could|should|to) (?:i |you |we |they |someone )?(?:stop|quit|resist)"
        r"(?= (?:cutting|self[- ]?harm\w*|self[- ]?injur\w*|hurting (?:myself|yourself|"
        r"themselves|himself|herself)|the urges?)\b)|"
        r"\bcop(?:e|es|ing)\b|\blive with\b|\bliving with\b|\bdeal(?:ing)? with\b|\bmanag\w*|"
        r"\bself-care\b|\bself-help\b|\b(?:home|natural) remed\w*|\blifestyle\b|\btips\b|"
        r"\bwhat (?:can|should) (?:i|we|he|she) (?:eat|drink)\b|\bdiet (?:for|to)\b|\bfoods? "
        r"(?:to|that) (?:help|eat|lower|reduce)\b|"
        r"\bhandle\b|\bget(?:ting)? through\b|\bon my own\b|\bby myself\b|\bwhat can (?:i|we) do"
        r" (?:myself|at home|to feel better|about)\b",
    ),
    (
        "treatment",
        r"\btreat\w*|\bcur(?:e|es|ed|ing|able)\b|\btherap(?:y|ies|ist|ists)\b|\b" + _DRUG + r" "
        r"(?:for|to|that|which|help|helps|work|works)\b|\b(?:what|which|any|best|good|right) "
        r"(?:[\w-]+ )?" + _DRUG + r"\b|\bget rid of\b|\bfix\b|\bwhat (?:helps|works)\b|"
        r"\b(?:anything|something) (?:that |which )?(?:can |will |could |might |would )?helps?"
        r"\b|\bhow (?:can|do|to|should|could) (?:i |you |we |they |one |someone )?(?:stop|beat|"
        r"overcome|control|reduce|relieve|ease|lessen|get over|quit)\b|\brelie(?:f|ve)\b|"
        r"\bcounsel\w*|\brehab\w*|\bsurgery\b|\boperation\b|\bquit\w*|\b(?:how )?effective\b|"
        r"\b(?:does|do|will) (?:[\w-]+ ){1,2}?(?:really |actually )?work\b|\bhelp with\b|"
        r"\boptions\b|\bwhat (?:do|should|can) (?:you|i|we|one) (?:do|take) for\b|\bbest "
        r"(?:way|ways|thing) to (?!help|support|talk|approach|tell|prevent|avoid|store|take)",
    ),
    (
        "brand-names",
        r"\bbrand\w*|\bgeneric (?:name|version|form|equivalent)s?\b|\btrade names?\b|\bsold "
        r"(?:as|under)\b",
    ),
    (
        "considerations",
        r"\bconsiderations?\b|\bthings to (?:consider|keep in mind|think about)\b|\bkeep in "
        r"mind\b|\bpros and cons\b|\bhow much does (?:it|[\w-]+) cost\b|\bcosts?\b|\bafford\b|"
        r"\binsurance\b|\bcovered by\b|\b(?:tell|telling) (?:my )?(?:employer|boss|work|school|"
        r"manager)\b|\bwhat should (?:i|we) consider\b",
    ),
    (
        "other-information",
        r"\bother information\b|\b(?:anything|what) else (?:should|do|must) (?:i|we) (?:know|be "
        r"aware of)\b",
    ),
)
_RULES: tuple[tuple[str | None, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(source)) for kind, source in _RULE_SOURCES
)
# A kind may have more than one rule; its first rule sets its rank for ties.
_PRIORITY: dict[str, int] = {}
for _rank, (_kind, _) in enumerate(_RULE_SOURCES):
    if _kind is not None:
        _PRIORITY.setdefault(_kind, _rank)

# Fallbacks: only in a clause where no rule above matched.
_INFORMATION = re.compile(
    r"\bwhat (?:is|are|exactly is|was)\b|\bwhat does (?:[\w-]+ ){1,3}?mean\b|\bmeaning\b|"
    r"\bdefin\w*|\btell me (?:about|more)\b|\bexplain\b|\b(?:info|information) (?:on|about)\b|"
    r"\blearn (?:more )?about\b|\blearn more\b|\bknow (?:more )?about\b|\bother names?\b|"
    r"\balso (?:called|known as)\b|\bwhat kind of (?:condition|illness|disease|disorder)\b"
)
_ADVICE = re.compile(
    r"\bwhat (?:can|should|do|could|would) (?:i|we) (?:do|say)\b|\bhow (?:can|do|should|could)"
    r" (?:i|we) (?:best )?(?:help|support|react|respond|approach|talk|bring (?:it|this) up|"
    r"raise (?:it|this)|ask)\b|\bany (?:advice|tips|"
    r"suggestions|ideas|help)\b|\badvice\b|\bbest way to (?:help|handle|approach|respond)\b"
)
# "I'm on sertraline. Can I also take ibuprofen?": the question alone names one medicine;
# with a medicine already being taken, "can I take/have…" asks about an interaction.
_ON_A_MEDICINE = re.compile(
    r"\b(?:i am|he is|she is|they are|we are|currently|already|i have been|has been) "
    r"(?:on|taking)\b"
)
_TAKE_ANOTHER = re.compile(
    r"\b(?:can|could|should|may) (?:i|he|she|we|they) (?:also |still |safely )?(?:take|use|"
    r"have|drink|give)\b"
)
# A message that names nothing it wants but tells of a health problem and asks for help
# ("I've had an ingrown toenail for four years, I need help") is asking what can be done
# about it: treatment. Read only when no rule or fallback found anything.
_HAS_PROBLEM = re.compile(
    r"\b(?:i|he|she|we|they|my \w+|(?:he|she) is|i am) (?:have|has|had|got|have got|has got|"
    r"suffer\w*|(?:am|is|are|was|been) (?:suffering|diagnosed|dealing|struggling|having))\b|"
    r"\b(?:i|he|she) (?:was|were|have been|has been) diagnosed\b"
)
_ASKS_FOR_HELP = re.compile(
    r"\b(?:need|want|seeking|looking for|ask for|please|can you|could you|hoping for) "
    r"(?:\w+ ){0,2}?(?:help|advice|advise|solution|cure|relief|remedy|suggestions?)\b|"
    r"\bhelp me\b|\bplease help\b|\bwhat (?:are|is) (?:my|the) options?\b"
)
# "also" is not a clause break: "can I also take…" is one request.
_CLAUSE_SPLIT = re.compile(r"[,;:|]|\b(?:and|but|or|plus|then)\b")


def _blank(match: re.Match[str]) -> str:
    # Blanks keep every position (so first-match offsets stay comparable across rules)
    # and are not word characters, so later patterns cannot run across claimed words.
    return "\x00" * (match.end() - match.start())


def _claims(text: str) -> tuple[dict[str, int], list[int], str]:
    """Run the rules in priority order over ``text``.

    Returns:
        The first offset at which each kind was asked, the start offset of every claimed
        match (to tell which clauses asked something specific) and the text with all
        claimed words blanked out.
    """
    first: dict[str, int] = {}
    starts: list[int] = []

    def claim(match: re.Match[str]) -> str:
        starts.append(match.start())
        return _blank(match)

    for kind, pattern in _RULES:
        if kind is None:
            text = pattern.sub(_blank, text)
            continue
        found = pattern.search(text)
        if found is None:
            continue
        first[kind] = found.start()
        text = pattern.sub(claim, text)
    return first, starts, text


def _clause_bounds(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into clauses at punctuation and joining words.

    Returns:
        The (start, end) offsets of each clause.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for cut in _CLAUSE_SPLIT.finditer(text):
        bounds.append((start, cut.start()))
        start = cut.end()
    bounds.append((start, len(text)))
    return bounds


def _fallbacks(text: str, starts: list[int], whole: str, first: dict[str, int]) -> None:
    """Add fallback hits (information, advice, a second medicine) to ``first``.

    Only clauses of ``text`` where no specific rule matched are searched; ``whole`` is the
    normalised message, which says who the question is about and whether a medicine is
    already being taken.

    Returns:
        Nothing: ``first`` (kind → first offset) is updated in place.
    """
    advice_kind = "helping-others" if _ABOUT_SOMEONE_ELSE.search(whole) else "coping"
    checks: list[tuple[str, Callable[[str, int, int], re.Match[str] | None]]] = [
        ("information", _INFORMATION.search),
        (advice_kind, _ADVICE.search),
    ]
    if _ON_A_MEDICINE.search(whole):
        checks.append(("interactions", _TAKE_ANOTHER.search))
    for lo, hi in _clause_bounds(text):
        if any(lo <= s < hi for s in starts):
            continue
        for kind, search in checks:
            found = search(text, lo, hi)
            if found is not None and kind not in first:
                first[kind] = found.start()


def _analyse(text: str, whole: str) -> tuple[str, ...]:
    """Find the kinds asked in ``text`` (question sentences of the message ``whole``).

    Returns:
        The kinds in the order first asked; ties (same offset) by rule priority.
    """
    first, starts, rest = _claims(text)
    _fallbacks(rest, starts, whole, first)
    order = sorted(first, key=lambda k: (first[k], _PRIORITY.get(k, len(_PRIORITY))))
    return tuple(order)


def question_types(text: str) -> tuple[str, ...]:
    """Say which section kinds a consumer question asks for.

    Args:
        text: the question as the reader wrote it; greetings, a story and several
            sentences are fine.

    Returns:
        Section kind ids from ``symptomdb.vocabulary.SECTION_KIND_IDS``, most important
        (first asked) first, without repeats; ``("information",)`` when the question asks
        for nothing more specific, or is empty.
    """
    normalised = _normalise(text)
    asked = _question_text(normalised)
    kinds = _analyse(asked, normalised)
    if not kinds and asked != normalised:
        # The question sentences asked nothing we recognise ("Can you help?"); the
        # request may sit in a sentence without a question form ("I need to know how to
        # help him.").
        kinds = _analyse(" | ".join(_SENTENCE_SPLIT.split(normalised)), normalised)
    if not kinds and _HAS_PROBLEM.search(normalised) and _ASKS_FOR_HELP.search(normalised):
        return ("treatment",)
    return kinds or ("information",)
