"""The ask page: a reader's question, screened first; help leads when the screen says so."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from symptomdb.helpfinder.counters import count_screen
from symptomdb.helpfinder.resources import load_crisis_resources
from symptomdb.safety.crisis_screen import screen_text
from symptomdb.safety.help_first import help_first
from symptomdb.topics.models import TopicPage

MAX_QUESTION = 2000


def ask(request: HttpRequest) -> HttpResponse:
    """Screen the question, then show matching topics (full answers come with the QA core).

    The question text is never logged or stored; only a count per screen level is kept.
    """
    question = request.GET.get("q", "").strip()[:MAX_QUESTION]
    country = request.GET.get("country", "").upper() or None
    context: dict[str, object] = {
        "question": question,
        "country": country,
        "directory": load_crisis_resources(),
    }
    if question:
        result = screen_text(question)
        count_screen("ask", result.level)
        context["screen"] = result
        context["help"] = help_first(result, country)
        context["results"] = list(TopicPage.objects.live().search(question, operator="or")[:10])
    return render(request, "topics/ask.html", context)
