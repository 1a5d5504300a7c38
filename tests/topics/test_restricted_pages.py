"""A password-protected topic stays behind its password on every surface but its own page.

Each surface is read before and after the restriction, so a test proves the topic was
there to leak (the marker is found) and that the restriction hides it.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import PageViewRestriction

from symptomdb.community.form_tokens import form_token
from symptomdb.community.models import Comment
from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.models import TopicPage

pytestmark = pytest.mark.django_db

ICD = "2.16.840.1.113883.6.90"
# Anxiety's summary and page address: neither appears on any other topic's page...
SUMMARY = "Generalised anxiety disorder and panic disorder are"
ADDRESS = "/topics/anxiety/"
# ...and a coping idea only anxiety's page gives (the safety plan offers it).
MARKS = (SUMMARY, ADDRESS, "topic:anxiety", "/anxiety/cite", "worry time")


def restrict_anxiety() -> None:
    page = TopicPage.objects.get(slug="anxiety", locale__language_code="en")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="for-reviewers"
    )


def _get(path: str, **params: str) -> Callable[[Client], str]:
    def read(client: Client) -> str:
        response = client.get(path, params)
        if response.status_code in (301, 302, 404):
            return f"status {response.status_code}"
        assert response.status_code == 200, (path, response.status_code)
        return response.content.decode()

    return read


def _dump(client: Client) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topics.jsonl"
        call_command("export_dump", str(path), stdout=io.StringIO())
        return path.read_text()


SURFACES: dict[str, Callable[[Client], str]] = {
    "home page": _get("/"),
    "topic index": _get("/topics/"),
    "related topics on another topic": _get("/topics/depression/"),
    "search page": _get("/search/", q="panic attacks"),
    "ask page": _get("/ask/", q="what is generalised anxiety disorder"),
    "API search": _get("/api/v1/search", q="panic attacks"),
    "API answer": _get("/api/v1/answer", q="what is generalised anxiety disorder"),
    "API topic list": _get("/api/v1/topics"),
    "API topic detail": _get("/api/v1/topics/anxiety"),
    "API related topics": _get("/api/v1/topics/depression"),
    "Infobutton": _get(
        "/infobutton/", **{"mainSearchCriteria.v.cs": ICD, "mainSearchCriteria.v.c": "F41.1"}
    ),
    "citation RIS": _get("/topics/anxiety/cite.ris"),
    "citation CSL-JSON": _get("/topics/anxiety/cite.json"),
    "safety plan ideas": _get("/tools/safety-plan/", topic="anxiety"),
    "data dump": _dump,
}


def _shows_anxiety(text: str) -> bool:
    return any(mark in text for mark in MARKS)


def test_restricted_topic_is_missing_from_every_surface(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    # One site for every surface: loading the starter topics is the slow part.
    before = {surface: read(client) for surface, read in SURFACES.items()}
    assert [s for s, text in before.items() if not _shows_anxiety(text)] == []
    restrict_anxiety()
    after = {surface: read(client) for surface, read in SURFACES.items()}
    assert [s for s, text in after.items() if _shows_anxiety(text)] == []


def test_restricted_topic_page_asks_for_the_password_and_shows_it_once_given(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    restrict_anxiety()
    response = client.get(ADDRESS)
    assert response.status_code == 200 and SUMMARY not in response.content.decode()
    restriction = PageViewRestriction.objects.get()
    form = client.post(
        f"/_util/authenticate_with_password/{restriction.id}/{restriction.page_id}/",
        {"password": "for-reviewers", "return_url": ADDRESS},
    )
    assert form.status_code == 302
    assert SUMMARY in " ".join(client.get(ADDRESS).content.decode().split())


def test_a_comment_on_a_restricted_topic_is_refused_without_the_password(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    restrict_anxiety()
    page = TopicPage.objects.get(slug="anxiety", locale__language_code="en")
    post = {"text": "Thank you, this helped.", "form_token": form_token("comment")}
    response = client.post(f"/community/comment/{page.pk}/", post)
    assert response.status_code == 404 and "Anxiety" not in response.content.decode()
    assert not Comment.objects.exists()
