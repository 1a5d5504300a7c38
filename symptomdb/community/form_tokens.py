"""CSRF tokens in forms on pages the shared page cache may keep.

Topic pages are served from the page cache (symptomdb/caching/), which stores only pages
that set no cookie, so a page rendered with ``{% csrf_token %}`` is never stored. Reader
forms on those pages therefore render a fixed placeholder instead (the ``reader_csrf_input``
tag); :class:`FormTokenMiddleware`, placed *outside* the page cache in ``MIDDLEWARE``,
replaces it in every response — fresh or from the cache — with a real, per-response masked
token from Django's CSRF machinery and sets the CSRF cookie. The cache keeps only the
placeholder, never one reader's token; Django's CsrfViewMiddleware checks the POST as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_cache_control

PLACEHOLDER = "symptomdb-csrf-placeholder-3c1f8e"
_PLACEHOLDER_BYTES = PLACEHOLDER.encode()


def _no_view(request: HttpRequest) -> HttpResponse:  # pragma: no cover - never called
    raise AssertionError("FormTokenMiddleware uses CsrfViewMiddleware for its cookie only")


class FormTokenMiddleware:
    """Put a real CSRF token where a reader form has the placeholder.

    Place it after WhiteNoise and before ``symptomdb.caching.PageCacheMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self._csrf = CsrfViewMiddleware(_no_view)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if (
            not isinstance(response, HttpResponse)
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or _PLACEHOLDER_BYTES not in response.content
        ):
            return response
        # Read the reader's CSRF cookie (a cache hit never reached CsrfViewMiddleware),
        # mint a masked token for it, and let Django set or renew the cookie.
        self._csrf.process_request(request)
        token = get_token(request)
        response.content = response.content.replace(_PLACEHOLDER_BYTES, token.encode())
        response = self._csrf.process_response(request, response)
        # The page now carries a token tied to this reader's cookie: no shared cache may
        # keep it (the page cache stored the placeholder version, before this point).
        patch_cache_control(response, private=True)
        return response
