"""Per-client rate limits for API operations that cost CPU (the crisis screen).

django-ninja's own throttle (a sliding window), with three changes: it is kept in the
shared ``community`` cache, so every gunicorn worker counts together (Django's default cache
is one per process, which multiplied the limit by the workers); the client's address is kept only as a keyed hash, never as it is, and the rate is
read from settings on every request, so an operator (or a test) can change it without a
restart. Behind a proxy, set ``SYMPTOMDB_PROXIES`` to the number of proxies so the
address comes from ``X-Forwarded-For``; otherwise that header is ignored and cannot be
used to dodge the limit.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

__all__ = ["ScreenThrottle"]


class ScreenThrottle(SimpleRateThrottle):
    """``SYMPTOMDB_SCREEN_RATE`` requests per client (e.g. "30/m") to ``POST /api/v1/screen``."""

    scope = "screen"

    def __init__(self) -> None:
        super().__init__(rate=settings.SYMPTOMDB_SCREEN_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        self.cache = caches["community"]
        self.rate = settings.SYMPTOMDB_SCREEN_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        ident = self.get_ident(request) or "unknown"
        digest = hmac.new(settings.SECRET_KEY.encode(), ident.encode(), hashlib.sha256)
        return self.cache_format % {"scope": self.scope, "ident": digest.hexdigest()[:32]}
