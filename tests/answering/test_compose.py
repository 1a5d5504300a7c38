"""The answer's lead: the passage's own sentences that answer the question."""

from __future__ import annotations

from symptomdb.answering.compose import LEAD_WORDS, choose_lead
from symptomdb.answering.passages import cited_sentences

SECTION = (
    "Treatment starts with a kind, unhurried assessment by someone trained in mental health "
    "[@nice]. Talking therapies are the main treatment for self-harm and help most people "
    "[@hawton; @nice]. Dialectical behaviour therapy teaches skills for intense emotions and "
    "has the strongest evidence in young people [@hawton]. There is no medicine that treats "
    "self-harm itself, but medicine can treat a condition such as depression that comes with "
    "it [@nice]. Families can join some sessions when the person wants them to."
)
NUMBERS = {"nice": 1, "hawton": 2}


def test_sentences_keep_their_citations_as_numbers() -> None:
    sentences = cited_sentences(SECTION, NUMBERS)
    assert sentences[1].endswith("help most people [2, 1].")
    assert not any("@" in s for s in sentences)


def test_the_lead_is_the_sentences_that_answer_in_their_own_order() -> None:
    sentences = cited_sentences(SECTION, NUMBERS)
    lead = choose_lead("what medication helps with self harm", sentences)
    assert any(s.startswith("There is no medicine that treats self-harm itself") for s in lead)
    assert list(lead) == [s for s in sentences if s in lead]  # the passage's order
    assert sum(len(s.split()) for s in lead) <= LEAD_WORDS


def test_a_short_passage_is_its_own_lead_and_nothing_matching_gives_the_opening() -> None:
    assert choose_lead("anything", ["One.", "Two."]) == ("One.", "Two.")
    assert choose_lead("zzqxv", cited_sentences(SECTION, NUMBERS))[0].startswith("Treatment starts")
    assert choose_lead("anything", []) == ()


def test_run_in_headings_join_their_sentence_and_list_items_are_units() -> None:
    section = (
        "**How it changes.** It fades over months [@nice].\n\n"
        "**Caring for it.**\n\n"
        "It helps to know what to expect. It takes three kinds of care:\n\n"
        "- **Keep it moist:** a plain cream helps.\n"
        "- Protect it from the sun [@nice].\n"
    )
    assert cited_sentences(section, NUMBERS) == (
        "How it changes: It fades over months [1].",
        "It helps to know what to expect.",
        "Keep it moist: a plain cream helps.",
        "It takes three kinds of care: Protect it from the sun [1].",
    )


def test_a_list_item_without_a_label_keeps_the_words_that_introduce_it() -> None:
    section = "**In your mind you might:**\n\n- worry a lot\n- feel on edge [@nice]\n"
    assert cited_sentences(section, NUMBERS) == (
        "In your mind you might: worry a lot",
        "In your mind you might: feel on edge [1]",
    )
