"""GET /api/v1/search: topics and MedQuAD, ranked and paged; help first; the query kept nowhere."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

from symptomdb.helpfinder.models import ScreenCount
from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db


def search(client: Client, **params: object) -> tuple[int, dict]:
    response = client.get("/api/v1/search", params)
    return response.status_code, response.json()


def test_topic_sections_are_found_by_a_synonym_best_first(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    status, data = search(client, q="treatment for self-harm")
    assert status == 200
    best = data["items"][0]
    assert best["id"] == "topic:self-injury#treatment"
    assert (best["origin"], best["kind"], best["title"]) == ("topic", "treatment", "Self-injury")
    assert best["url"] == "http://testserver/topics/self-injury/#treatment"
    assert best["source_url"] is None and best["reviewed"] is False
    assert best["snippet"].startswith("Treatment for self-injury")
    scores = [item["score"] for item in data["items"]]
    assert scores == sorted(scores, reverse=True)


def test_medquad_records_are_found_with_their_publisher_and_withheld_text_is_null(
    client: Client, site_with_medquad: list[TopicDocument]
) -> None:
    _, data = search(client, q="hiccups")
    medquad = [item for item in data["items"] if item["origin"] == "medquad"]
    assert {item["title"] for item in medquad} == {"Hiccups"}
    with_text = next(item for item in medquad if item["snippet"])
    assert with_text["snippet"] == "A test answer written for this test."
    assert with_text["source_url"] == "https://example.org/topic"
    assert with_text["url"].startswith("http://testserver/collections/medquad/")
    # The publisher's text is under its own site's terms; CC BY 4.0 is MedQuAD's, not its.
    assert with_text["licence"] == "U.S. government site's terms; via MedQuAD (CC BY 4.0)"
    assert with_text["reviewed"] is None
    withheld = [item for item in medquad if item["snippet"] is None]
    assert withheld and all(item["source_url"] == "https://example.org/topic" for item in withheld)


def test_crisis_words_in_a_search_bring_help_first_with_the_readers_lines(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    _, data = search(client, q="i want to die", country="GB")
    assert data["needs_help_first"] is True
    assert data["help"]["leads"] is True and data["help"]["emergency_number"] == "999"
    assert any(s["phone"] == "116 123" for s in data["help"]["services"])


def test_plain_search_has_no_help_block(client: Client, loaded_site: list[TopicDocument]) -> None:
    _, data = search(client, q="panic attacks")
    assert data["needs_help_first"] is False and data["help"] is None
    assert data["items"][0]["title"] == "Anxiety"


def test_results_are_paged_with_links_that_keep_the_query(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    _, first = search(client, q="depression", page_size=2)
    assert len(first["items"]) == 2 and first["count"] > 2 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/search?q=depression&page_size=2&page=2"
    second = client.get(first["next"].removeprefix("http://testserver")).json()
    assert second["previous"] == "http://testserver/api/v1/search?q=depression&page_size=2&page=1"
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})
    assert second["count"] == first["count"] <= 100


def test_nothing_found_is_an_empty_page_not_an_error(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    status, data = search(client, q="zzqxv")
    assert status == 200
    assert (data["items"], data["count"], data["pages"], data["next"]) == ([], 0, 1, None)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 501}, "q"),
        ({"q": "cough", "page": 0}, "page"),
        ({"q": "cough", "page_size": 101}, "page_size"),
        ({"q": "cough", "country": "GBR"}, "country"),
    ],
)
def test_bad_parameters_are_named_in_the_error(
    client: Client, loaded_site: list[TopicDocument], params: dict, field: str
) -> None:
    status, data = search(client, **params)
    assert status == 422 and data["error"]["code"] == "invalid-parameter"
    assert [f["field"] for f in data["error"]["fields"]] == [field]


def test_query_is_neither_logged_nor_stored_nor_cached(
    client: Client, loaded_site: list[TopicDocument], caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Alex Example has been cutting again"
    caplog.set_level(logging.DEBUG)
    response = client.get("/api/v1/search", {"q": secret})
    bad = client.get("/api/v1/search", {"q": secret * 20})  # too long: an error, still unlogged
    assert response.status_code == 200 and bad.status_code == 422
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.has_header("ETag")
    assert all("Alex" not in record.getMessage() for record in caplog.records)
    stored = json.dumps(list(ScreenCount.objects.values()), default=str)
    assert "Alex" not in stored and ScreenCount.objects.filter(channel="api").exists()
