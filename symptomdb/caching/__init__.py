"""The page cache: anonymous GETs of public pages served from Django's cache framework.

Public names: :class:`PageCacheMiddleware` (in ``MIDDLEWARE``), :func:`invalidate_pages`
(call it when something shown on public pages changes outside the signals connected in
:mod:`symptomdb.caching.invalidation`). See docs/operators.md, "Performance".
"""

from symptomdb.caching.generation import invalidate_pages
from symptomdb.caching.middleware import PageCacheMiddleware

__all__ = ["PageCacheMiddleware", "invalidate_pages"]
