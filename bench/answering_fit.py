"""Fit the answering ranker on the LiveQA-Med training judgments; check it once on dev.

usage: python bench/answering_fit.py [--data ../shared/data] [--judgments var/judgments]
                                     [--write]

1. Builds the passages the bench scores (MedQuAD + starter topics) and the index with the
   shipped MiniLM vectors, and without them for the lexical fallback.
2. For every training question (weak judgments, ``bench/liveqa_judgments.py``): reduces the
   question as the site does, finds its types and focus, gathers the candidates and their
   features (``AnswerIndex.candidates``), and grades each MedQuAD candidate (unjudged = 0).
3. Chooses the regularisation and the feature set by 5-fold cross-validation over training
   questions (grouped by question: no question is in its own fold's training part); the
   train figures printed for the chosen ranker are those out-of-fold figures.
4. Fits the chosen ranker on all training questions; with ``--write`` saves both rankers
   (semantic and lexical) to ``symptomdb/answering/data/ranker.json``.
5. Scores dev once with the fitted rankers, for the report; dev chooses nothing.

Writes bench/results/answering_fit.md and .json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from answering import (  # noqa: E402  (bench/answering.py)
    Question,
    dev_set,
    medquad_passages,
    topic_passages,
    training_set,
)

from symptomdb.answering.index import AnswerIndex  # noqa: E402
from symptomdb.answering.metrics import Qrels, score_run  # noqa: E402
from symptomdb.answering.pipeline import reduce_question  # noqa: E402
from symptomdb.answering.question_types import question_types  # noqa: E402
from symptomdb.answering.ranker import (  # noqa: E402
    FEATURES,
    LEXICAL_FEATURES,
    RANKER_FILE,
    Ranker,
    fit_pairwise,
)
from symptomdb.answering.semantic import (  # noqa: E402
    encode_passages,
    load_encoder,
    passage_texts,
)

FOLDS = 5
K = 10
Group = tuple[str, np.ndarray, np.ndarray, list[str]]  # qid, features, grades, passage ids


def groups(index: AnswerIndex, questions: list[Question], qrels: Qrels) -> list[Group]:
    """Candidates, features and grades per question (MedQuAD candidates only: topics have
    no judgments)."""
    out = []
    medquad = np.array([p.origin == "medquad" for p in index.passages])
    for qid, subject, message in questions:
        asked = reduce_question(subject, message) or f"{subject} {message}"
        found = index.candidates(asked, question_types(asked))
        keep = medquad[found.ids]
        ids = [index.passages[int(i)].id for i in found.ids[keep]]
        judged = qrels.get(qid, {})
        grades = np.array([judged.get(i, 0) for i in ids], dtype=np.float64)
        out.append((qid, found.matrix[keep], grades, ids))
    return out


Top = tuple[float, float, float, float]  # first answer's score, grade, focus, similarity
FOCUS, SEMANTIC = FEATURES.index("focus"), FEATURES.index("semantic")


def run_of(
    ranker: Ranker, data: list[Group], tops: list[Top] | None = None
) -> dict[str, list[str]]:
    """Top 10 MedQuAD ids per question under ``ranker`` (ties by id, as the index breaks them);
    appends the first answer's (score, grade, focus, similarity) to ``tops`` when given."""
    run = {}
    for qid, matrix, grades, ids in data:
        if not ids:
            continue
        score = ranker.score(matrix)
        order = sorted(range(len(ids)), key=lambda j: (-score[j], ids[j]))
        run[qid] = [ids[j] for j in order[:K]]
        if tops is not None:
            best = order[0]
            row = matrix[best]
            tops.append((float(score[best]), float(grades[best]), row[FOCUS], row[SEMANTIC]))
    return run


# The confidence bar: the lowest first-answer score at which, out of fold on the training
# questions, at least this share of first answers at or above it are judged (Related or
# better). Below the bar the site says it has no good answer instead of showing noise.
BAR_PRECISION = 0.75


def confidence_bar(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """For (value, grade) of first answers: the lowest value at which at least
    ``BAR_PRECISION`` of the first answers at or above it are judged, the share of questions
    at or above it, and that share judged. (inf, 0, 0) when no value reaches the precision."""
    ordered = sorted(pairs, key=lambda t: -t[0])
    bar, answered, precision, judged = float("inf"), 0.0, 0.0, 0
    for n, (value, grade) in enumerate(ordered, start=1):
        judged += grade >= 2
        if judged / n >= BAR_PRECISION:
            bar, answered, precision = value, n / len(ordered), judged / n
    return bar, answered, precision


def figures(run: dict[str, list[str]], qrels: Qrels) -> dict[str, float]:
    strict, judged = score_run(run, qrels), score_run(run, qrels, judged_only=True)
    return {
        "questions": strict.questions,
        "avg_score": strict.avg_score,
        "judged_only_avg_score": judged.avg_score,
        "mrr_at_10": strict.mrr_at_10,
        "p_at_5": strict.p_at_5,
    }


def cross_validated(
    data: list[Group],
    qrels: Qrels,
    features: tuple[str, ...],
    c: float,
    tops: list[Top] | None = None,
) -> dict[str, float]:
    """Out-of-fold figures: each fold ranked by a ranker fitted on the other four."""
    run: dict[str, list[str]] = {}
    for fold in range(FOLDS):
        train = [(m, g) for n, (_, m, g, _) in enumerate(data) if n % FOLDS != fold]
        held = [d for n, d in enumerate(data) if n % FOLDS == fold]
        run.update(run_of(fit_pairwise(train, features, c=c), held, tops))
    return figures(run, qrels)


def choose(
    data: list[Group], qrels: Qrels, all_features: tuple[str, ...], log: list[str]
) -> tuple[tuple[str, ...], float, dict[str, float]]:
    """Regularisation, then backward elimination of features, by out-of-fold avgScore: a
    feature stays only if dropping it lowers the cross-validated score."""
    best_c, best = 1.0, -1.0
    for c in (0.01, 0.1, 1.0, 10.0):
        got = cross_validated(data, qrels, all_features, c)
        log.append(f"C={c}: out-of-fold avgScore {got['avg_score']:.3f}")
        if got["avg_score"] > best:
            best_c, best = c, got["avg_score"]
    features = all_features
    improved = True
    while improved and len(features) > 1:
        improved = False
        for f in features:
            fewer = tuple(x for x in features if x != f)
            got = cross_validated(data, qrels, fewer, best_c)
            if got["avg_score"] >= best:
                log.append(f"dropped {f}: out-of-fold avgScore {got['avg_score']:.3f} without it")
                features, best, improved = fewer, got["avg_score"], True
                break
    return features, best_c, cross_validated(data, qrels, features, best_c)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--judgments", default=str(ROOT / "var" / "judgments"))
    parser.add_argument("--write", action="store_true", help="save the rankers to ranker.json")
    args = parser.parse_args()
    started = time.perf_counter()
    data = Path(args.data)
    train_q, train_qrels = training_set(Path(args.judgments))
    dev_q, dev_qrels = dev_set(data / "liveqa-med" / "dev")
    passages = medquad_passages(data / "medquad") + topic_passages()
    encoder = load_encoder()
    vectors = encode_passages(encoder, passage_texts(passages), ROOT / "var" / "cache")
    placeholder = Ranker(FEATURES, tuple(0.0 for _ in FEATURES))
    indexes = {
        "semantic": AnswerIndex(passages, placeholder, encoder, vectors),
        "lexical": AnswerIndex(passages, placeholder),
    }
    report: dict[str, object] = {"train_questions": len(train_q), "dev_questions": len(dev_q)}
    lines = [
        "| ranker | features kept | C | train avgScore (5-fold) | train judged-only | "
        "train MRR@10 | train P@5 | dev avgScore | dev judged-only | dev MRR@10 | dev P@5 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    saved = {}
    for name, index in indexes.items():
        log: list[str] = []
        train_groups = groups(index, train_q, train_qrels)
        offered = FEATURES if name == "semantic" else LEXICAL_FEATURES
        features, c, train = choose(train_groups, train_qrels, offered, log)
        ranker = fit_pairwise([(m, g) for _, m, g, _ in train_groups], features, c=c)
        tops: list[Top] = []
        cross_validated(train_groups, train_qrels, features, c, tops)
        bar, answered, precision = confidence_bar([(t[0], t[1]) for t in tops])
        log.append(
            f"confidence bar {bar:.3f}: out of fold, {answered:.0%} of training questions "
            f"answered, {precision:.0%} of those first answers judged"
        )
        # A first answer about nothing the question names is offered only when it is this
        # similar in meaning (semantic ranker only): word overlap alone is not an answer.
        unnamed = [(t[3], t[1]) for t in tops if t[2] == 0 and t[0] >= bar]
        similarity = confidence_bar(unnamed)[0] if name == "semantic" and unnamed else 2.0
        log.append(
            f"first answers naming no focus of the question: {len(unnamed)}; offered from "
            f"similarity {similarity:.3f}"
        )
        dev = figures(run_of(ranker, groups(index, dev_q, dev_qrels)), dev_qrels)
        saved[name] = {
            "weights": ranker.as_dict(),
            "c": c,
            "min_score": bar,
            "min_similarity": min(similarity, 2.0),
            "train_out_of_fold": train,
            "dev": dev,
            "choices": log,
        }
        lines.append(
            f"| {name} | {len(features)} of {len(offered)} | {c} | {train['avg_score']:.3f} | "
            f"{train['judged_only_avg_score']:.3f} | {train['mrr_at_10']:.3f} | "
            f"{train['p_at_5']:.3f} | {dev['avg_score']:.3f} | "
            f"{dev['judged_only_avg_score']:.3f} | {dev['mrr_at_10']:.3f} | {dev['p_at_5']:.3f} |"
        )
        print(lines[-1], *log, sep="\n  ", flush=True)
    report["rankers"] = saved
    if args.write:
        # The section-similarity bar is fitted by bench/answering_consumer.py --fit; keep it.
        before = json.loads(RANKER_FILE.read_text(encoding="utf-8"))
        RANKER_FILE.write_text(
            json.dumps(
                {
                    "about": "Fitted by `python bench/answering_fit.py --write` on the LiveQA-Med "
                    "training judgments (docs/answering-judgments.md); never edit by hand.",
                    "fitted_on": dt.date.today().isoformat(),
                    **{
                        n: {
                            **{
                                k: v
                                for k, v in before.get(n, {}).items()
                                if k.startswith("section_similarity")
                            },
                            "weights": s["weights"],
                            "c": s["c"],
                            "min_score": s["min_score"],
                            "min_similarity": s["min_similarity"],
                        }
                        for n, s in saved.items()
                    },
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    notes = (
        f"Train: {len(train_q)} training questions with weak judgments, figures out of fold "
        f"(5 folds by question); dev: {len(dev_q)} questions with the real qrels, scored once "
        f"with the ranker fitted on all training questions. {dt.date.today().isoformat()}, "
        f"{time.perf_counter() - started:.0f} s."
    )
    weights = "\n".join(
        f"- {n}: " + ", ".join(f"{f} {w:+.3f}" for f, w in s["weights"].items())  # type: ignore[index]
        for n, s in saved.items()
    )
    out = ROOT / "bench" / "results"
    (out / "answering_fit.json").write_text(json.dumps(report, indent=2) + "\n")
    (out / "answering_fit.md").write_text(
        "# The learned answering ranker: fitted on training judgments, checked on dev\n\n"
        "Written by `python bench/answering_fit.py`. Strict avgScore counts an unjudged first "
        "answer as 0; judged-only drops unjudged answers first.\n\n"
        + "\n".join(lines)
        + f"\n\n{notes}\n\nFitted weights (features are per-question normalised, see "
        "symptomdb/answering/ranker.py):\n\n" + weights + "\n"
    )
    print(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
