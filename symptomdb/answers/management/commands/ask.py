from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from symptomdb.answering.pipeline import Answer
from symptomdb.answers.asking import answer_for
from symptomdb.safety.help_first import help_text_lines
from symptomdb.safety.serialise import help_to_dict, screen_to_dict
from symptomdb.vocabulary import KIND_BY_ID


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    """The answer as JSON-ready data (also used by the API)."""

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


class Command(BaseCommand):
    help = (
        "Answer a health question from the topics and imported collections: crisis help first "
        "when needed, then extractive parts with their sources and citations."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("question")
        parser.add_argument("--country", help="ISO country code for crisis lines, e.g. GB")
        parser.add_argument("--json", action="store_true", help="print the answer as JSON")
        parser.add_argument(
            "--lang",
            choices=["en", "es"],
            help="answer in English or Spanish (default: Spanish when the question looks Spanish)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        answer = answer_for(options["question"], options["country"], options["lang"])
        if options["json"]:
            self.stdout.write(json.dumps(answer_to_dict(answer), ensure_ascii=False, indent=2))
            return
        lines: list[str] = []
        block = answer.help
        if block is not None and block.leads:
            lines += [*help_text_lines(block), ""]
        if answer.withheld:
            self.stdout.write("\n".join(lines).rstrip())
            return
        if not answer.parts:
            if block is not None and block.leads:
                lines.append(
                    "We have not put an answer here: please call one of the numbers above now."
                )
            else:
                lines.append(
                    "We have no good answer to this question in our sources. "
                    "A doctor, nurse or pharmacist can help."
                )
        for part in answer.parts:
            p = part.hit.passage
            label = KIND_BY_ID[part.kind].label if part.kind in KIND_BY_ID else part.kind
            lines.append(f"{label.upper()} — {p.title}")
            lines.append(
                " ".join(part.lead) + f"\n  Read the whole section: {p.url}"
                if part.lead
                else f"{p.heading} Read the answer at {p.url}"
            )
            note = (
                " (not yet reviewed by a clinician)"
                if p.origin == "topic" and not p.reviewed
                else ""
            )
            lines.append(f"  Source: {p.source}{note}, {p.url} — {p.licence}")
            lines.append(f"  Cite: {p.citation}")
            lines.append("")
        if answer.related:
            lines.append("See also:")
            lines += [f"  - {h.passage.heading} ({h.passage.source})" for h in answer.related]
        if block is not None and not block.leads:
            lines += ["", *help_text_lines(block)]
        self.stdout.write("\n".join(lines).rstrip())
