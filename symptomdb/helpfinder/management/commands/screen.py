from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.safety.crisis_screen import screen_text
from symptomdb.safety.help_first import help_first, help_text_lines
from symptomdb.safety.serialise import help_to_dict, screen_to_dict


class Command(BaseCommand):
    help = (
        "Screen text for crisis language: prints the level (none, concern, crisis, emergency) "
        "and the reasons; crisis and emergency lead with help. Not a clinical risk assessment."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", help="the text to screen")
        parser.add_argument("--file", help="screen each line of this file ('-' for stdin)")
        parser.add_argument("--json", action="store_true", help="one JSON object per text")
        parser.add_argument("--country", help="ISO country code for crisis lines, e.g. GB")

    def handle(self, *args: Any, **options: Any) -> None:
        if bool(options["text"]) == bool(options["file"]):
            raise CommandError("give either TEXT or --file F")
        if options["file"] == "-":
            texts = [line.rstrip("\n") for line in sys.stdin]
        elif options["file"]:
            try:
                texts = Path(options["file"]).read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise CommandError(f"{options['file']}: cannot read ({exc.strerror})") from None
        else:
            texts = [options["text"]]
        for text in texts:
            result = screen_text(text)
            block = help_first(result, options["country"])
            if options["json"]:
                data = screen_to_dict(result)
                data["help"] = help_to_dict(block)
                self.stdout.write(json.dumps(data, ensure_ascii=False))
                continue
            lines: list[str] = []
            if block is not None and block.leads:
                lines += [*help_text_lines(block, every_service=True), ""]
            lines.append(f"level: {result.level.label}")
            for reason in result.reasons:
                lines.append(
                    f"  - {reason.rule} ({reason.level.label}), sentence {reason.sentence}: "
                    f'"{reason.words}"'
                )
            if block is not None and not block.leads:
                lines += ["", *help_text_lines(block, every_service=True)]
            self.stdout.write("\n".join(lines))
