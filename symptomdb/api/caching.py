"""HTTP caching for API responses, built from Django's own tools.

Public data (topics, crisis lines) gets ``Cache-Control: public, max-age=…`` and an ETag,
and a conditional GET whose ``If-None-Match`` matches gets 304 (Django's
``conditional_page``, the ConditionalGetMiddleware as a decorator). Anything computed
from what a reader typed (answers, search) is ``private, no-store``: health questions must
not sit in a shared cache or a browser's disk cache.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import conditional_page
from ninja.decorators import decorate_view

__all__ = ["cache_publicly", "never_store"]

View = Callable[..., HttpResponse]


def _public_for(max_age: int) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = view(request, *args, **kwargs)
            if 200 <= response.status_code < 300:
                patch_cache_control(response, public=True, max_age=max_age)
            else:
                # An error (say, a topic not yet published) must not outlive the fix.
                patch_cache_control(response, no_cache=True)
            return response

        return wrapped

    return decorator


def cache_publicly(max_age: int) -> Callable[[Any], Any]:
    """Ninja operation decorator: public caching for ``max_age`` seconds, ETag and 304."""
    # decorate_view wraps in order, so conditional_page (last) is outermost and sees the
    # final Cache-Control when it computes the ETag.
    return decorate_view(_public_for(max_age), conditional_page)


def never_store() -> Callable[[Any], Any]:
    """Ninja operation decorator: ``Cache-Control: max-age=0, no-cache, no-store,
    must-revalidate, private`` (Django's ``never_cache``); no ETag is computed."""
    return decorate_view(never_cache)
