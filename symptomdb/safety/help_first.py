"""Help first: the calm words and crisis lines that lead any reply to a risky text.

Plain Python (no Django). Pages, the CLI and the API all build their help-first block here,
so the wording and the choice of lines are the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from symptomdb.helpfinder.resources import CountryResources, CrisisDirectory, load_crisis_resources
from symptomdb.safety.crisis_screen import CrisisLevel, ScreenResult

__all__ = ["HelpFirst", "help_first"]


@dataclass(frozen=True)
class HelpFirst:
    """What to show before anything else.

    Attributes:
        level: the screen's level.
        leads: True when nothing may come before this block (crisis and emergency).
        heading: a short, calm heading.
        message: one or two plain sentences.
        emergency_number: the reader's emergency number (or "your local emergency number").
        country: the crisis lines shown (the reader's country, or the international fallback).
    """

    level: CrisisLevel
    leads: bool
    heading: str
    message: str
    emergency_number: str
    country: CountryResources


_WORDS = {
    CrisisLevel.EMERGENCY: (
        "Please get help right now",
        "If you or someone with you is in danger or has been hurt, call {emergency} now or go to "
        "the nearest emergency department. If someone is nearby, tell them what is happening. "
        "You can also call a crisis line now:",
    ),
    CrisisLevel.CRISIS: (
        "You don't have to face this alone",
        "It sounds like things are really hard right now. Talking to someone can help, and you can "
        "do it today. These services are free and confidential. If you are in danger, call "
        "{emergency}.",
    ),
    CrisisLevel.CONCERN: (
        "Support is available",
        "If you or someone you care about is struggling, these services can help. If anyone is "
        "in danger, call {emergency}.",
    ),
    CrisisLevel.NONE: (
        "Where to find help",
        "If this topic affects you or someone close to you, support is available. If anyone is "
        "in danger, call {emergency}.",
    ),
}


def help_first(
    result: ScreenResult, country_code: str | None = None, directory: CrisisDirectory | None = None
) -> HelpFirst | None:
    """Build the help block for a screened text.

    Args:
        result: the crisis screen's verdict.
        country_code: ISO 3166 alpha-2 code the reader chose (never guessed from an IP
            address); unknown or missing codes get the international fallback.
        directory: crisis lines (defaults to the shipped data).

    Returns:
        A ``HelpFirst`` for crisis and emergency (``leads`` is True), for concern, and for
        texts that mention self-harm or suicide at all; None for everything else.
    """
    if result.level == CrisisLevel.NONE and not result.mentions_self_harm_or_suicide:
        return None
    directory = directory or load_crisis_resources()
    country = directory.for_country(country_code)
    heading, message = _WORDS[result.level]
    return HelpFirst(
        level=result.level,
        leads=result.needs_help_first,
        heading=heading,
        message=message.format(emergency=country.emergency),
        emergency_number=country.emergency,
        country=country,
    )
