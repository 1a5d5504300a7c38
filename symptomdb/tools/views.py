"""Pages of the readers' tools, and the offline service worker.

Every response here is the same for every reader (the page cache may keep it): what a
reader writes or chooses lives only in their browser. Query parameters pick server-side
suggestions (``?topic=`` a published topic's coping ideas, ``?country=`` crisis lines);
unknown values redirect to the plain page, so random query strings are never cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from symptomdb.safety.crisis_lines import CountryResources, CrisisService, load_crisis_resources
from symptomdb.tools.coping_ideas import coping_ideas
from symptomdb.tools.plan import COPING_STEP, PLAN_STEPS, PROFESSIONALS_STEP
from symptomdb.topics.blocks import block_name_to_kind
from symptomdb.topics.models import TopicPage, readable_topics

SERVICE_WORKER = settings.PACKAGE_DIR / "static" / "js" / "sw.js"


@dataclass(frozen=True)
class CountryLines:
    """A country's crisis lines as the plan's suggestions."""

    code: str
    name: str
    lines: list[str]


def crisis_line_text(service: CrisisService) -> str:
    """One crisis line as a plan entry: "Samaritans: call 116 123"."""
    ways = []
    if service.phone and service.text == service.phone:
        ways.append(_("call or text %(number)s") % {"number": service.phone})
    else:
        if service.phone:
            ways.append(_("call %(number)s") % {"number": service.phone})
        if service.text:
            text = service.text
            if text.lower().startswith("text "):  # an instruction, translated as a whole
                text = _(text)
                ways.append(text[0].lower() + text[1:])
            else:
                ways.append(_("text %(number)s") % {"number": text})
    if service.chat:
        ways.append(_("chat at %(address)s") % {"address": service.chat})
    return f"{_(service.name)}: {', '.join(ways)}"


def country_lines(country: CountryResources) -> CountryLines:
    """The country's emergency number and crisis lines, as texts for the plan."""
    lines = [crisis_line_text(s) for s in country.services]
    lines.append(_("Emergency number: %(number)s") % {"number": _(country.emergency)})
    return CountryLines(country.code, country.name, lines)


def topic_coping_ideas(topic: TopicPage) -> list[str]:
    """The ideas in the topic's coping sections (see :mod:`symptomdb.tools.coping_ideas`)."""
    ideas: list[str] = []
    for block in topic.body:
        if block_name_to_kind(block.block_type) == COPING_STEP:
            ideas.extend(i for i in coping_ideas(block.value.get("body") or "") if i not in ideas)
    return ideas


def _plain_redirect(request: HttpRequest, drop: str) -> HttpResponseRedirect:
    query = request.GET.copy()
    query.pop(drop, None)
    suffix = f"?{query.urlencode()}" if query else ""
    return HttpResponseRedirect(f"{request.path}{suffix}")


def safety_plan(request: HttpRequest) -> HttpResponse:
    """The safety plan: the steps, suggestions for the reader to keep, edit or delete.

    ``?topic=<slug>`` adds that published topic's coping ideas; ``?country=GB`` picks whose
    crisis lines are printed when JavaScript is off (with it, the reader's choice in the
    browser wins). An unknown topic or country redirects to the page without it.
    """
    directory = load_crisis_resources()
    topic: TopicPage | None = None
    slug = request.GET.get("topic", "")
    if slug:
        topic = readable_topics().filter(slug=slug).first()
        if topic is None:
            return _plain_redirect(request, "topic")
    code = request.GET.get("country", "").upper()
    chosen = next((c for c in directory.countries if c.code == code), None)
    if code and chosen is None:
        return _plain_redirect(request, "country")
    ideas = topic_coping_ideas(topic) if topic else []
    steps = []
    for step in PLAN_STEPS:
        suggestions = [str(s) for s in step.suggestions]
        if step.id == COPING_STEP and ideas:
            suggestions = ideas + [s for s in suggestions if s not in ideas]
        steps.append({"step": step, "suggestions": suggestions})
    return render(
        request,
        "tools/safety_plan.html",
        {
            "steps": steps,
            "professionals_step": PROFESSIONALS_STEP,
            "topic": topic,
            "chosen": chosen,
            "printed_lines": country_lines(chosen or directory.fallback),
            "countries": [country_lines(c) for c in directory.countries],
            "fallback_lines": country_lines(directory.fallback),
        },
    )


def coping_toolkit(request: HttpRequest) -> HttpResponse:
    """Short guided activities: breathing, grounding, a delay timer, ideas."""
    return render(request, "tools/coping.html")


@cache
def _service_worker_source() -> bytes:
    return SERVICE_WORKER.read_bytes()


def service_worker(request: HttpRequest) -> HttpResponse:
    """``/sw.js``: the offline worker, served from the site root so it may control /help/.

    ``no-cache`` makes the browser revalidate it on each check for a new version.
    """
    response = HttpResponse(_service_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response
