"""Template tags for the reader forms: ``{% load community %}``.

Readers' forms carry a signed form token, not Django's CSRF token (which needs a cookie),
so pages with them set no cookie and stay in the shared page cache
(see :mod:`symptomdb.community.form_tokens`).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from symptomdb.community.comments import published_comments
from symptomdb.community.form_tokens import FIELD, form_token
from symptomdb.community.models import Comment, Vote
from symptomdb.community.ratings import answer_target, reader_votes, topic_target, vote_counts
from symptomdb.community.reader import reader_id

register = template.Library()


@register.simple_tag
def reader_form_token(purpose: str) -> SafeString:
    """The hidden form-token field of a reader form ("vote" or "comment")."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, form_token(purpose))


def _feedback(context: dict[str, Any], target: str) -> dict[str, Any]:
    request = context.get("request")
    # Pages for readers without a reader cookie may be cached and shared: show no one's
    # own vote there. A reader with the cookie never gets a cached page.
    mine = reader_votes(reader_id(request) if request is not None else None, target)
    return {
        "target": target,
        "counts": vote_counts(target),
        "mine": mine,
        "reasons": Vote.REASONS,
        "next": request.get_full_path() if request is not None else "/",
    }


@register.simple_tag(takes_context=True)
def topic_feedback(context: dict[str, Any], page: Any) -> dict[str, Any]:
    """Counts, reasons and the reader's own votes for a topic page."""
    return _feedback(context, topic_target(page.pk))


@register.simple_tag(takes_context=True)
def answer_feedback(context: dict[str, Any], passage: Any) -> dict[str, Any]:
    """Counts, reasons and the reader's own vote for one answer passage."""
    return _feedback(context, answer_target(passage.id))


@register.simple_tag
def topic_comments(page: Any) -> list[Comment]:
    """The published comments on a topic page, oldest first."""
    return published_comments(page)
