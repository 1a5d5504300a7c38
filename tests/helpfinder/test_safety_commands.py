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
    assert "suicidal-thoughts (crisis), sentence 1" in out


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


def test_check_resources_lists_entries_never_verified() -> None:
    out = run("check_resources", "--today", "2026-11-24")
    assert "GB  Samaritans: never verified" in out
    assert "need checking" in out
    with pytest.raises(CommandError, match="stale"):
        run("check_resources", "--strict")


def test_stale_check_uses_six_months() -> None:
    import datetime as dt

    from symptomdb.helpfinder.resources import (
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
