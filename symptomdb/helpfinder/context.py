"""Template context shared by every page: the crisis resources for the help links."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language

from symptomdb.safety.crisis_lines import load_crisis_resources
from symptomdb.safety.help_first import LANGUAGE_NAMES, help_line


def help_links(request: HttpRequest) -> dict[str, Any]:
    """Expose the crisis directory to templates (the header's "Get help now" uses it), with
    services in the page's language first when it is not English, and the one line of help
    every page carries (``help_line``, from the help-first core)."""
    directory = load_crisis_resources()
    language = (get_language() or "en").split("-")[0]
    if language != "en" and language in LANGUAGE_NAMES:
        directory = directory.in_language_first(LANGUAGE_NAMES[language])
    return {
        "crisis_directory": directory,
        "help_line": help_line(language if language in LANGUAGE_NAMES else "en"),
    }
