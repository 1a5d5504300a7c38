"""The "Get help now" page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from symptomdb.safety.crisis_lines import load_crisis_resources
from symptomdb.safety.help_first import LANGUAGE_NAMES


def get_help_now(request: HttpRequest) -> HttpResponse:
    """Show crisis lines: the chosen country's first (``?country=GB``), then every other;
    on a page in another language (``/es/help/``), services in that language first."""
    directory = load_crisis_resources()
    language = (get_language() or "en").split("-")[0]
    if language != "en" and language in LANGUAGE_NAMES:
        directory = directory.in_language_first(LANGUAGE_NAMES[language])
    chosen_code = request.GET.get("country", "").upper()
    chosen = directory.for_country(chosen_code) if chosen_code else None
    others = [c for c in directory.countries if chosen is None or c.code != chosen.code]
    return render(
        request,
        "helpfinder/get_help_now.html",
        {
            "chosen": chosen,
            "others": others,
            "fallback": directory.fallback,
            "directory": directory,
        },
    )
