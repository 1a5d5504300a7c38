"""The question-type analyser on consumer wording, and the MedQuAD qtype mapping.

Every question here was written for these tests; none is taken from a website or data set.
"""

from __future__ import annotations

import pytest

from symptomdb.answering.question_types import MEDQUAD_QTYPE_TO_KIND, question_types
from symptomdb.vocabulary import SECTION_KIND_IDS

# Plain questions, one type each.
PLAIN = [
    ("What causes migraines?", ("causes",)),
    ("What are the symptoms of shingles?", ("symptoms",)),
    ("How is autism diagnosed?", ("exams-and-tests",)),
    ("Is there a test for Lyme disease?", ("exams-and-tests",)),
    ("How do you treat a burn?", ("treatment",)),
    ("How can I prevent migraines?", ("prevention",)),
    ("What is the outlook for someone with ALS?", ("outlook",)),
    ("What are the complications of diabetes?", ("complications",)),
    ("How common is OCD?", ("frequency",)),
    ("What are the stages of kidney disease?", ("stages",)),
    ("What are the different types of leukaemia?", ("stages",)),
    ("Are there any clinical trials for ALS?", ("research",)),
    ("When should I see a doctor about a headache?", ("seek-help",)),
    ("Is there a support group for parents of autistic kids?", ("support",)),
    ("What is schizophrenia?", ("information",)),
    ("Tell me about lupus", ("information",)),
    ("lupus", ("information",)),
    ("What is the treatment for OCD?", ("treatment",)),
]

# Lay words and everyday phrasing.
LAY = [
    ("is there a cure for psoriasis", ("treatment",)),
    ("how do i get rid of hiccups", ("treatment",)),
    ("what meds are good for anxiety", ("treatment",)),
    ("are there pills for panic attacks", ("treatment",)),
    ("how do i know if i have adhd", ("symptoms",)),
    ("Could I have diabetes?", ("symptoms",)),
    ("what does bipolar feel like", ("symptoms",)),
    ("will it go away on its own", ("outlook",)),
    ("will it come back after treatment", ("outlook",)),
    ("can you die from the flu", ("outlook",)),
    ("is bipolar disorder hereditary", ("genetics",)),
    ("does depression run in families", ("genetics",)),
    ("how many people have epilepsy", ("frequency",)),
    ("how to cope with grief", ("coping",)),
    ("how to live with chronic pain", ("coping",)),
    ("what can I eat to lower my cholesterol", ("coping",)),
    ("how to avoid getting the flu", ("prevention",)),
    ("what happens if I don't treat high blood pressure", ("complications",)),
    ("any new treatments for parkinsons", ("research",)),
    ("Are there any experimental drugs for Huntington's disease?", ("research",)),
    ("where can I find a specialist for eating disorders", ("support",)),
    ("should I be worried about chest pain", ("seek-help",)),
    ("do I need to see a doctor for a cough that won't go away", ("seek-help",)),
    ("who is most at risk of heart disease", ("causes",)),
    ("can stress cause hair loss", ("causes",)),
    ("how do i get diagnosed with adhd as an adult", ("exams-and-tests",)),
    ("what do you do for a sprained wrist", ("treatment",)),
    ("how do I get my dad to see a doctor", ("helping-others",)),
    (
        "My mother keeps forgetting things. Is there anything that slows dementia down?",
        ("treatment",),
    ),
]

# Misspellings and text-speak.
MISSPELLED = [
    ("wat causes kidney stones", ("causes",)),
    ("sympotms of diabetis", ("symptoms",)),
    ("hw do u treat a sprained ankle", ("treatment",)),
    ("whats the best medecine for migrane", ("treatment",)),
    ("is eczema contagous", ("causes",)),
    ("is asthma heriditary", ("genetics",)),
    ("my doctor put me on lithium, what side affects should i watch for", ("side-effects",)),
    ("hi, wat r the simptoms of shingles and is it contagous??", ("symptoms", "causes")),
    ("how is it dignosed", ("exams-and-tests",)),
    ("any reserch on long covid", ("research",)),
]

# Several types in one question.
TWO_PART = [
    ("What are the causes and treatments for self-injury?", ("causes", "treatment")),
    ("What are the symptoms and how is it diagnosed?", ("symptoms", "exams-and-tests")),
    ("What is OCD and how is it treated?", ("information", "treatment")),
    ("what are the first signs of dementia and how is it treated", ("symptoms", "treatment")),
    ("is anxiety genetic or is it caused by how you were raised", ("genetics", "causes")),
    ("How do you catch measles and how can I protect my kids?", ("causes", "prevention")),
    ("How common is psoriasis and will it ever clear up?", ("frequency", "outlook")),
    (
        "What are the side effects of metformin, and can I drink alcohol while taking it?",
        ("side-effects", "interactions"),
    ),
]

# Drug questions.
DRUGS = [
    ("what dose of melatonin should i take", ("dosage",)),
    ("how much ibuprofen should I take for a toothache", ("dosage",)),
    ("what happens if i miss a dose of my pill", ("dosage",)),
    ("do i have to take it forever", ("dosage",)),
    ("how long will i need to stay on antidepressants", ("dosage",)),
    ("can I take ibuprofen with sertraline", ("interactions",)),
    ("i'm on sertraline. can i also take ibuprofen?", ("interactions",)),
    ("what are the side effects of lithium", ("side-effects",)),
    ("what is metformin used for", ("usage",)),
    ("why was I prescribed propranolol?", ("usage",)),
    ("how does lithium work", ("how-it-works",)),
    ("how long does it take for prozac to work", ("how-it-works",)),
    ("is sertraline safe while pregnant", ("precautions",)),
    ("what happens if i stop taking my antidepressants suddenly", ("precautions",)),
    ("can teens take melatonin", ("precautions",)),
    ("can i give my baby paracetamol for teething", ("precautions",)),
    ("my son is on ritalin, should he take it on weekends?", ("dosage",)),
    ("how should i store insulin", ("storage-disposal",)),
    ("how do i dispose of old pills", ("storage-disposal",)),
    ("i took too many paracetamol what do i do", ("overdose",)),
    ("what are the brand names for ibuprofen", ("brand-names",)),
    ("how long do side effects last", ("side-effects",)),
    ("does fluoxetine really work?", ("treatment",)),
]

# Self-harm and suicide topics: the writer or someone they care about.
SELF_HARM_AND_SUICIDE = [
    ("how can I support my daughter who self-harms", ("helping-others",)),
    ("My daughter cuts herself. How can I help?", ("helping-others",)),
    ("my friend said she wants to die, what should i do", ("helping-others",)),
    ("how do i talk to my teenager about suicide", ("helping-others",)),
    ("why do people self harm", ("causes",)),
    ("what are the warning signs of suicide", ("symptoms",)),
    ("is self harm a sign of borderline personality disorder", ("symptoms",)),
    # Stopping a behaviour of one's own asks how to cope with the urge (issue 14).
    ("how can I stop self-harming", ("coping",)),
    ("how do i tell my parents i self harm", ("seek-help",)),
    ("is there a suicide hotline I can call", ("seek-help",)),
    ("are there support groups for people who self-injure", ("support",)),
    ("how is suicide prevented", ("prevention",)),
    ("How can teachers support a student who has been hurting herself?", ("helping-others",)),
]

# Care after an injury, scars, assessments and hospital care (issue 17): the sections a
# reader of a self-injury page asks about once the crisis has passed.
INJURY_SCARS_AND_CARE = [
    ("can self harm scars be removed", ("scars",)),
    ("how do I look after a scar", ("scars",)),
    ("do self-harm scars ever fade", ("scars",)),
    ("are my scars permanent", ("scars",)),
    ("how do I clean a wound", ("injury-care",)),
    ("does my cut need stitches", ("injury-care",)),
    ("when does an injury need urgent care", ("injury-care",)),
    ("what happens at an assessment", ("assessment",)),
    ("what happens at a self-harm assessment", ("assessment",)),
    ("how do I prepare for my appointment", ("assessment",)),
    ("what questions will the doctor ask", ("assessment",)),
    ("will I be admitted to a psychiatric ward", ("inpatient-care",)),
    ("what is inpatient care like", ("inpatient-care",)),
    ("is intensive home treatment an option", ("inpatient-care",)),
]

# Long messages: greetings, a story, then the question.
LONG_MESSAGES = [
    (
        "Hi there, I hope you can help. My husband was diagnosed with depression last year "
        "and he is on meds. He still seems really low most days. What should I do?",
        ("helping-others",),
    ),
    (
        "Hello. I've had anxiety for years and I'm on sertraline. My friends are going out "
        "for a birthday on Saturday. Can I drink alcohol?",
        ("interactions",),
    ),
    (
        "Hey everyone. So my 15 year old son has been really withdrawn since his dad and I "
        "split up. He spends all day in his room and his grades dropped. Last week I found "
        "cuts on his arm. I don't know how to talk to him about it without making things "
        "worse. Where can I find a counsellor for teenagers?",
        ("helping-others", "support"),
    ),
    (
        "Good morning, I am 34 and was diagnosed with an underactive thyroid in 2019. I take "
        "levothyroxine every morning. Lately I feel tired all the time. Is this a symptom of "
        "the thyroid or something else? Should I get my levels tested again? Thanks",
        ("symptoms", "exams-and-tests"),
    ),
    (
        "I'm worried about my best friend. She hasn't eaten properly in weeks and she's lost "
        "a lot of weight. How can I bring it up with her?",
        ("helping-others",),
    ),
    (
        "Dear doctor,\nMy dad had a stroke two months ago and he is home now.\nHe gets "
        "frustrated because his speech is slow.\nWill he get better, and is there anything "
        "we can do at home to help him recover?\nMany thanks",
        ("outlook", "helping-others"),
    ),
    (
        "hi i think i have depression. i was treated for it when i was younger and it went "
        "away. what can i do?",
        ("coping",),
    ),
]

ALL_CASES = (
    PLAIN
    + LAY
    + MISSPELLED
    + TWO_PART
    + DRUGS
    + SELF_HARM_AND_SUICIDE
    + INJURY_SCARS_AND_CARE
    + LONG_MESSAGES
)


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_question_types(text: str, expected: tuple[str, ...]) -> None:
    assert question_types(text) == expected


def test_enough_questions_and_no_duplicates() -> None:
    texts = [text for text, _ in ALL_CASES]
    assert len(texts) >= 70
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("text", [text for text, _ in ALL_CASES])
def test_every_type_is_a_section_kind_and_appears_once(text: str) -> None:
    kinds = question_types(text)
    assert kinds
    assert set(kinds) <= SECTION_KIND_IDS
    assert len(set(kinds)) == len(kinds)


@pytest.mark.parametrize("text", ["", "   ", "?", "Hello!", "Thanks so much."])
def test_nothing_asked_is_information(text: str) -> None:
    assert question_types(text) == ("information",)


def test_story_words_do_not_become_types() -> None:
    # "diagnosed" and "on meds" in the story are not questions about diagnosis or treatment.
    text = (
        "My sister was diagnosed with bipolar disorder and she is on medication. How common is it?"
    )
    assert question_types(text) == ("frequency",)


def test_specific_wording_wins_over_general_words() -> None:
    # "new treatments" is research, "side effects" is not outlook, "untreated" is not treatment.
    assert question_types("Are there new treatments for MS?") == ("research",)
    assert question_types("What happens if depression is left untreated?") == ("complications",)
    assert question_types("Where can I get help for my drinking?") == ("support",)


def test_scarring_of_an_organ_and_being_scared_are_not_about_scars() -> None:
    assert question_types("what causes lung scarring") == ("causes",)
    assert question_types("I am scared of my appointment, what happens at the assessment") == (
        "assessment",
    )
    # Treating an injury is still the treatment section; only care words ask for injury care.
    assert question_types("How do you treat a burn?") == ("treatment",)


def test_curly_apostrophes_are_read_like_straight_ones() -> None:
    assert question_types("What happens if I don\u2019t treat it?") == ("complications",)


# MedQuAD's qtype strings, exactly as the data set spells them.
MEDQUAD_QTYPES = [
    "information",
    "symptoms",
    "treatment",
    "causes",
    "outlook",
    "exams and tests",
    "when to contact a medical professional",
    "inheritance",
    "precautions",
    "side effects",
    "other information",
    "indication",
    "usage",
    "prevention",
    "brand names",
    "emergency or overdose",
    "frequency",
    "complications",
    "storage and disposal",
    "forget a dose",
    "dietary",
    "genetic changes",
    "considerations",
    "susceptibility",
    "important warning",
    "research",
    "brand names of combination products",
    "support groups",
    "dose",
    "how effective is it",
    "how does it work",
    "interactions with medications",
    "interactions with herbs and supplements",
    "interactions with foods",
    "stages",
    "how can i learn more",
    "severe reaction",
    "contraindication",
    "why get vaccinated",
]


@pytest.mark.parametrize("qtype", MEDQUAD_QTYPES)
def test_every_medquad_qtype_maps_to_a_section_kind(qtype: str) -> None:
    assert MEDQUAD_QTYPE_TO_KIND[qtype] in SECTION_KIND_IDS


@pytest.mark.parametrize(
    ("qtype", "kind"),
    [
        ("susceptibility", "causes"),
        ("inheritance", "genetics"),
        ("genetic changes", "genetics"),
        ("when to contact a medical professional", "seek-help"),
        ("support groups", "support"),
        ("indication", "usage"),
        ("forget a dose", "dosage"),
        ("dose", "dosage"),
        ("severe reaction", "side-effects"),
        ("contraindication", "precautions"),
        ("important warning", "precautions"),
        ("dietary", "precautions"),
        ("interactions with foods", "interactions"),
        ("emergency or overdose", "overdose"),
        ("how does it work", "how-it-works"),
        ("how effective is it", "treatment"),
        ("brand names of combination products", "brand-names"),
        ("how can i learn more", "other-information"),
        ("why get vaccinated", "prevention"),
    ],
)
def test_medquad_mapping_choices(qtype: str, kind: str) -> None:
    assert MEDQUAD_QTYPE_TO_KIND[qtype] == kind


def test_medquad_mapping_has_nothing_extra() -> None:
    assert set(MEDQUAD_QTYPE_TO_KIND) == set(MEDQUAD_QTYPES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A health problem told and help asked for, with no question form: what can be done.
        (
            "Ingrown toenail. I have had an ingrown toenail for four years now and I need help",
            ("treatment",),
        ),
        ("my dad has been suffering with gout for months, please help", ("treatment",)),
        # Help asked for without a problem told stays general; a problem without a request
        # is not a question about treatment either.
        ("Please help, where do I start", ("information",)),
        ("I have had eczema since I was a child.", ("information",)),
    ],
)
def test_a_problem_told_with_a_plea_for_help_asks_for_treatment(
    text: str, expected: tuple[str, ...]
) -> None:
    assert question_types(text) == expected
