"""Template context shared by every page: the crisis resources for the help links."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from symptomdb.helpfinder.resources import load_crisis_resources


def help_links(request: HttpRequest) -> dict[str, Any]:
    """Expose the crisis directory to templates (the header's "Get help now" uses it)."""
    return {"crisis_directory": load_crisis_resources()}
