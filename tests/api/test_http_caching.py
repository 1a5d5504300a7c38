"""ETag, conditional GET and Cache-Control: public data revalidates, health questions never stay."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.models import TopicPage

pytestmark = pytest.mark.django_db

PUBLIC = ["/api/v1/topics", "/api/v1/topics/self-injury", "/api/v1/crisis-resources?country=US"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_data_has_an_etag_and_a_matching_revalidation_gets_304(
    client: Client, loaded_site: list[TopicDocument], path: str
) -> None:
    first = client.get(path)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    etag = first["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and "public" in again["Cache-Control"]
    other = client.get(path, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and json.loads(other.content) == first.json()


def test_publishing_a_change_changes_the_etag_so_clients_get_the_new_text(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    before = client.get("/api/v1/topics/anxiety")
    page = TopicPage.objects.get(slug="anxiety")
    page.summary = "A changed summary for this test."
    page.save_revision().publish()
    after = client.get("/api/v1/topics/anxiety", headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert after.json()["summary"] == "A changed summary for this test."
    assert after["ETag"] != before["ETag"]


def test_topic_max_age_is_short_and_crisis_lines_an_hour(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    assert "max-age=300" in client.get("/api/v1/topics")["Cache-Control"]
    assert "max-age=3600" in client.get("/api/v1/crisis-resources")["Cache-Control"]


def test_errors_are_not_kept_by_shared_caches(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    # A topic that is not published yet must appear as soon as an editor publishes it.
    missing = client.get("/api/v1/topics/not-yet-written")
    assert missing.status_code == 404
    assert "public" not in missing["Cache-Control"] and "no-cache" in missing["Cache-Control"]
    bad = client.get("/api/v1/topics", {"page": 0})
    assert bad.status_code == 422 and "public" not in bad["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/answer?q=What+are+the+treatments+for+self-injury%3F",
        "/api/v1/search?q=self-injury",
    ],
)
def test_answers_and_search_are_private_and_never_stored(
    client: Client, loaded_site: list[TopicDocument], path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-store", "private", "no-cache"} <= directives
    assert not response.has_header("ETag")
    # A client that sends an ETag anyway gets the full answer, never a cached 304.
    assert client.get(path, headers={"If-None-Match": "*"}).status_code == 200


def test_screen_response_is_never_stored(client: Client) -> None:
    response = client.post(
        "/api/v1/screen", data=json.dumps({"text": "hello"}), content_type="application/json"
    )
    assert "no-store" in response["Cache-Control"]
