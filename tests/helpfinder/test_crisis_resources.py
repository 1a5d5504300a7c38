"""Crisis lines: the shipped data, its validation, and the "Get help now" page."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from symptomdb.errors import CrisisResourceError
from symptomdb.safety.crisis_lines import load_crisis_resources, parse_crisis_resources


def test_shipped_data_covers_the_required_countries_and_a_fallback() -> None:
    directory = load_crisis_resources()
    codes = {c.code for c in directory.countries}
    assert {"US", "GB", "IE", "CA", "AU"} <= codes
    assert len(codes) >= 20
    assert directory.fallback.services
    for country in (*directory.countries, directory.fallback):
        assert country.emergency
        for service in country.services:
            assert service.source_url.startswith("https://")
            assert service.phone or service.text or service.chat


def test_unknown_country_falls_back_to_international() -> None:
    directory = load_crisis_resources()
    assert directory.for_country("ZZ") is directory.fallback
    assert directory.for_country("gb").name == "United Kingdom"


def test_service_without_any_contact_is_rejected_with_its_place() -> None:
    text = """
countries:
  - code: XX
    name: Testland
    emergency: "112"
    services:
      - name: Quiet line
        source_url: https://example.org
fallback:
  code: INTL
  name: Anywhere
  emergency: local
  services: [{name: Dir, chat: https://example.org, source_url: https://example.org}]
"""
    with pytest.raises(
        CrisisResourceError, match=r"test.yaml: countries\[0\].services\[0\]: give at least one"
    ):
        parse_crisis_resources(text, "test.yaml")


def test_get_help_now_puts_the_chosen_country_first(client: Client) -> None:
    html = client.get("/help/?country=IE").content.decode()
    first = html.index('class="country featured" id="country-IE"')
    assert first < html.index('id="country-US"')
    assert "Pieta" in html and "112 or 999" in html


def test_get_help_now_never_calls_an_unchecked_number_verified(client: Client) -> None:
    html = client.get("/help/").content.decode()
    directory = load_crisis_resources()
    services = [s for c in (*directory.countries, directory.fallback) for s in c.services]
    unchecked = [s for s in services if not s.matches_source]
    checked = [s for s in services if s.matches_source]
    assert html.count("not yet checked against the source") >= len(unchecked)
    # A line compared with the organisation's page says so, with the date and the page.
    assert html.count("matches the organisation's page (checked 6 December 2026)") == len(checked)
    assert 'href="https://www.samaritans.org/how-we-can-help/contact-samaritan/"' in html
    assert not re.search(r"verified \d", html)
    assert "confirmed" not in html
