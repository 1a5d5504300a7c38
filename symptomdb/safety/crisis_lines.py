"""Crisis lines: the package's data file of crisis lines (``data/crisis_resources.yaml``), as
plain dataclasses.

They live in the safety core beside ``help_first``, which composes every help block from
them; the help finder and the pages read them from here. Plain Python, no Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from symptomdb.errors import CrisisResourceError

__all__ = [
    "CountryResources",
    "CrisisDirectory",
    "CrisisService",
    "last_checked",
    "load_crisis_resources",
    "stale_services",
]

DATA_FILE = Path(__file__).with_name("data") / "crisis_resources.yaml"
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class CrisisService:
    """One crisis line or chat service."""

    name: str
    source_url: str
    phone: str = ""
    text: str = ""
    chat: str = ""
    hours: str = ""
    languages: tuple[str, ...] = ()
    verified_on: dt.date | None = None
    checked_against: str = ""
    checked_on: dt.date | None = None
    checked_what: str = ""

    @property
    def matches_source(self) -> bool:
        """True when a maintainer found this entry's contact details on a stored copy of the
        organisation's own page (``checked_against``, on ``checked_on``). A stored page is
        not a phone call: never call this "verified"."""
        return bool(self.checked_on and self.checked_against)

    @property
    def check_label(self) -> str:
        """What the site says about this entry's check, in plain English."""
        if self.matches_source and self.checked_on:
            d = self.checked_on
            when = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
            return f"matches the organisation's page (checked {when})"
        return "not yet checked against the source"

    @property
    def tel_href(self) -> str:
        """The phone number as a ``tel:`` link target (digits and a leading + only)."""
        # "*" stays: short codes such as Chile's *4141 are dialled with it (RFC 3966 allows it).
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch in "+*")
        return f"tel:{digits}" if digits else ""


@dataclass(frozen=True)
class CountryResources:
    """A country's emergency number and crisis services."""

    code: str
    name: str
    emergency: str
    services: tuple[CrisisService, ...]


@dataclass(frozen=True)
class CrisisDirectory:
    """All countries plus the international fallback."""

    countries: tuple[CountryResources, ...]
    fallback: CountryResources

    def in_language_first(self, language: str) -> CrisisDirectory:
        """The same directory with services in ``language`` ("Spanish") first: countries
        with such a service before the others, and inside each country those services first
        (the order within each group stays as written)."""

        def speaks(service: CrisisService) -> bool:
            return language in service.languages

        countries = [
            CountryResources(
                c.code,
                c.name,
                c.emergency,
                tuple(sorted(c.services, key=lambda s: not speaks(s))),
            )
            for c in self.countries
        ]
        countries.sort(key=lambda c: not any(speaks(s) for s in c.services))
        return CrisisDirectory(tuple(countries), self.fallback)

    def for_country(self, code: str | None) -> CountryResources:
        """Return the resources for an ISO 3166 alpha-2 code, or the fallback."""
        wanted = (code or "").upper()
        for country in self.countries:
            if country.code == wanted:
                return country
        return self.fallback


def _service(raw: Any, where: str) -> CrisisService:
    if not isinstance(raw, dict):
        raise CrisisResourceError(f"{where}: expected a mapping")
    for required in ("name", "source_url"):
        if not isinstance(raw.get(required), str) or not raw[required].strip():
            raise CrisisResourceError(f"{where}, field `{required}`: required")
    if not any(raw.get(k) for k in ("phone", "text", "chat")):
        raise CrisisResourceError(f"{where}: give at least one of phone, text, chat")
    verified = raw.get("verified_on")
    if verified is not None and not isinstance(verified, dt.date):
        raise CrisisResourceError(f"{where}, field `verified_on`: expected YYYY-MM-DD or null")
    checked_on = raw.get("checked_on")
    if checked_on is not None and not isinstance(checked_on, dt.date):
        raise CrisisResourceError(f"{where}, field `checked_on`: expected YYYY-MM-DD or null")
    checked_against = str(raw.get("checked_against") or "")
    checked_what = str(raw.get("checked_what") or "")
    if checked_on and not (checked_against.startswith(("https://", "http://")) and checked_what):
        raise CrisisResourceError(
            f"{where}: `checked_on` needs `checked_against` (the page's URL) and "
            "`checked_what` (what was compared)"
        )
    if checked_against and not checked_on:
        raise CrisisResourceError(f"{where}: `checked_against` needs `checked_on`")
    return CrisisService(
        name=raw["name"],
        source_url=raw["source_url"],
        phone=str(raw.get("phone") or ""),
        text=str(raw.get("text") or ""),
        chat=str(raw.get("chat") or ""),
        hours=str(raw.get("hours") or ""),
        languages=tuple(raw.get("languages") or ()),
        verified_on=verified,
        checked_against=checked_against,
        checked_on=checked_on,
        checked_what=checked_what,
    )


def _country(raw: Any, where: str) -> CountryResources:
    if not isinstance(raw, dict):
        raise CrisisResourceError(f"{where}: expected a mapping")
    for required in ("code", "name", "emergency"):
        if not isinstance(raw.get(required), str) or not raw[required].strip():
            raise CrisisResourceError(f"{where}, field `{required}`: required")
    services = raw.get("services") or []
    if not services:
        raise CrisisResourceError(f"{where}, field `services`: at least one service is required")
    return CountryResources(
        code=raw["code"],
        name=raw["name"],
        emergency=raw["emergency"],
        services=tuple(_service(s, f"{where}.services[{i}]") for i, s in enumerate(services)),
    )


def parse_crisis_resources(text: str, source: str) -> CrisisDirectory:
    """Parse the crisis resources YAML.

    Raises:
        CrisisResourceError: naming the file and the entry at fault.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CrisisResourceError(f"{source}: malformed YAML: {exc}") from None
    if not isinstance(data, dict) or "countries" not in data or "fallback" not in data:
        raise CrisisResourceError(f"{source}: expected top-level `countries` and `fallback`")
    countries = tuple(
        _country(c, f"{source}: countries[{i}]") for i, c in enumerate(data["countries"])
    )
    codes = [c.code for c in countries]
    if len(set(codes)) != len(codes):
        raise CrisisResourceError(f"{source}: a country code appears twice")
    return CrisisDirectory(
        countries=countries, fallback=_country(data["fallback"], f"{source}: fallback")
    )


@cache
def load_crisis_resources(path: Path = DATA_FILE) -> CrisisDirectory:
    """Load (once) and return the shipped crisis resources."""
    return parse_crisis_resources(path.read_text(encoding="utf-8"), str(path))


def last_checked(service: CrisisService) -> dt.date | None:
    """The latest date the entry was checked: against the organisation's page
    (``checked_on``) or directly (``verified_on``); None if never."""
    dates = [d for d in (service.checked_on, service.verified_on) if d is not None]
    return max(dates) if dates else None


def stale_services(
    directory: CrisisDirectory, today: dt.date, max_age_days: int = 183
) -> list[tuple[CountryResources, CrisisService]]:
    """Entries never checked against their source, or last checked more than
    ``max_age_days`` before ``today``."""
    limit = today - dt.timedelta(days=max_age_days)
    return [
        (country, service)
        for country in (*directory.countries, directory.fallback)
        for service in country.services
        if (checked := last_checked(service)) is None or checked < limit
    ]
