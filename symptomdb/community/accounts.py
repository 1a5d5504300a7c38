"""Accounts glue: what django-axes may write to the log, a per-client sign-in limit, and
the admin's referrer policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from symptomdb.community.limits import Limit, check_and_count, client_key, is_over

# django-axes locks a username tried from one client (5 failures); one password tried
# across many usernames never reaches that. So failures are also counted per client, on a
# bucket-salted keyed hash of its address kept only in the cache, in fixed 15-minute
# buckets: high enough for an office sharing one address, low enough to stop spraying.
SIGN_IN_CLIENT_LIMIT = Limit("sign-in-client", 20, 15 * 60)


def anonymous_client_str(
    username: str, ip_address: str, user_agent: str, path_info: str, request: Any
) -> str:
    """The client as axes logs it: never the username or the IP address, only the path."""
    return f"a sign-in client at {path_info}"


class ClientSignInLimitBackend:
    """Refuses every sign-in, right or wrong, from a client that has failed
    ``SIGN_IN_CLIENT_LIMIT`` times in the current bucket, whatever the usernames; the
    reader sees django-axes's lockout page (429). Authenticates no one itself, and has no
    ``get_user`` or permission methods (so sessions and permissions never come to it)."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        if request is not None and is_over(
            SIGN_IN_CLIENT_LIMIT, client_key(request, SIGN_IN_CLIENT_LIMIT)
        ):
            request.axes_locked_out = True  # type: ignore[attr-defined]  # AxesMiddleware's flag
            raise PermissionDenied("Too many failed sign-ins from this client.")
        return None


def count_failed_sign_in(sender: Any, credentials: Any, request: Any = None, **kwargs: Any) -> None:
    """``user_login_failed`` receiver: one failure against the client's sign-in limit."""
    if isinstance(request, HttpRequest):
        check_and_count([(SIGN_IN_CLIENT_LIMIT, client_key(request, SIGN_IN_CLIENT_LIMIT))])


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
