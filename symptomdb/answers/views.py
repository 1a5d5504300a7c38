"""The ask page: the question is screened first, then answered from our topics and MedQuAD."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from symptomdb.answering.passages import Passage
from symptomdb.answers.asking import answer_for
from symptomdb.helpfinder.counters import count_screen
from symptomdb.query_forms import query_params, see_other
from symptomdb.safety.crisis_lines import load_crisis_resources
from symptomdb.vocabulary import KIND_BY_ID

MAX_QUESTION = 2000


_NUMBERS = re.compile(r"\[(\d+(?:, \d+)*)\]")


def lead_html(sentences: tuple[str, ...], passage: Passage) -> SafeString:
    """The lead sentences as HTML, each citation number a link to its reference on the page
    the passage comes from."""
    page = passage.url.split("#", 1)[0]

    def links(match: re.Match[str]) -> str:
        out = []
        for number in match.group(1).split(", "):
            n = int(number)
            if 1 <= n <= len(passage.references):
                key = passage.references[n - 1]
                out.append(f'<a href="{escape(page)}#ref-{escape(key)}">{n}</a>')
            else:
                out.append(str(n))
        return f'<sup class="cite">[{",".join(out)}]</sup>'

    text = " ".join(_NUMBERS.sub(links, str(escape(s))) for s in sentences)
    return mark_safe(text)


# A question changes nothing on the site, so a POST needs no CSRF token (a GET link asks
# the same); the box POSTs only so that long questions are not cut off by URL limits.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """Answer ``q`` (with ``country`` for crisis lines), from the URL or the box's POST.

    A POST whose question fits in a URL is sent on to ``?q=`` (303, see
    :mod:`symptomdb.query_forms`); a longer one is answered at once. The question text is
    never logged or stored; only a count per screen level is kept.
    """
    params = query_params(request)
    question = params.get("q", "").strip()
    country = params.get("country", "").upper()[:2] or None
    context: dict[str, object] = {
        "question": question,
        "country": country,
        "directory": load_crisis_resources(),
    }
    if len(question) > MAX_QUESTION:
        # Refused before any work (the screen and the answerer cost time with length), and
        # given back whole in the box so the reader can shorten it.
        context["problem"] = gettext(
            "Your question is %(length)s characters long; the box takes at most %(limit)s. "
            "Shorten it, then ask again."
        ) % {
            "length": number_format(len(question), force_grouping=True),
            "limit": number_format(MAX_QUESTION, force_grouping=True),
        }
    elif question and (moved := see_other(request, {"q": question, "country": country or ""})):
        return moved
    elif question:
        # Spanish on the Spanish pages, and a Spanish question typed into the English box.
        page_spanish = (get_language() or "en").startswith("es")
        answer = answer_for(question, country, "es" if page_spanish else None)
        count_screen("ask", answer.screen.level)
        context.update(
            answer=answer,
            help=answer.help,
            parts=[
                (
                    KIND_BY_ID[p.kind].label if p.kind in KIND_BY_ID else p.kind,
                    p.hit.passage,
                    lead_html(p.lead, p.hit.passage),
                )
                for p in answer.parts
            ],
            related=[h.passage for h in answer.related],
        )
    return render(request, "answers/ask.html", context)
