"""Accounts glue: what django-axes may write to the log, and the admin's referrer policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponseBase


def anonymous_client_str(
    username: str, ip_address: str, user_agent: str, path_info: str, request: Any
) -> str:
    """The client as axes logs it: never the username or the IP address, only the path."""
    return f"a sign-in client at {path_info}"


class AdminReferrerPolicyMiddleware:
    """``Referrer-Policy: same-origin`` on the admin's pages (readers' pages keep no-referrer).

    Under ``no-referrer`` browsers send ``Origin: null`` with every form POST, which Django's
    CSRF check rejects — editors could not sign in. ``same-origin`` still sends nothing to
    other sites. SecurityMiddleware only sets the header when a response has none.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response.headers["Referrer-Policy"] = "same-origin"
        return response
