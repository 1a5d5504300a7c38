"""Every place a reader's text reaches the crisis screen, the answerer or the search refuses
text longer than its form allows before doing any work, says so plainly, and gives the text
back whole (the screen's cost grows with length; no request may hold a worker for long)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from symptomdb.answers import views as ask_views
from symptomdb.api import safety as screen_api
from symptomdb.community.form_tokens import form_token
from symptomdb.community.models import Vote
from symptomdb.pages import views as search_views

pytestmark = pytest.mark.django_db


def never(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("reader text reached the screen, the answerer or the search")


def test_the_screen_api_refuses_text_longer_than_a_comment_naming_the_field(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_api, "screen_text", never)
    response = client.post(
        "/api/v1/screen", data=json.dumps({"text": "a" * 2001}), content_type="application/json"
    )
    body = response.json()
    assert response.status_code == 422
    assert [f["field"] for f in body["error"]["fields"]] == ["text"]
    assert "2000" in body["error"]["message"]


def test_an_oversized_api_body_gets_the_json_error_shape(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_api, "screen_text", never)
    response = client.post(
        "/api/v1/screen",
        data=json.dumps({"text": "a" * 3_000_000}),
        content_type="application/json",
    )
    assert response.status_code == 413
    error = response.json()["error"]
    assert (
        error["code"] == "http-413" and "request body is over 2,621,440 bytes" in error["message"]
    )


def test_a_too_long_question_is_refused_and_given_back_whole(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ask_views, "answer_for", never)
    question = "Why does my head hurt " * 100 + "END"
    html = client.get("/ask/", {"q": question}).content.decode()
    assert f"Your question is {len(question):,} characters long" in html
    assert "at most 2,000" in html
    assert f'value="{question}"' in html  # back in the box, to shorten
    spanish = client.get("/es/ask/", {"q": question}).content.decode()
    assert "Tu pregunta tiene 2" in spanish and "Acórtala y vuelve a preguntar." in spanish


def test_a_too_long_search_is_refused_and_given_back_whole(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_views, "screen_text", never)
    monkeypatch.setattr(search_views, "_results", never)
    query = "headache " * 60 + "END"
    html = client.get("/search/", {"q": query}).content.decode()
    assert f"What you searched for is {len(query.strip())} characters long" in html
    assert "at most 500" in html
    assert f'value="{query.strip()}"' in html


def test_an_oversized_vote_is_refused_with_a_reason(topic: Any) -> None:
    sent = {"kind": "helpful", "next": "/", "form_token": form_token("vote")}
    for target, value, reason in (
        (f"topic:{topic.pk}", "1" * 5000, "A vote is one digit"),
        ("answer:" + "x" * 100_000, "1", "no topic or answer is named by more than 300"),
    ):
        response = Client().post("/community/vote/", {**sent, "target": target, "value": value})
        assert response.status_code == 400
        assert reason in response.content.decode()
    assert not Vote.objects.exists()


def test_an_oversized_infobutton_parameter_is_refused_naming_it(client: Client) -> None:
    response = client.get(
        "/infobutton/",
        {
            "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90",
            "mainSearchCriteria.v.c": "R45.88",
            "mainSearchCriteria.v.dn": "self-harm " * 1000,
            "knowledgeResponseType": "application/json",
        },
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == "mainSearchCriteria.v.dn"
    assert "10,000 characters long; at most 300" in error["message"]


@pytest.fixture
def topic(loaded_site: Any) -> Any:
    from symptomdb.topics.models import TopicPage

    return TopicPage.objects.get(slug="self-injury")
