"""ICD-10-CM codes are checked against the shipped code set, in topic files and the admin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from symptomdb.errors import TopicFilesInvalid
from symptomdb.importers.topic_markdown import parse_topic_markdown
from symptomdb.topics.models import TopicCode
from symptomdb.vocabulary.icd10cm import code_set_release, icd10cm_parents, is_icd10cm_code


@pytest.mark.parametrize(
    "code", ["R45.88", "R45.851", "X78.9XXA", "X83.8XXA", "T14.91XA", "F32.A", "X71-X83", "R45"]
)
def test_current_codes_including_self_harm_codes_are_known(code: str) -> None:
    assert is_icd10cm_code(code)


@pytest.mark.parametrize("code", ["R45.80", "X78.9XXZ", "F32.Z", "X71-X84", "hiccups", "R4588"])
def test_codes_not_in_the_code_set_are_unknown(code: str) -> None:
    assert not is_icd10cm_code(code)


def test_the_code_set_is_a_2024_or_later_release() -> None:
    assert int(code_set_release().rsplit("-", 1)[-1]) >= 2024


def test_parents_run_from_the_nearest_to_the_block() -> None:
    assert icd10cm_parents("X78.9XXA") == ["X78.9", "X78", "X71-X83"]
    assert icd10cm_parents("R45.88") == ["R45.8", "R45", "R40-R46"]
    assert icd10cm_parents("R45.80") == []


def topic_file(starter_dir: Path, codes_line: str) -> tuple[str, str]:
    path = starter_dir / "self-injury.md"
    text = path.read_text().replace("  icd10cm: [R45.88, X71-X83]", codes_line)
    return text, str(path)


def test_unknown_code_in_a_topic_file_names_file_line_and_field(starter_dir: Path) -> None:
    text, path = topic_file(starter_dir, "  icd10cm: [R45.88, R45.80]")
    with pytest.raises(TopicFilesInvalid) as caught:
        parse_topic_markdown(text, path, dt.date(2026, 11, 24))
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "R45.80" in row)
    assert (
        f"self-injury.md, line {line}, field `codes.icd10cm`: 'R45.80' is not in the ICD-10-CM "
        "code set"
    ) in str(caught.value)


def test_starter_topics_codes_all_pass(starter_documents: list[object]) -> None:
    assert len(starter_documents) == 7  # parsing would have raised on an unknown code


def test_admin_rejects_an_unknown_code_on_the_code_field() -> None:
    with pytest.raises(ValidationError) as caught:
        TopicCode(system="icd10cm", code="R45.80").clean()
    assert "not in the ICD-10-CM code set" in caught.value.message_dict["code"][0]
    with pytest.raises(ValidationError) as caught:
        TopicCode(system="icd10cm", code="self harm").clean()
    assert "not written as an ICD-10-CM code" in caught.value.message_dict["code"][0]
    TopicCode(system="icd10cm", code="R45.88").clean()
    TopicCode(system="umls", code="C0000000").clean()  # other systems are not ICD-checked
