"""Help first: the calm words and crisis lines that lead any reply to a risky text, and the
one line of help on every page.

Plain Python (no Django). Pages, the CLI and the API all build their help here, so the
wording and the choice of lines are the same everywhere: templates only lay it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from symptomdb.errors import CrisisResourceError
from symptomdb.safety.crisis_lines import (
    CountryResources,
    CrisisDirectory,
    CrisisService,
    load_crisis_resources,
)
from symptomdb.safety.crisis_screen import CrisisLevel, ScreenResult

__all__ = [
    "CountryHelp",
    "DialLine",
    "HelpFirst",
    "HelpLine",
    "dial_lines",
    "help_first",
    "help_line",
    "help_text_lines",
    "local_emergency_words",
]


@dataclass(frozen=True)
class DialLine:
    """A number a reader can dial now.

    Attributes:
        where: where it answers ("United States and Canada", "España").
        name: the service(s) that answer it.
        phone: the number as written ("116 123").
        tel_href: the ``tel:`` link target.
        note: how to use it, in the reader's language ("press 2 for Spanish…"), or "".
        services: the data entries behind the line (for their sources and checks).
        short_where: ``where`` in a few letters for the one-line help ("US & Canada").
    """

    where: str
    name: str
    phone: str
    tel_href: str
    note: str
    services: tuple[CrisisService, ...]
    short_where: str = ""


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
        dial: numbers to call now, never empty: the chosen country's, or with no country
            (or one we do not list) a short list for the page's language.
        country_chosen: True when ``dial`` is for the reader's chosen country.
        elsewhere: with no country chosen, "or your local emergency number" in the
            reader's language; "" otherwise.
        withheld: True when the answer itself is withheld for safety (emergency):
            show this block and nothing else.
    """

    level: CrisisLevel
    leads: bool
    heading: str
    message: str
    emergency_number: str
    country: CountryResources
    dial: tuple[DialLine, ...]
    country_chosen: bool
    elsewhere: str
    withheld: bool


# The language names crisis-resources.yaml uses in each service's `languages`.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}

# Each message is said after the numbers to dial, which always come first.
_WORDS = {
    CrisisLevel.EMERGENCY: (
        "Please get help right now",
        "If you or someone with you is in danger or has been hurt, call {emergency} now or go to "
        "the nearest emergency department. If someone is nearby, tell them what is happening. "
        "A crisis line will also talk with you now.",
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
        "pasa. Una línea de crisis también puede hablar contigo ahora.",
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
_LOCAL_EMERGENCY = {"en": "your local emergency number", "es": "número de emergencias de tu país"}
# Said after the short list when no country is chosen.
_ELSEWHERE = {
    "en": "or your local emergency number",
    "es": "o el número de emergencias de tu país",
}

# With no country chosen, the numbers each language's readers most likely can dial: groups of
# (country code, service name in crisis_resources.yaml) that share one number.
_DEFAULT_LINES: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "en": (
        (("US", "988 Suicide & Crisis Lifeline"), ("CA", "9-8-8 Suicide Crisis Helpline")),
        (("GB", "Samaritans"), ("IE", "Samaritans Ireland")),
        (("AU", "Lifeline Australia"),),
    ),
    "es": (
        (("US", "988 Lifeline en español (in Spanish)"),),
        (("ES", "Línea 024 de atención a la conducta suicida (suicide crisis line)"),),
        (("MX", "Línea de la Vida"),),
    ),
}
# How to reach a service in the reader's language, where its number alone is not enough.
_NOTES: dict[tuple[str, str], dict[str, str]] = {
    ("US", "988 Lifeline en español (in Spanish)"): {
        "en": "press 2 for Spanish, or text AYUDA to 988",
        "es": "marca 2 para hablar en español, o envía AYUDA por SMS al 988",
    },
}
# Country names on the Spanish pages (the data file's are English).
_COUNTRY_NAMES_ES = {
    "US": "Estados Unidos",
    "CA": "Canadá",
    "GB": "Reino Unido",
    "IE": "Irlanda",
    "AU": "Australia",
    "ES": "España",
    "MX": "México",
}
_AND = {"en": " and ", "es": " y "}
# The same places in a few letters, for the one line of help on every page (390 px wide).
_SHORT_NAMES = {
    "en": {"US": "US", "CA": "Canada", "GB": "UK", "IE": "Ireland", "AU": "Australia"},
    "es": {"US": "Estados Unidos", "ES": "España", "MX": "México"},
}
_SHORT_AND = {"en": " & ", "es": " y "}


def _language(language: str) -> str:
    return language if language in _WORDS_BY_LANGUAGE else "en"


def _place(country: CountryResources, language: str) -> str:
    if language == "es":
        return _COUNTRY_NAMES_ES.get(country.code, country.name)
    return country.name


def local_emergency_words(language: str = "en") -> str:
    """ "your local emergency number" in the reader's language."""
    return _LOCAL_EMERGENCY[_language(language)]


def _find(
    directory: CrisisDirectory, code: str, name: str
) -> tuple[CountryResources, CrisisService]:
    country = directory.for_country(code)
    for service in country.services:
        if country.code == code and service.name == name and service.phone:
            return country, service
    raise CrisisResourceError(f"crisis_resources.yaml: no phone line {name!r} for {code}")


def dial_lines(
    country_code: str | None = None,
    language: str = "en",
    directory: CrisisDirectory | None = None,
) -> tuple[tuple[DialLine, ...], bool]:
    """The numbers to dial now, and whether they are for the reader's chosen country.

    Args:
        country_code: the reader's chosen ISO 3166 alpha-2 code, or None.
        language: "en" or "es": the default list and the words of the notes.
        directory: crisis lines (defaults to the shipped data).

    Returns:
        ``(lines, chosen)``. For a listed country, its services that have a phone number
        (services in the reader's language first) and True. With no country, or one we do
        not list, the short list for the language (English: US and Canada 988, UK and
        Ireland 116 123, Australia 13 11 14; Spanish: the 988 Lifeline in Spanish, Spain's
        024, Mexico's Línea de la Vida) and False. Never empty.
    """
    language = _language(language)
    directory = directory or load_crisis_resources()
    if language != "en":
        directory = directory.in_language_first(LANGUAGE_NAMES[language])
    country = directory.for_country(country_code)
    if country.code != directory.fallback.code:
        lines = tuple(
            DialLine(
                where=_place(country, language),
                name=s.name,
                phone=s.phone,
                tel_href=s.tel_href,
                note=_NOTES.get((country.code, s.name), {}).get(language, ""),
                services=(s,),
            )
            for s in country.services
            if s.phone
        )
        if lines:
            return lines, True
    grouped = []
    for group in _DEFAULT_LINES[language]:
        found = [_find(directory, code, name) for code, name in group]
        first_country, first = found[0]
        grouped.append(
            DialLine(
                where=_AND[language].join(_place(c, language) for c, _ in found),
                name=" / ".join(dict.fromkeys(s.name for _, s in found)),
                phone=first.phone,
                tel_href=first.tel_href,
                note=_NOTES.get((first_country.code, first.name), {}).get(language, ""),
                services=tuple(s for _, s in found),
                short_where=_SHORT_AND[language].join(
                    _SHORT_NAMES[language].get(c.code, _place(c, language)) for c, _ in found
                ),
            )
        )
    return tuple(grouped), False


@dataclass(frozen=True)
class CountryHelp:
    """A listed country's numbers, for a reader who has chosen it.

    Attributes:
        country: the country's crisis resources (its name is translated by the page).
        dial: its services that have a phone number (services in the reader's language
            first); never empty.
        emergency_phone: the first number of its emergency line ("112" of "112 or 999").
        emergency_tel_href: that number as a ``tel:`` link target.
    """

    country: CountryResources
    dial: tuple[DialLine, ...]
    emergency_phone: str
    emergency_tel_href: str


@dataclass(frozen=True)
class HelpLine:
    """The help every page carries in one line, expanding to a short panel on request.

    Attributes:
        dial: with no country chosen, the short list of numbers for the page's language
            (:func:`dial_lines`); never empty.
        elsewhere: "or your local emergency number", in the reader's language.
        countries: every listed country that has a number, for the country picker and for
            the reader's chosen country (the page shows that country's lines instead of the
            short list when the reader has chosen one on "Get help now").
    """

    dial: tuple[DialLine, ...]
    elsewhere: str
    countries: tuple[CountryHelp, ...]


def help_line(language: str = "en", directory: CrisisDirectory | None = None) -> HelpLine:
    """The one line of help for every page in ``language`` ("en", "es").

    The same numbers as :func:`help_first` gives a risky text with no country, so a reader
    meets one set of numbers everywhere; each country's lines come from :func:`dial_lines`.
    """
    language = _language(language)
    if directory is None:
        return _shipped_help_line(language)
    if language != "en":
        directory = directory.in_language_first(LANGUAGE_NAMES[language])
    dial, _ = dial_lines(None, language, directory)
    countries = []
    for country in directory.countries:
        lines, chosen = dial_lines(country.code, language, directory)
        if not chosen:
            continue  # a country with no number to dial gets the short list instead
        first = re.match(r"\s*([0-9]+)", country.emergency)
        phone = first.group(1) if first else ""
        countries.append(CountryHelp(country, lines, phone, f"tel:{phone}" if phone else ""))
    return HelpLine(dial=dial, elsewhere=_ELSEWHERE[language], countries=tuple(countries))


@lru_cache(maxsize=len(_WORDS_BY_LANGUAGE))
def _shipped_help_line(language: str) -> HelpLine:
    # Built once per language per process: every page renders it.
    return help_line(language, load_crisis_resources())


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
            address); unknown or missing codes get a short list of numbers for the
            language, "or your local emergency number", and the international directories.
        directory: crisis lines (defaults to the shipped data).
        language: the reader's language ("en", "es"): the wording, and services that
            answer in it come first.

    Returns:
        A ``HelpFirst`` for crisis and emergency (``leads`` is True), for concern, and for
        texts that mention self-harm or suicide at all; None for everything else. Its
        ``dial`` always holds at least one number to call.
    """
    if result.level == CrisisLevel.NONE and not result.mentions_self_harm_or_suicide:
        return None
    language = _language(language)
    directory = directory or load_crisis_resources()
    if language != "en":
        directory = directory.in_language_first(LANGUAGE_NAMES[language])
    country = directory.for_country(country_code)
    dial, chosen = dial_lines(country_code, language, directory)
    heading, message = _WORDS_BY_LANGUAGE[language][result.level]
    emergency = country.emergency if chosen else _LOCAL_EMERGENCY[language]
    return HelpFirst(
        level=result.level,
        leads=result.needs_help_first,
        heading=heading,
        message=message.format(emergency=emergency),
        emergency_number=emergency,
        country=country,
        dial=dial,
        country_chosen=chosen,
        elsewhere="" if chosen else _ELSEWHERE[language],
        withheld=result.level == CrisisLevel.EMERGENCY,
    )


def _text_contact(text: str) -> str:
    if not text:
        return ""
    return text if text.lower().startswith("text ") else f"text {text}"


def help_text_lines(block: HelpFirst, *, every_service: bool = False) -> list[str]:
    """The help block as plain text for the command line: the numbers to dial first.

    With ``every_service`` each service of the country follows with all its contacts (the
    ``screen`` command); otherwise only those reached by text or chat, whose numbers are not
    already listed (the ``ask`` command).
    """
    lines = [block.heading.upper()]
    for line in block.dial:
        note = f" ({line.note})" if line.note else ""
        lines.append(f"  Call {line.phone} — {line.name}, {line.where}{note}")
    if block.elsewhere:
        lines.append(f"  {block.elsewhere[0].upper()}{block.elsewhere[1:]}")
    lines += [block.message, f"Emergency: {block.emergency_number}"]
    for service in block.country.services:
        if every_service:
            parts = (
                f"call {service.phone}" if service.phone else "",
                _text_contact(service.text),
                service.chat,
            )
            lines.append(f"  {service.name}: {', '.join(p for p in parts if p)}")
        elif not service.phone and (service.text or service.chat):
            lines.append(f"  {service.name}: {service.text or service.chat}")
    return lines
