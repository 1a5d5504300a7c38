"""GET and POST /api/v1/answer: the answering pipeline for integrators (safety first, fixed
fields). POST takes the same fields as a JSON body, for questions too long for a URL."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from symptomdb.answering.serialise import answer_to_dict
from symptomdb.answers.asking import answer_for
from symptomdb.api.caching import never_store
from symptomdb.api.errors import ErrorOut
from symptomdb.api.safety import HelpOut, ReasonOut
from symptomdb.helpfinder.counters import count_screen

router = Router(tags=["answers"])


class AnswerParams(Schema):
    q: str = Field(min_length=1, max_length=2000, description="The reader's question.")
    country: str | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="ISO 3166 alpha-2 code the reader chose.",
    )
    lang: Literal["en", "es"] | None = Field(
        default=None,
        description="Answer in English (topics and MedQuAD) or Spanish (the Spanish topics, "
        "help worded in Spanish). Left out: a question that looks Spanish is answered in "
        "Spanish.",
    )


class ScreenOut(Schema):
    level: str
    reasons: list[ReasonOut]
    mentions_self_harm_or_suicide: bool


class PassageOut(Schema):
    id: str
    origin: str = Field(description="topic (symptomdb content) or medquad")
    kind: str
    title: str
    question: str
    text: str | None = Field(
        description="The source's own words; null when the publisher withheld them."
    )
    answer_withheld: bool
    url: str
    source: str
    licence: str
    reviewed: bool | None = Field(description="For symptomdb topics: reviewed by a clinician?")
    updated: str | None
    citation: str


class PartOut(PassageOut):
    score: float
    lead: list[str] = Field(
        description="The few sentences of the passage that answer the question, in its own "
        "words and order; citations kept as numbers, `[n]` being `references[n-1]`. Show "
        "them first, then `text` on request."
    )
    references: list[str] = Field(
        description="For symptomdb topics: the page's reference keys in numbered order "
        "(each at `url` without its fragment, `#ref-<key>`); empty otherwise."
    )


class AnswerOut(Schema):
    question: str
    kinds: list[str]
    focus: list[str]
    needs_help_first: bool = Field(description="Show `help` before anything else when true.")
    help: HelpOut | None
    screen: ScreenOut
    withheld_for_safety: bool = Field(
        description="True at the emergency level: the answer is withheld and `parts` and "
        "`related` are empty; show `help` (its `dial` numbers first) and nothing else."
    )
    confident: bool = Field(description="False: we have no good answer; say so and offer help.")
    parts: list[PartOut]
    related: list[PassageOut]


@router.get("/answer", response={200: AnswerOut, 422: ErrorOut}, summary="Answer a health question")
@never_store()
def answer(request: HttpRequest, params: Query[AnswerParams]) -> dict[str, Any]:
    """Screen, then answer extractively from symptomdb topics and MedQuAD, with sources.

    Crisis and emergency lead with help whose `dial` numbers can be called now; at emergency
    the answer is withheld (`withheld_for_safety`): help only.

    The question is not stored or logged; only a daily count per screen level is kept.
    """
    return _answer(params)


@router.post(
    "/answer",
    response={200: AnswerOut, 400: ErrorOut, 415: ErrorOut, 422: ErrorOut},
    summary="Answer a health question sent as JSON",
)
@never_store()
def answer_sent(request: HttpRequest, payload: AnswerParams) -> dict[str, Any]:
    """The same answer as `GET /answer`, for a question sent as a JSON body (`q`, `country`,
    `lang`): a long question in a non-Latin script does not fit in a URL (2,000 Cyrillic
    characters are 12 KB percent-encoded; servers refuse request lines past 4–8 KB).

    The body must be JSON (``Content-Type: application/json``), so no other website can make
    a browser post to it as a plain form. Nothing is stored or logged but a daily count per
    screen level.
    """
    if request.content_type != "application/json":
        raise HttpError(415, "send the body as JSON, with Content-Type: application/json")
    return _answer(payload)


def _answer(params: AnswerParams) -> dict[str, Any]:
    result = answer_for(params.q, params.country, params.lang)
    count_screen("api", result.screen.level)
    return answer_to_dict(result)
