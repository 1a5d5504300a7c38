"""POST /api/v1/screen: the crisis screen for integrators, with help in fixed fields."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from symptomdb.api.caching import never_store
from symptomdb.api.errors import ErrorOut
from symptomdb.api.throttling import ScreenThrottle
from symptomdb.helpfinder.counters import count_screen
from symptomdb.safety.crisis_screen import screen_text
from symptomdb.safety.help_first import help_first
from symptomdb.safety.serialise import help_to_dict, screen_to_dict

router = Router(tags=["safety"])

# As long as a comment or an ask-box question may be: the screen's cost grows with length,
# and no request may hold a worker for long, so longer text is refused before any work.
MAX_TEXT = 2000


class ScreenIn(Schema):
    text: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        description=f"What the reader wrote, at most {MAX_TEXT} characters.",
    )
    country: str | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="ISO 3166 alpha-2 code the reader chose, e.g. GB.",
    )


class ReasonOut(Schema):
    rule: str
    level: str
    words: str
    sentence: int


class ServiceOut(Schema):
    name: str
    phone: str | None
    text: str | None
    chat: str | None
    hours: str | None
    languages: list[str]
    source_url: str
    verified_on: str | None = Field(
        description="Date someone checked the entry directly with the service; null means never."
    )
    checked_against: str | None = Field(
        description="The organisation's own page whose stored copy showed the same contact "
        "details; null means not yet checked against the source."
    )
    checked_on: str | None = Field(description="When that comparison was made (YYYY-MM-DD).")
    checked_what: str | None = Field(description='What was compared, e.g. "phone 116 123".')
    check: str = Field(
        description="What to show beside the entry: \"matches the organisation's page (checked "
        '6 December 2026)" or "not yet checked against the source".'
    )


class CountryOut(Schema):
    code: str
    name: str


class DialOut(Schema):
    where: str = Field(description='Where the number answers, e.g. "United States and Canada".')
    name: str
    phone: str = Field(description='The number as written, e.g. "116 123".')
    tel: str = Field(description="A tel: link for the number.")
    note: str | None = Field(description='How to use it, e.g. "press 2 for Spanish".')


class HelpOut(Schema):
    leads: bool = Field(
        description="True for crisis and emergency: show this before anything else."
    )
    heading: str
    message: str
    emergency_number: str
    dial: list[DialOut] = Field(
        description="Numbers to call now, never empty; show them first, as tel: links. The "
        "chosen country's, or with no (or an unlisted) country a short list for the language."
    )
    country_chosen: bool = Field(description="True when `dial` is for the chosen country.")
    elsewhere: str | None = Field(
        description='With no country chosen: "or your local emergency number"; show it '
        "after `dial`."
    )
    country: CountryOut
    services: list[ServiceOut]


class ScreenOut(Schema):
    level: str = Field(description="none, concern, crisis or emergency")
    needs_help_first: bool
    reasons: list[ReasonOut]
    mentions_self_harm_or_suicide: bool
    help: HelpOut | None


@router.post(
    "/screen",
    response={
        200: ScreenOut,
        400: ErrorOut,
        413: ErrorOut,
        415: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    summary="Screen text for crisis language",
    throttle=[ScreenThrottle()],
)
@never_store()
def screen(request: HttpRequest, payload: ScreenIn) -> dict[str, Any]:
    """Return the level, the reasons and — for crisis and emergency — help to show first.

    Not a clinical risk assessment. The text is neither stored nor logged; only a daily
    count per level is kept. The body must be JSON (``Content-Type: application/json``), so
    no other website can make a browser post to it as a plain form; each client may call it
    ``SYMPTOMDB_SCREEN_RATE`` times (default 30 a minute), then gets 429.
    """
    if request.content_type != "application/json":
        raise HttpError(415, "send the body as JSON, with Content-Type: application/json")
    result = screen_text(payload.text)
    count_screen("api", result.level)
    data = screen_to_dict(result)
    data["needs_help_first"] = result.needs_help_first
    data["help"] = help_to_dict(help_first(result, payload.country))
    return data
