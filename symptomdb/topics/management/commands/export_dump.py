from __future__ import annotations

import sys
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from symptomdb.importers.topic_markdown import PersonRecord
from symptomdb.interop.dump import dump_lines
from symptomdb.topics.documents import page_to_document
from symptomdb.topics.models import readable_topics


class Command(BaseCommand):
    help = (
        "Write every published topic to a JSON Lines data dump (a header line, then one "
        "topic per line with its licence and provenance). '-' writes to standard output."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="where to write the dump, e.g. topics.jsonl")

    def handle(self, *args: Any, **options: Any) -> None:
        pages = list(readable_topics().order_by("slug"))
        published = {page.slug for page in pages}
        topics = []
        for page in pages:
            doc = page_to_document(page, live=True)
            review = page.recorded_review
            doc = replace(
                doc,
                # Drafts and restricted pages are not in the dump, so links to them would
                # not load elsewhere.
                related=tuple(s for s in doc.related if s in published),
                # The review readers are told of (a sign-off comes first); loaded elsewhere
                # it stands as a review done outside that site.
                reviewed=review.reviewed_on if review else None,
                reviewers=tuple(
                    PersonRecord(p.name, p.credentials, p.affiliation)
                    for p in (review.reviewers if review else ())
                ),
                next_review_due=review.next_review_due if review else doc.next_review_due,
            )
            topics.append((doc, page.url or f"/topics/{page.slug}/"))
        generator = f"symptomdb {version('symptomdb')}"
        text = "\n".join(dump_lines(topics, generator, timezone.now())) + "\n"
        if options["file"] == "-":
            sys.stdout.write(text)
            return
        try:
            Path(options["file"]).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{options['file']}: cannot write ({exc.strerror})") from None
        self.stdout.write(f"{len(topics)} published topics written to {options['file']}.")
