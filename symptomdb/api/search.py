"""GET /api/v1/search: ranked sections of our topics and imported MedQuAD pairs.

Search uses the answering index (``get_answer_index``), not Wagtail search: it already
holds both topic sections and MedQuAD records (which are not Wagtail pages), knows each
topic's synonyms and tolerates misspellings, and answers from memory. Like /answer, the
query is screened first and is never stored or logged; responses are ``no-store``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints

from symptomdb.answering.index import Hit
from symptomdb.answering.question_types import question_types
from symptomdb.answers.building import get_answer_index
from symptomdb.api.caching import never_store
from symptomdb.api.errors import ErrorOut
from symptomdb.api.pagination import PageParams, page_of
from symptomdb.api.safety import HelpOut
from symptomdb.helpfinder.counters import count_screen
from symptomdb.safety.crisis_screen import CrisisLevel, screen_text
from symptomdb.safety.help_first import help_first
from symptomdb.safety.serialise import help_to_dict
from symptomdb.vocabulary import KIND_BY_ID

router = Router(tags=["search"])

# Ranking is only meaningful near the top; deeper pages would be noise and cost more.
MAX_RESULTS = 100
SNIPPET_CHARS = 280
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")


class SearchParams(PageParams):
    q: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)] = (
        Field(description="What to search for: words, a name or a question.")
    )
    country: str | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="ISO 3166 alpha-2 code the reader chose, for the help block.",
    )


class SearchHitOut(Schema):
    id: str = Field(description="topic:SLUG#ANCHOR, or the MedQuAD answer id.")
    origin: str = Field(description="topic (symptomdb content) or medquad")
    kind: str
    kind_label: str
    title: str
    heading: str = Field(description="The section heading, or the MedQuAD question.")
    snippet: str | None = Field(
        description="The start of the text; null when the publisher withheld it."
    )
    url: str = Field(description="Where to read it on this site.")
    source_url: str | None = Field(description="The publisher's page (MedQuAD); null for topics.")
    source: str
    licence: str
    reviewed: bool | None = Field(description="For symptomdb topics: reviewed by a clinician?")
    updated: str | None
    score: float


class SearchOut(Schema):
    needs_help_first: bool = Field(description="Show `help` before the results when true.")
    help: HelpOut | None
    withheld_for_safety: bool = Field(
        description="True at the emergency level: no results are given; show `help` (its "
        "`dial` numbers first) and nothing else."
    )
    items: list[SearchHitOut]
    count: int = Field(description=f"How many results in all pages (at most {MAX_RESULTS}).")
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None


def _snippet(text: str) -> str | None:
    if not text:
        return None
    # Topic passages have their citation marks removed, which can leave "word ." behind.
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def hit_to_dict(hit: Hit, request: HttpRequest) -> dict[str, Any]:
    """One search result as JSON-ready data, with links made absolute."""
    p = hit.passage
    ours = p.origin == "topic"
    return {
        "id": p.id,
        "origin": p.origin,
        "kind": p.kind,
        "kind_label": KIND_BY_ID[p.kind].label if p.kind in KIND_BY_ID else p.kind,
        "title": p.title,
        "heading": p.heading,
        "snippet": _snippet(p.text),
        "url": request.build_absolute_uri(p.url if ours else p.extra.get("record", p.url)),
        "source_url": None if ours else p.url,
        "source": p.source,
        "licence": p.licence,
        "reviewed": p.reviewed if ours else None,
        "updated": p.updated or None,
        "score": round(hit.score, 4),
    }


@router.get(
    "/search",
    response={200: SearchOut, 422: ErrorOut},
    summary="Search topics and MedQuAD",
)
@never_store()
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    """Rank topic sections and MedQuAD question–answer pairs for ``q``, best first.

    The query is screened for crisis language first: when ``needs_help_first`` is true, show
    ``help`` (its ``dial`` numbers first) before the results; at the emergency level no
    results are given (``withheld_for_safety``). The query is not stored or logged; only a daily count per
    screen level is kept.
    """
    screen = screen_text(params.q)
    count_screen("api", screen.level)
    withheld = screen.level == CrisisLevel.EMERGENCY
    hits = (
        []
        if withheld
        else get_answer_index().find(params.q, question_types(params.q), k=MAX_RESULTS)
    )
    page = page_of(hits, params, request)
    page["items"] = [hit_to_dict(hit, request) for hit in page["items"]]
    return {
        "needs_help_first": screen.needs_help_first,
        "help": help_to_dict(help_first(screen, params.country)),
        "withheld_for_safety": withheld,
        **page,
    }
