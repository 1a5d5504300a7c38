"""Plain-data forms of answers, shared by the API (``GET /api/v1/answer``) and ``ask --json``.

One shape in one place, beside ``safety/serialise.py`` for screens and help blocks.
Plain Python: no Django import.
"""

from __future__ import annotations

from typing import Any

from symptomdb.answering.pipeline import Answer
from symptomdb.safety.serialise import help_to_dict, screen_to_dict

__all__ = ["answer_to_dict"]


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """The answer as JSON-ready data: the API's answer and ``ask --json``."""

    def passage(p: Any) -> dict[str, Any]:
        return {
            "id": p.id,
            "origin": p.origin,
            "kind": p.kind,
            "title": p.title,
            "question": p.heading,
            "text": p.text or None,
            "answer_withheld": p.withheld,
            "url": p.url,
            "source": p.source,
            "licence": p.licence,
            "reviewed": p.reviewed if p.origin == "topic" else None,
            "updated": p.updated or None,
            "citation": p.citation,
        }

    return {
        "question": answer.question,
        "kinds": list(answer.kinds),
        "focus": list(answer.focus),
        "screen": screen_to_dict(answer.screen),
        "needs_help_first": answer.screen.needs_help_first,
        "help": help_to_dict(answer.help),
        "withheld_for_safety": answer.withheld,
        "confident": answer.confident,
        "parts": [
            {
                "kind": p.kind,
                "score": round(p.hit.score, 3),
                **passage(p.hit.passage),
                "lead": list(p.lead),
                "references": list(p.hit.passage.references),
            }
            for p in answer.parts
        ],
        "related": [passage(h.passage) for h in answer.related],
    }
