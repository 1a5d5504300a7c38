"""The shipped MiniLM encoder on ONNX Runtime (default install: no torch, nothing downloaded)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from symptomdb.answering import semantic


@pytest.fixture(scope="module")
def encoder() -> semantic.MiniLM:
    return semantic.load_encoder()


def test_a_lay_question_is_closest_to_the_question_it_means(encoder: semantic.MiniLM) -> None:
    candidates = [
        "What are the treatments for Hiccups ?",
        "What causes Hiccups ?",
        "What are the treatments for Ear wax ?",
    ]
    question = encoder.encode(["how do i get rid of the hiccups fast"])[0]
    similarities = encoder.encode(candidates) @ question
    assert int(np.argmax(similarities)) == 0


def test_vectors_are_unit_length_in_order_for_single_and_batched_texts(
    encoder: semantic.MiniLM,
) -> None:
    texts = [f"What are the symptoms of condition number {n} ?" for n in range(9)]
    batched = encoder.encode(texts)
    assert batched.shape == (9, semantic.DIMENSIONS)
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-4)
    # A text has one vector, alone or among others (no batch effects).
    assert np.array_equal(encoder.encode([texts[5]])[0], batched[5])
    assert np.array_equal(encoder.encode(texts[3:8])[2], batched[5])


def test_vectors_are_cached_and_only_new_texts_are_encoded(
    encoder: semantic.MiniLM, tmp_path: Path
) -> None:
    encoded: list[str] = []

    class Counting:
        def encode(self, texts: list[str]) -> np.ndarray:
            encoded.extend(texts)
            return encoder.encode(texts)

    first = ["What causes Hiccups ?", "What are the treatments for Hiccups ?"]
    vectors = semantic.encode_passages(Counting(), first, tmp_path)
    assert vectors is not None and vectors.shape == (2, semantic.DIMENSIONS)
    # A publish adds one heading: only that one is encoded, the others come from the store.
    more = [*first, "Self-injury: Coping strategies"]
    again = semantic.encode_passages(Counting(), more, tmp_path)
    assert encoded == more
    assert again is not None and np.array_equal(again[:2], vectors)
    # Too many new texts for an index build: the caller falls back to lexical ranking.
    many = [f"question {n}" for n in range(10)]
    assert semantic.encode_passages(Counting(), many, tmp_path, max_new=5) is None


class _HashEncoder:
    """Stands in for MiniLM: a fixed unit vector per text, slow enough that writers overlap."""

    def encode(self, texts: list[str]) -> np.ndarray:
        import time

        time.sleep(0.05)  # widens the window in which several writers hold the same old store
        return np.stack([_hash_vector(t) for t in texts])


def _hash_vector(text: str) -> np.ndarray:
    import hashlib

    seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
    vector = np.random.default_rng(seed).standard_normal(semantic.DIMENSIONS)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _publish_in_turn(folder: str, writer: int) -> None:
    shared = [f"Shared heading {n}" for n in range(5)]
    for step in range(3):
        own = [f"Writer {writer} passage {n}" for n in range(4 * (step + 1))]
        semantic.encode_passages(_HashEncoder(), [*shared, *own], Path(folder))


def test_writers_in_several_processes_leave_every_vector_with_its_own_text(
    tmp_path: Path,
) -> None:
    # Every worker of every app server may extend the shared store after one publish.
    import multiprocessing

    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_publish_in_turn, args=(str(tmp_path), w)) for w in range(4)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=60)
        assert process.exitcode == 0

    class Refusing:
        def encode(self, texts: list[str]) -> np.ndarray:
            raise AssertionError(f"lost from the store: {texts}")

    everything = [f"Shared heading {n}" for n in range(5)] + [
        f"Writer {w} passage {n}" for w in range(4) for n in range(12)
    ]
    vectors = semantic.encode_passages(Refusing(), everything, tmp_path)
    assert vectors is not None
    assert np.array_equal(vectors, np.stack([_hash_vector(t) for t in everything]))
