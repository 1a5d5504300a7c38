from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.errors import TopicFilesInvalid
from symptomdb.safety.content_lint import lint_topic
from symptomdb.topics.loading import check_documents
from symptomdb.topics.management.commands._topic_command import read_documents
from symptomdb.topics.safe_messaging import blocking_rules, describe_for_listing


class Command(BaseCommand):
    help = (
        "Validate a directory of topic files (Markdown + YAML front matter) without writing "
        "anything, including the safe-messaging lint: a published file with a blocking "
        "finding fails, because loading it would be refused."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="folder holding one SLUG.md file per topic")

    def handle(self, *args: Any, **options: Any) -> None:
        documents = read_documents(options["directory"])
        try:
            check_documents(documents)
        except TopicFilesInvalid as exc:
            raise CommandError(str(exc)) from None
        blocking = blocking_rules()
        refused = 0
        for doc in documents:
            for finding in lint_topic(doc, blocking):
                self.stdout.write(describe_for_listing(finding))
                refused += finding.severity == "block" and doc.status == "published"
        if refused:
            raise CommandError(
                f"{refused} blocking safe-messaging finding(s) in published topic files; "
                "loading them would be refused"
            )
        self.stdout.write(f"{len(documents)} topic file(s) valid.")
