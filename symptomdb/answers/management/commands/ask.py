from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from symptomdb.answering.serialise import answer_to_dict
from symptomdb.answers.asking import answer_for
from symptomdb.safety.help_first import help_text_lines
from symptomdb.vocabulary import KIND_BY_ID


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
