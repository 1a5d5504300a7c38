"""What the help-first block contains, per language and country (plain Python, no database).

Every help block must hold a number a reader can dial now: the chosen country's lines, or with
no country chosen a short list for the page's language plus "or your local emergency number".
"""

from __future__ import annotations

import datetime as dt

import pytest

from symptomdb.errors import CrisisResourceError
from symptomdb.safety.crisis_lines import load_crisis_resources, parse_crisis_resources
from symptomdb.safety.crisis_screen import CrisisLevel, ScreenResult
from symptomdb.safety.help_first import dial_lines, help_first, help_line
from symptomdb.safety.serialise import help_to_dict, service_to_dict


def screened(level: CrisisLevel, mentions: bool = True) -> ScreenResult:
    return ScreenResult(level=level, reasons=(), mentions_self_harm_or_suicide=mentions)


RISKY = (CrisisLevel.CRISIS, CrisisLevel.EMERGENCY)


def test_english_with_no_country_lists_988_samaritans_and_lifeline() -> None:
    lines, chosen = dial_lines(None, "en")
    assert not chosen
    assert [(line.where, line.phone) for line in lines] == [
        ("United States and Canada", "988"),
        ("United Kingdom and Ireland", "116 123"),
        ("Australia", "13 11 14"),
    ]
    assert [line.tel_href for line in lines] == ["tel:988", "tel:116123", "tel:131114"]
    assert "Samaritans" in lines[1].name and "Lifeline" in lines[2].name


def test_spanish_with_no_country_lists_988_in_spanish_024_and_linea_de_la_vida() -> None:
    lines, chosen = dial_lines(None, "es")
    assert not chosen
    assert [(line.where, line.phone) for line in lines] == [
        ("Estados Unidos", "988"),
        ("España", "024"),
        ("México", "800 911 2000"),
    ]
    assert "marca 2" in lines[0].note and "AYUDA" in lines[0].note
    assert lines[2].tel_href == "tel:8009112000"


@pytest.mark.parametrize("code", [None, "", "ZZ", "INTL", "gbr"])
def test_no_or_unlisted_country_gets_the_short_list(code: str | None) -> None:
    lines, chosen = dial_lines(code, "en")
    assert not chosen and [line.phone for line in lines] == ["988", "116 123", "13 11 14"]


def test_chosen_country_gets_its_own_lines_first() -> None:
    lines, chosen = dial_lines("gb", "en")
    assert chosen and lines[0].phone == "116 123" and lines[0].where == "United Kingdom"
    lines, _ = dial_lines("US", "es")
    assert any(line.note.startswith("marca 2") for line in lines)


def test_every_listed_country_has_a_number_to_dial_in_both_languages() -> None:
    for country in load_crisis_resources().countries:
        for language in ("en", "es"):
            lines, chosen = dial_lines(country.code, language)
            assert chosen, country.code
            assert lines and all(line.tel_href.startswith("tel:") for line in lines)


@pytest.mark.parametrize("level", RISKY)
def test_crisis_and_emergency_help_with_no_country_leads_with_numbers(level: CrisisLevel) -> None:
    block = help_first(screened(level))
    assert block is not None and block.leads
    assert [line.phone for line in block.dial] == ["988", "116 123", "13 11 14"]
    assert block.elsewhere == "or your local emergency number"
    assert "your local emergency number" in block.message
    words = (block.heading + block.message).lower()
    assert "pharmacist" not in words and "no good answer" not in words
    assert block.withheld is (level == CrisisLevel.EMERGENCY)


def test_emergency_message_no_longer_ends_on_a_colon_with_nothing_after_it() -> None:
    for language in ("en", "es"):
        block = help_first(screened(CrisisLevel.EMERGENCY), language=language)
        assert block is not None and not block.message.rstrip().endswith(":")


@pytest.mark.parametrize("level", RISKY)
def test_help_for_a_chosen_country_uses_its_numbers(level: CrisisLevel) -> None:
    block = help_first(screened(level), "GB")
    assert block is not None and block.country_chosen
    assert block.dial[0].phone == "116 123"
    assert block.emergency_number == "999" and block.elsewhere == ""


def test_spanish_help_with_no_country() -> None:
    block = help_first(screened(CrisisLevel.CRISIS), language="es")
    assert block is not None
    assert [line.phone for line in block.dial] == ["988", "024", "800 911 2000"]
    assert block.elsewhere == "o el número de emergencias de tu país"
    assert "número de emergencias de tu país" in block.message


def test_concern_and_mentions_get_numbers_too_and_plain_text_gets_none() -> None:
    for level in (CrisisLevel.CONCERN, CrisisLevel.NONE):
        block = help_first(screened(level))
        assert block is not None and not block.leads and block.dial
    assert help_first(screened(CrisisLevel.NONE, mentions=False)) is None


def test_help_as_json_has_the_numbers_in_fixed_fields() -> None:
    data = help_to_dict(help_first(screened(CrisisLevel.EMERGENCY), "AU"))
    assert data is not None
    assert data["dial"][0] == {
        "where": "Australia",
        "name": "Lifeline Australia",
        "phone": "13 11 14",
        "tel": "tel:131114",
        "note": None,
    }
    assert data["country_chosen"] is True and data["elsewhere"] is None
    data = help_to_dict(help_first(screened(CrisisLevel.CRISIS)))
    assert data is not None and data["elsewhere"] == "or your local emergency number"
    assert data["country"]["code"] == "INTL"


def test_the_help_line_has_the_short_list_and_every_country_with_a_number() -> None:
    english = help_line("en")
    assert [line.phone for line in english.dial] == ["988", "116 123", "13 11 14"]
    assert [line.short_where for line in english.dial] == [
        "US & Canada",
        "UK & Ireland",
        "Australia",
    ]
    assert english.dial == dial_lines(None, "en")[0]  # the numbers a risky text gets
    assert english.elsewhere == "or your local emergency number"
    codes = [c.country.code for c in english.countries]
    assert len(codes) == len(load_crisis_resources().countries)
    for country in english.countries:
        assert country.dial and all(line.tel_href.startswith("tel:") for line in country.dial)
        assert country.dial == dial_lines(country.country.code, "en")[0]
    by_code = {c.country.code: c for c in english.countries}
    assert (by_code["GB"].emergency_phone, by_code["GB"].emergency_tel_href) == ("999", "tel:999")
    assert by_code["IE"].emergency_phone == "112"  # "112 or 999": the first number
    spanish = help_line("es")
    assert [line.short_where for line in spanish.dial] == ["Estados Unidos", "España", "México"]
    assert "Spanish" in spanish.countries[0].dial[0].services[0].languages


def test_a_line_checked_against_the_organisations_page_says_so_and_never_verified() -> None:
    samaritans = load_crisis_resources().for_country("GB").services[0]
    assert samaritans.checked_on == dt.date(2026, 12, 6)
    assert samaritans.checked_against.startswith("https://www.samaritans.org/")
    assert "116 123" in samaritans.checked_what
    assert samaritans.check_label == "matches the organisation's page (checked 6 December 2026)"
    data = service_to_dict(samaritans)
    assert data["checked_on"] == "2026-12-06" and data["verified_on"] is None
    for country in (*load_crisis_resources().countries, load_crisis_resources().fallback):
        for service in country.services:
            assert "verified" not in service.check_label
            assert "confirmed" not in service.check_label
            if not service.matches_source:
                assert service.check_label == "not yet checked against the source"


def test_every_checked_line_names_the_page_and_what_was_compared() -> None:
    checked = [
        s for c in load_crisis_resources().countries for s in c.services if s.checked_on is not None
    ]
    assert checked
    for service in checked:
        assert service.checked_against.startswith(("https://", "http://"))
        assert service.checked_what and service.checked_on == dt.date(2026, 12, 6)


BASE = """
countries:
  - code: XX
    name: Testland
    emergency: "112"
    services:
      - name: Line
        phone: "1"
        source_url: https://example.org/
{extra}
fallback:
  code: INTL
  name: Anywhere
  emergency: local
  services:
    - name: Directory
      chat: https://example.org/
      source_url: https://example.org/
"""


@pytest.mark.parametrize(
    "extra, problem",
    [
        ("        checked_on: 2026-12-06", "needs `checked_against`"),
        ("        checked_against: https://example.org/", "needs `checked_on`"),
        ("        checked_on: soon", "expected YYYY-MM-DD"),
        (
            "        checked_on: 2026-12-06\n        checked_against: https://example.org/",
            "`checked_what`",
        ),
    ],
)
def test_a_check_must_say_where_when_and_what(extra: str, problem: str) -> None:
    with pytest.raises(CrisisResourceError, match=problem):
        parse_crisis_resources(BASE.format(extra=extra), "test.yaml")
