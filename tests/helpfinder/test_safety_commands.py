"""`symptomdb screen` and `symptomdb check-resources` from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_screen_prints_help_before_the_level_for_a_crisis() -> None:
    out = run("screen", "i wanna kms, i can't do this anymore", "--country", "US")
    assert out.index("988") < out.index("level: crisis")
    # The reason names the model and quotes the sentence that carried the risk.
    assert 'model (crisis), sentence 1: "i wanna kms' in out


def test_screen_with_no_country_leads_with_numbers_anyone_can_dial() -> None:
    out = run("screen", "i want to kill myself tonight")
    assert "level: crisis" in out or "level: emergency" in out
    first_lines = out.splitlines()[:6]
    assert any("Call 988" in line for line in first_lines)
    assert "Call 116 123" in out and "Call 13 11 14" in out
    assert "Or your local emergency number" in out
    assert out.index("Call 988") < out.index("level:")


def test_screen_of_a_plain_question_prints_no_help() -> None:
    out = run("screen", "what helps a sore throat?")
    assert out.strip() == "level: none"


def test_screen_file_json_gives_one_object_per_line(tmp_path: Path) -> None:
    texts = tmp_path / "texts.txt"
    texts.write_text("this exam is killing me\nI took everything in the cabinet, goodbye\n")
    lines = run("screen", "--file", str(texts), "--json").strip().splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["level"] == "none" and first["reasons"] == []
    assert second["level"] == "emergency"
    assert {"rule", "level", "words", "sentence"} <= set(second["reasons"][0])
    assert second["help"]["leads"] is True


def test_screen_needs_text_or_file() -> None:
    with pytest.raises(CommandError, match="give either TEXT or --file F"):
        run("screen")


def test_check_resources_lists_entries_never_checked_and_not_those_that_match() -> None:
    out = run("check_resources", "--today", "2026-12-06")
    assert "IE  Pieta: never checked against the source" in out
    assert "GB  Samaritans:" not in out  # matches samaritans.org, checked 2026-12-06
    assert "IE  Samaritans Ireland:" not in out  # matches samaritans.org, checked 2026-12-06
    assert "need checking" in out and "not a phone call" in out
    assert "verified" not in out.replace("verified_on", "")
    with pytest.raises(CommandError, match="stale"):
        run("check_resources", "--strict")


def test_check_resources_lists_a_matched_line_again_after_six_months() -> None:
    out = run("check_resources", "--today", "2027-07-01")
    assert "GB  Samaritans: last checked 2026-12-06 against https://www.samaritans.org/" in out


def test_stale_check_uses_six_months() -> None:
    import datetime as dt

    from symptomdb.safety.crisis_lines import (
        CountryResources,
        CrisisDirectory,
        CrisisService,
        stale_services,
    )

    fresh = CrisisService(
        "Fresh", "https://example.org", phone="1", verified_on=dt.date(2026, 9, 1)
    )
    old = CrisisService("Old", "https://example.org", phone="2", verified_on=dt.date(2026, 4, 1))
    never = CrisisService("Never", "https://example.org", phone="3")
    country = CountryResources("XX", "Testland", "112", (fresh, old, never))
    directory = CrisisDirectory((country,), CountryResources("INTL", "Anywhere", "local", (fresh,)))
    stale = [s.name for _, s in stale_services(directory, dt.date(2026, 11, 24))]
    assert stale == ["Old", "Never"]
