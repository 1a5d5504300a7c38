"""PageCacheMiddleware: serve anonymous GETs of public pages from the page cache.

What is cached: ``GET`` requests, with no cookie but the CSRF one (no session: editors and
anyone signed in always get a fresh page), for the views in :data:`CACHEABLE_VIEWS` (every
Wagtail page: home, A–Z, topics; and "Get help now"), with no query string except the
parameters listed there. The ask page is not among them: its URL holds the reader's
question, which must not be kept in a store that outlives the process, and each question
must reach the crisis screen and its counters.

What is stored: only ``200`` responses that set no cookie (so no CSRF token, which sets
its cookie whenever a form uses one), are not marked private/no-cache/no-store, vary on
nothing but ``Cookie`` or ``Accept-Encoding``, are not compressed and carry no CSP nonce.
A cached response has ``X-Cache: hit``; one just stored, ``X-Cache: miss``.

Languages: the key names the page's language, taken from the URL prefix (``/es/…`` is
Spanish, anything else English), which is the only thing that chooses the language (see
``symptomdb/urls.py``). Django's ``LocaleMiddleware`` still adds ``Vary: Accept-Language``
to unprefixed pages; it is harmless here because the browser's language never changes them.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path, override

from symptomdb.caching.generation import CACHE_ERRORS, current_generation, page_cache

logger = logging.getLogger(__name__)

# URL name -> the query parameters that may be cached, each with the values it may take
# (a short closed set, so random query strings cannot fill the cache).
CACHEABLE_VIEWS: dict[str, dict[str, re.Pattern[str]]] = {
    "wagtail_serve": {},
    "get-help-now": {"country": re.compile(r"[A-Za-z]{2}")},
    # The readers' tools: unknown topics and countries redirect, so only real ones are kept.
    "safety-plan": {
        "topic": re.compile(r"[a-z0-9][a-z0-9-]{0,79}"),
        "country": re.compile(r"[A-Za-z]{2}"),
    },
    "coping-toolkit": {},
}
_HARMLESS_VARY = {"cookie", "accept-encoding", "accept-language"}
_VARY_SPLIT = re.compile(r"\s*,\s*")
_UNCACHEABLE_CONTROL = re.compile(r"\b(private|no-cache|no-store)\b", re.IGNORECASE)

CachedPage = tuple[int, list[tuple[str, str]], bytes]


def page_key(request: HttpRequest) -> str | None:
    """The cache key for ``request`` without its generation, or None when it is not cacheable."""
    if request.method != "GET":
        return None
    if any(name != settings.CSRF_COOKIE_NAME for name in request.COOKIES):
        return None
    # This runs before LocaleMiddleware; "/es/…" only resolves with Spanish active.
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with override(language):
            match = resolve(request.path_info)
    except Resolver404:
        return None
    allowed = CACHEABLE_VIEWS.get(match.url_name or "")
    if allowed is None:
        return None
    for name, values in request.GET.lists():
        pattern = allowed.get(name)
        if pattern is None or len(values) != 1 or not pattern.fullmatch(values[0]):
            return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = f"{language}:{request.scheme}://{host}{request.path}?{request.GET.urlencode()}"
    return hashlib.sha256(address.encode()).hexdigest()


def is_storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """True when ``response`` to ``request`` may be served to any anonymous reader as it is."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if _UNCACHEABLE_CONTROL.search(response.get("Cache-Control", "")):
        return False
    vary = {v.strip().lower() for v in _VARY_SPLIT.split(response.get("Vary", "")) if v.strip()}
    if vary - _HARMLESS_VARY or response.has_header("Content-Encoding"):
        return False
    # A CSP nonce is per response by definition; replaying one would defeat the policy.
    # django-csp (outside this middleware) keeps the one it made on the request.
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    return "nonce-" not in response.get("Content-Security-Policy", "")


class PageCacheMiddleware:
    """Serve cacheable requests from ``CACHES["pages"]``; store what may be stored.

    Place it straight after WhiteNoise, before the session and authentication middleware,
    so a hit touches neither the database nor the session.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = page_key(request)
        if key is None:
            return self.get_response(request)
        try:
            # The generation is read before the view reads the database (see generation.py).
            full_key = f"page:{current_generation()}:{key}"
            cached: CachedPage | None = page_cache().get(full_key)
        except CACHE_ERRORS:
            logger.exception("Page cache unreadable; serving uncached.")
            return self.get_response(request)
        if cached is not None:
            return _rebuild(cached)
        response = self.get_response(request)
        if isinstance(response, HttpResponse) and is_storable(request, response):
            page: CachedPage = (response.status_code, list(response.items()), response.content)
            try:
                page_cache().set(full_key, page)
            except CACHE_ERRORS:
                logger.exception("Page cache unwritable; serving uncached.")
                return response
            response["X-Cache"] = "miss"
        return response


def _rebuild(cached: CachedPage) -> HttpResponse:
    status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    return response
