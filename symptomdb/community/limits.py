"""Rate limits for readers' forms and sign-in: fixed time buckets in the shared cache.

A limit allows ``count`` attempts per ``seconds``. Time is cut into fixed buckets
(``now // seconds``) and the bucket number is part of the cache key, so a count always winds
down when its bucket ends: a counter whose expiry the cache refreshes on every increment
(the database cache's ``incr`` rewrites the entry with the default timeout) can never keep
a limit closed.

Who is counted is a reader's cookie id, the whole site, or a client: the client's address
as a keyed hash (HMAC with ``SECRET_KEY``) salted with the bucket number, so the same
address hashes differently in every bucket, nothing links two buckets, and the address
itself is never stored. Behind proxies the address comes from ``X-Forwarded-For`` only when
``SYMPTOMDB_PROXIES`` says how many there are (as for the API's rate limit).

Only attempts that pass every limit are counted (``check_and_count``): a refused attempt
never uses up anyone's allowance. The clock is ``clock`` (injectable for tests).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import InvalidCacheBackendError
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

__all__ = ["Limit", "check_and_count", "client_key", "clock", "is_over", "site_key"]

# Seconds since the epoch; tests replace it to move time on without sleeping.
clock: Callable[[], float] = time.time


@dataclass(frozen=True)
class Limit:
    """At most ``count`` attempts per fixed bucket of ``seconds``, for one kind of action."""

    name: str
    count: int
    seconds: int

    def bucket(self, now: float) -> int:
        """The number of the bucket ``now`` falls in."""
        return int(now // self.seconds)


def _cache() -> Any:
    try:
        return caches["community"]
    except InvalidCacheBackendError:  # pragma: no cover - the site always configures it
        return caches["default"]


def client_address(request: HttpRequest) -> str:
    """The client's address as the proxies are configured (never stored or logged)."""
    return BaseThrottle().get_ident(request) or "unknown"


def client_key(request: HttpRequest, limit: Limit, now: float | None = None) -> str:
    """Who the client is for ``limit`` in the current bucket: a short keyed hash of the
    address, salted with the limit's name and bucket number (changes every bucket)."""
    bucket = limit.bucket(clock() if now is None else now)
    message = f"{limit.name}:{bucket}:{client_address(request)}".encode()
    return (
        "client:" + hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:24]
    )


def site_key() -> str:
    """Who is counted for a site-wide limit: everyone together."""
    return "site"


def _key(limit: Limit, who: str, now: float) -> str:
    return f"limit:{limit.name}:{limit.bucket(now)}:{who}"


def is_over(limit: Limit, who: str, now: float | None = None) -> bool:
    """True when ``who`` has used up ``limit`` in the current bucket (counts nothing)."""
    now = clock() if now is None else now
    return int(_cache().get(_key(limit, who, now), 0)) >= limit.count


def _count(limit: Limit, who: str, now: float) -> None:
    cache = _cache()
    key = _key(limit, who, now)
    # The entry lives until its bucket ends, never longer: the database cache's incr
    # rewrites it with the cache's default timeout, so the end is set again after it.
    until_end = max(1, int((limit.bucket(now) + 1) * limit.seconds - now))
    if cache.add(key, 1, timeout=until_end):
        return
    try:
        cache.incr(key)
    except ValueError:  # dropped between add and incr: a new count of one
        cache.add(key, 1, timeout=until_end)
        return
    cache.touch(key, timeout=until_end)


def check_and_count(checks: Sequence[tuple[Limit, str]], now: float | None = None) -> bool:
    """Count one attempt against every ``(limit, who)`` pair, unless any is used up.

    Returns:
        True when the attempt is allowed (and counted everywhere); False when a limit is
        used up (and nothing is counted).
    """
    now = clock() if now is None else now
    if any(is_over(limit, who, now) for limit, who in checks):
        return False
    for limit, who in checks:
        _count(limit, who, now)
    return True
