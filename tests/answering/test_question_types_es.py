"""Spanish question types: the kinds a Spanish question asks for, in the order asked."""

from __future__ import annotations

import pytest

from symptomdb.answering.question_types import question_types
from symptomdb.answering.question_types_es import looks_spanish, question_types_es

CASES = [
    ("¿Cuáles son las causas y los tratamientos de la autolesión?", ("causes", "treatment")),
    ("cuales son las causas y los tratamientos de la autolesion", ("causes", "treatment")),
    ("¿Qué es la autolesión?", ("information",)),
    ("que es la depresion", ("information",)),
    ("¿Qué es la depresión y cómo se trata?", ("information", "treatment")),
    ("¿Cuál es el tratamiento para la depresión?", ("treatment",)),
    ("¿Qué es el tratamiento de la depresión?", ("treatment",)),
    ("¿Cómo se trata la autolesión?", ("treatment",)),
    ("¿Se cura la depresión?", ("treatment",)),
    ("¿Qué terapias funcionan para las autolesiones?", ("treatment",)),
    ("¿Los antidepresivos sirven?", ("treatment",)),
    ("¿Qué efectos secundarios tienen los antidepresivos?", ("side-effects",)),
    ("¿Por qué se autolesiona la gente?", ("causes",)),
    ("¿Qué provoca la depresión?", ("causes",)),
    ("¿A qué se debe la ideación suicida?", ("causes",)),
    ("factores de riesgo del suicidio", ("causes",)),
    ("¿Cuáles son los síntomas de la depresión?", ("symptoms",)),
    ("cuales son los sintomas de la depresion", ("symptoms",)),
    ("sintomas de depresion y tratamiento", ("symptoms", "treatment")),
    ("¿Cuáles son las señales de alerta del suicidio?", ("symptoms",)),
    ("¿Cómo sé si tengo depresión?", ("symptoms",)),
    ("¿Cómo puedo ayudar a mi hija que se autolesiona?", ("helping-others",)),
    ("¿Qué hago si mi amigo habla de suicidio?", ("helping-others",)),
    ("como apoyar a mi pareja con depresion", ("helping-others",)),
    ("¿Cómo puedo prevenir las autolesiones?", ("prevention",)),
    ("¿Se puede prevenir el suicidio?", ("prevention",)),
    ("¿Cómo afrontar las ganas de autolesionarme?", ("coping",)),
    ("¿Qué puedo hacer cuando siento ganas de cortarme?", ("coping",)),
    ("estrategias para sobrellevar la depresion", ("coping",)),
    ("¿Qué hago?", ("coping",)),
    ("¿Cuándo debo ir al médico por depresión?", ("seek-help",)),
    ("¿A quién llamo si estoy en crisis?", ("seek-help",)),
    ("¿Hay alguna línea de ayuda para el suicidio?", ("seek-help",)),
    ("¿Dónde puedo encontrar un psicólogo?", ("support",)),
    ("grupos de apoyo para autolesiones", ("support",)),
    ("¿Cómo se diagnostica la depresión?", ("exams-and-tests",)),
    ("¿La depresión es hereditaria?", ("genetics",)),
    ("¿Qué pasa si no se trata la depresión?", ("complications",)),
    ("¿Cuánto dura la depresión?", ("outlook",)),
    ("¿Es muy común la autolesión en adolescentes?", ("frequency",)),
    ("q es la autolesion y q tratamieto hay", ("information", "treatment")),
    ("kausas de la depresion", ("causes",)),
    ("simtomas y tratamento de la depresion", ("symptoms", "treatment")),
    ("¿Por qué me pasa esto y cómo lo trato?", ("causes", "treatment")),
    ("Hola. Mi hijo se corta. ¿Qué puedo hacer para ayudarle?", ("helping-others",)),
    ("", ("information",)),
]

# The kinds the Spanish self-injury page has sections for (scars, caring for a wound, the
# assessment, hospital and intensive care), and the questions teachers, parents and young
# people ask. Kept apart from CASES, which must keep their kinds as they were.
NEW_KIND_CASES = [
    # Scars.
    ("¿Se quitan las cicatrices de autolesión?", ("scars",)),
    ("¿Las cicatrices desaparecen con el tiempo?", ("scars",)),
    ("¿Cómo tapar las cicatrices de los cortes?", ("scars",)),
    ("cicatrices en los brazos, ¿se van?", ("scars",)),
    ("¿La cicatriz es permanente?", ("scars",)),
    ("¿Hay tratamiento para las cicatrices?", ("treatment", "scars")),
    # Caring for a wound, and when it needs urgent care.
    ("¿Cuándo hay que ir a urgencias por una herida?", ("injury-care",)),
    ("cómo curar una herida", ("injury-care",)),
    ("¿Cómo cuido un corte para que no se infecte?", ("injury-care",)),
    ("¿Necesita puntos la herida?", ("injury-care",)),
    ("primeros auxilios para una quemadura", ("injury-care",)),
    # The assessment and getting ready for an appointment.
    ("¿Qué pasa en la primera cita con el psicólogo?", ("assessment",)),
    ("cómo prepararme para la consulta", ("assessment",)),
    ("¿Qué me van a preguntar en la evaluación?", ("assessment",)),
    ("¿Cómo es la primera consulta con el psiquiatra?", ("assessment",)),
    # Hospital and intensive care.
    ("¿Qué es un ingreso psiquiátrico?", ("inpatient-care",)),
    ("hospitalización por depresión", ("inpatient-care",)),
    ("¿Me pueden ingresar en un hospital psiquiátrico?", ("inpatient-care",)),
    ("¿Cómo es estar ingresado en una unidad de psiquiatría?", ("inpatient-care",)),
    ("¿Qué es un hospital de día?", ("inpatient-care",)),
    # Teachers and parents ask how to help someone; a young person asks for themselves.
    ("Soy profesora, ¿cómo ayudo a una alumna que se autolesiona?", ("helping-others",)),
    ("Soy maestro y un alumno me ha contado que se corta, ¿qué hago?", ("helping-others",)),
    ("Mi hija se autolesiona, ¿qué hago?", ("helping-others",)),
    ("mi hijo tiene depresion que puedo hacer", ("helping-others",)),
    ("Soy adolescente y me corto, ¿a quién se lo cuento?", ("seek-help",)),
    ("Soy una adolescente y me autolesiono, ¿qué hago?", ("coping",)),
    # Near misses that keep their old kinds.
    ("¿Cuándo debo ir al hospital?", ("seek-help",)),
    ("¿Cuándo debo ir a urgencias?", ("seek-help",)),
    ("¿Necesito tratamiento psiquiátrico?", ("treatment",)),
    ("¿Cómo tratar una quemadura?", ("treatment",)),
    ("¿Tengo cicatrices en el pulmón por la neumonía?", ("information",)),
    ("Mis ingresos han bajado y estoy deprimido, ¿qué hago?", ("coping",)),
]


@pytest.mark.parametrize(("question", "kinds"), NEW_KIND_CASES)
def test_spanish_questions_reach_the_newer_kinds(question: str, kinds: tuple[str, ...]) -> None:
    assert question_types_es(question) == kinds


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("¿Se quitan las cicatrices de autolesión?", "Do self-harm scars go away?"),
        ("¿Necesita puntos la herida?", "Does a cut need stitches?"),
        ("cómo prepararme para la consulta", "How do I prepare for my appointment?"),
        ("¿Qué es un ingreso psiquiátrico?", "What is a psychiatric admission?"),
        (
            "Soy profesora, ¿cómo ayudo a una alumna que se autolesiona?",
            "I'm a teacher. How can I help a student who self-harms?",
        ),
        ("Mi hija se autolesiona, ¿qué hago?", "My daughter self-harms, what should I do?"),
    ],
)
def test_a_spanish_question_gets_the_kinds_its_english_twin_gets(
    spanish: str, english: str
) -> None:
    assert question_types_es(spanish) == question_types(english)


@pytest.mark.parametrize(("question", "kinds"), CASES)
def test_spanish_question_asks_for_these_kinds(question: str, kinds: tuple[str, ...]) -> None:
    assert question_types_es(question) == kinds


def test_there_are_at_least_forty_spanish_questions() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    "text",
    [
        "¿Cuáles son las causas de la autolesión?",
        "que es la depresion",
        "mi hija se corta que hago",
        "Tengo ganas de llorar todo el día",
    ],
)
def test_spanish_text_is_recognised(text: str) -> None:
    assert looks_spanish(text)


@pytest.mark.parametrize(
    "text",
    [
        "What are the causes and treatments for self-injury?",
        "how do I help my friend who self-harms",
        "Is depression hereditary?",
        "My son has anorexia, what should I do?",
    ],
)
def test_english_text_is_not_taken_for_spanish(text: str) -> None:
    assert not looks_spanish(text)


def test_english_analyser_is_unchanged_by_the_spanish_one() -> None:
    assert question_types("What are the causes and treatments for self-injury?") == (
        "causes",
        "treatment",
    )
