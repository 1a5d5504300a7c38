from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.errors import TopicFilesInvalid
from symptomdb.topics.loading import check_documents
from symptomdb.topics.management.commands._topic_command import read_documents


class Command(BaseCommand):
    help = "Validate a directory of topic files (Markdown + YAML front matter) without writing anything."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="folder holding one SLUG.md file per topic")

    def handle(self, *args: Any, **options: Any) -> None:
        documents = read_documents(options["directory"])
        try:
            check_documents(documents)
        except TopicFilesInvalid as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{len(documents)} topic file(s) valid.")
