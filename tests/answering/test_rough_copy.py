"""The int8 rough copy orders rows as the exact similarity does, closely enough to shortlist."""

from __future__ import annotations

import numpy as np

from symptomdb.answering.rough import RoughCopy


def _unit_rows(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_the_rough_scores_put_a_rows_nearest_neighbours_first() -> None:
    generator = np.random.default_rng(7)
    # Vectors with structure, as sentence vectors have: 3,000 rows in a 96-dimensional
    # subspace of 384 dimensions, so 128 directions hold them whole and only the int8
    # rounding separates the rough order from the exact one.
    vectors = _unit_rows(generator.normal(size=(3000, 96)) @ generator.normal(size=(96, 384)))
    copy = RoughCopy(vectors, 128)
    assert len(copy) == 3000
    for row in generator.choice(3000, 20, replace=False):
        query = vectors[row]
        rough = copy.scores(query)
        exact = vectors @ query
        assert int(np.argmax(rough)) == row
        top_rough = set(np.argsort(-rough)[:50].tolist())
        top_exact = set(np.argsort(-exact)[:50].tolist())
        assert len(top_rough & top_exact) >= 45


def test_a_copy_with_too_few_directions_loses_the_order() -> None:
    """The check above can fail: two directions of 96 do not keep the neighbours."""
    generator = np.random.default_rng(7)
    vectors = _unit_rows(generator.normal(size=(3000, 96)) @ generator.normal(size=(96, 384)))
    copy = RoughCopy(vectors, 2)
    query = vectors[0]
    top_rough = set(np.argsort(-copy.scores(query))[:50].tolist())
    top_exact = set(np.argsort(-(vectors @ query))[:50].tolist())
    assert len(top_rough & top_exact) < 45
