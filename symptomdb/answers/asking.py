"""One way to answer a reader's question on every surface (ask page, API, ``ask``)."""

from __future__ import annotations

from symptomdb.answering.pipeline import Answer, answer_question
from symptomdb.answering.question_types_es import looks_spanish
from symptomdb.answers.building import get_answer_index, get_spanish_answer_index

__all__ = ["answer_for"]


def answer_for(question: str, country: str | None = None, language: str | None = None) -> Answer:
    """Answer ``question`` from the English topics and MedQuAD, or from the Spanish topics.

    Args:
        language: "es" or "en"; when None, a question that looks Spanish is answered in
            Spanish (as the ask page does for Spanish typed into the English box).
    """
    spanish = language == "es" or (language is None and looks_spanish(question))
    if spanish:
        return answer_question(get_spanish_answer_index(), question, country=country, language="es")
    return answer_question(get_answer_index(), question, country=country, language="en")
