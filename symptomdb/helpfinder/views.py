"""The "Get help now" page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext

from symptomdb.safety.crisis_lines import load_crisis_resources
from symptomdb.safety.help_first import LANGUAGE_NAMES


def _normalise(name: str) -> str:
    return " ".join(name.replace("-", " ").casefold().split())


def get_help_now(request: HttpRequest) -> HttpResponse:
    """Show crisis lines: the chosen country's first (``?country=GB``), then every other, or
    those whose name holds ``?find=`` ("ire" → Ireland); on a page in another language
    (``/es/help/``), services in that language first."""
    directory = load_crisis_resources()
    language = (get_language() or "en").split("-")[0]
    if language != "en" and language in LANGUAGE_NAMES:
        directory = directory.in_language_first(LANGUAGE_NAMES[language])
    chosen_code = request.GET.get("country", "").upper()
    chosen = directory.for_country(chosen_code) if chosen_code else None
    others = [c for c in directory.countries if chosen is None or c.code != chosen.code]
    find = " ".join(request.GET.get("find", "").split())[:60]
    if find:
        # By name in English or the page's language ("Mexico", "México"), or by code ("MX").
        wanted = _normalise(find)
        others = [
            c
            for c in others
            if wanted in _normalise(c.name)
            or wanted in _normalise(gettext(c.name))
            or wanted == c.code.casefold()
        ]
    return render(
        request,
        "helpfinder/get_help_now.html",
        {
            "chosen": chosen,
            "others": others,
            "find": find,
            "fallback": directory.fallback,
            "directory": directory,
        },
    )
