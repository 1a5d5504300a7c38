from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.errors import TopicFilesInvalid
from symptomdb.topics.loading import load_documents
from symptomdb.topics.management.commands._topic_command import read_documents


class Command(BaseCommand):
    help = (
        "Create or update topic pages from a directory of topic files, by slug. "
        "All or nothing: any error leaves the database unchanged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="folder holding one SLUG.md file per topic")
        parser.add_argument(
            "--missing-only",
            action="store_true",
            help="only create topics that do not exist yet; never touch existing pages",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        documents = read_documents(options["directory"])
        try:
            report = load_documents(documents, missing_only=options["missing_only"])
        except TopicFilesInvalid as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.skipped)} left as they were."
        )
