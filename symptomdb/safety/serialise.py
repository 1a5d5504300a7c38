"""Plain-data forms of screen results and help blocks, shared by the CLI and the API."""

from __future__ import annotations

from typing import Any

from symptomdb.safety.crisis_screen import ScreenResult
from symptomdb.safety.help_first import HelpFirst


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
        "country": {"code": country.code, "name": country.name},
        "services": [
            {
                "name": s.name,
                "phone": s.phone or None,
                "text": s.text or None,
                "chat": s.chat or None,
                "hours": s.hours or None,
                "languages": list(s.languages),
                "source_url": s.source_url,
                "verified_on": s.verified_on.isoformat() if s.verified_on else None,
            }
            for s in country.services
        ],
    }
