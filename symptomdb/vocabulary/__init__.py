"""The controlled vocabulary shared by content and questions.

Section kinds describe what a part of a topic answers; question types use the same words,
so a question about "causes and treatments" maps straight onto sections. Plain Python: no
Django import, so the answering core can use it too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One section kind: its identifier, the heading readers see, and what it covers."""

    id: str
    label: str
    description: str


SECTION_KINDS: tuple[Kind, ...] = (
    Kind("information", "What it is", "A plain description of the topic."),
    Kind("causes", "Causes and risk factors", "Why it happens and who is more likely to have it."),
    Kind("symptoms", "Signs and symptoms", "What a person or others may notice."),
    Kind("exams-and-tests", "Diagnosis", "How professionals assess and diagnose it."),
    Kind("treatment", "Treatment", "Therapies, medication, programmes and support that help."),
    Kind("coping", "Coping and self-care", "What a person can do for themselves."),
    Kind("prevention", "Prevention", "How it can be prevented or made less likely."),
    Kind("outlook", "Outlook", "What to expect over time; recovery."),
    Kind("complications", "Complications", "Problems it can lead to."),
    Kind("frequency", "How common it is", "How many people are affected."),
    Kind("stages", "Stages", "How it is staged or classified."),
    Kind("genetics", "Genetics and inheritance", "Genetic changes and how it is inherited."),
    Kind("seek-help", "When to get help", "When and how to contact a professional or crisis line."),
    Kind(
        "injury-care",
        "Injury care",
        "Looking after an injury, and when it needs urgent medical care.",
    ),
    Kind("scars", "Scars", "How scars heal, how to care for them, and the options for them."),
    Kind(
        "assessment",
        "Assessment and appointments",
        "What happens at an assessment, and how to prepare for an appointment.",
    ),
    Kind(
        "inpatient-care",
        "Inpatient and intensive care",
        "Care in hospital or a unit, and intensive support at home.",
    ),
    Kind("support", "Support and finding a specialist", "Groups, programmes, specialists."),
    Kind("helping-others", "Helping someone else", "What family, friends and teachers can do."),
    Kind("research", "Research", "Current research and clinical trials."),
    Kind("considerations", "Things to consider", "Other practical considerations."),
    # Drug kinds, after MedQuAD's drug question types.
    Kind("usage", "What it is used for", "Why a medicine is prescribed."),
    Kind("how-it-works", "How it works", "How a medicine acts."),
    Kind("dosage", "How to take it", "Dose, timing and missed doses."),
    Kind("side-effects", "Side effects", "Unwanted effects, including serious reactions."),
    Kind("precautions", "Precautions", "Who should not take it, and special instructions."),
    Kind("interactions", "Interactions", "Interactions with medicines, food and herbs."),
    Kind("storage-disposal", "Storage and disposal", "How to keep and dispose of it."),
    Kind("overdose", "Emergency and overdose", "What to do in an emergency."),
    Kind("brand-names", "Brand names", "Names it is sold under."),
    Kind("other-information", "Other information", "Anything else a reader should know."),
)

SECTION_KIND_IDS: frozenset[str] = frozenset(k.id for k in SECTION_KINDS)
KIND_BY_ID: dict[str, Kind] = {k.id: k for k in SECTION_KINDS}

TREATMENT_ITEM_TYPES: tuple[tuple[str, str], ...] = (
    ("therapy", "Therapy"),
    ("medication", "Medication"),
    ("programme", "Programme"),
    ("support-group", "Support group"),
    ("self-care", "Self-care"),
)
TREATMENT_ITEM_TYPE_IDS: frozenset[str] = frozenset(t for t, _ in TREATMENT_ITEM_TYPES)

# Who a section is written for, when not everyone: a topic may speak to young people, to
# parents and carers, and to teachers and schools in sections of their own (issue 17).
AUDIENCES: tuple[tuple[str, str], ...] = (
    ("young-people", "Young people"),
    ("parents-carers", "Parents and carers"),
    ("teachers-schools", "Teachers and schools"),
)
AUDIENCE_IDS: frozenset[str] = frozenset(a for a, _ in AUDIENCES)

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("mental-health", "Mental health"),
    ("behaviour", "Behaviour"),
    ("condition", "Condition"),
    ("symptom", "Symptom"),
    ("drug", "Medicine"),
    ("wellbeing", "Wellbeing"),
)
CATEGORY_IDS: frozenset[str] = frozenset(c for c, _ in CATEGORIES)

CODE_SYSTEMS: tuple[tuple[str, str], ...] = (
    ("icd10cm", "ICD-10-CM"),
    ("icd11", "ICD-11"),
    ("snomedct", "SNOMED CT"),
    ("umls", "UMLS CUI"),
    ("mesh", "MeSH"),
)
CODE_SYSTEM_IDS: frozenset[str] = frozenset(c for c, _ in CODE_SYSTEMS)

STATUSES: tuple[str, ...] = ("published", "draft")
