"""Counting screen outcomes without their text: one row per day, channel and level.

Questions and comments are health data: the screen's input is never stored or logged; only
how many texts reached each level, so operators can see crisis traffic.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from symptomdb.helpfinder.models import ScreenCount
from symptomdb.safety.crisis_screen import CrisisLevel


def count_screen(channel: str, level: CrisisLevel) -> None:
    """Add one to today's count for ``channel`` (api, ask, comment) and ``level``."""
    day = timezone.localdate()
    updated = ScreenCount.objects.filter(day=day, channel=channel, level=level.label).update(
        count=F("count") + 1
    )
    if updated:
        return
    try:
        with transaction.atomic():
            ScreenCount.objects.create(day=day, channel=channel, level=level.label, count=1)
    except IntegrityError:  # another request created today's row first
        ScreenCount.objects.filter(day=day, channel=channel, level=level.label).update(
            count=F("count") + 1
        )
