"""POST /api/v1/screen: level, reasons and help in fixed fields; one JSON error shape."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from symptomdb.helpfinder.models import ScreenCount

pytestmark = pytest.mark.django_db


def post(client: Client, body: object) -> tuple[int, dict]:
    response = client.post("/api/v1/screen", data=json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_emergency_returns_help_that_leads_with_the_readers_lines(client: Client) -> None:
    status, data = post(
        client, {"text": "I've written my notes and tonight is the night", "country": "GB"}
    )
    assert status == 200
    assert data["level"] == "emergency" and data["needs_help_first"] is True
    assert data["help"]["leads"] is True
    assert data["help"]["emergency_number"] == "999"
    assert data["help"]["country"]["code"] == "GB"
    assert any(s["phone"] == "116 123" for s in data["help"]["services"])
    assert all(
        s["verified_on"] is None or s["verified_on"][:4].isdigit() for s in data["help"]["services"]
    )
    assert data["reasons"][0]["level"] == "emergency"


def test_plain_question_has_no_help_block_and_no_alarm(client: Client) -> None:
    status, data = post(client, {"text": "How long does a cold last?"})
    assert status == 200
    assert data == {
        "level": "none",
        "needs_help_first": False,
        "reasons": [],
        "mentions_self_harm_or_suicide": False,
        "help": None,
    }


def test_question_about_self_harm_gets_help_that_does_not_lead(client: Client) -> None:
    _, data = post(client, {"text": "What are the treatments for self-harm?"})
    assert data["level"] == "none" and data["help"]["leads"] is False
    assert data["help"]["country"]["code"] == "INTL"


def test_bad_parameters_get_the_one_error_shape_naming_the_field(client: Client) -> None:
    status, data = post(client, {"text": "", "country": "GBR"})
    assert status == 422
    fields = {f["field"] for f in data["error"]["fields"]}
    assert {"text", "country"} <= fields
    assert data["error"]["code"] == "invalid-parameter"
    assert "text" in data["error"]["message"]


def test_screening_counts_levels_but_never_stores_the_text(client: Client) -> None:
    secret = "I want to die and my name is Alex Example"
    post(client, {"text": secret})
    row = ScreenCount.objects.get(channel="api", level="crisis")
    assert row.count == 1
    stored = json.dumps(list(ScreenCount.objects.values()), default=str)
    assert "Alex" not in stored


def test_openapi_document_describes_the_screen_endpoint(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/screen" in schema["paths"]


def test_a_plain_text_body_is_refused_so_other_sites_cannot_post_it(client: Client) -> None:
    response = client.post(
        "/api/v1/screen", data=json.dumps({"text": "I want to die"}), content_type="text/plain"
    )
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]["message"]


def test_one_client_is_limited_and_told_so(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    from django.core.cache import cache

    cache.clear()
    settings.SYMPTOMDB_SCREEN_RATE = "3/m"
    codes = [post(client, {"text": f"hello number {n}"})[0] for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    status, body = post(client, {"text": "hello again"})
    assert (status, body["error"]["code"]) == (429, "http-429")
    # Another client still gets through.
    other = client.post(
        "/api/v1/screen",
        data=json.dumps({"text": "hello"}),
        content_type="application/json",
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 200
    cache.clear()
