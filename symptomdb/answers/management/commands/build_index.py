from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from symptomdb.answering.semantic import load_encoder
from symptomdb.answers.building import build_vectors, vector_cache_dir


class Command(BaseCommand):
    help = (
        "Encode every passage with the shipped MiniLM model, so answers use semantic ranking. "
        "`make run` and every import run it; until it has run for the current content, "
        "answering falls back to lexical ranking and logs a warning."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "SYMPTOMDB_SEMANTIC", True):
            # The operator turned semantic ranking off: vectors would never be read.
            self.stdout.write("Semantic ranking is off (SYMPTOMDB_SEMANTIC); no vectors built.")
            return
        started = time.monotonic()
        count = build_vectors(load_encoder())
        self.stdout.write(
            f"{count} passages encoded into {vector_cache_dir()} in {time.monotonic() - started:.0f} s."
        )
