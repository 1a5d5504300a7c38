"""GET /api/v1/crisis-resources: every country's lines, or one country's, with sources."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from symptomdb.safety.crisis_lines import load_crisis_resources


def get(client: Client, **params: object) -> tuple[int, dict]:
    response = client.get("/api/v1/crisis-resources", params)
    return response.status_code, response.json()


def test_without_a_country_every_listed_country_and_the_fallback(client: Client) -> None:
    status, data = get(client)
    assert status == 200
    directory = load_crisis_resources()
    assert [c["code"] for c in data["countries"]] == [c.code for c in directory.countries]
    assert data["fallback"]["code"] == "INTL"
    for country in [*data["countries"], data["fallback"]]:
        assert country["emergency_number"] and country["services"]
        for service in country["services"]:
            assert service["source_url"].startswith("https://")
            assert any(service[k] for k in ("phone", "text", "chat"))
            # null means nobody has checked the entry yet; otherwise a real date
            assert service["verified_on"] is None or dt.date.fromisoformat(service["verified_on"])


@pytest.mark.parametrize("code", ["GB", "gb", " Gb "])
def test_one_country_in_any_case_gives_only_its_lines_and_the_fallback(
    client: Client, code: str
) -> None:
    status, data = get(client, country=code)
    assert status == 200
    assert [c["code"] for c in data["countries"]] == ["GB"]
    gb = data["countries"][0]
    assert gb["emergency_number"] == "999" and gb["name"] == "United Kingdom"
    samaritans = next(s for s in gb["services"] if s["name"] == "Samaritans")
    assert samaritans["phone"] == "116 123"
    assert samaritans["source_url"] == "https://www.samaritans.org/"
    assert data["fallback"]["code"] == "INTL"


@pytest.mark.parametrize("code", ["XX", "GBR", "", "INTL", "1"])
def test_unknown_country_is_a_422_naming_country_and_listing_the_codes(
    client: Client, code: str
) -> None:
    status, data = get(client, country=code)
    assert status == 422
    assert data["error"]["code"] == "invalid-parameter"
    [field] = data["error"]["fields"]
    assert field["field"] == "country"
    assert "no crisis lines are listed for" in field["message"]
    assert "GB" in field["message"] and "US" in field["message"]
