"""GET /api/v1/topics and /api/v1/topics/{slug}: what an integrator needs to show a topic."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.models import Person, TopicPage, TopicReviewer

pytestmark = pytest.mark.django_db


def get(client: Client, path: str, **params: object) -> tuple[int, dict]:
    response = client.get(path, params)
    return response.status_code, response.json()


def test_list_gives_every_published_topic_in_title_order_with_a_total(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    status, data = get(client, "/api/v1/topics")
    assert status == 200
    titles = [t["title"] for t in data["items"]]
    assert titles == sorted(doc.title for doc in loaded_site)
    assert data["count"] == len(loaded_site) and data["pages"] == 1
    assert data["next"] is None and data["previous"] is None


def test_list_item_carries_classification_dates_and_links(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    _, data = get(client, "/api/v1/topics")
    topic = next(t for t in data["items"] if t["slug"] == "self-injury")
    assert topic["sensitive"] is True and topic["category"] == "mental-health"
    assert "self-harm" in topic["synonyms"]
    assert {"system": "icd10cm", "system_label": "ICD-10-CM", "code": "R45.88"} in topic["codes"]
    assert topic["reviewed"] is False and topic["reviewed_on"] is None
    assert dt.date.fromisoformat(topic["next_review_due"]) > dt.date.fromisoformat(
        topic["updated_on"]
    )
    assert topic["url"] == "http://testserver/topics/self-injury/"
    assert topic["api_url"] == "http://testserver/api/v1/topics/self-injury"
    assert topic["summary"].startswith("Self-injury means")


def test_walking_next_links_visits_every_topic_once(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    seen: list[str] = []
    url: str | None = "/api/v1/topics?page_size=3"
    pages = 0
    while url:
        data = client.get(url.removeprefix("http://testserver")).json()
        seen += [t["slug"] for t in data["items"]]
        url = data["next"]
        pages += 1
        assert data["count"] == len(loaded_site)
    assert sorted(seen) == sorted(doc.slug for doc in loaded_site)
    assert pages == data["pages"] == 3  # 7 topics, 3 a page
    assert data["previous"] == "http://testserver/api/v1/topics?page_size=3&page=2"


def test_page_past_the_end_is_empty_and_points_back_to_the_last_page(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    status, data = get(client, "/api/v1/topics", page=9, page_size=5)
    assert status == 200 and data["items"] == [] and data["next"] is None
    assert data["previous"] == "http://testserver/api/v1/topics?page=2&page_size=5"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": 0}, "page"),
        ({"page": -1}, "page"),
        ({"page": "two"}, "page"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 101}, "page_size"),
        ({"page_size": "lots"}, "page_size"),
    ],
)
def test_bad_paging_parameters_are_named_in_the_error(
    client: Client, loaded_site: list[TopicDocument], params: dict, field: str
) -> None:
    status, data = get(client, "/api/v1/topics", **params)
    assert status == 422
    assert data["error"]["code"] == "invalid-parameter"
    assert [f["field"] for f in data["error"]["fields"]] == [field]
    assert data["error"]["message"].startswith(f"{field}: ")


def test_draft_topic_is_neither_listed_nor_served(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    TopicPage.objects.get(slug="anxiety").unpublish()
    _, data = get(client, "/api/v1/topics")
    assert "anxiety" not in [t["slug"] for t in data["items"]]
    assert data["count"] == len(loaded_site) - 1
    status, _ = get(client, "/api/v1/topics/anxiety")
    assert status == 404


def test_detail_has_the_sections_in_page_order_with_markdown_and_safe_html(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    status, topic = get(client, "/api/v1/topics/self-injury")
    assert status == 200
    doc = next(d for d in loaded_site if d.slug == "self-injury")
    assert [s["kind"] for s in topic["sections"]] == [s.kind for s in doc.sections]
    assert [s["heading"] for s in topic["sections"]] == [s.heading for s in doc.sections]
    causes = next(s for s in topic["sections"] if s["kind"] == "causes")
    assert causes["anchor"] == "causes" and causes["kind_label"] == "Causes and risk factors"
    assert "[@" in causes["markdown"]  # the editor's citation marks, as written
    assert '<sup class="cite">' in causes["html"] and "[@" not in causes["html"]
    assert all("<script" not in s["html"] for s in topic["sections"])


def test_treatment_section_has_structured_items(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    _, topic = get(client, "/api/v1/topics/self-injury")
    treatment = next(s for s in topic["sections"] if s["kind"] == "treatment")
    doc = next(d for d in loaded_site if d.slug == "self-injury")
    expected = next(s for s in doc.sections if s.kind == "treatment").items
    assert [(i["item_type"], i["name"]) for i in treatment["items"]] == [
        (i.item_type, i.name) for i in expected
    ]
    assert treatment["items"][0]["html"].startswith("<p>")
    assert {i["item_type_label"] for i in treatment["items"]} <= {
        "Therapy",
        "Medication",
        "Programme",
        "Support group",
        "Self-care",
    }


def test_detail_gives_people_provenance_references_and_the_unreviewed_notice(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    _, topic = get(client, "/api/v1/topics/self-injury")
    assert topic["authors"] == [
        {"name": "symptomdb contributors", "credentials": None, "affiliation": "symptomdb project"}
    ]
    assert topic["reviewers"] == [] and topic["reviewed"] is False
    assert topic["review_notice"].startswith("Not yet reviewed by a clinician")
    assert topic["provenance"]["organisation"] == "symptomdb project"
    assert topic["provenance"]["licence"] == "CC BY 4.0"
    doc = next(d for d in loaded_site if d.slug == "self-injury")
    assert [r["id"] for r in topic["references"]] == [r["id"] for r in doc.references]
    assert all(r["type"] and r["title"] for r in topic["references"])
    assert "suicidal-thoughts" in [r["slug"] for r in topic["related"]]
    assert topic["related"][0]["api_url"].startswith("http://testserver/api/v1/topics/")


def test_recorded_review_replaces_the_notice_with_the_reviewer(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    # A placeholder for the test database only; the shipped content has no reviewer.
    reviewer = Person.objects.create(
        name="Test Reviewer", credentials="TEST-CREDENTIAL", affiliation="Test Affiliation"
    )
    page = TopicPage.objects.get(slug="depression")
    TopicReviewer.objects.create(page=page, person=reviewer)
    page.reviewed_on = dt.date(2026, 11, 20)
    page.save_revision().publish()
    _, topic = get(client, "/api/v1/topics/depression")
    assert topic["reviewed"] is True and topic["review_notice"] is None
    assert topic["reviewed_on"] == "2026-11-20"
    assert topic["reviewers"] == [
        {
            "name": "Test Reviewer",
            "credentials": "TEST-CREDENTIAL",
            "affiliation": "Test Affiliation",
        }
    ]


def test_unknown_slug_is_a_404_in_the_one_error_shape(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    status, data = get(client, "/api/v1/topics/no-such-topic")
    assert status == 404
    assert data == {
        "error": {
            "code": "http-404",
            "message": "No published topic has the slug `no-such-topic`; see GET /api/v1/topics.",
            "fields": [],
        }
    }


def test_each_section_says_who_it_is_written_for(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    _, topic = get(client, "/api/v1/topics/self-injury")
    by_anchor = {s["anchor"]: s for s in topic["sections"]}
    for anchor, audience, label in [
        ("support-young-people", "young-people", "Young people"),
        ("helping-others-parents-carers", "parents-carers", "Parents and carers"),
        ("helping-others-teachers-schools", "teachers-schools", "Teachers and schools"),
    ]:
        assert (by_anchor[anchor]["audience"], by_anchor[anchor]["audience_label"]) == (
            audience,
            label,
        )
    # Everyone else's sections: no audience, and the usual anchors.
    assert by_anchor["helping-others"]["audience"] is None
    assert by_anchor["helping-others"]["audience_label"] is None
    assert [s["audience"] for s in topic["sections"]].count(None) == len(topic["sections"]) - 3
    scars = by_anchor["scars"]
    assert (scars["kind"], scars["kind_label"]) == ("scars", "Scars")
