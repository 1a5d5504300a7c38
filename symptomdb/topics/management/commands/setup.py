from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from symptomdb.errors import TopicFilesInvalid
from symptomdb.helpfinder.importing import import_providers, read_provider_file, shipped_files
from symptomdb.importers.topic_markdown import read_topic_tree
from symptomdb.topics.loading import load_documents, today

STARTER_DIR = Path(__file__).resolve().parents[2] / "starter"


class Command(BaseCommand):
    help = (
        "Prepare a site: migrate the database, collect static files, create the home page and "
        "topics index, and load the starter topics (with their Spanish translations) and shipped help-finder providers that do "
        "not exist yet. Safe to re-run: existing topics, providers and accounts are never changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-static", action="store_true", help="skip collectstatic")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        if not options["no_static"]:
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stdout.write("Static files collected.")
        try:
            # The English topics and their translations (starter/es/), English first.
            documents = read_topic_tree(STARTER_DIR, today())
        except TopicFilesInvalid as exc:
            raise CommandError(str(exc)) from None
        report = load_documents(documents, missing_only=True)
        self.stdout.write(
            f"Starter topics: {len(report.created)} added, {len(report.skipped)} already present "
            "(English and Spanish)."
        )
        added = 0
        demo = settings.SYMPTOMDB_DEMO_DATA
        for path in shipped_files(demo):
            records = read_provider_file(path, timezone.localdate())
            added += len(import_providers(records, missing_only=True).created)
        self.stdout.write(
            f"Help finder: {added} shipped providers added"
            + (" (demo data on: sample providers are labelled)." if demo else ".")
        )
        call_command("build_index", stdout=self.stdout)
        if not get_user_model().objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "No admin account yet. Create one (you choose the password) with:\n"
                "    .venv/bin/symptomdb createsuperuser"
            )
