"""The answering index: lexical ranking (BM25, via bm25s) plus focus and question-type matching.

How a question is ranked (the idea of the anchor system — match the consumer's question to
already-answered questions about the same focus and of the same type — done with a lexicon
instead of a trained entailment model):

1. Focus: names and synonyms of every topic and MedQuAD document, matched as word n-grams
   in the question (stemmed, tolerant of one-letter misspellings in longer words). The
   items of our sections ("Dialectical behaviour therapy (DBT)") are matched too, as terms:
   weaker than a focus, and the question's focus only when it names no focus itself (the
   pipeline asks a question about an item for the kind of section that describes it).
2. Types: what the question asks for (causes, treatment, …) in our section vocabulary.
3. Candidates: the best passages by BM25 over each passage's question/heading with its focus,
   by BM25 over its answer text, and by MiniLM similarity of the question to its question
   (the question read as its opening words, see ``_question_vector``; a rough copy of the
   vectors shortlists, ``_closest``), plus every passage whose focus the question names.
4. Features of each candidate (``ranker.FEATURES``: both BM25 scores and their ranks, the
   similarity, focus strength, type match, plain-language source, withheld text).
5. Score = the learned ranker's linear combination of those features (``ranker.py``),
   fitted pairwise on the LiveQA-Med training questions' judgments, never set by hand or
   on dev. Without passage vectors, the lexical ranker (fitted without the MiniLM
   features) is used, and the site logs that it fell back.
6. Sensitive topics first: when the question names one of our topics marked sensitive
   (self-injury, suicidal thoughts, …) by its title or a synonym (not an item's term), that
   topic's sections rank
   ahead of every imported passage, whatever the scores: for "what is self harm" our
   safe-messaging-checked self-injury topic answers, not a collection's record about the
   same focus. Scores themselves are unchanged; other questions rank exactly as before.

Plain Python: no Django import.
"""

from __future__ import annotations

import logging
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np
import Stemmer

from symptomdb.answering.passages import Passage
from symptomdb.answering.ranker import FEATURES, Ranker, load_rankers
from symptomdb.answering.rough import RoughCopy
from symptomdb.answering.semantic import Encoder, section_views

# bm25s sets its own logger to DEBUG on import, so every index build printed "Building index
# from tokens" on the console of `ask`, `setup` and the server; its warnings still show.
logging.getLogger("bm25s").setLevel(logging.WARNING)

__all__ = ["AnswerIndex", "Candidates", "Focus", "Hit"]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STEMMER = Stemmer.Stemmer("english")
# Short, frequent words carry no topic; kept small on purpose (questions are short).
_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "hi",
        "hello",
        "dear",
        "thanks",
        "thank",
        "please",
        "regards",
        "sincerely",
        "question",
        "questions",
        "know",
        "want",
        "help",
        "im",
        "ive",
        "id",
        "dont",
        "get",
        "got",
        "also",
        "would",
        "like",
        "one",
    ]
)


def tokens(text: str) -> list[str]:
    """Lower-cased, stop-worded, stemmed word tokens."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
    return list(_STEMMER.stemWords(words))


def _name_key(name: str) -> tuple[str, ...]:
    name = re.sub(r"\([^)]*\)", " ", name)  # "Attention deficit (ADHD)" -> "Attention deficit"
    return tuple(_STEMMER.stemWords(_WORD.findall(name.lower())))


_QUALIFIER = re.compile(r"\s+-\s+|,\s+")


def _short_names(focus: str) -> list[tuple[str, ...]]:
    """Shorter names for a focus: the part before " - " or ", " and, for names of three or
    more words, the last two ("isolated sleep paralysis" → "sleep paralysis")."""
    out = []
    head = _QUALIFIER.split(focus, maxsplit=1)[0]
    for name in {head, focus}:
        key = _name_key(name)
        if name != focus and key and (len(key) > 1 or len(key[0]) > 3):
            out.append(key)
        if len(key) >= 3 and all(len(w) > 2 and w not in _STOP for w in key[-2:]):
            out.append(key[-2:])
    return out


# Kinds that answer a question of another kind in part: MedQuAD has no "coping" pairs, but
# its treatment pairs say what a person can do; half the type bonus.
RELATED_KINDS: dict[str, tuple[str, ...]] = {
    "coping": ("treatment",),
    "helping-others": ("support", "coping"),
    "seek-help": ("treatment", "symptoms"),
    "complications": ("outlook",),
    "outlook": ("complications",),
    "genetics": ("causes",),
    # Topics without these sections (and MedQuAD, which has none) answer them in part from
    # the nearest kind: when to get help, treatment, diagnosis.
    "injury-care": ("seek-help",),
    "scars": ("injury-care", "treatment"),
    "assessment": ("exams-and-tests", "treatment"),
    "inpatient-care": ("treatment",),
}


@dataclass(frozen=True)
class Hit:
    """A ranked passage with its score and why it matched."""

    passage: Passage
    score: float
    focus_matched: bool
    kind_matched: bool
    similarity: float = 0.0  # MiniLM cosine to the question (0 without semantic ranking)
    words_matched: bool = False  # the question shares a word with its question or text
    term_matched: bool = False  # the question names one of its items ("DBT"), not its focus


SEMANTIC_WORDS = 24
# The similarity search reads a rough copy of the vectors first (``rough.RoughCopy``: their
# first ``ROUGH_DIMENSIONS`` principal directions in int8, a twelfth of the bytes, so the copy
# stays in the processor's cache), and computes the exact similarity only for the rows of
# the ``SHORTLIST`` rows that the rough copy finds closest, and for every other candidate.
# Chosen on the 377 training questions: 1,000 rows (2.0 ms a question) gave avgScore 1.302,
# reading every vector 1.294; 4,000 rows (3.7 ms) gave exactly the full read's figures.
# The int8 copy (2026-12-07) gives the float copy's figures exactly: 1.302 on training.
ROUGH_DIMENSIONS = 128
SHORTLIST = 1000
# How many passages each list contributes to the candidates, and the constant of the
# reciprocal-rank features (Cormack et al. 2009).
POOL = 300
RRF_K = 60
# Added to the rank (never to the reported score) of a named sensitive topic's sections:
# larger than any score, so they lead (see step 6 above).
SENSITIVE_FIRST = 1000.0


class Focus(dict[int, float]):
    """What a question names: passage index → strength (``focus_matches``), the passages
    whose items' terms it names (``named_items``), and those named only through such a term
    (``by_term``), which count as named for
    ranking but never lift a sensitive topic to the top: "does CBT work for anxiety" is about
    anxiety, not about every topic whose treatment section lists CBT."""

    def __init__(
        self,
        strengths: dict[int, float],
        by_term: frozenset[int] = frozenset(),
        named_items: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(strengths)
        self.by_term = by_term
        self.named_items = named_items  # passages one of whose items' terms the question names


@dataclass(frozen=True)
class Candidates:
    """The passages considered for one question and their features (one row each)."""

    ids: np.ndarray
    matrix: np.ndarray
    focus: np.ndarray
    kind_matched: np.ndarray
    by_term: np.ndarray  # named only through an item's term


def _rrf(ids: np.ndarray, top: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """60 / (60 + rank) in the list ``top`` (passage indices, ascending; ``scores`` are theirs,
    in the same order) for each of ``ids`` (sorted; it holds every index in ``top``), 0 for
    the rest."""
    out = np.zeros(len(ids), dtype=np.float64)
    if len(top):
        # Best first; ties by index, as a stable sort of the ascending indices gives.
        ranked = top[np.argsort(-scores, kind="stable")]
        out[np.searchsorted(ids, ranked)] = RRF_K / (RRF_K + 1.0 + np.arange(len(ranked)))
    return out


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices (ascending) of the ``k`` highest positive scores (a partial sort among the
    positive ones only: most passages share no word with a question, so BM25 has few)."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) <= k:
        return positive
    best = np.argpartition(scores[positive], len(positive) - k)[len(positive) - k :]
    found: np.ndarray = np.sort(positive[best])
    return found


class AnswerIndex:
    """Search over passages; build once, query many times (thread-safe for reads)."""

    def __init__(
        self,
        passages: Sequence[Passage],
        ranker: Ranker | None = None,
        encoder: Encoder | None = None,
        vectors: np.ndarray | None = None,
    ) -> None:
        """Build the index.

        Args:
            passages: what to search.
            ranker: how features combine; the shipped semantic ranker when vectors are given,
                the lexical one otherwise.
            encoder: optional sentence encoder for semantic ranking (see ``semantic.py``).
            vectors: the passages' question vectors from that encoder, one row per passage.
                Semantic ranking is on only when both are given.
        """
        self.passages = list(passages)
        views = section_views(self.passages) if encoder is not None and vectors is not None else []
        if (
            encoder is not None
            and vectors is not None
            and len(vectors) != len(self.passages) + len(views)
        ):
            also = f" and {len(views)} sentences of our sections" if views else ""
            raise ValueError(f"{len(vectors)} vectors for {len(self.passages)} passages{also}")
        # Which passage each vector after the first len(passages) belongs to (``section_views``).
        self._view_owner = np.array([i for i, _ in views], dtype=np.int64)
        self._encoder = encoder if vectors is not None else None
        # A plain array over the same memory: a ``np.memmap``'s own indexing costs about a
        # millisecond more per question than an ndarray's, for the same pages.
        self._vectors = np.asarray(vectors) if encoder is not None and vectors is not None else None
        if self._vectors is not None:
            self._prepare_rough(self._vectors)
        self.ranker = ranker or load_rankers()["semantic" if self._encoder else "lexical"]
        # bm25s needs a corpus; an empty site gets one placeholder document that never matches.
        question_docs = [
            tokens(" ".join((p.focus, *p.synonyms, p.question))) or ["_"] for p in self.passages
        ] or [["_"]]
        answer_docs = [tokens(p.text[:2000]) or ["_"] for p in self.passages] or [["_"]]
        self._question_bm25 = bm25s.BM25()
        self._question_bm25.index(question_docs, show_progress=False)
        self._answer_bm25 = bm25s.BM25()
        self._answer_bm25.index(answer_docs, show_progress=False)
        # In how many passages' texts each word is (bm25s keeps one column per word).
        self._answer_df = np.diff(self._answer_bm25.scores["indptr"])
        # Per-passage signals as arrays, so ranking a pool of candidates is vector arithmetic.
        self._kind_code = {kind: n for n, kind in enumerate(sorted({p.kind for p in passages}))}
        self._kinds = np.array([self._kind_code[p.kind] for p in self.passages], dtype=np.int32)
        self._no_text = np.array([not p.text for p in self.passages], dtype=np.float64)
        self._plain = np.array([p.plain_language for p in self.passages], dtype=np.float64)
        self._sensitive = np.array(
            [p.origin == "topic" and p.sensitive for p in self.passages], dtype=bool
        )
        self._by_name: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self._is_focus: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for i, p in enumerate(self.passages):
            for j, name in enumerate((p.focus, *p.synonyms)):
                key = _name_key(name)
                # One short word is too often an ordinary word to be a name ("pad", "aid"),
                # except an abbreviation our editors gave a topic ("BPD", "GAD").
                if key and (
                    len(key) > 1 or len(key[0]) > 3 or (p.origin == "topic" and name.isupper())
                ):
                    self._by_name[key].add(i)
                    if j == 0:
                        self._is_focus[key].add(i)
        # Shorter names readers use for a longer focus: "Syphilis - primary" is "syphilis",
        # "Isolated sleep paralysis" is "sleep paralysis". Only where the shorter name is not
        # already some focus's own name, which stays the better match.
        self._alias: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for i, p in enumerate(self.passages):
            for key in _short_names(p.focus):
                if key not in self._by_name:
                    self._alias[key].add(i)
        for key, ids in self._alias.items():
            self._by_name[key] |= ids
        # Items' terms ("Dialectical behaviour therapy", "DBT"): matched like names, weaker,
        # and never the question's main focus when it names a focus too. Abbreviations of
        # three capitals count although focus names need four letters.
        self._terms: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for i, p in enumerate(self.passages):
            for term in p.terms:
                key = _name_key(term)
                if key and (len(key) > 1 or len(key[0]) > 3 or term.isupper()):
                    self._terms[key].add(i)
        # How general a name is: in how many different focuses its words appear. "pain" or
        # "test" name hundreds of focuses and say little; "hantavirus" names one.
        focus_words: dict[str, int] = defaultdict(int)
        for focus in {_name_key(p.focus) for p in self.passages}:
            for word in set(focus):
                focus_words[word] += 1
        every_name = self._by_name.keys() | self._terms.keys()
        self._generality = {key: min(focus_words.get(w, 1) for w in key) for key in every_name}
        self._max_name = max((len(k) for k in every_name), default=1)
        vocabulary = {w for key in every_name for w in key}
        self._vocabulary = vocabulary
        self._deletes: dict[str, set[str]] = defaultdict(set)
        for word in vocabulary:
            if len(word) >= 5:
                for j in range(len(word)):
                    self._deletes[word[:j] + word[j + 1 :]].add(word)
        # Words the collection itself uses are spelled right and are never "corrected" into a
        # focus name ("please" is not PLEVA, "obtain" is not betaine).
        seen: dict[str, int] = defaultdict(int)
        for p in self.passages:
            for word in set(_WORD.findall(f"{p.question} {p.text[:2000]}".lower())):
                seen[word] += 1
        self._known = {w for w, n in seen.items() if n >= 3} | _STOP

    def rarity(self, word: str) -> float:
        """A stemmed word's inverse document frequency over the passages' texts (for
        choosing an answer's lead sentences); an unknown word is as rare as can be."""
        column = self._answer_bm25.vocab_dict.get(word)
        documents = len(self.passages) or 1
        found = 0 if column is None else int(self._answer_df[column])
        return math.log(1 + documents / (1 + found))

    @property
    def semantic(self) -> bool:
        """True when semantic ranking is on."""
        return self._encoder is not None

    def __len__(self) -> int:
        return len(self.passages)

    def _correct(self, word: str) -> str:
        """The focus-vocabulary word one edit away from ``word`` (misspellings), else ``word``."""
        if word in self._vocabulary or len(word) < 5:
            return word
        candidates = set(self._deletes.get(word, ()))  # a letter too many
        for j in range(len(word)):
            shorter = word[:j] + word[j + 1 :]
            if shorter in self._vocabulary:
                candidates.add(shorter)  # a letter missing from the vocabulary word
            candidates |= self._deletes.get(shorter, set())  # a letter changed
        return (
            min(candidates)
            if len(candidates) == 1
            else (sorted(candidates)[0] if candidates else word)
        )

    def focus_matches(self, question: str) -> tuple[Focus, list[str]]:
        """Passages whose focus (or a synonym, or an item's term) is named in the question,
        with how strongly (specific names, names that are the focus itself, and names early
        in the question count more), and the names found."""
        raw = _WORD.findall(question.lower())
        words = [
            w if r in self._known else self._correct(w)
            for r, w in zip(raw, _STEMMER.stemWords(raw), strict=True)
        ]
        found: list[tuple[int, int]] = []
        for size in range(min(self._max_name, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                key = tuple(words[start : start + size])
                if (key in self._by_name or key in self._terms) and not any(
                    s <= start and start + size <= e for s, e in found
                ):
                    found.append((start, start + size))
        matched: dict[int, float] = {}
        names = []
        scored = []
        for start, end in sorted(found):
            key = tuple(words[start:end])
            if len(key) == 1 and key[0] in _STOP:
                continue
            specificity = 1.0 / (1.0 + math.log2(self._generality.get(key, 1)))
            early = 1.0 if start < 12 else 0.7
            scored.append((specificity * early * (1 + 0.2 * (len(key) - 1)), key))
            names.append(" ".join(key))
        # The most specific, earliest name is the question's focus; other names found in
        # the question (a drug mentioned in passing, "doctor", "test") count for less. An
        # item's term is the focus only when the question names no focus or synonym.
        named = [strength for strength, key in scored if key in self._by_name]
        best = max(named or [strength for strength, _ in scored], default=0.0)
        through_names: set[int] = set()
        through_terms: set[int] = set()
        for strength, key in scored:
            weight = 1.0 if strength == best else 0.35
            for i in self._by_name.get(key, ()):
                own = i in self._is_focus[key] or i in self._alias.get(key, ())
                value = weight * (1.0 if own else 0.8)
                matched[i] = max(matched.get(i, 0.0), value)
                through_names.add(i)
            for i in self._terms.get(key, ()):
                matched[i] = max(matched.get(i, 0.0), weight * 0.8)
                through_terms.add(i)
        by_term = frozenset(matched.keys() - through_names)
        return Focus(matched, by_term, frozenset(through_terms)), names

    def _prepare_rough(self, vectors: np.ndarray) -> None:
        """The rough copy of the vectors (``ROUGH_DIMENSIONS`` principal directions, fitted on
        these vectors, in int8) and, for each passage, its rows: its own, then its
        sentences'."""
        n = len(self.passages)
        self._row_owner = np.concatenate([np.arange(n, dtype=np.int64), self._view_owner])
        order = np.argsort(self._view_owner, kind="stable")
        self._view_rows = n + order
        self._view_start = np.searchsorted(self._view_owner[order], np.arange(n + 1))
        self._rough = RoughCopy(vectors, ROUGH_DIMENSIONS)

    def _question_vector(self, question: str) -> np.ndarray:
        """The question as one unit vector: its first ``SEMANTIC_WORDS`` words (the model
        reads at most 256 word pieces, and a long message's subject and opening say what it
        is about). One run of the model per question."""
        assert self._encoder is not None
        vector: np.ndarray = self._encoder.encode([" ".join(question.split()[:SEMANTIC_WORDS])])[0]
        return vector

    def _exact(self, ids: np.ndarray, vector: np.ndarray) -> np.ndarray:
        """Cosine similarity of each passage in ``ids`` to the question: one of our sections
        is as close as its closest sentence (``section_views``)."""
        assert self._vectors is not None
        starts, ends = self._view_start[ids], self._view_start[ids + 1]
        has = np.flatnonzero(ends > starts)
        rows = [ids, *(self._view_rows[starts[j] : ends[j]] for j in has)]
        every = self._vectors[np.concatenate(rows)] @ vector
        similarities: np.ndarray = every[: len(ids)].astype(np.float64)
        at = len(ids)
        for j in has:
            width = int(ends[j] - starts[j])
            similarities[j] = max(similarities[j], float(every[at : at + width].max()))
            at += width
        return similarities

    def _closest(self, vector: np.ndarray, pool_size: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``pool_size`` passages closest to the question (ascending indices, positive
        similarity only) and their exact similarities: the rough copy shortlists, the exact
        vectors decide."""
        rows = (
            _top(self._rough.scores(vector), SHORTLIST)
            if len(self._rough) > SHORTLIST
            else np.arange(len(self._rough))
        )
        shortlisted = np.unique(self._row_owner[rows])
        similarities = self._exact(shortlisted, vector)
        keep = _top(similarities, pool_size)
        return shortlisted[keep], similarities[keep]

    def candidates(
        self,
        question: str,
        kinds: Sequence[str],
        focus: dict[int, float] | None = None,
        pool_size: int = POOL,
    ) -> Candidates:
        """The candidates for a question and their features (``ranker.FEATURES`` columns).

        Args:
            question: the consumer's question (already reduced to what is asked).
            kinds: the question types, in our section vocabulary.
            focus: ``focus_matches(question)[0]`` when the caller has it already.
            pool_size: how many passages each ranked list contributes.
        """
        query = tokens(question)
        focus_ids = self.focus_matches(question)[0] if focus is None else focus
        by_term: frozenset[int] = getattr(focus_ids, "by_term", frozenset())
        if query:
            q_scores = self._question_bm25.get_scores(query)
            a_scores = self._answer_bm25.get_scores(query)
        else:
            q_scores = a_scores = np.zeros(len(self.passages), dtype=np.float32)
        q_top, a_top = _top(q_scores, pool_size), _top(a_scores, pool_size)
        s_top = np.zeros(0, dtype=np.int64)
        s_scores = np.zeros(0, dtype=np.float64)
        vector = None
        if self._encoder is not None and self._vectors is not None:
            vector = self._question_vector(question)
            s_top, s_scores = self._closest(vector, pool_size)
        named = np.fromiter(focus_ids, dtype=np.int64, count=len(focus_ids))
        ids = np.unique(np.concatenate([q_top, a_top, s_top, named]).astype(np.int64))
        wanted = [self._kind_code[k] for k in kinds if k in self._kind_code]
        partly = [
            self._kind_code[r]
            for k in kinds
            for r in RELATED_KINDS.get(k, ())
            if r in self._kind_code and r not in kinds
        ]
        kind_of = self._kinds[ids]
        # The named passages' rows (every named passage is a candidate; ``ids`` is sorted).
        rows = np.searchsorted(ids, named)
        strength = np.zeros(len(ids), dtype=np.float64)
        strength[rows] = np.fromiter(focus_ids.values(), dtype=np.float64, count=len(named))
        term_only = np.zeros(len(ids), dtype=bool)
        term_only[rows] = np.fromiter(
            (i in by_term for i in focus_ids), dtype=bool, count=len(named)
        )
        kind_hit = np.isin(kind_of, wanted)
        sim = self._exact(ids, vector) if vector is not None else np.zeros(len(ids))
        columns = {
            "question_bm25": q_scores[ids] / (float(q_scores.max()) or 1.0),
            "answer_bm25": a_scores[ids] / (float(a_scores.max()) or 1.0),
            "question_bm25_rrf": _rrf(ids, q_top, q_scores[q_top]),
            "semantic": sim,
            "semantic_gap": sim - (float(sim.max()) if len(sim) else 0.0),
            "semantic_rrf": _rrf(ids, s_top, s_scores),
            "focus": strength,
            "kind": kind_hit.astype(np.float64),
            "kind_related": (~kind_hit & np.isin(kind_of, partly)).astype(np.float64),
            "focus_and_kind": strength * kind_hit,
            "plain_language": self._plain[ids],
            "no_text": self._no_text[ids],
        }
        matrix = np.column_stack([np.asarray(columns[f], dtype=np.float64) for f in FEATURES])
        return Candidates(
            ids,
            matrix.reshape(len(ids), len(FEATURES)),
            strength,
            kind_hit,
            term_only,
        )

    def find(self, query: str, kinds: Sequence[str], k: int = 10) -> list[Hit]:
        """Search results for a search box: ranked as ``search`` does, keeping only passages
        that share a word with the query, are about something it names, or are close to it in
        meaning (the ranker's similarity bar); a query of nonsense finds nothing."""
        return [
            h
            for h in self.search(query, kinds, k)
            if h.words_matched or h.focus_matched or h.similarity >= self.ranker.min_similarity
        ]

    def search(
        self,
        question: str,
        kinds: Sequence[str],
        k: int = 10,
        focus: dict[int, float] | None = None,
    ) -> list[Hit]:
        """Rank passages for a question.

        Args:
            question: the consumer's question (already reduced to what is asked).
            kinds: the question types, in our section vocabulary.
            k: how many hits to return.
            focus: ``focus_matches(question)[0]`` when the caller has it already.

        Returns:
            Up to ``k`` hits, best first (ties broken by passage id, so runs repeat exactly).
        """
        if not self.passages:
            return []
        found = self.candidates(question, kinds, focus)
        if not len(found.ids):
            return []
        score = self.ranker.score(found.matrix)
        # Sections of a sensitive topic of ours that the question names come first.
        first = self._sensitive[found.ids] & (found.focus > 0) & ~found.by_term
        rank = score + np.where(first, SENSITIVE_FIRST, 0.0)
        if len(rank) > k:
            cut = np.partition(rank, len(rank) - k)[len(rank) - k]
            keep = np.flatnonzero(rank >= cut)
        else:
            keep = np.arange(len(rank))
        ids = found.ids
        ranked = sorted(keep, key=lambda j: (-rank[j], self.passages[int(ids[j])].id))
        return [
            Hit(
                self.passages[int(ids[j])],
                float(score[j]),
                bool(found.focus[j] > 0 and not found.by_term[j]),
                bool(found.kind_matched[j]),
                float(found.matrix[j, FEATURES.index("semantic")]),
                bool(
                    found.matrix[j, FEATURES.index("question_bm25")] > 0
                    or found.matrix[j, FEATURES.index("answer_bm25")] > 0
                ),
                bool(found.by_term[j]),
            )
            for j in ranked[:k]
        ]
