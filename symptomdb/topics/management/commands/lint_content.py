from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.safety.content_lint import RULES, lint_topic
from symptomdb.topics.loading import export_documents
from symptomdb.topics.management.commands._topic_command import read_documents
from symptomdb.topics.safe_messaging import blocking_rules, describe_for_listing


class Command(BaseCommand):
    help = (
        "Check topics against safe-messaging practice (method or lethality detail, graphic or "
        "stigmatising words, sensational language, sensitive topics without help). Lints the "
        "database, or topic files in DIR; exits 1 when a blocking finding is found."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "directory", nargs="?", help="lint topic files here instead of the database"
        )
        parser.add_argument(
            "--block",
            help=f"comma-separated rules that block (default from settings); rules: {', '.join(sorted(RULES))}",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        blocking = blocking_rules()
        if options["block"] is not None:
            chosen = {r.strip() for r in options["block"].split(",") if r.strip()}
            unknown = chosen - set(RULES)
            if unknown:
                raise CommandError(
                    f"--block: unknown rule(s) {sorted(unknown)}; known: {sorted(RULES)}"
                )
            blocking = frozenset(chosen)
        documents = (
            read_documents(options["directory"]) if options["directory"] else export_documents()
        )
        findings = [f for doc in documents for f in lint_topic(doc, blocking)]
        for finding in findings:
            self.stdout.write(describe_for_listing(finding))
        blocked = sum(1 for f in findings if f.severity == "block")
        self.stdout.write(
            f"{len(documents)} topic(s) checked: {blocked} blocking, {len(findings) - blocked} warning(s)."
        )
        if blocked:
            raise CommandError(f"{blocked} blocking safe-messaging finding(s)")
