"""Cite this page, citation downloads and schema.org JSON-LD on topic pages (test client)."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.utils import timezone

from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict[str, object]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data: dict[str, object] = json.loads(blocks[0])
    return data


def test_topic_page_cites_itself_in_apa_ama_and_vancouver(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/topics/self-injury/").content.decode()
    today = timezone.localdate()
    section = html[html.index('id="cite-this-page"') :]
    assert (
        '<dd class="citation" data-style="apa">symptomdb contributors. (2026, December 6). '
        "<i>Self-injury</i>. symptomdb. http://testserver/topics/self-injury/</dd>"
    ) in section
    assert (
        "symptomdb contributors. Self-injury. symptomdb. December 6, 2026. "
        f"Accessed {today:%B} {today.day}, {today.year}. http://testserver/topics/self-injury/"
    ) in section
    assert (
        "symptomdb contributors. Self-injury [Internet]. symptomdb; 2026 "
        f"[cited {today.year} {today:%b} {today.day}]. Available from: http://testserver/topics/self-injury/"
    ) in section
    for ext in ("ris", "bib", "json"):
        assert f'href="/topics/self-injury/cite.{ext}" download' in section


@pytest.mark.parametrize(
    ("ext", "content_type", "start"),
    [
        (
            "ris",
            "application/x-research-info-systems; charset=utf-8",
            "TY  - ELEC\nTI  - Depression\n",
        ),
        ("bib", "application/x-bibtex; charset=utf-8", "@online{symptomdb-depression,\n"),
        (
            "json",
            "application/vnd.citationstyles.csl+json; charset=utf-8",
            '[\n  {\n    "id": "symptomdb-depression"',
        ),
    ],
)
def test_citation_downloads_are_attachments_of_the_right_type(
    client: Client, loaded_site: list[TopicDocument], ext: str, content_type: str, start: str
) -> None:
    response = client.get(f"/topics/depression/cite.{ext}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="symptomdb-depression.{ext}"'
    body = response.content.decode()
    assert body.startswith(start)
    assert "http://testserver/topics/depression/" in body


def test_unknown_format_or_topic_is_not_found(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    assert client.get("/topics/depression/cite.docx").status_code == 404
    assert client.get("/topics/no-such-topic/cite.ris").status_code == 404


def test_json_ld_describes_the_condition_people_dates_and_citations(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    data = json_ld(client.get("/topics/self-injury/").content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    about = data["about"]
    assert isinstance(about, dict)
    assert about["@type"] == "MedicalCondition" and about["name"] == "Self-injury"
    assert "NSSI" in about["alternateName"]
    assert {"@type": "MedicalCode", "codingSystem": "ICD-10-CM", "codeValue": "R45.88"} in about[
        "code"
    ]
    assert data["author"] == [{"@type": "Organization", "name": "symptomdb contributors"}]
    assert data["dateModified"] == "2026-12-06"
    # No clinician has reviewed the starter topics: the page must not claim one.
    assert "reviewedBy" not in data and "lastReviewed" not in data
    citations = data["citation"]
    assert isinstance(citations, list) and citations
    assert any("Self-harm: assessment" in c["name"] for c in citations)


def test_json_ld_names_a_reviewer_only_once_a_review_is_recorded(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    import datetime as dt

    from symptomdb.topics.models import Person, TopicPage, TopicReviewer

    page = TopicPage.objects.get(slug="anxiety")
    reviewer = Person.objects.create(
        name="Test Reviewer", credentials="MD", affiliation="Test Clinic"
    )
    TopicReviewer.objects.create(page=page, person=reviewer)
    page.reviewed_on = dt.date(2026, 11, 20)
    page.save_revision().publish()
    data = json_ld(client.get("/topics/anxiety/").content.decode())
    assert data["reviewedBy"] == [
        {
            "@type": "Person",
            "name": "Test Reviewer",
            "honorificSuffix": "MD",
            "affiliation": {"@type": "Organization", "name": "Test Clinic"},
        }
    ]
    assert data["lastReviewed"] == "2026-11-20"


def test_json_ld_cannot_be_closed_by_text_in_the_page(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    from symptomdb.topics.models import TopicPage

    page = TopicPage.objects.get(slug="anxiety")
    page.summary = "Worry </script><script>alert(1)</script> & fear"
    page.save_revision().publish()
    html = client.get("/topics/anxiety/").content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["description"] == page.summary
