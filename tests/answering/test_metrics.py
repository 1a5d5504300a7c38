"""LiveQA avgScore and the ir-measures ranking measures, on toy runs worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomdb.answering.metrics import (
    RunFileError,
    Scores,
    per_question_avg_score,
    read_trec_run,
    score_run,
    write_trec_run,
)

# Relevant (grade >= 3): q1 -> a, b (R=2); q2 -> e (R=1); q3 -> g (R=1).
QRELS = {
    "1": {"a": 4, "b": 3, "c": 2, "d": 1},
    "2": {"e": 4, "f": 1},
    "3": {"g": 3},
}
# x and y are unjudged; q3 is not answered; q9 is not in the qrels and is ignored.
RUN = {
    "1": ["c", "a", "x", "b"],
    "2": ["y", "e", "f"],
    "9": ["a"],
}


def test_strict_scores_by_hand() -> None:
    scores = score_run(RUN, QRELS)
    assert scores.questions == 3
    assert scores.answered == 2  # q1 and q2; q9 is not a qrels question
    # q1: a at rank 2, b at rank 4 -> AP = (1/2 + 2/4) / 2 = 0.5
    # q2: e at rank 2 (y unjudged = not relevant) -> AP = (1/2) / 1 = 0.5; q3: 0
    # MAP = (0.5 + 0.5 + 0) / 3 = 1/3
    assert scores.map_at_10 == pytest.approx(1 / 3)
    # RR: q1 1/2, q2 1/2, q3 0 -> (0.5 + 0.5) / 3 = 1/3
    assert scores.mrr_at_10 == pytest.approx(1 / 3)
    # P@5: q1 2/5, q2 1/5, q3 0 -> (0.4 + 0.2) / 3 = 0.2
    assert scores.p_at_5 == pytest.approx(0.2)
    # P@10: q1 2/10, q2 1/10, q3 0 -> (0.2 + 0.1) / 3 = 0.1
    assert scores.p_at_10 == pytest.approx(0.1)
    # first answers: q1 c (Related -> 1), q2 y (unjudged -> 0), q3 none (0) -> 1/3
    assert scores.avg_score == pytest.approx(1 / 3)


def test_judged_only_condenses_the_lists() -> None:
    scores = score_run(RUN, QRELS, judged_only=True)
    # q1 becomes [c, a, b]: AP = (1/2 + 2/3) / 2 = 7/12; q2 becomes [e, f]: AP = 1; q3: 0
    # MAP = (7/12 + 1 + 0) / 3 = 19/36 ≈ 0.5278 (strict was 1/3)
    assert scores.map_at_10 == pytest.approx(19 / 36)
    # RR: q1 1/2, q2 1, q3 0 -> 1.5 / 3 = 0.5
    assert scores.mrr_at_10 == pytest.approx(0.5)
    # P@5 and P@10 unchanged: same relevant answers inside the cutoff -> 0.2 and 0.1
    assert scores.p_at_5 == pytest.approx(0.2)
    assert scores.p_at_10 == pytest.approx(0.1)
    # first judged answers: q1 c -> 1, q2 e (Excellent) -> 3, q3 none -> 0: (1 + 3 + 0) / 3 = 4/3
    assert scores.avg_score == pytest.approx(4 / 3)
    assert scores.answered == 2


def test_relevant_from_4_counts_only_excellent() -> None:
    scores = score_run(RUN, QRELS, relevant_from=4)
    # relevant: q1 a (R=1) at rank 2 -> AP 1/2, RR 1/2, P@5 1/5, P@10 1/10
    #           q2 e (R=1) at rank 2 -> AP 1/2, RR 1/2, P@5 1/5, P@10 1/10; q3 g (grade 3) none
    assert scores.map_at_10 == pytest.approx(1 / 3)  # (0.5 + 0.5 + 0) / 3
    assert scores.mrr_at_10 == pytest.approx(1 / 3)
    assert scores.p_at_5 == pytest.approx(2 / 15)  # (0.2 + 0.2 + 0) / 3
    assert scores.p_at_10 == pytest.approx(1 / 15)  # (0.1 + 0.1 + 0) / 3
    assert scores.avg_score == pytest.approx(1 / 3)  # avgScore does not use the threshold


def test_per_question_avg_score_maps_grades_to_liveqa_points() -> None:
    qrels = {"1": {"a": 4}, "2": {"b": 3}, "3": {"c": 2}, "4": {"d": 1}, "5": {"e": 4}, "6": {}}
    run = {"1": ["a"], "2": ["b", "zz"], "3": ["c"], "4": ["d"], "5": ["unjudged", "e"]}
    # Excellent 3, Incomplete 2, Related 1, Incorrect 0; unjudged first answer 0; q6 missing 0
    assert per_question_avg_score(run, qrels) == {"1": 3, "2": 2, "3": 1, "4": 0, "5": 0, "6": 0}
    assert per_question_avg_score(RUN, QRELS) == {"1": 1, "2": 0, "3": 0}


def test_missing_and_empty_questions_count_zero_in_both_modes() -> None:
    for judged_only in (False, True):
        assert score_run({}, QRELS, judged_only=judged_only) == Scores(
            questions=3,
            avg_score=0.0,
            map_at_10=0.0,
            mrr_at_10=0.0,
            p_at_5=0.0,
            p_at_10=0.0,
            answered=0,
        )
    # Only q2 answered, perfectly: AP = RR = 1, P@5 = 1/5, avgScore 3; all averaged over 3.
    scores = score_run({"2": ["e"], "3": []}, QRELS, judged_only=True)
    assert scores.map_at_10 == pytest.approx(1 / 3)  # (0 + 1 + 0) / 3
    assert scores.mrr_at_10 == pytest.approx(1 / 3)
    assert scores.p_at_5 == pytest.approx(0.2 / 3)  # (0 + 1/5 + 0) / 3
    assert scores.avg_score == pytest.approx(1.0)  # (0 + 3 + 0) / 3
    assert scores.answered == 1  # an empty list is not an answer


def test_only_the_top_10_count() -> None:
    qrels = {"1": {"good": 4}}
    run = {"1": [f"unjudged{i}" for i in range(10)] + ["good"]}
    # strict: the only relevant answer is at rank 11 -> every measure 0
    strict = score_run(run, qrels)
    assert (strict.map_at_10, strict.mrr_at_10, strict.p_at_10) == (0.0, 0.0, 0.0)
    # judged-only: condensing first moves it to rank 1 -> AP 1, RR 1, P@5 1/5, avgScore 3
    condensed = score_run(run, qrels, judged_only=True)
    assert (condensed.map_at_10, condensed.mrr_at_10) == (1.0, 1.0)
    assert condensed.p_at_5 == pytest.approx(0.2)
    assert condensed.avg_score == 3.0


def test_ap_divides_by_all_relevant_answers_and_repeats_count_once() -> None:
    qrels = {"1": {f"r{i}": 4 for i in range(12)}}
    # 10 relevant answers at ranks 1..10 of 12 relevant: AP@10 = 10/12 (trec_eval map_cut_10)
    assert score_run({"1": [f"r{i}" for i in range(10)]}, qrels).map_at_10 == pytest.approx(10 / 12)
    # [r0, r0, x]: r0 counts once at rank 1, x rank 2 -> P@5 = 1/5, AP = 1/12
    scores = score_run({"1": ["r0", "r0", "x"]}, qrels)
    assert scores.p_at_5 == pytest.approx(0.2)
    assert scores.map_at_10 == pytest.approx(1 / 12)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="no questions"):
        score_run(RUN, {})
    with pytest.raises(ValueError, match="relevant_from"):
        score_run(RUN, QRELS, relevant_from=5)


def test_trec_run_round_trip(tmp_path: Path) -> None:
    run = {
        "12": [f"GARD_00000{i:02d}_Sec1.txt" for i in range(12)],  # 12 answers: top 10 kept
        "3": ["GHR_0000001_Sec2.txt", "ADAM_0000007_Sec1.txt"],
        "4": [],
    }
    path = tmp_path / "run.txt"
    write_trec_run(run, path, tag="bm25")
    lines = path.read_text().splitlines()
    # numeric qid order, rank 1-based, scores descending, no line for the empty list
    assert lines[0] == "3 Q0 GHR_0000001_Sec2.txt 1 10 bm25"
    assert lines[1] == "3 Q0 ADAM_0000007_Sec1.txt 2 9 bm25"
    assert lines[-1] == "12 Q0 GARD_0000009_Sec1.txt 10 1 bm25"
    assert len(lines) == 12
    assert read_trec_run(path) == {"3": run["3"], "12": run["12"][:10]}
    # and the run scores the same after the round trip
    qrels = {"3": {"ADAM_0000007_Sec1.txt": 4}, "12": {"GARD_0000003_Sec1.txt": 3}}
    assert score_run(read_trec_run(path), qrels) == score_run(run, qrels)


def test_read_trec_run_orders_by_score(tmp_path: Path) -> None:
    path = tmp_path / "run.txt"
    path.write_text(
        "5 Q0 low 3 0.25 other\n\n5 Q0 high 1 7.5 other\n5 Q0 tie_b 2 1.0 other\n"
        "5 Q0 tie_a 4 1.0 other\n"
    )
    # by score, ties by rank: high (7.5), tie_b (1.0, rank 2), tie_a (1.0, rank 4), low
    assert read_trec_run(path) == {"5": ["high", "tie_b", "tie_a", "low"]}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("5 Q0 doc 2 0.5", "expected 6 fields"),
        ("5 Q0 doc two 0.5 t", "not a number"),
        ("5 Q0 doc1 2 0.5 t", "repeated"),
    ],
)
def test_malformed_run_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "run.txt"
    path.write_text(f"5 Q0 doc1 1 1.0 t\n{line}\n")
    with pytest.raises(RunFileError, match=problem) as caught:
        read_trec_run(path)
    assert str(caught.value).startswith(f"{path}, line 2: ")


def test_write_refuses_ids_with_whitespace(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="whitespace"):
        write_trec_run({"1": ["two words"]}, tmp_path / "run.txt")
    with pytest.raises(ValueError, match="whitespace"):
        write_trec_run({"1": ["a"]}, tmp_path / "run.txt", tag="my tag")
