"""POST /api/v1/answer: the same answer as GET, for questions too long for a URL."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db

# 1,980 characters of Russian ("Why does my head hurt every morning?"): 11 KB once
# percent-encoded, more than a web server takes in a request line.
LONG_RUSSIAN = ("Почему у меня каждое утро болит голова? " * 50)[:1980]


def post(client: Client, body: object, content_type: str = "application/json") -> tuple[int, dict]:
    response = client.post("/api/v1/answer", data=json.dumps(body), content_type=content_type)
    return response.status_code, response.json()


def test_a_question_too_long_for_a_url_is_answered_from_the_body(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    assert len(urllib.parse.quote(LONG_RUSSIAN)) > 8190  # gunicorn's longest request line
    status, data = post(client, {"q": LONG_RUSSIAN, "country": "GB"})
    assert status == 200
    assert data["question"] == LONG_RUSSIAN.strip()  # the whole question, as sent
    assert set(data) >= {"screen", "parts", "help", "withheld_for_safety"}


def test_post_and_get_give_the_same_answer(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    question = {"q": "how do i stop cutting", "country": "GB"}
    sent = post(client, question)[1]
    asked = client.get("/api/v1/answer", question).json()
    assert sent == asked
    assert sent["parts"][0]["id"] == "topic:self-injury#coping"


def test_only_json_is_taken_and_bad_fields_are_named(client: Client) -> None:
    status, data = post(client, {"q": "headache"}, content_type="text/plain")
    assert status == 415 and "application/json" in data["error"]["message"]
    status, data = post(client, {"q": "x" * 2001})
    assert status == 422 and "q" in json.dumps(data)


def test_a_body_that_is_not_json_gets_a_400_in_the_one_error_shape(client: Client) -> None:
    response = client.post("/api/v1/answer", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["message"]
