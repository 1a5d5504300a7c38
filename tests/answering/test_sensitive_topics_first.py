"""Questions that name one of our sensitive topics are answered from that topic first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from symptomdb.answering.index import AnswerIndex
from symptomdb.answering.pipeline import answer_question
from tests.answering.test_index_and_pipeline import passage

# An imported record whose focus is exactly the reader's words, and our topic that has
# them only as a synonym: on names and words alone the record ranks first.
RECORD = passage(
    "MPlusHealthTopics_0000804_Sec1.txt",
    "Self-harm",
    "information",
    "What is (are) Self-harm ?",
    "Self-harm refers to a person harming their own body on purpose; types of self harm vary.",
)
OURS = replace(
    passage(
        "topic:self-injury#information",
        "Self-injury",
        "information",
        "What self-injury is",
        "Self-injury means hurting yourself on purpose to cope with distress. People recover.",
        ("self-harm", "NSSI"),
    ),
    origin="topic",
    title="Self-injury",
)
SCARS = passage(
    "MPlusHealthTopics_0000700_Sec1.txt",
    "Scars",
    "treatment",
    "What are the treatments for Scars ?",
    "Scars can fade; creams, silicone sheets or surgery can make them less visible.",
)

QUESTIONS = [
    "what is self harm",
    "types of self harm",
    "is self harm a mental illness",
    "can self harm scars be removed",
    "how to hide self harm scars",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_sensitive_topic_the_question_names_leads_every_imported_passage(
    question: str,
) -> None:
    index = AnswerIndex([RECORD, replace(OURS, sensitive=True), SCARS])
    answer = answer_question(index, question)
    assert answer.ranked[0].passage.id == "topic:self-injury#information"
    assert answer.parts[0].hit.passage.origin == "topic"


def test_without_the_sensitive_flag_the_ranking_is_as_before() -> None:
    # The same passages with the topic not marked sensitive: the record with the exact
    # focus wins, as it always did; the flag alone changes the order.
    index = AnswerIndex([RECORD, OURS, SCARS])
    ranked = index.search("what is self harm", ["information"])
    assert ranked[0].passage.id == RECORD.id
    flagged = AnswerIndex([RECORD, replace(OURS, sensitive=True), SCARS])
    again = {h.passage.id: h.score for h in flagged.search("what is self harm", ["information"])}
    # Scores are not changed, only the order.
    assert again == {h.passage.id: h.score for h in ranked}


def test_questions_that_do_not_name_the_sensitive_topic_rank_as_before() -> None:
    index = AnswerIndex([RECORD, replace(OURS, sensitive=True), SCARS])
    assert index.search("how are scars treated", ["treatment"])[0].passage.id == SCARS.id
