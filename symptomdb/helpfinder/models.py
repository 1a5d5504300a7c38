"""Help-finder records kept in the database."""

from __future__ import annotations

from django.db import models


class ScreenCount(models.Model):
    """How many screened texts reached a level on a day, per channel. Never the text."""

    day = models.DateField()
    channel = models.CharField(max_length=20)
    level = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "channel", "level"], name="one_count_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.channel} {self.level}: {self.count}"
