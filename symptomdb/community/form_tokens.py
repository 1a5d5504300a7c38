"""Cross-site request protection for readers' forms, without a cookie.

Readers' pages set no cookie and are served from the shared page cache, so Django's CSRF
token (which needs a cookie per reader) cannot be used in their forms. Readers' forms carry
a signed, time-limited form token instead, and their POST is refused (403) unless:

1. the token is present, unaltered, for this form, and less than ``MAX_AGE`` old (a page
   stays cached for an hour at most); and
2. the browser says the POST came from our own pages: ``Sec-Fetch-Site``, which current
   browsers send, is ``same-origin``; where it is missing, an ``Origin`` header other than
   ``null`` names this site.

What a forged cross-site POST could do is small anyway: the reader cookie is
``SameSite=Lax``, so a cross-site POST never acts as an existing reader. The admin's forms
keep Django's own CSRF protection.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext

FIELD = "form_token"
MAX_AGE = 2 * 24 * 3600
_SALT = "symptomdb.community.form_tokens"


def form_token(purpose: str) -> str:
    """A signed token for one kind of reader form ("vote", "comment")."""
    return signing.dumps(purpose, salt=_SALT)


def check_form_request(request: HttpRequest, purpose: str) -> None:
    """Refuse a POST that did not come from one of our own ``purpose`` forms.

    Raises:
        PermissionDenied: missing, altered, expired or foreign token; or a cross-site origin.
    """
    try:
        found = signing.loads(request.POST.get(FIELD, ""), salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise PermissionDenied(
            gettext("This form has expired or was not sent from our site; reload the page.")
        ) from exc
    if found != purpose:
        raise PermissionDenied(gettext("This form token belongs to another form; reload the page."))
    # Sec-Fetch-Site (sent by current browsers) is authoritative. Without it, a real Origin
    # must be ours; "null" says nothing, since our Referrer-Policy (no-referrer) makes
    # browsers send Origin: null on our own form posts.
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        if fetch_site not in ("same-origin", "none"):
            raise PermissionDenied("This form was sent from another site.")
        return
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None and origin != "null":
        own = f"{request.scheme}://{request.get_host()}"
        if origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS:
            raise PermissionDenied("This form was sent from another site.")
