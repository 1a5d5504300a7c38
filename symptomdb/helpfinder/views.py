"""The "Get help now" page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from symptomdb.helpfinder.resources import load_crisis_resources


def get_help_now(request: HttpRequest) -> HttpResponse:
    """Show crisis lines: the chosen country's first (``?country=GB``), then every other."""
    directory = load_crisis_resources()
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
