from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from symptomdb.collections.importing import import_medquad, read_medquad
from symptomdb.importers.medquad import MedQuADError


class Command(BaseCommand):
    help = (
        "Import MedQuAD (the published XML tree) as attributed, read-only records. All or "
        "nothing: a malformed file stops the run and leaves the database as it was. "
        "Re-running updates in place."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "directory",
            help="the MedQuAD folder (holds 1_CancerGov_QA … 12_MPlusHerbsSupplements_QA)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        root = Path(options["directory"])
        try:
            documents = read_medquad(
                root,
                progress=lambda files: tqdm(
                    files, desc="Reading", unit="file", file=sys.stderr, disable=None
                ),
            )
        except MedQuADError as exc:
            raise CommandError(f"{exc} — nothing was imported") from None
        self.stderr.write("Linting answers, then writing to the database…")
        report = import_medquad(
            documents,
            progress=lambda docs: tqdm(
                docs, desc="Linting", unit="doc", file=sys.stderr, disable=None
            ),
        )
        self.stdout.write(
            f"{report.documents} documents, {report.pairs} question–answer pairs "
            f"({report.pairs_without_answer} without answer text, kept with their source and URL), "
            f"{report.removed_pairs} stale pairs removed, in {time.monotonic() - started:.1f} s."
        )
        self.stdout.write(
            f"{report.withheld_for_safety} answer(s) withheld by the safe-messaging lint: kept "
            "in the database, never shown or used for answering "
            "(see `symptomdb withheld-passages`)."
        )
        # The new passages' vectors now, so readers get semantic answers at once.
        call_command("build_index", stdout=self.stdout)
