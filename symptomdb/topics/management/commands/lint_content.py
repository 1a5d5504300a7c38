from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from symptomdb.readability import (
    describe_section_level,
    section_reading_levels,
    target_grade_problem,
)
from symptomdb.safety.content_lint import RULES, lint_topic
from symptomdb.topics.loading import export_documents
from symptomdb.topics.management.commands._topic_command import read_documents
from symptomdb.topics.reading_level import reading_grade_target
from symptomdb.topics.safe_messaging import blocking_rules, describe_for_listing


class Command(BaseCommand):
    help = (
        "Check topics against safe-messaging practice (method or lethality detail, graphic or "
        "stigmatising words, sensational language, sensitive topics without help) and give "
        "each section's reading level against the target grade (a warning, never a block). "
        "Lints the database, or topic files in DIR; exits 1 when a blocking safe-messaging "
        "finding is found."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "directory", nargs="?", help="lint topic files here instead of the database"
        )
        parser.add_argument(
            "--block",
            help=f"comma-separated rules that block (default from settings); rules: {', '.join(sorted(RULES))}",
        )
        parser.add_argument(
            "--reading-grade",
            help="the school grade sections should read at or below, 1 to 18 (default "
            "SYMPTOMDB_READING_GRADE_TARGET, else 8)",
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
        if options["reading_grade"] is not None:
            problem = target_grade_problem(options["reading_grade"])
            if problem is not None:
                raise CommandError(f"--reading-grade: {problem}")
            target = float(options["reading_grade"])
        else:
            try:
                target = reading_grade_target()
            except ImproperlyConfigured as exc:
                raise CommandError(str(exc)) from None
        documents = (
            read_documents(options["directory"]) if options["directory"] else export_documents()
        )
        findings = [f for doc in documents for f in lint_topic(doc, blocking)]
        for finding in findings:
            self.stdout.write(describe_for_listing(finding))
        scored = above = 0
        for doc in documents:
            for section in section_reading_levels(doc, target):
                self.stdout.write(
                    f"Reading level — {describe_section_level(doc.slug, section, target)}"
                )
                scored += section.level is not None
                above += section.above_target
        blocked = sum(1 for f in findings if f.severity == "block")
        self.stdout.write(
            f"{len(documents)} topic(s) checked: {blocked} blocking, {len(findings) - blocked} warning(s)."
        )
        self.stdout.write(
            f"Reading level: {scored} section(s) scored, {above} above the target of grade "
            f"{target:g} (warnings: they never block publishing)."
        )
        if blocked:
            raise CommandError(f"{blocked} blocking safe-messaging finding(s)")
