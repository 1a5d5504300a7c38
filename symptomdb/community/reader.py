"""Telling readers apart without an account and without an IP address.

A reader gets a random id in a signed cookie the first time they vote or comment, never
before (reading sets no cookie). The id says nothing about the person; it only lets them
change their vote and lets the comment rate limit count their comments.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

COOKIE_NAME = "symptomdb_reader"
_SALT = "symptomdb.community.reader"
_MAX_AGE = 365 * 24 * 3600


def reader_id(request: HttpRequest) -> str | None:
    """The reader's id from their signed cookie, or None (no cookie, or a forged one)."""
    value = request.get_signed_cookie(COOKIE_NAME, default=None, salt=_SALT)
    return value if isinstance(value, str) and 16 <= len(value) <= 64 else None


def reader_id_or_new(request: HttpRequest) -> tuple[str, bool]:
    """The reader's id, or a new random one; the flag is True when it is new."""
    existing = reader_id(request)
    return (existing, False) if existing else (secrets.token_urlsafe(24), True)


def remember_reader(response: HttpResponseBase, value: str) -> None:
    """Set (or renew) the reader cookie on ``response``: signed, HttpOnly, SameSite=Lax."""
    response.set_signed_cookie(
        COOKIE_NAME,
        value,
        salt=_SALT,
        max_age=_MAX_AGE,
        httponly=True,
        samesite="Lax",
        # Sent only over HTTPS when the site is (SYMPTOMDB_HTTPS, as the session cookie).
        secure=settings.SESSION_COOKIE_SECURE,
    )
