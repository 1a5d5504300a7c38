from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from symptomdb.importers.topic_markdown import DEFAULT_LOCALE, render_topic_markdown
from symptomdb.topics.loading import export_documents


class Command(BaseCommand):
    help = (
        "Write every topic page to DIRECTORY as SLUG.md topic files (live pages as published, "
        "others as their latest draft); translations go to DIRECTORY/<language>/."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="folder to write to; created if missing")

    def handle(self, *args: Any, **options: Any) -> None:
        directory = Path(options["directory"])
        directory.mkdir(parents=True, exist_ok=True)
        documents = export_documents()
        for doc in documents:
            folder = directory if doc.locale == DEFAULT_LOCALE else directory / doc.locale
            folder.mkdir(exist_ok=True)
            (folder / f"{doc.slug}.md").write_text(render_topic_markdown(doc), encoding="utf-8")
        self.stdout.write(f"{len(documents)} topic file(s) written to {directory}.")
