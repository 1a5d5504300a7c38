from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from symptomdb.answering.semantic import load_encoder
from symptomdb.answers.building import build_vectors, vector_cache_dir


class Command(BaseCommand):
    help = (
        "Encode every passage with the offline MiniLM model so answers use semantic ranking "
        "(optional extra). Run after importing collections or loading topics; without it, "
        "answering stays lexical."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        encoder = load_encoder(vector_cache_dir())
        if encoder is None:
            raise CommandError(
                "semantic ranking needs the optional extra: .venv/bin/pip install torch==2.13.0 "
                "-e '.[semantic]' (answering works without it, lexically)"
            )
        started = time.monotonic()
        count = build_vectors(encoder)
        self.stdout.write(
            f"{count} passages encoded into {vector_cache_dir()} in {time.monotonic() - started:.0f} s."
        )
