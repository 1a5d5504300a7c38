"""Imported passages pass the safe-messaging lint at import: a passage with a blocking
finding is stored with its finding but never shown, returned by the API or indexed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from symptomdb.answers.building import all_passages
from symptomdb.collections.models import CollectionAnswer, CollectionDocument
from symptomdb.importers.topic_markdown import TopicDocument
from tests.importers.test_medquad import DOC, write

pytestmark = pytest.mark.django_db

# A MedQuAD-shaped record written for these tests in the pattern of the published
# "Self-harm" record: a plain definition, then a list of methods and the tools used.
SELF_HARM_ID = "MPlusHealthTopics_0000804_Sec1.txt"
SELF_HARM_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000804" source="MPlusHealthTopics" url="https://example.org/selfharm">
<Focus>Self-harm</Focus>
<FocusAnnotations><Category>Disease</Category></FocusAnnotations>
<QAPairs>
  <QAPair pid="1"><Question qid="0000804-1" qtype="information">What is (are) Self-harm ?</Question>
  <Answer>Self-harm means hurting your own body on purpose. Some ways people do it are
  - Cutting the skin with a razor blade, a knife or another sharp object
  - Burning the skin with cigarettes or matches
  - Hitting walls
  Help is available, and people do recover.</Answer></QAPair>
</QAPairs>
</Document>
"""
# Words a reader must never be shown from that record.
METHOD_WORDS = ("razor", "blade", "knife", "sharp object", "cigarette")


def medquad_tree(root: Path) -> Path:
    write(root, "2_GARD_QA", "0000042.xml", DOC.format(source="GARD"))
    write(root, "4_MPlus_Health_Topics_QA", "0000804.xml", SELF_HARM_DOC)
    return root


def import_tree(root: Path) -> str:
    out = io.StringIO()
    call_command("import_medquad", str(root), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_passage_with_a_blocking_finding_is_stored_with_its_finding(tmp_path: Path) -> None:
    out = import_tree(medquad_tree(tmp_path))

    assert "1 answer(s) withheld by the safe-messaging lint" in out
    withheld = CollectionAnswer.objects.get(answer_id=SELF_HARM_ID)
    assert withheld.withheld_for_safety
    assert "razor blade" in withheld.answer  # kept as imported
    blocking = [f for f in withheld.safety_findings if f["severity"] == "block"]
    assert {f["rule"] for f in blocking} == {"method-detail"}
    assert blocking[0]["sentence"].startswith("Cutting the skin with a razor blade")
    assert blocking[0]["message"].startswith(
        "This sentence describes a method or tool of self-harm or suicide, which can harm "
        'vulnerable readers: "Cutting the skin with a razor blade'
    )
    shown = CollectionAnswer.objects.get(answer_id="GARD_0000042_Sec1.txt")
    assert not shown.withheld_for_safety and shown.safety_findings == []


def test_a_withheld_passage_is_not_indexed(tmp_path: Path) -> None:
    import_tree(medquad_tree(tmp_path))

    ids = {p.id for p in all_passages()}
    assert "GARD_0000042_Sec1.txt" in ids
    assert SELF_HARM_ID not in ids


@pytest.mark.parametrize(
    "question",
    [
        "what is self harm",
        "types of self harm",
        "is self harm a mental illness",
        "can self harm scars be removed",
        "how to hide self harm scars",
    ],
)
def test_the_api_and_search_never_return_a_withheld_passage(
    question: str, tmp_path: Path, client: Client, loaded_site: list[TopicDocument]
) -> None:
    import_tree(medquad_tree(tmp_path))

    answer = client.get("/api/v1/answer", {"q": question})
    search = client.get("/api/v1/search", {"q": question})
    page = client.get("/search/", {"q": question})
    asked = client.get("/ask/", {"q": question})

    for response in (answer, search, page, asked):
        assert response.status_code == 200
        text = response.content.decode().lower()
        assert SELF_HARM_ID.lower() not in text
        assert not [w for w in METHOD_WORDS if w in text], question
    body = json.loads(answer.content)
    # Our own self-injury topic answers first, not an imported record.
    assert body["parts"] and body["parts"][0]["id"].startswith("topic:self-injury#")
    record = CollectionDocument.objects.get(doc_id="0000804").get_absolute_url()
    assert record not in page.content.decode()


def test_the_record_page_shows_the_question_and_why_its_answer_is_not_shown(
    tmp_path: Path, client: Client
) -> None:
    import_tree(medquad_tree(tmp_path))
    document = CollectionDocument.objects.get(doc_id="0000804")

    html = client.get(document.get_absolute_url()).content.decode()

    assert "What is Self-harm?" in html  # the template question, cleaned for readers
    assert "We do not show this answer" in html and 'href="/help/"' in html
    assert not [w for w in METHOD_WORDS if w in html.lower()]


def test_withheld_passages_lists_each_passage_with_its_finding(tmp_path: Path) -> None:
    import_tree(medquad_tree(tmp_path))
    out = io.StringIO()

    call_command("withheld_passages", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == (
        f"{SELF_HARM_ID} — Self-harm (MedlinePlus Health Topics (NLM), medquad): "
        "What is (are) Self-harm ?"
    )
    assert lines[1] == "  source: https://example.org/selfharm"
    assert lines[2].startswith("  This sentence describes a method or tool of self-harm")
    assert lines[-1].startswith("1 imported passage(s) withheld by the safe-messaging lint")


def test_reimport_and_relint_keep_the_passage_withheld(tmp_path: Path) -> None:
    root = medquad_tree(tmp_path)
    import_tree(root)
    import_tree(root)
    # As if the passage had been imported before the lint ran at import.
    CollectionAnswer.objects.update(withheld_for_safety=False, safety_findings=[])
    out = io.StringIO()

    call_command("withheld_passages", "--relint", stdout=out)

    assert out.getvalue().splitlines()[0] == "2 passage(s) linted again; 1 withheld."
    assert list(
        CollectionAnswer.objects.filter(withheld_for_safety=True).values_list(
            "answer_id", flat=True
        )
    ) == [SELF_HARM_ID]
