from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from symptomdb.safety.crisis_lines import (
    DATA_FILE,
    last_checked,
    load_crisis_resources,
    stale_services,
)


class Command(BaseCommand):
    help = (
        "List crisis lines not checked against their source in the last 6 months (or never). "
        "A line counts as checked when its contact details were found on the organisation's "
        "own page (checked_against, checked_on). --strict exits with status 1 when any are "
        "listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--max-age-days", type=int, default=183, help="default: 183 (6 months)")
        parser.add_argument("--today", help="judge staleness as of this date (YYYY-MM-DD)")
        parser.add_argument("--strict", action="store_true", help="exit 1 if anything is stale")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(f"--today {options['today']!r}: expected YYYY-MM-DD") from None
        directory = load_crisis_resources()
        stale = stale_services(directory, today, options["max_age_days"])
        total = sum(len(c.services) for c in (*directory.countries, directory.fallback))
        for country, service in stale:
            checked = last_checked(service)
            when = (
                f"last checked {checked} against {service.checked_against or service.source_url}"
                if checked
                else "never checked against the source"
            )
            self.stdout.write(
                f"{country.code}  {service.name}: {when} — check {service.source_url}"
            )
        fresh = total - len(stale)
        self.stdout.write(
            f"{fresh} of {total} entries match the organisation's page as stored when checked "
            "(a stored copy of a page, not a phone call); "
            f"{len(stale)} need checking (data: {DATA_FILE}). Set checked_against, checked_on "
            "and checked_what only after finding the same details on the organisation's own "
            "page."
        )
        if stale and options["strict"]:
            raise CommandError(f"{len(stale)} crisis resource entries are stale")
