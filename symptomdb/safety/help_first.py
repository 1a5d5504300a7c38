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


# The language names crisis-resources.yaml uses in each service's `languages`.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}

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


# The same words in Spanish: calm, plain, "tú" (as the Spanish pages speak to the reader).
_WORDS_ES = {
    CrisisLevel.EMERGENCY: (
        "Por favor, pide ayuda ahora mismo",
        "Si tú o alguien que está contigo está en peligro o se ha hecho daño, llama ya al "
        "{emergency} o ve a las urgencias más cercanas. Si hay alguien cerca, cuéntale lo que "
        "pasa. También puedes llamar ahora a una línea de crisis:",
    ),
    CrisisLevel.CRISIS: (
        "No tienes que pasar por esto sin compañía",
        "Parece que ahora mismo las cosas están siendo muy difíciles. Hablar con alguien puede "
        "ayudar, y puedes hacerlo hoy. Estos servicios son gratuitos y confidenciales. Si estás "
        "en peligro, llama al {emergency}.",
    ),
    CrisisLevel.CONCERN: (
        "Hay apoyo disponible",
        "Si tú o alguien a quien quieres lo está pasando mal, estos servicios pueden ayudar. Si "
        "alguien está en peligro, llama al {emergency}.",
    ),
    CrisisLevel.NONE: (
        "Dónde encontrar ayuda",
        "Si este tema te afecta a ti o a alguien cercano, hay apoyo disponible. Si alguien está "
        "en peligro, llama al {emergency}.",
    ),
}
_WORDS_BY_LANGUAGE = {"en": _WORDS, "es": _WORDS_ES}
# "your local emergency number" (the fallback's) in each language.
_LOCAL_EMERGENCY = {"es": "número de emergencias de tu país"}


def help_first(
    result: ScreenResult,
    country_code: str | None = None,
    directory: CrisisDirectory | None = None,
    language: str = "en",
) -> HelpFirst | None:
    """Build the help block for a screened text.

    Args:
        result: the crisis screen's verdict.
        country_code: ISO 3166 alpha-2 code the reader chose (never guessed from an IP
            address); unknown or missing codes get the international fallback.
        directory: crisis lines (defaults to the shipped data).
        language: the reader's language ("en", "es"): the wording, and services that
            answer in it come first.

    Returns:
        A ``HelpFirst`` for crisis and emergency (``leads`` is True), for concern, and for
        texts that mention self-harm or suicide at all; None for everything else.
    """
    if result.level == CrisisLevel.NONE and not result.mentions_self_harm_or_suicide:
        return None
    directory = directory or load_crisis_resources()
    if language in LANGUAGE_NAMES and language != "en":
        directory = directory.in_language_first(LANGUAGE_NAMES[language])
    country = directory.for_country(country_code)
    heading, message = _WORDS_BY_LANGUAGE.get(language, _WORDS)[result.level]
    emergency = country.emergency
    if country.code == directory.fallback.code:
        emergency = _LOCAL_EMERGENCY.get(language, emergency)
    return HelpFirst(
        level=result.level,
        leads=result.needs_help_first,
        heading=heading,
        message=message.format(emergency=emergency),
        emergency_number=emergency,
        country=country,
    )
