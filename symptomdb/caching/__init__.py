"""The page cache: anonymous GETs of public pages served from Django's cache framework.

Public names: :class:`PageCacheMiddleware` (in ``MIDDLEWARE``), :func:`invalidate_pages`
(call it when something shown on public pages changes outside the signals connected in
:mod:`symptomdb.caching.invalidation`), :func:`current_generation` (changes whenever
they do; the answering index uses it to notice a publish). See docs/operators.md, "Performance".
"""

from symptomdb.caching.generation import current_generation, invalidate_pages
from symptomdb.caching.middleware import PageCacheMiddleware

__all__ = ["PageCacheMiddleware", "current_generation", "invalidate_pages"]
