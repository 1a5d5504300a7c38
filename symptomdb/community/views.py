"""Readers' forms: vote and comment. Plain POST forms; no JavaScript needed.

Cross-site requests are refused by the signed form token and origin checks of
:mod:`symptomdb.community.form_tokens` (Django's CSRF cookie would stop readers' pages being
cached and would set a cookie on every page read).

A vote redirects back to the page it came from with a thank-you message. A comment answers
with a page of its own that says whether it was saved — and, for a risky comment, shows
help first. No view here logs what a reader wrote, or their IP address.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from symptomdb.caching.generation import CACHE_ERRORS
from symptomdb.community.comments import (
    CLIENT_LIMIT,
    MAX_TEXT,
    RateLimited,
    as_typed,
    check_comment,
    check_rate_limit,
    submit_comment,
)
from symptomdb.community.errors import InvalidAction
from symptomdb.community.form_tokens import check_form_request
from symptomdb.community.limits import client_key
from symptomdb.community.models import Vote
from symptomdb.community.ratings import VoteLimited, record_vote
from symptomdb.community.reader import reader_id_or_new, remember_reader
from symptomdb.safety.crisis_lines import load_crisis_resources
from symptomdb.safety.crisis_screen import screen_text
from symptomdb.safety.help_first import help_first
from symptomdb.topics.models import TopicPage, readable_by

logger = logging.getLogger(__name__)
# A comment is not saved when the database, or the shared cache that counts its rate limits,
# cannot be reached (a restart): the writer is told, with the text back in the form.
_STORE_ERRORS: tuple[type[Exception], ...] = (DatabaseError, *CACHE_ERRORS)


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@csrf_exempt  # checked by check_form_request instead (see the module docstring)
@require_POST
def vote(request: HttpRequest) -> HttpResponseBase:
    """:func:`_vote` in the language of the page the vote came from (``/es/…`` → Spanish),
    so its thank-you message and any problem read in the reader's language."""
    language = translation.get_language_from_path(_back(request, "/")) or "en"
    with translation.override(language):
        return _vote(request)


def _vote(request: HttpRequest) -> HttpResponseBase:
    """Record the reader's vote (``target``, ``kind``, ``value``, optional ``reason``).

    Redirects back (``next``) with a thank-you message; 400 with a plain explanation for a
    malformed vote; 403 for a POST not sent from our own form.
    """
    try:
        check_form_request(request, "vote")
    except PermissionDenied as exc:
        # Answered here, not raised: Django logs a raised PermissionDenied with a traceback.
        return render(
            request,
            "community/problem.html",
            {"heading": gettext("Your vote was not counted"), "problem": str(exc)},
            status=403,
        )
    reader, _ = reader_id_or_new(request)
    target = request.POST.get("target", "")
    kind = request.POST.get("kind", "")
    raw_value = request.POST.get("value", "")
    reason = request.POST.get("reason", "") if kind == Vote.HELPFUL else ""
    try:
        if not raw_value.isdigit():
            raise InvalidAction(gettext("Choose an answer before sending."))
        if len(raw_value) > 1:  # int() of a long run of digits is slow, then refused
            raise InvalidAction(gettext("A vote is one digit: 0 or 1, or 1 to 5 stars."))
        record_vote(
            reader,
            target,
            kind,
            int(raw_value),
            reason,
            client=lambda limit: client_key(request, limit),
        )
    except InvalidAction as exc:
        return render(
            request,
            "community/problem.html",
            {"heading": gettext("Your vote was not counted"), "problem": str(exc)},
            status=429 if isinstance(exc, VoteLimited) else 400,
        )
    messages.success(
        request,
        gettext("Thank you: your rating is counted. You can change it at any time.")
        if kind == Vote.AUTHOR
        else gettext("Thank you for telling us. You can change your answer at any time."),
    )
    response = HttpResponseRedirect(_back(request, "/"))
    remember_reader(response, reader)
    return response


@csrf_exempt  # checked by check_form_request instead (see the module docstring)
@require_POST
def comment(request: HttpRequest, page_id: int) -> HttpResponse:
    """:func:`_comment` in the language of the topic commented on, so the reply page, its
    problems and its help read in the reader's language."""
    try:
        language = (
            TopicPage.objects.filter(pk=page_id)
            .values_list("locale__language_code", flat=True)
            .first()
            or "en"
        )
        with translation.override(language):
            return _comment(request, page_id, language)
    except _STORE_ERRORS:
        # The database went away before the comment could even be looked at (a restart or
        # failover): still an answer that says so, with the text back, never a bare 500.
        logger.exception("A comment could not be stored (page %s).", page_id)
        return _not_saved_while_unreachable(request, page_id)


def _not_saved_while_unreachable(request: HttpRequest, page_id: int) -> HttpResponse:
    """503 with what the reader wrote back in the form, built without the database."""
    back = _back(request, "/")
    context = {
        # Only what the template reads of a page: the form's address and the way back.
        "page": {"pk": page_id, "url": back.split("#", 1)[0], "title": gettext("the topic")},
        "country": request.POST.get("country", "").upper()[:2] or None,
        "text": as_typed(request.POST.get("text", "")),
        "name": as_typed(request.POST.get("name", "")),
        "saved": False,
        "problem": gettext(
            "Something went wrong on our side and your comment was not saved. "
            "Please try again later."
        ),
        "directory": load_crisis_resources(),
    }
    return render(request, "community/comment_received.html", context, status=503)


def _comment(request: HttpRequest, page_id: int, language: str) -> HttpResponse:
    """Screen and store a comment on a published topic; say whether it was saved.

    Risky comments are held for a moderator and the page leads with help. The writer is
    told plainly when a comment was not saved (validation, rate limit, database failure).
    """
    page = get_object_or_404(TopicPage.objects.live(), pk=page_id)
    if not readable_by(page, request):
        raise Http404("No published topic has this id.")
    text = as_typed(request.POST.get("text", ""))
    name = as_typed(request.POST.get("name", ""))
    honeypot = request.POST.get("website", "")
    country = request.POST.get("country", "").upper()[:2] or None
    # Given back in full when the comment is not saved, so nothing the reader wrote is lost.
    context: dict[str, object] = {"page": page, "country": country, "text": text, "name": name}
    try:
        check_form_request(request, "comment")
    except PermissionDenied as exc:
        # Answered here, not raised (Django logs a raised PermissionDenied with a
        # traceback), with the text back in a fresh form: an expired page loses nothing.
        context.update(saved=False, problem=str(exc), directory=load_crisis_resources())
        return render(request, "community/comment_received.html", context, status=403)
    reader, _ = reader_id_or_new(request)
    status = 200
    try:
        # Length first: nothing longer than the form allows reaches the screen or the limits.
        check_comment(text, name)
        check_rate_limit(reader, client_key(request, CLIENT_LIMIT), spam=bool(honeypot.strip()))
        receipt = submit_comment(
            page, text, name=name, reader=reader, honeypot=honeypot, country=country
        )
    except RateLimited as exc:
        context.update(saved=False, problem=str(exc))
        status = 429
    except InvalidAction as exc:
        context.update(saved=False, problem=str(exc))
        status = 400
    except _STORE_ERRORS:
        # Never the text: only that a write (or the shared cache holding the rate limits,
        # restarting) failed; the text goes back to its writer in the form.
        logger.exception("A comment could not be stored (page %s).", page.pk)
        context.update(
            saved=False,
            problem=gettext(
                "Something went wrong on our side and your comment was not saved. "
                "Please try again later."
            ),
        )
        status = 503
    else:
        context.update(saved=True, receipt=receipt, help=receipt.help, held=receipt.held)
    if not context.get("saved") and text.strip():
        # Even an unsaved comment may need help shown at once; the screen reads no more
        # than a comment may hold, so an oversized post costs no more than a real one.
        context["help"] = help_first(screen_text(text[:MAX_TEXT]), country, language=language)
    context["directory"] = load_crisis_resources()
    response = render(request, "community/comment_received.html", context, status=status)
    remember_reader(response, reader)
    return response
