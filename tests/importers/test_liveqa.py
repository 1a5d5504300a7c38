"""The LiveQA-Med question and qrels parsers, on small files written in the published shape."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from symptomdb.errors import SymptomdbError
from symptomdb.importers.liveqa import (
    LiveQAError,
    LiveQAQuestion,
    parse_liveqa_questions,
    parse_qrels,
)

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
DEV = SHARED_DATA / "liveqa-med" / "dev"

PARAPHRASE = "Which home remedies ease a stubborn hiccup attack in adults?"

# Invented texts in the shape of TREC-2017-LiveQA-Medical-Test(-Questions-w-summaries).xml.
QUESTIONS = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- invented for the tests -->
<LiveQA2017-Medical-Test-Set-Full>
	<!-- two questions -->

	<NLM-QUESTION qid="TQ7">
		<Original-Question qfile="7-000.xml.txt">
			<SUBJECT>  hiccups
			that wont stop</SUBJECT>
			<MESSAGE> had them	since lunch , what can i do at home
			</MESSAGE>
		</Original-Question>
		<NIST-PARAPHRASE>{PARAPHRASE}</NIST-PARAPHRASE>
		<NLM-Summary>Home treatment of persistent hiccups.</NLM-Summary>
		<ANNOTATIONS>
			<FOCUS fid="F9" fcategory="Problem">hiccups</FOCUS>
			<TYPE tid="T9" hasFocus="F9" hasKeyword="K9">TREATMENT</TYPE>
			<KEYWORD kid="K9" kcategory="Other">home</KEYWORD>
		</ANNOTATIONS>
		<ReferenceAnswers>
			<RefAnswer aid="TQ7A1">
				<ANSWER>Sip cold water slowly; see a doctor if they last two days.</ANSWER>
				<AnswerURL>https://example.org/hiccups</AnswerURL>
				<COMMENT></COMMENT>
			</RefAnswer>
		</ReferenceAnswers>
	</NLM-QUESTION>

	<NLM-QUESTION qid="TQ21">
		<Original-Question qFile="NF_021.txt">
			<MESSAGE>is it safe to take my allergy pill with coffee &amp; tea?</MESSAGE>
		</Original-Question>
		<NIST-PARAPHRASE>Can an antihistamine be taken with caffeine?</NIST-PARAPHRASE>
		<ReferenceAnswers>
			<ReferenceAnswer aid="TQ21A1"><ANSWER>Usually yes.</ANSWER></ReferenceAnswer>
		</ReferenceAnswers>
	</NLM-QUESTION>
</LiveQA2017-Medical-Test-Set-Full>
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_questions_keep_only_what_the_consumer_wrote(tmp_path: Path) -> None:
    questions = parse_liveqa_questions(write(tmp_path / "test.xml", QUESTIONS))
    assert questions == [
        LiveQAQuestion(
            qid="7",
            subject="hiccups that wont stop",
            message="had them since lunch , what can i do at home",
        ),
        # qFile spelling; no SUBJECT -> ""; entities decoded.
        LiveQAQuestion(
            qid="21", subject="", message="is it safe to take my allergy pill with coffee & tea?"
        ),
    ]
    assert (
        questions[0].text == "hiccups that wont stop. had them since lunch , what can i do at home"
    )
    assert questions[1].text == "is it safe to take my allergy pill with coffee & tea?"


def test_no_paraphrase_summary_annotations_or_answers_reach_the_question(tmp_path: Path) -> None:
    question = parse_liveqa_questions(write(tmp_path / "test.xml", QUESTIONS))[0]
    assert {f.name for f in dataclasses.fields(LiveQAQuestion)} == {"qid", "subject", "message"}
    for name in ("paraphrase", "nist_paraphrase", "summary", "annotations", "answers", "focus"):
        assert not hasattr(question, name)
    flat = " ".join(str(v) for v in dataclasses.asdict(question).values()) + " " + question.text
    assert PARAPHRASE not in flat
    for leaked in ("home remedies", "Home treatment", "TREATMENT", "cold water", "example.org"):
        assert leaked not in flat


def test_missing_message_names_file_and_question(tmp_path: Path) -> None:
    path = write(
        tmp_path / "test.xml",
        '<Set><NLM-QUESTION qid="TQ3"><Original-Question qfile="x">'
        "<SUBJECT>only a subject</SUBJECT></Original-Question></NLM-QUESTION></Set>",
    )
    with pytest.raises(LiveQAError) as caught:
        parse_liveqa_questions(path)
    assert str(caught.value) == f'{path}, element <NLM-QUESTION qid="TQ3">: missing <MESSAGE>'
    assert isinstance(caught.value, SymptomdbError)


def test_malformed_xml_names_line_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "test.xml",
        '<Set>\n<NLM-QUESTION qid="TQ3">\n<Original-Question><MESSAGE>x</SUBJECT>\n</Set>\n',
    )
    with pytest.raises(LiveQAError, match=r"test\.xml, line 3, column \d+: not well-formed XML"):
        parse_liveqa_questions(path)


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        ('<NLM-QUESTION qid="Q3"><Original-Question><MESSAGE>x</MESSAGE>', "qid must be TQ"),
        ('<NLM-QUESTION qid="TQ3"><MESSAGE>x</MESSAGE>', "missing <Original-Question>"),
    ],
)
def test_bad_questions_are_named(tmp_path: Path, question: str, problem: str) -> None:
    closing = (
        "</Original-Question></NLM-QUESTION>" if "<Original" in question else "</NLM-QUESTION>"
    )
    path = write(tmp_path / "test.xml", f"<Set>{question}{closing}</Set>")
    with pytest.raises(LiveQAError, match=problem):
        parse_liveqa_questions(path)


def test_repeated_qid_is_an_error(tmp_path: Path) -> None:
    one = '<NLM-QUESTION qid="TQ5"><Original-Question><MESSAGE>m</MESSAGE></Original-Question></NLM-QUESTION>'
    path = write(tmp_path / "test.xml", f"<Set>{one}{one}</Set>")
    with pytest.raises(LiveQAError, match=r'qid="TQ5".*repeated'):
        parse_liveqa_questions(path)


def test_qrels_grades_by_question(tmp_path: Path) -> None:
    path = write(
        tmp_path / "qrels.txt",
        "7 4-Excellent GARD_0000042_Sec1.txt\n"
        "7 1-Incorrect ADAM_0000001_Sec3.txt\n"
        "\n"
        "21 2-Related MPlusDrugs_0000009_Sec7.txt\n"
        "21 3-Incomplete MPlusHerbsSuppls_0000002_Sec1.txt\n",
    )
    assert parse_qrels(path) == {
        "7": {"GARD_0000042_Sec1.txt": 4, "ADAM_0000001_Sec3.txt": 1},
        "21": {"MPlusDrugs_0000009_Sec7.txt": 2, "MPlusHerbsSuppls_0000002_Sec1.txt": 3},
    }


def test_answer_judged_twice_keeps_the_higher_grade(tmp_path: Path) -> None:
    # The published file judges some answers twice for one question; order must not matter.
    lines = ["7 2-Related GHR_0000001_Sec2.txt\n", "7 4-Excellent GHR_0000001_Sec2.txt\n"]
    forward = parse_qrels(write(tmp_path / "a.txt", "".join(lines)))
    backward = parse_qrels(write(tmp_path / "b.txt", "".join(reversed(lines))))
    assert forward == backward == {"7": {"GHR_0000001_Sec2.txt": 4}}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("7 4-Excellent", "expected 3 fields"),
        ("7 Excellent GARD_1_Sec1.txt", "is not one of 1-Incorrect"),
        ("7 5-Excellent GARD_1_Sec1.txt", "is not one of"),
        ("7 4-Related GARD_1_Sec1.txt", "is not one of"),
        ("TQ7 4-Excellent GARD_1_Sec1.txt", "is not a number"),
    ],
)
def test_malformed_qrels_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path / "qrels.txt", f"7 1-Incorrect GARD_2_Sec1.txt\n{line}\n")
    with pytest.raises(LiveQAError, match=problem) as caught:
        parse_qrels(path)
    assert str(caught.value).startswith(f"{path}, line 2: ")


def test_real_dev_files_parse() -> None:
    questions_file = DEV / "TREC-2017-LiveQA-Medical-Test.xml"
    qrels_file = DEV / "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt"
    if not (questions_file.is_file() and qrels_file.is_file()):
        pytest.skip(f"LiveQA-Med dev files not present under {DEV}")
    questions = parse_liveqa_questions(questions_file)
    assert len(questions) == 49
    assert all(q.message for q in questions)
    qids = {q.qid for q in questions}
    qrels = parse_qrels(qrels_file)
    assert set(qrels) <= qids
    assert len(qrels) == 49
    assert all(1 <= g <= 4 for judged in qrels.values() for g in judged.values())
    # The summaries file holds the same questions; its extra <NLM-Summary> is not read.
    summaries = DEV / "TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml"
    if summaries.is_file():
        assert parse_liveqa_questions(summaries) == questions
