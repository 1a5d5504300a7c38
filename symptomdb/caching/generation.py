"""The page-cache generation: a token every cached page's key includes.

Invalidating every page at once is writing a new token: pages cached under the old one are
never read again and age out (``TIMEOUT``) or are culled (``MAX_ENTRIES``). The token lives
in the same cache as the pages, so every gunicorn worker and every command (publishing
from the CLI, scheduled publishing) sees the same one.

Why this is safe against a render that races a publish: a request reads the token before
it reads the database, and the new token is written after the publish commits. A request
that read the old token may store an old page, but under the old token, which no later
request reads. A new random token (not a counter) can never bring an old key back.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import BaseCache, caches
from django.db import connection, transaction
from redis import RedisError

CACHE_ALIAS = "pages"
# What a cache backend raises when its store cannot be reached: the file cache an OSError,
# Redis (several app servers) a RedisError (refused, timed out, restarting). A page request
# then serves uncached, and a publish still stands.
CACHE_ERRORS: tuple[type[Exception], ...] = (OSError, RedisError)
GENERATION_KEY = "symptomdb:page-generation"

logger = logging.getLogger(__name__)


def page_cache() -> BaseCache:
    """The cache backend that holds pages (``CACHES["pages"]``)."""
    return caches[CACHE_ALIAS]


def current_generation() -> str:
    """The token in force; a new one is written first when there is none yet.

    Raises:
        OSError, RedisError: when the cache's storage cannot be read or written
            (see ``CACHE_ERRORS``).
    """
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if not isinstance(generation, str):
        generation = _write_new_generation(cache)
    return generation


def _write_new_generation(cache: BaseCache | None = None) -> str:
    generation = uuid.uuid4().hex
    (cache or page_cache()).set(GENERATION_KEY, generation, timeout=None)
    return generation


def _write_new_generation_logged() -> None:
    try:
        _write_new_generation()
    except CACHE_ERRORS:
        # Pages then stay cached until TIMEOUT: say so loudly; the publish itself stands.
        logger.exception("Could not invalidate the page cache; pages may be stale.")


def invalidate_pages() -> None:
    """Make every cached page stale: at once, and again when the current transaction commits.

    The first write covers requests served in the meantime in tests and single-statement
    changes; the one after commit is the one that matters for correctness (see above).
    """
    _write_new_generation_logged()
    if connection.in_atomic_block:
        transaction.on_commit(_write_new_generation_logged)
