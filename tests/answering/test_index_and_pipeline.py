"""Ranking and composing on small, hand-made passages (plain Python, no database)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from symptomdb.answering.index import AnswerIndex
from symptomdb.answering.passages import Passage
from symptomdb.answering.pipeline import answer_question, reduce_question
from symptomdb.answering.ranker import load_rankers
from symptomdb.answering.semantic import encode_passages
from symptomdb.safety.crisis_screen import CrisisLevel


def passage(
    pid: str, focus: str, kind: str, question: str, text: str, synonyms: tuple[str, ...] = ()
) -> Passage:
    return Passage(
        id=pid,
        origin="medquad",
        kind=kind,
        focus=focus,
        question=question,
        text=text,
        title=focus,
        url=f"https://example.org/{pid}",
        source="Example Institute",
        licence="CC BY 4.0",
        synonyms=synonyms,
        citation=f"Example Institute. {focus}.",
    )


PASSAGES = [
    passage(
        "h1",
        "Hiccups",
        "information",
        "What is (are) Hiccups ?",
        "Hiccups are sudden spasms of the diaphragm.",
        ("singultus",),
    ),
    passage(
        "h2",
        "Hiccups",
        "causes",
        "What causes Hiccups ?",
        "Eating fast and fizzy drinks can set off hiccups.",
    ),
    passage(
        "h3",
        "Hiccups",
        "treatment",
        "What are the treatments for Hiccups ?",
        "Most bouts stop without treatment; slow breathing may help.",
    ),
    passage(
        "g1",
        "Gout",
        "treatment",
        "What are the treatments for Gout ?",
        "Medicines lower uric acid and ease flares.",
    ),
    passage("g2", "Gout", "causes", "What causes Gout ?", "Uric acid crystals build up in joints."),
    passage("w1", "Warfarin", "side-effects", "What are the side effects of Warfarin ?", ""),
]


def test_focus_is_found_by_name_synonym_and_misspelling() -> None:
    index = AnswerIndex(PASSAGES)
    assert index.focus_matches("what helps hiccups")[1] == ["hiccup"]
    assert index.focus_matches("I have singultus")[1] == ["singultus"]
    assert index.focus_matches("my hicups wont stop")[1] == ["hiccup"]


def test_two_part_question_gets_a_part_for_each_type() -> None:
    answer = answer_question(
        AnswerIndex(PASSAGES), "What are the causes and treatments for hiccups?"
    )
    assert [(p.kind, p.hit.passage.id) for p in answer.parts] == [
        ("causes", "h2"),
        ("treatment", "h3"),
    ]
    assert answer.confident


def test_withheld_answer_still_points_to_its_source() -> None:
    answer = answer_question(AnswerIndex(PASSAGES), "What are the side effects of warfarin?")
    (part,) = answer.parts
    assert part.hit.passage.id == "w1" and part.hit.passage.withheld
    assert part.hit.passage.url == "https://example.org/w1"


def test_unrelated_question_is_answered_honestly_with_nothing() -> None:
    answer = answer_question(AnswerIndex(PASSAGES), "How do I renew my passport?")
    assert answer.parts == () and not answer.confident


def test_crisis_question_carries_help_that_leads() -> None:
    answer = answer_question(AnswerIndex(PASSAGES), "I want to end my life tonight, I have a plan")
    assert answer.screen.level == CrisisLevel.EMERGENCY
    assert answer.help is not None and answer.help.leads


def test_long_message_is_reduced_to_what_is_asked() -> None:
    asked = reduce_question(
        "general health",
        "Hello. My name is Sam and my email is sam@example.org. I have had gout for years. "
        "What treatments work? Thank you.",
    )
    assert asked.startswith("My name is Sam") and asked.endswith(
        "I have had gout for years. What treatments work?"
    )
    assert "sam@example.org" not in asked and "Hello" not in asked and "Thank you" not in asked


def test_empty_index_answers_nothing() -> None:
    assert answer_question(AnswerIndex([]), "What causes gout?").parts == ()


class KeywordEncoder:
    """A test double for the sentence encoder: one dimension per word of a tiny vocabulary,
    so "remedy" and "treatments" can be made to mean the same thing."""

    VOCAB = ("hiccup", "treat", "cause", "gout")
    SAME = {
        "remedy": "treat",
        "remedies": "treat",
        "fix": "treat",
        "treatments": "treat",
        "causes": "cause",
    }

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            words = [self.SAME.get(w, w).rstrip("s") for w in text.lower().replace("?", "").split()]
            row = np.array(
                [float(any(w.startswith(v) for w in words)) for v in self.VOCAB], dtype=np.float32
            )
            rows.append(row / (np.linalg.norm(row) or 1.0))
        return np.stack(rows)


def test_semantic_ranking_adds_meaning_the_words_do_not_share() -> None:
    encoder = KeywordEncoder()
    vectors = encoder.encode([p.question for p in PASSAGES])
    lexical = AnswerIndex(PASSAGES)
    semantic = AnswerIndex(PASSAGES, encoder=encoder, vectors=vectors)
    assert semantic.semantic and not lexical.semantic
    assert semantic.ranker == load_rankers()["semantic"]
    assert lexical.ranker == load_rankers()["lexical"]
    # "remedies" is in no passage: the words find nothing, the meaning finds the treatments.
    assert lexical.search("remedies?", ()) == []
    assert {h.passage.id for h in semantic.search("remedies?", ())[:2]} == {"h3", "g1"}


def test_the_rough_shortlist_ranks_exactly_as_reading_every_vector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 6,000 passages whose vectors share a few topics, so the rough copy (128 of 384
    # directions) has to shortlist: the answers and their similarities are those of the
    # exact search over every vector.
    rng = np.random.default_rng(7)
    topics = rng.normal(size=(20, 384))
    vectors = topics[rng.integers(0, 20, 6000)] + 0.6 * rng.normal(size=(6000, 384))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    questions = [f"question {n}" for n in range(12)]
    asked = vectors[rng.integers(0, 6000, 12)] + 0.3 * rng.normal(size=(12, 384))

    class Fixed:
        def encode(self, texts: list[str]) -> np.ndarray:
            rows = asked[[questions.index(t) for t in texts]]
            return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)

    passages = [
        passage(f"v{n}", f"Focus {n}", "information", f"Vector {n}", "") for n in range(6000)
    ]
    index = AnswerIndex(passages, encoder=Fixed(), vectors=vectors)
    shortlisted = [index.search(q, (), k=10) for q in questions]
    monkeypatch.setattr("symptomdb.answering.index.SHORTLIST", 10**6)  # read every vector
    exact = [index.search(q, (), k=10) for q in questions]
    assert [[(h.passage.id, h.similarity) for h in hits] for hits in shortlisted] == [
        [(h.passage.id, h.similarity) for h in hits] for hits in exact
    ]
    assert all(len(hits) == 10 for hits in exact)


def test_vectors_must_match_the_passages() -> None:
    with pytest.raises(ValueError, match="2 vectors for 6 passages"):
        AnswerIndex(PASSAGES, encoder=KeywordEncoder(), vectors=np.zeros((2, 4), dtype=np.float32))


def test_vectors_are_cached_by_text(tmp_path: Path) -> None:
    calls = []

    class CountingEncoder(KeywordEncoder):
        def encode(self, texts: list[str]) -> np.ndarray:
            calls.append(len(texts))
            return super().encode(texts)

    texts = [p.question for p in PASSAGES]
    first = encode_passages(CountingEncoder(), texts, tmp_path)
    again = encode_passages(CountingEncoder(), texts, tmp_path)
    assert calls == [6] and np.array_equal(first, again)


def test_word_overlap_without_the_focus_is_not_offered_as_an_answer() -> None:
    # "treatments" and "causes" overlap with every pair, but nothing here is about sunburn.
    answer = answer_question(AnswerIndex(PASSAGES), "What causes sunburn and what treatments help?")
    assert answer.parts == () and answer.related == ()


def test_words_the_collection_uses_are_never_corrected_into_a_focus_name() -> None:
    passages = [
        *PASSAGES,
        passage("p1", "PLEVA", "information", "What is (are) PLEVA ?", "A rare skin condition."),
        *(
            passage(f"n{n}", f"Note {n}", "information", f"Note {n}", "Please ask your doctor.")
            for n in range(3)
        ),
    ]
    index = AnswerIndex(passages)
    assert "pleva" not in index.focus_matches("please tell me about gout")[1]
    assert index.focus_matches("i think i have plevaa")[1] == ["pleva"]


def test_a_shorter_name_finds_a_longer_focus_unless_it_names_one_itself() -> None:
    passages = [
        passage(
            "s1",
            "Isolated sleep paralysis",
            "information",
            "What is (are) Isolated sleep paralysis ?",
            "",
        ),
        passage("s2", "Paralysis", "information", "What is (are) Paralysis ?", "Loss of movement."),
        passage(
            "y1", "Syphilis - primary", "treatment", "What are the treatments for Syphilis ?", ""
        ),
        passage("a1", "Sleep apnea", "information", "What is (are) Sleep apnea ?", ""),
        passage(
            "a2", "Central sleep apnea", "information", "What is (are) Central sleep apnea ?", ""
        ),
    ]
    index = AnswerIndex(passages)
    top = index.search("What exactly is sleep paralysis?", ["information"], k=1)
    assert top[0].passage.id == "s1"
    assert index.search("how is syphilis treated", ["treatment"], k=1)[0].passage.id == "y1"
    # "sleep apnea" is a focus of its own: it is not read as "central sleep apnea".
    assert index.search("what is sleep apnea", ["information"], k=1)[0].passage.id == "a1"


def test_template_questions_read_as_questions() -> None:
    from symptomdb.answering.passages import display_question

    assert display_question("What is (are) Self-harm ?") == "What is Self-harm?"
    assert display_question("What does (do) PLEVA mean ?") == "What does PLEVA mean?"
    assert display_question("Who is at risk for Gout? ?") == "Who is at risk for Gout?"
    assert PASSAGES[0].heading == "What is Hiccups?"


def test_building_an_index_prints_nothing_on_the_console() -> None:
    # The console handler `ask`, `setup` and the server log through has no level of its own;
    # bm25s used to send "Building index from tokens" to it on every build.
    import logging

    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        AnswerIndex(PASSAGES).search("how to stop hiccups", ["treatment"])
    finally:
        root.removeHandler(handler)
    assert [r.getMessage() for r in records if r.levelno < logging.WARNING] == []
