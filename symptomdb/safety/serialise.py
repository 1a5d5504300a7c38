"""Plain-data forms of screen results and help blocks, shared by the CLI and the API."""

from __future__ import annotations

from typing import Any

from symptomdb.safety.crisis_lines import CrisisService
from symptomdb.safety.crisis_screen import ScreenResult
from symptomdb.safety.help_first import DialLine, HelpFirst


def screen_to_dict(result: ScreenResult) -> dict[str, Any]:
    """The result as JSON-ready data: ``level``, ``reasons``, ``mentions_self_harm_or_suicide``."""
    return {
        "level": result.level.label,
        "reasons": [
            {"rule": r.rule, "level": r.level.label, "words": r.words, "sentence": r.sentence}
            for r in result.reasons
        ],
        "mentions_self_harm_or_suicide": result.mentions_self_harm_or_suicide,
    }


def service_to_dict(service: CrisisService) -> dict[str, Any]:
    """One crisis service as JSON-ready data."""
    return {
        "name": service.name,
        "phone": service.phone or None,
        "text": service.text or None,
        "chat": service.chat or None,
        "hours": service.hours or None,
        "languages": list(service.languages),
        "source_url": service.source_url,
        "verified_on": service.verified_on.isoformat() if service.verified_on else None,
        "checked_against": service.checked_against or None,
        "checked_on": service.checked_on.isoformat() if service.checked_on else None,
        "checked_what": service.checked_what or None,
        "check": service.check_label,
    }


def dial_to_dict(line: DialLine) -> dict[str, Any]:
    """One number to dial now as JSON-ready data."""
    return {
        "where": line.where,
        "name": line.name,
        "phone": line.phone,
        "tel": line.tel_href,
        "note": line.note or None,
    }


def help_to_dict(help_block: HelpFirst | None) -> dict[str, Any] | None:
    """The help block as JSON-ready data, or None."""
    if help_block is None:
        return None
    country = help_block.country
    return {
        "leads": help_block.leads,
        "heading": help_block.heading,
        "message": help_block.message,
        "emergency_number": help_block.emergency_number,
        "dial": [dial_to_dict(line) for line in help_block.dial],
        "country_chosen": help_block.country_chosen,
        "elsewhere": help_block.elsewhere or None,
        "country": {"code": country.code, "name": country.name},
        "services": [service_to_dict(s) for s in country.services],
    }
