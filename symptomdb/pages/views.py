"""Search results and the pages we write about ourselves (about, editorial policy, privacy).

The search query, like a question, is screened for crisis language first and never logged
or stored; only the day's count per screen level is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from symptomdb.answering.question_types import question_types
from symptomdb.answers.building import get_answer_index
from symptomdb.helpfinder.counters import count_screen
from symptomdb.query_forms import query_params, see_other
from symptomdb.safety.crisis_screen import CrisisLevel, screen_text
from symptomdb.safety.help_first import help_first
from symptomdb.topics.nearest import Nearest, nearest_topics

MAX_QUERY = 500
MAX_RESULTS = 20


@dataclass
class SearchResult:
    """One page in the results: a topic of ours or an imported record, with matching parts."""

    title: str
    url: str
    origin: str
    source: str
    reviewed: bool
    parts: list[tuple[str, str]] = field(default_factory=list)


def _results(query: str) -> list[SearchResult]:
    """Group the index's ranked passages by the page they belong to, best page first."""
    hits = get_answer_index().find(query, question_types(query), k=MAX_RESULTS * 3)
    results: dict[str, SearchResult] = {}
    for hit in hits:
        p = hit.passage
        if p.origin == "topic":
            page_url = p.url.split("#", 1)[0]
            part_url = p.url
        else:
            page_url = p.extra.get("record") or p.url
            part_url = page_url
        result = results.get(page_url)
        if result is None:
            if len(results) >= MAX_RESULTS:
                continue
            result = results[page_url] = SearchResult(
                title=p.title, url=page_url, origin=p.origin, source=p.source, reviewed=p.reviewed
            )
        if len(result.parts) < 3:
            result.parts.append((p.question, part_url))
    return list(results.values())


# Searching changes nothing, so a POST needs no CSRF token; the box POSTs only so that long
# searches in non-Latin scripts are not cut off by URL limits (symptomdb.query_forms).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    """Search our topics and the imported collections for ``q`` (``country`` for the
    reader's crisis lines), from the URL or the box's POST (sent on to ``?q=`` when it fits).
    At the emergency level only help is shown, no results."""
    params = query_params(request)
    query = params.get("q", "").strip()
    country = params.get("country", "").strip().upper()[:2] or None
    ask_url = reverse("ask")
    if query:
        ask_url += "?" + urlencode({"q": query, **({"country": country} if country else {})})
    context: dict[str, object] = {"query": query, "country": country, "ask_url": ask_url}
    if len(query) > MAX_QUERY:
        # Refused before any work and given back whole, as on the ask page.
        context["problem"] = gettext(
            "What you searched for is %(length)s characters long; search takes at most "
            "%(limit)s. Shorten it, then search again."
        ) % {"length": number_format(len(query), force_grouping=True), "limit": MAX_QUERY}
    elif query and (moved := see_other(request, {"q": query, "country": country or ""})):
        return moved
    elif query:
        screen = screen_text(query)
        count_screen("search", screen.level)
        language = (get_language() or "en").split("-")[0]
        context["help"] = help_first(screen, country, language=language)
        context["withheld"] = screen.level == CrisisLevel.EMERGENCY
        context["results"] = [] if context["withheld"] else _results(query)
    return render(request, "pages/search.html", context)


def about(request: HttpRequest) -> HttpResponse:
    """What symptomdb is and is not."""
    return render(request, "pages/about.html")


def editorial_policy(request: HttpRequest) -> HttpResponse:
    """How content is written, sourced and reviewed."""
    return render(request, "pages/editorial_policy.html")


def privacy(request: HttpRequest) -> HttpResponse:
    """What the site stores about readers."""
    return render(request, "pages/privacy.html")


_FAVICON = Path(__file__).resolve().parent.parent / "static" / "favicon.svg"


def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``: the site's mark, so browsers asking for it get one, not a 404."""
    response = HttpResponse(_FAVICON.read_bytes(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


logger = logging.getLogger(__name__)


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def _topic_suggestions(path: str, language: str) -> tuple[list[Nearest[object]], list[object]]:
    """Topics near the path's last part (``/topics/self-harm/`` → Self-injury, through its
    synonyms), and every topic A–Z, in the page's language."""
    from wagtail.models import Locale

    from symptomdb.topics.models import readable_topics

    locale = Locale.objects.filter(language_code=language).first()
    topics = list(readable_topics().filter(locale=locale).order_by("title")) if locale else []
    guess = next((part for part in reversed(path.split("/")) if part), "")
    candidates = [(t, t.title, (t.slug, *t.synonym_list)) for t in topics]
    return list(nearest_topics(guess, candidates)), list(topics)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 page, in the site's layout and the page's language: the topics nearest what
    was asked for, search, topics A–Z and the help link."""
    suggestions, topics = _topic_suggestions(request.path, _language())
    return render(
        request,
        "404.html",
        {"suggestions": suggestions, "topics": topics, "requested": request.path},
        status=404,
    )


# Shown when even the 500 template cannot be rendered (the database may be down): help first.
_BARE_500 = """<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Something went wrong — symptomdb</title>
<h1>Something went wrong on our side</h1>
<p>Please try again in a few minutes.</p>
<p>If you need to talk to someone now: in the US and Canada call or text
<a href="tel:988">988</a>; in the UK and Ireland call <a href="tel:116123">116 123</a>;
in Australia call <a href="tel:131114">13 11 14</a>; or call your local emergency number.
<a href="/help/">Crisis lines in other countries</a>.</p></html>"""


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the site's layout and language, with help, search and topics A–Z;
    a bare page with numbers to dial if the layout itself cannot be rendered."""
    html: str
    try:
        html = render_to_string("500.html", {}, request=request)
    except Exception:  # the error may be in what the layout needs (database, templates)
        logger.exception("The 500 page could not be rendered; the bare one was sent.")
        html = _BARE_500
    return HttpResponse(html, status=500)
