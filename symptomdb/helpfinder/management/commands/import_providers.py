from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from symptomdb.errors import ProviderFileInvalid
from symptomdb.helpfinder.importing import import_providers, read_provider_file


class Command(BaseCommand):
    help = (
        "Import providers for the help finder from a CSV file, by key. Every row is checked "
        "first; any error (named by row and column) leaves the database unchanged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a directory CSV (columns: see docs/operators.md)")
        parser.add_argument(
            "--missing-only", action="store_true", help="only add keys that are not there yet"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            records = read_provider_file(path, timezone.localdate())
        except ProviderFileInvalid as exc:
            raise CommandError(str(exc)) from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise CommandError(f"{path}: cannot read as UTF-8 text ({reason})") from None

        def track(rows: Any) -> Any:
            # disable=None: a bar on a terminal, silent when stderr is a file or a pipe.
            return tqdm(rows, desc="Importing", unit="provider", file=sys.stderr, disable=None)

        report = import_providers(records, missing_only=options["missing_only"], track=track)
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.skipped)} left as they were."
        )
