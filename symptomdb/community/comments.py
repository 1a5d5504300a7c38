"""Readers' comments: submitting (screened, stored at once) and moderating.

Every comment goes through the crisis screen before anything else. A comment at *concern*
or above is held for a moderator and its writer is shown help at once (the help-first
block with their crisis lines); a comment that only mentions self-harm or suicide is
pending like any other, with help shown after it. We hold at concern, not only at crisis,
because a public comment stream is no place to leave a disclosure of self-harm unread: a
moderator sees it first (docs/safety.md).

No comment is published without a moderator's approval (pre-moderation), and none is ever
deleted by moderation: rejected and spam comments keep their row and state. The text is
health data: never logged; audit entries carry ids and states only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext
from wagtail.log_actions import log

from symptomdb.caching import invalidate_pages
from symptomdb.community.errors import ActionNotAllowed, InvalidAction
from symptomdb.community.limits import Limit, check_and_count, site_key
from symptomdb.community.models import Comment
from symptomdb.helpfinder.counters import count_screen
from symptomdb.safety.crisis_screen import CrisisLevel, ScreenResult, screen_text
from symptomdb.safety.help_first import HelpFirst, help_first

MODERATE_PERMISSION = "community.moderate_comment"
MAX_TEXT = 2000
MAX_NAME = 60
# Held at concern and above (see the module docstring).
HOLD_AT = CrisisLevel.CONCERN

# Spam is slowed in the shared cache, in fixed ten-minute buckets (symptomdb.community.limits):
# per reader (their cookie id), per client (a hashed address, for scripts that send no
# cookie) and, as a backstop, for the whole site. One client can use at most a sixth of the
# site's allowance, so no single script can lock other readers out.
READER_LIMIT = Limit("comment-reader", 3, 600)
CLIENT_LIMIT = Limit("comment-client", 10, 600)
SITE_LIMIT = Limit("comment-site", 60, 600)

LOG_SUBMIT = "symptomdb.comment.submit"
LOG_APPROVE = "symptomdb.comment.approve"
LOG_REJECT = "symptomdb.comment.reject"
LOG_SPAM = "symptomdb.comment.spam"
LOG_REPLY = "symptomdb.comment.reply"
REJECTION_REASON_IDS = {code for code, _ in Comment.REJECTION_REASONS}


def as_typed(value: str | None) -> str:
    """Reader text exactly as typed. Browsers send a textarea's line breaks as CRLF; they
    become the LF the reader typed. Nothing else changes: pages escape the text when they
    show it, so "x<y but I feel <sad> today" is kept and shown as written."""
    return (value or "").replace("\r\n", "\n")


def _count(n: int) -> str:
    """A count as readers of the active language write it (30,024 or 30.024)."""
    return number_format(n, force_grouping=True)


def check_comment(text: str, name: str = "") -> None:
    """Check a comment's text and name before any work is done on them.

    Raises:
        InvalidAction: empty text, or text or name longer than the form allows.
    """
    if not text.strip():
        raise InvalidAction(gettext("Your comment is empty. Write something, then send it."))
    if len(text) > MAX_TEXT:
        raise InvalidAction(
            gettext(
                "Your comment is %(length)s characters long; a comment can be at most "
                "%(limit)s. Shorten it, then send it again."
            )
            % {"length": _count(len(text)), "limit": _count(MAX_TEXT)}
        )
    if len(name) > MAX_NAME:
        raise InvalidAction(
            gettext(
                "The name you gave is %(length)s characters long; a name can be at most "
                "%(limit)s. Shorten it, then send it again."
            )
            % {"length": _count(len(name)), "limit": MAX_NAME}
        )


@dataclass(frozen=True)
class CommentReceipt:
    """What the writer is told after submitting.

    Attributes:
        comment: the stored comment.
        screen: the crisis screen's verdict.
        help: the help block to show (leading for crisis and emergency), or None.
    """

    comment: Comment
    screen: ScreenResult
    help: HelpFirst | None

    @property
    def held(self) -> bool:
        """True when the comment is held because its writer may be at risk."""
        return self.comment.state == Comment.HELD


class RateLimited(InvalidAction):
    """Too many comments from one reader, or from everyone, in a short time."""


def check_rate_limit(reader: str, client: str, *, spam: bool = False) -> None:
    """Count one comment from ``reader`` (cookie id) and ``client`` (hashed address, see
    :func:`symptomdb.community.limits.client_key`), and for the site unless it is ``spam``
    (the honeypot was filled: it counts against its sender only). Call it only for a
    comment that will be stored: refused and empty posts are never counted.

    Raises:
        RateLimited: when a limit is used up (then nothing is counted).
    """
    checks = [(READER_LIMIT, reader), (CLIENT_LIMIT, client)]
    if not spam:
        checks.append((SITE_LIMIT, site_key()))
    if not check_and_count(checks):
        raise RateLimited(
            gettext(
                "Your comment was not saved: we have had several comments in a short time. "
                "It is below so nothing is lost; please wait ten minutes, then send it again."
            )
        )


def submit_comment(
    page: Any,
    text: str,
    *,
    name: str = "",
    reader: str = "",
    honeypot: str = "",
    country: str | None = None,
) -> CommentReceipt:
    """Screen and store a reader's comment on a published topic, in one transaction.

    Args:
        page: the published topic page.
        text: what the reader wrote, stored exactly as typed (pages escape it).
        name: optional display name, stored as typed.
        reader: the reader's cookie id ("" when unknown).
        honeypot: the hidden field people never fill; filled means spam (stored as spam).
        country: the reader's chosen country for crisis lines.

    Returns:
        A receipt with the stored comment, the screen's verdict and the help to show.

    Raises:
        InvalidAction: empty or too long (see :func:`check_comment`), or the page is not
            a published topic.
        django.db.DatabaseError: the write failed; nothing was stored.
    """
    if not getattr(page, "live", False):
        raise InvalidAction("Comments can only be added to a published topic.")
    text, name = as_typed(text), as_typed(name)
    check_comment(text, name)
    screen = screen_text(text)
    if honeypot.strip():
        state = Comment.SPAM
    elif screen.level >= HOLD_AT:
        state = Comment.HELD
    else:
        state = Comment.PENDING
    with transaction.atomic():
        comment = Comment.objects.create(
            page=page,
            name=name,
            text=text,
            state=state,
            screen_level=screen.level.label,
            reader_id=reader,
        )
        log(instance=comment, action=LOG_SUBMIT, data={"state": state, "page": page.pk})
        count_screen("comment", screen.level)
    language = (get_language() or "en").split("-")[0]  # the page's (see community.views)
    return CommentReceipt(
        comment=comment, screen=screen, help=help_first(screen, country, language=language)
    )


def can_moderate(user: Any) -> bool:
    """True when ``user`` may work the comment queue."""
    return bool(getattr(user, "is_active", False)) and user.has_perm(MODERATE_PERMISSION)


def check_moderate(user: Any) -> None:
    """Raises ActionNotAllowed unless ``user`` may moderate comments."""
    if not can_moderate(user):
        raise ActionNotAllowed(
            "moderate comments",
            MODERATE_PERMISSION,
            "Ask an administrator to add you to the Comment moderators group.",
        )


def _moderate(user: Any, comment: Comment, action: str, new_state: str, **changes: Any) -> Comment:
    check_moderate(user)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        old_state = locked.state
        was_public = old_state == Comment.APPROVED
        locked.state = new_state
        locked.moderated_at = timezone.now()
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save()
        log(
            instance=locked,
            action=action,
            user=user,
            data={
                "from": old_state,
                "to": new_state,
                "reason": changes.get("rejection_reason", ""),
            },
        )
    if was_public or new_state == Comment.APPROVED:
        invalidate_pages()
    return locked


def approve_comment(user: Any, comment: Comment) -> Comment:
    """Publish ``comment`` on its topic page. Raises ActionNotAllowed."""
    return _moderate(user, comment, LOG_APPROVE, Comment.APPROVED, rejection_reason="")


def reject_comment(user: Any, comment: Comment, reason: str) -> Comment:
    """Reject ``comment`` with a reason; it stays stored, unpublished.

    Raises:
        ActionNotAllowed: not a moderator.
        InvalidAction: no reason, or one not in ``Comment.REJECTION_REASONS``.
    """
    if reason not in REJECTION_REASON_IDS:
        raise InvalidAction("Choose a reason for rejecting the comment from the list.")
    return _moderate(user, comment, LOG_REJECT, Comment.REJECTED, rejection_reason=reason)


def mark_spam(user: Any, comment: Comment) -> Comment:
    """Mark ``comment`` as spam; it stays stored, unpublished. Raises ActionNotAllowed."""
    return _moderate(user, comment, LOG_SPAM, Comment.SPAM)


def reply_to_comment(user: Any, comment: Comment, reply: str) -> Comment:
    """Add (or change) the moderators' reply shown under ``comment``, and publish it.

    Raises:
        ActionNotAllowed: not a moderator.
        InvalidAction: an empty reply.
    """
    text = as_typed(reply)
    if not text.strip():
        raise InvalidAction("The reply is empty.")
    if len(text) > MAX_TEXT:
        raise InvalidAction(
            f"The reply is {len(text):,} characters long; a reply can be at most {MAX_TEXT:,}."
        )
    return _moderate(user, comment, LOG_REPLY, Comment.APPROVED, reply=text, replied_by=user)


def published_comments(page: Any) -> list[Comment]:
    """The approved comments on ``page``, oldest first."""
    return list(Comment.objects.filter(page=page, state=Comment.APPROVED).order_by("created_at"))
