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
