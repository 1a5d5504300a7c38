from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from symptomdb.collections.models import CollectionAnswer
from symptomdb.collections.safety import relint_answers
from symptomdb.importers.medquad import publisher_name


class Command(BaseCommand):
    help = (
        "List imported passages the safe-messaging lint withholds from readers, with each "
        "finding as a plain sentence. --relint lints every stored passage again first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--relint",
            action="store_true",
            help="lint every stored passage again (after the lint changed) before listing",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["relint"]:
            checked, withheld = relint_answers(CollectionAnswer)
            self.stdout.write(f"{checked} passage(s) linted again; {withheld} withheld.")
        rows = (
            CollectionAnswer.objects.filter(withheld_for_safety=True)
            .select_related("document")
            .order_by("document__collection", "document__file", "position")
        )
        count = 0
        for row in rows:
            document = row.document
            publisher = publisher_name(document.source)
            self.stdout.write(
                f"{row.answer_id} — {document.focus or document.doc_id} ({publisher}, "
                f"{document.collection}): {row.question}"
            )
            self.stdout.write(f"  source: {document.url}")
            for finding in row.safety_findings:
                if finding.get("severity") == "block":
                    self.stdout.write(f"  {finding['message']}")
            count += 1
        self.stdout.write(
            f"{count} imported passage(s) withheld by the safe-messaging lint: kept in the "
            "database, never shown, returned by the API or used for answering."
        )
