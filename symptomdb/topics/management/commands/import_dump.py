from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.errors import DumpFileInvalid, TopicFilesInvalid
from symptomdb.interop.dump import read_dump
from symptomdb.topics.loading import load_documents, today


class Command(BaseCommand):
    help = (
        "Load a JSON Lines data dump written by export-dump: create or update its topics by "
        "slug. All or nothing: any error (named by line and field) leaves the database unchanged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a dump written by `symptomdb export-dump`")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise CommandError(f"{path}: cannot read as UTF-8 text ({reason})") from None
        try:
            documents = read_dump(text, str(path), today())
            report = load_documents(documents)
        except (DumpFileInvalid, TopicFilesInvalid) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged."
        )
