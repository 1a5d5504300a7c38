"""Fit the crisis model on the bank, choose its mix and thresholds, and write the model file.

    python -m symptomdb.safety.training [--bank FILE] [--out FILE] [--classifier FILE]

Steps, all on training data and nothing else: the bank (``data/crisis_bank.jsonl``) and,
where the evaluation data sits beside the checkout, the LiveQA-Med **training** questions —
445 real consumer health questions, read in place as ordinary texts (``consumer_questions``;
``--bank-only`` leaves them out).

1. Split those rows once: 80% to fit, 20% to choose with (``split_bank``: stratified by
   level, seed 13). The fine-tuned classifier (``finetune.py``) was trained on the same 80%.
2. Fit the n-gram heads and the n-gram language head (English or not) on the 80%.
3. Score the 20% exactly as the screen does (windows; up to four read closely;
   ``crisis_model.combine``) for every mix of the two models on a grid of tenths (a weighted
   mean of their log-odds).
4. Route each held-out text: English (the n-grams' language head is at least 70% sure) or
   other.
5. For each route and mix, the "at least crisis" threshold is set so that 98% of the
   route's held-out crisis and emergency texts reach crisis or above (rules included, as in
   use); "emergency" so that 95% of its emergency texts are emergency; "at least concern" so
   that ordinary texts raised to concern add at most 5 points to the false alarms
   (``_concern_threshold``). Per route, the mix with the fewest false alarms wins.

Blind evaluation sets are never read here. Plain Python: no Django import. Needs
scikit-learn (a dependency of the default install).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from symptomdb.safety.crisis_model import (
    HEADS,
    MODEL_FILE,
    ROUTES,
    SENTENCE_END,
    CrisisModel,
    HeadScorer,
    NgramFeatures,
    combine,
    decide_level,
    top_windows,
)
from symptomdb.safety.crisis_rules import fold, rule_hits

__all__ = [
    "BANK_FILE",
    "LEVELS",
    "consumer_questions",
    "embedded_risk",
    "figures",
    "load_bank",
    "main",
    "noise_rows",
    "split_bank",
    "train",
    "training_rows",
]

BANK_FILE = Path(__file__).resolve().parent / "data" / "crisis_bank.jsonl"
# Real consumer health questions (LiveQA-Med training questions), read in place when the
# evaluation data sits beside the checkout; used as ordinary ("none") texts only.
LIVEQA_TRAIN = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "liveqa-med" / "train"
)
# A LiveQA question that names the subject is left out rather than assumed ordinary.
_SUBJECT_WORDS = re.compile(
    r"suicid|self[- ]?harm|self[- ]?injur|overdos|kill (?:my|him|her|them)sel|want(?:ed)? to die|"
    r"end (?:my|his|her) life|cutting (?:my|him|her)sel|hurt(?:ing)? (?:my|him|her)sel",
    re.IGNORECASE,
)
LEVELS = ("none", "concern", "crisis", "emergency")
RECALL_CRISIS = 0.98
RECALL_EMERGENCY = 0.95
SOFT_ALARM_MARGIN = 0.05
NGRAM_C = 8.0
LANGUAGE_C = 4.0
# A text takes the English route only when the language head gives it at least this chance
# of being English; unsure texts take the other route.
ROUTE_CONFIDENCE = 0.7
SEED = 13
# Training texts of a short risk sentence inside a long ordinary message (``embedded_risk``).
EMBEDDED = 1000
# Texts of no words (``noise_rows``), as ordinary texts.
NOISE = 300
# The gate sits at this share of the quietest held-out crisis text's n-gram score: a wide
# margin for crisis texts quieter than any in the bank (a text below it is scored by the
# n-grams alone). At 0.8 the bank of 2026-12-07 put the gate at 0.089 and let half the
# ordinary texts skip the classifier, too close to the crisis texts for a screen whose misses
# are the worst bug; a quarter keeps it near where it was (0.028; 27% skip).
GATE_MARGIN = 0.25
# Mixes tried: shares of (n-grams, classifier) in tenths.
MIXES = tuple((a / 10, (10 - a) / 10) for a in range(11))


def load_bank(path: Path = BANK_FILE) -> list[dict[str, str]]:
    """The bank's rows; a bad line raises ValueError naming the file, line and field."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from error
        for field in ("text", "level"):
            if not isinstance(row.get(field), str) or not row[field].strip():
                raise ValueError(f"{path}:{number}: field `{field}` is missing or empty")
        if row["level"] not in LEVELS:
            raise ValueError(f"{path}:{number}: field `level`: {row['level']!r} is not a level")
        rows.append(row)
    return rows


def consumer_questions(folder: Path = LIVEQA_TRAIN, pattern: str = "*.xml") -> list[dict[str, str]]:
    """LiveQA-Med training questions as ordinary texts, or [] when the data is not there.

    Each is its subject and message as the consumer wrote them. Questions that name
    self-harm, suicide or an overdose are left out (their level would need a reader's
    judgment). The text is read from ``../shared/data`` and never written anywhere.
    """
    rows: list[dict[str, str]] = []
    for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
        for question in ET.parse(path).getroot().iter("NLM-QUESTION"):
            subject = (question.findtext(".//SUBJECT") or "").strip()
            message = (question.findtext(".//MESSAGE") or "").strip()
            text = f"{subject}\n{message}".strip()
            if text and not _SUBJECT_WORDS.search(text):
                rows.append(
                    {
                        "text": text,
                        "level": "none",
                        "category": "health-question",
                        "language": "en",
                        "source": "liveqa-med-train",
                    }
                )
    return rows


def noise_rows(count: int = NOISE, seed: int = SEED) -> list[dict[str, str]]:
    """Ordinary texts that are no words at all: keyboard mashes, test strings and letters at
    random (seeded), as readers type into a search box or a comment to see what happens.

    Added on 2026-12-07 after the classifier fine-tuned on windows put a five-letter mash
    typed into the search box at emergency: the bank had almost no text without words, and
    the other route's thresholds are low.
    """
    import random
    import string

    chosen = random.Random(seed)
    rows = []
    rows_of_keys = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
    for number in range(count):
        kind = number % 4
        length = chosen.randint(2, 14)
        if kind == 0:  # letters at random
            text = "".join(chosen.choice(string.ascii_lowercase) for _ in range(length))
        elif kind == 1:  # a run along one row of the keyboard
            row = chosen.choice(rows_of_keys)
            start = chosen.randrange(len(row))
            text = "".join(row[(start + i) % len(row)] for i in range(length))
        elif kind == 2:  # letters and digits, some capitals
            pool = string.ascii_letters + string.digits
            text = "".join(chosen.choice(pool) for _ in range(length))
        else:  # two or three short mashes
            text = " ".join(
                "".join(chosen.choice(string.ascii_lowercase) for _ in range(chosen.randint(2, 6)))
                for _ in range(chosen.randint(2, 3))
            )
        rows.append(
            {
                "text": text,
                "level": "none",
                "category": "noise",
                "language": "und",
                "source": "noise",
            }
        )
    return rows


def training_rows(bank: Path = BANK_FILE, *, consumer: bool = True) -> list[dict[str, str]]:
    """What the model is fitted and chosen on: the bank, (``consumer``, the default) the
    LiveQA-Med training questions as ordinary texts where the data sits beside the checkout,
    and texts of no words (``noise_rows``).

    The consumer questions were added on 2026-12-06 after the bank-only model raised 25% of
    real consumer questions (LiveQA-Med dev) to some level; with them, none of the 47 dev
    questions is raised. docs/safety.md, "What was tried", gives both models' figures.
    """
    return [*load_bank(bank), *(consumer_questions() if consumer else []), *noise_rows()]


def embedded_risk(
    rows: Sequence[dict[str, str]], fit: np.ndarray, count: int = EMBEDDED, seed: int = SEED
) -> list[dict[str, str]]:
    """Training texts made from the fitting part alone: a short text put at a random
    sentence end of a long ordinary message in the same language (or any long one where the
    language has none), labelled with the short text's level — ``count`` with a crisis or
    emergency text, and ``count`` with an ordinary one (an idiom, a negation, a question).

    A reader may write a long, ordinary story with one line of despair in it. Without the
    first kind the classifier, reading a window of a long story, let such a sentence drown
    in it (on the held-out fifth such texts reached crisis 42–78% of the time); with the
    first kind alone it learned that any sharp sentence in a story is risk and raised far
    more ordinary long messages (false alarms 0.130 against 0.074). The second kind is the
    contrast: "I could have died of shame" inside a story is still ordinary.
    """
    import random

    chosen = random.Random(seed)
    longs = [rows[i] for i in fit if rows[i]["level"] == "none" and len(rows[i]["text"]) > 400]
    shorts = {
        kind: [
            rows[i]
            for i in fit
            if rows[i]["level"] in levels
            and len(rows[i]["text"]) < 160
            and rows[i].get("source") != "liveqa-med-train"
        ]
        for kind, levels in (("risk", ("crisis", "emergency")), ("ordinary", ("none",)))
    }
    if not longs or not shorts["risk"] or not shorts["ordinary"]:
        return []
    by_language: dict[str, list[dict[str, str]]] = {}
    for row in longs:
        by_language.setdefault(row.get("language", "en"), []).append(row)
    out = []
    for kind in ("risk", "ordinary"):
        for _ in range(count):
            short = chosen.choice(shorts[kind])
            story = chosen.choice(by_language.get(short.get("language", "en")) or longs)
            sentences = [x.strip() for x in SENTENCE_END.split(story["text"]) if x.strip()]
            at = chosen.randint(0, len(sentences))
            text = " ".join([*sentences[:at], short["text"].strip(), *sentences[at:]])
            out.append(
                {
                    "text": text,
                    "level": short["level"],
                    "category": f"embedded-{kind}",
                    "language": short.get("language", "en"),
                    "source": "embedded",
                }
            )
    return out


def split_bank(gold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the 80% to fit on and the 20% to choose with (stratified, fixed seed)."""
    from sklearn.model_selection import StratifiedShuffleSplit

    splitter = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    fit, hold = next(splitter.split(np.zeros(len(gold)), gold))
    return fit, hold


def _fit_heads(x: Any, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    coefs, biases = [], []
    for head in range(len(HEADS)):
        target = (y >= head + 1).astype(int)
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
        model.fit(x, target)
        coefs.append(model.coef_[0])
        biases.append(model.intercept_[0])
    return np.vstack(coefs).astype(np.float32), np.asarray(biases)


def _params(
    ngram: tuple[np.ndarray, np.ndarray],
    language: tuple[np.ndarray, float],
    weights: Sequence[Sequence[float]],
    thresholds: Sequence[Sequence[float]],
    meta: dict[str, Any],
    gate: float = 0.0,
) -> dict[str, np.ndarray]:
    return {
        "gate": np.asarray(gate, dtype=np.float64),
        "ngram_coef": ngram[0],
        "ngram_bias": ngram[1],
        "language_coef": language[0],
        "language_bias": np.asarray(language[1], dtype=np.float64),
        "route_confidence": np.asarray(ROUTE_CONFIDENCE, dtype=np.float64),
        "weights": np.asarray(weights, dtype=np.float64),
        "thresholds": np.asarray(thresholds, dtype=np.float64),
        "meta": np.asarray(json.dumps(meta)),
    }


def _threshold_for_recall(scores: np.ndarray, positive: np.ndarray, recall: float) -> float:
    """The highest threshold at which ``recall`` of the positives score at or above it."""
    values = np.sort(scores[positive])
    if len(values) == 0:
        return 0.5
    index = int(np.floor((1.0 - recall) * len(values)))
    return float(values[min(index, len(values) - 1)])


def figures(levels: np.ndarray, gold: np.ndarray) -> dict[str, float | None]:
    """Recall, emergency recall, false and soft alarms, ordinary texts put at emergency (their
    answer withheld: the costliest false alarm), the share of concern texts screened at
    concern or above, and exact agreement (levels 0–3)."""

    def share(mask: np.ndarray, hit: np.ndarray) -> float | None:
        return round(float(np.mean(hit[mask])), 4) if mask.any() else None

    return {
        "recall_crisis_or_above": share(gold >= 2, levels >= 2),
        "recall_emergency": share(gold == 3, levels == 3),
        "false_alarm": share(gold == 0, levels >= 2),
        "soft_alarm": share(gold == 0, levels >= 1),
        "ordinary_at_emergency": share(gold == 0, levels == 3),
        "concern_reached": share(gold == 1, levels >= 1),
        "exact": share(gold >= 0, levels == gold),
    }


def _levels(p: np.ndarray, thresholds: Sequence[float], rules: np.ndarray) -> np.ndarray:
    return np.asarray(
        [
            decide_level(p[i, 0], max(p[i, 1], p[i, 2]), p[i, 2], thresholds, bool(rules[i]))
            for i in range(len(p))
        ]
    )


def _concern_threshold(concern: np.ndarray, at_crisis: np.ndarray, none: np.ndarray) -> float:
    """The lowest "at least concern" threshold at which the ordinary texts screened at
    concern or above are at most ``SOFT_ALARM_MARGIN`` more than those at crisis or above.

    Counted over the union: a text at crisis is already an alarm, so only ordinary texts
    below crisis use the margin up."""
    if not none.any():
        return 0.5
    total = int(none.sum())
    raised = int((at_crisis & none).sum())
    room = int(np.floor((raised / total + SOFT_ALARM_MARGIN) * total + 1e-9)) - raised
    below = np.sort(concern[none & ~at_crisis])[::-1]  # the ordinary texts not yet raised
    if room >= len(below):
        return float(below[-1]) if len(below) else 0.5
    # Strictly above the first text that may not be raised (ties stay below with it).
    return float(np.nextafter(below[max(room, 0)], np.inf))


def _choose(
    p: np.ndarray, gold: np.ndarray, rules: np.ndarray
) -> tuple[tuple[float, float, float], dict[str, float | None], np.ndarray]:
    crisis_score = np.maximum(p[:, 1], p[:, 2])
    t_crisis = _threshold_for_recall(crisis_score, (gold >= 2) & ~rules, RECALL_CRISIS)
    t_emergency = _threshold_for_recall(p[:, 2], (gold == 3) & ~rules, RECALL_EMERGENCY)
    t_concern = _concern_threshold(p[:, 0], (crisis_score >= t_crisis) | rules, gold == 0)
    thresholds = (t_concern, t_crisis, t_emergency)
    levels = _levels(p, thresholds, rules)
    return thresholds, figures(levels, gold), levels


def _fit_language(x: Any, rows: Sequence[dict[str, str]]) -> tuple[np.ndarray, float]:
    """A linear "is this English?" head on the n-gram features (code-mixes count as not)."""
    from sklearn.linear_model import LogisticRegression

    target = np.asarray([r.get("language", "en") == "en" for r in rows], dtype=int)
    model = LogisticRegression(C=LANGUAGE_C, max_iter=2000, solver="liblinear")
    model.fit(x, target)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def _mixed(
    pieces: Sequence[tuple[Any, ...]], mix: Sequence[float], gated: np.ndarray | None = None
) -> np.ndarray:
    out = []
    for k, (w, n, o, c) in enumerate(pieces):
        quiet = gated is not None and bool(gated[k])
        s = combine(w, n, o, None, mix) if quiet else combine(w, n, o, c, mix)
        out.append((s.concern, s.crisis, s.emergency))
    return np.asarray(out)


def _held_out_stories(
    rows: Sequence[dict[str, str]],
    hold: np.ndarray,
    params: dict[str, np.ndarray],
    classifier: HeadScorer | None,
) -> dict[str, float | int]:
    """The finished model on ``embedded_risk`` stories made from the held-out fifth alone
    (never fitted on): how many with a crisis or emergency sentence reach crisis, and how
    many with an ordinary sentence are raised to crisis. A figure, not a choice."""
    model = CrisisModel(params, classifier)
    made = embedded_risk(rows, hold, count=200, seed=SEED + 1)
    levels = []
    for row in made:
        scores = model.score(row["text"])
        rule = bool(rule_hits(fold(row["text"])))
        crisis = max(scores.crisis, scores.emergency)
        levels.append(
            decide_level(scores.concern, crisis, scores.emergency, scores.thresholds, rule)
        )
    got = np.asarray(levels)
    risky = np.asarray([r["level"] != "none" for r in made])
    return {
        "n": len(made),
        "recall_crisis_or_above": round(float(np.mean(got[risky] >= 2)), 4),
        "false_alarm": round(float(np.mean(got[~risky] >= 2)), 4),
    }


def train(
    rows: list[dict[str, str]], classifier: HeadScorer | None
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Fit on 80% of the bank; choose each route's mix and thresholds on the other 20%."""
    texts = [r["text"] for r in rows]
    gold = np.asarray([LEVELS.index(r["level"]) for r in rows])
    fit, hold = split_bank(gold)
    rules = np.asarray([bool(rule_hits(fold(texts[i]))) for i in hold])
    extra = embedded_risk(rows, fit)
    fitted = [rows[i] for i in fit] + extra
    x_ngram = NgramFeatures().transform([r["text"] for r in fitted])
    print(
        f"fitting the n-gram and language heads on 80% of the bank and {len(extra)} "
        "embedded-risk texts made from it",
        file=sys.stderr,
    )
    ngram = _fit_heads(x_ngram, np.asarray([LEVELS.index(r["level"]) for r in fitted]), NGRAM_C)
    language = _fit_language(x_ngram, fitted)

    model = CrisisModel(
        _params(ngram, language, ((1.0, 1.0),) * len(ROUTES), ((1.0, 1.0, 1.0),) * len(ROUTES), {}),
        classifier,
    )
    parts = {i: model.windows(texts[i]) for i in hold}
    pieces = []
    routes = []
    for i in hold:
        window_texts = [w.text for w in parts[i]]
        window_ngram, english = model.ngram_and_language(window_texts)
        routes.append(model.route(english))
        order = top_windows(window_ngram)
        chosen = [window_texts[j] for j in order]
        pieces.append((parts[i], window_ngram, order, model.classifier_scores(chosen)))
    held_gold = gold[hold]
    route_of = np.asarray(routes)
    held_rows = [rows[i] for i in hold]
    is_english = np.asarray([r.get("language", "en") == "en" for r in held_rows])

    mixes: list[tuple[float, float]] = []
    thresholds: list[tuple[float, float, float]] = []
    route_meta: dict[str, Any] = {}
    for route in ROUTES:
        mask = route_of == route
        sub = [p for p, m in zip(pieces, mask, strict=True) if m]
        choices = []
        for mix in MIXES:
            if classifier is None and mix[1] > 0:
                continue
            t, result, _ = _choose(_mixed(sub, mix), held_gold[mask], rules[mask])
            choices.append(
                (result["false_alarm"] or 0.0, -(result["exact"] or 0.0), mix, t, result)
            )
        choices.sort(key=lambda c: (c[0], c[1]))
        _, _, mix, t, result = choices[0]
        print(f"route {route}: {int(mask.sum())} texts, mix {mix}: {result}", file=sys.stderr)
        mixes.append(mix)
        thresholds.append(t)
        route_meta[route] = {
            "n": int(mask.sum()),
            "english_by_label": int((mask & is_english).sum()),
            "weights": dict(zip(("ngram", "classifier"), mix, strict=True)),
            "thresholds": dict(zip(HEADS, t, strict=True)),
            "held_out": result,
            "best_mixes": [{"mix": c[2], **c[4]} for c in choices[:3]],
        }

    # The gate: texts whose windows the n-grams all find quieter than every crisis or
    # emergency text of the held-out part skip the classifier.
    quiet = np.asarray([float(n[:, 0].max()) for _, n, _, _ in pieces])
    gate = float(quiet[held_gold >= 2].min()) * GATE_MARGIN
    gated = quiet < gate
    levels = np.zeros(len(hold), dtype=int)
    for k, route in enumerate(ROUTES):
        mask = route_of == route
        sub = [p for p, m in zip(pieces, mask, strict=True) if m]
        levels[mask] = _levels(_mixed(sub, mixes[k], gated[mask]), thresholds[k], rules[mask])
    result = figures(levels, held_gold)
    print(
        f"gate {gate:.4f}: {gated.mean():.0%} of held-out texts and "
        f"{gated[held_gold == 0].mean():.0%} of ordinary ones skip the classifier; "
        f"with the gate: {result}",
        file=sys.stderr,
    )

    stories = _held_out_stories(
        rows, hold, _params(ngram, language, mixes, thresholds, {}, gate), classifier
    )
    print(f"stories made from the held-out fifth: {stories}", file=sys.stderr)

    by_language: dict[str, dict[str, Any]] = {}
    for code in sorted({r.get("language", "en").split("-")[0] for r in held_rows}):
        mask = np.asarray([r.get("language", "en").split("-")[0] == code for r in held_rows])
        by_language[code] = {"n": int(mask.sum()), **figures(levels[mask], held_gold[mask])}
    meta = {
        "bank_size": sum(1 for r in rows if r.get("source") not in ("liveqa-med-train", "noise")),
        "noise_texts": sum(1 for r in rows if r.get("source") == "noise"),
        "consumer_questions": sum(1 for r in rows if r.get("source") == "liveqa-med-train"),
        "rows": len(rows),
        "bank_levels": dict(Counter(r["level"] for r in rows)),
        "fitted_on": len(fit),
        "chosen_on": len(hold),
        "routes": route_meta,
        "route_confidence": ROUTE_CONFIDENCE,
        "held_out": result,
        "gate": gate,
        "gated_share_of_held_out": round(float(gated.mean()), 4),
        "gated_share_of_held_out_none": round(float(gated[held_gold == 0].mean()), 4),
        "held_out_by_language": by_language,
        "held_out_stories": stories,
        "ngram_c": NGRAM_C,
        "language_c": LANGUAGE_C,
        "classifier": "multilingual-e5-small, six layers, fine-tuned five epochs on the same 80% "
        "(crisis_classifier.onnx, int8)",
    }
    return _params(ngram, language, mixes, thresholds, meta, gate), meta


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: train on the bank and write the model file; print the figures."""
    parser = argparse.ArgumentParser(description="Train the crisis model on the bank.")
    parser.add_argument("--bank", type=Path, default=BANK_FILE)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument(
        "--classifier", type=Path, default=None, help="a classifier file other than the shipped one"
    )
    parser.add_argument(
        "--bank-only", action="store_true", help="leave out the LiveQA-Med training questions"
    )
    args = parser.parse_args(argv)
    from symptomdb.safety.classifier import FineTunedClassifier, load_classifier

    rows = training_rows(args.bank, consumer=not args.bank_only)
    classifier = FineTunedClassifier(args.classifier) if args.classifier else load_classifier()
    params, meta = train(rows, classifier)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **params)  # type: ignore[arg-type]
    print(json.dumps(meta, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
