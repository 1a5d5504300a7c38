"""The MedQuAD parser on small files written in the published format (and broken ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomdb.importers.medquad import MedQuADError, iter_medquad, parse_medquad_file

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000042" source="{source}" url="https://example.org/topic">
<Focus>Hiccups</Focus>
<FocusAnnotations>
  <Category>Disease</Category>
  <UMLS><CUIs><CUI>C0019521</CUI></CUIs><SemanticTypes><SemanticType>T184</SemanticType></SemanticTypes>
  <SemanticGroup>Disorders</SemanticGroup></UMLS>
  <Synonyms><Synonym>Singultus</Synonym></Synonyms>
</FocusAnnotations>
<QAPairs>
  <QAPair pid="1"><Question qid="0000042-1" qtype="information">What is (are) Hiccups ?</Question>
  <Answer>A test answer written for this test.</Answer></QAPair>
  <QAPair pid="3"><Question qid="0000042-3" qtype="treatment">What are the treatments for Hiccups ?</Question>
  <Answer></Answer></QAPair>
</QAPairs>
</Document>
"""


def write(root: Path, folder: str, name: str, text: str) -> Path:
    path = root / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_document_fields_and_answer_ids_by_position(tmp_path: Path) -> None:
    path = write(tmp_path, "2_GARD_QA", "0000042.xml", DOC.format(source="GARD"))
    doc = parse_medquad_file(path, tmp_path)
    assert doc.file == "2_GARD_QA/0000042.xml"
    assert (doc.focus, doc.category, doc.cuis, doc.semantic_types, doc.synonyms) == (
        "Hiccups",
        "Disease",
        ("C0019521",),
        ("T184",),
        ("Singultus",),
    )
    # N is the position in the file, not the pid (pid 3 is the 2nd pair).
    assert [p.answer_id for p in doc.pairs] == ["GARD_0000042_Sec1.txt", "GARD_0000042_Sec2.txt"]
    assert doc.pairs[1].pid == "3" and doc.pairs[1].qtype == "treatment"
    assert doc.pairs[1].answer is None


def test_herbs_source_is_spelled_as_the_qrels_spell_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "12_MPlusHerbsSupplements_QA",
        "0000042.xml",
        DOC.format(source="MPlusHerbsSupplements"),
    )
    doc = parse_medquad_file(path, tmp_path)
    assert doc.pairs[0].answer_id == "MPlusHerbsSuppls_0000042_Sec1.txt"
    assert doc.answers_withheld


def test_older_ninds_shape_is_read_as_the_same_record(tmp_path: Path) -> None:
    legacy = """<?xml version="1.0" encoding="UTF-8"?>
<doc docid="0000007" corpus="NINDS" url="https://example.org/ninds">
<doctitle-focus>Test syndrome</doctitle-focus>
<umls><cui>C1234567</cui><semanticType></semanticType><semanticGroup></semanticGroup></umls>
<qaPairs><pair pid="1"><question qid="0000007-1" qtype="information">what is test syndrome ?</question>
<answer>Written for this test.</answer></pair></qaPairs></doc>"""
    doc = parse_medquad_file(write(tmp_path, "6_NINDS_QA", "0000007.xml", legacy), tmp_path)
    assert doc.focus == "Test syndrome" and doc.cuis == ("C1234567",)
    assert doc.pairs[0].answer_id == "NINDS_0000007_Sec1.txt"


@pytest.mark.parametrize(
    ("broken", "element", "problem"),
    [
        (DOC.replace("</QAPairs>", ""), "Document", "not well-formed XML at line"),
        (DOC.replace(' source="{source}"', ""), "Document", "missing attribute 'source'"),
        (DOC.replace(' qid="0000042-3"', ""), "QAPair[2]/Question", "missing attribute 'qid'"),
        (DOC.replace("<Answer></Answer>", ""), "QAPair[2]/Answer", "missing"),
    ],
)
def test_malformed_file_names_file_and_element(
    tmp_path: Path, broken: str, element: str, problem: str
) -> None:
    path = write(tmp_path, "2_GARD_QA", "0000042.xml", broken.replace("{source}", "GARD"))
    with pytest.raises(MedQuADError) as info:
        parse_medquad_file(path, tmp_path)
    assert str(info.value).startswith(f"{path}, element <{element}>: {problem}")


def test_folder_without_medquad_files_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MedQuADError, match="holds no MedQuAD XML files"):
        list(iter_medquad(tmp_path))
