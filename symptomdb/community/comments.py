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

import html
from dataclasses import dataclass
from typing import Any

import nh3
from django.core.cache import caches
from django.core.cache.backends.base import InvalidCacheBackendError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from symptomdb.caching import invalidate_pages
from symptomdb.community.errors import ActionNotAllowed, InvalidAction
from symptomdb.community.models import Comment
from symptomdb.helpfinder.counters import count_screen
from symptomdb.safety.crisis_screen import CrisisLevel, ScreenResult, screen_text
from symptomdb.safety.help_first import HelpFirst, help_first

MODERATE_PERMISSION = "community.moderate_comment"
MAX_TEXT = 2000
MAX_NAME = 60
# Held at concern and above (see the module docstring).
HOLD_AT = CrisisLevel.CONCERN

# Spam is slowed, per reader (their cookie id) and for the whole site, in the shared cache.
READER_LIMIT = (3, 600)  # comments, seconds
SITE_LIMIT = (60, 600)

LOG_SUBMIT = "symptomdb.comment.submit"
LOG_APPROVE = "symptomdb.comment.approve"
LOG_REJECT = "symptomdb.comment.reject"
LOG_SPAM = "symptomdb.comment.spam"
LOG_REPLY = "symptomdb.comment.reply"
REJECTION_REASON_IDS = {code for code, _ in Comment.REJECTION_REASONS}


def clean_text(value: str, limit: int) -> str:
    """Reader text as plain text: markup removed with nh3 (script bodies too), whitespace
    trimmed. Pages escape it again when they show it."""
    stripped = html.unescape(nh3.clean(value or "", tags=set()))
    return stripped.replace("\r\n", "\n").strip()[:limit]


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


def _limit_cache() -> Any:
    try:
        return caches["community"]
    except InvalidCacheBackendError:
        return caches["default"]


def _over_limit(key: str, limit: tuple[int, int]) -> bool:
    cache = _limit_cache()
    count, window = limit
    if cache.add(key, 1, timeout=window):
        return False
    try:
        return int(cache.incr(key)) > count
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False


def check_rate_limit(reader: str) -> None:
    """Count one comment attempt for ``reader`` and for the site.

    Raises:
        RateLimited: when either limit is passed.
    """
    if _over_limit(f"comments:reader:{reader}", READER_LIMIT) or _over_limit(
        "comments:site", SITE_LIMIT
    ):
        raise RateLimited(
            "You have sent several comments in a short time. Please wait a few minutes and try again."
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
        text: what the reader wrote (markup is removed).
        name: optional display name.
        reader: the reader's cookie id ("" when unknown).
        honeypot: the hidden field people never fill; filled means spam (stored as spam).
        country: the reader's chosen country for crisis lines.

    Returns:
        A receipt with the stored comment, the screen's verdict and the help to show.

    Raises:
        InvalidAction: empty text, or the page is not a published topic.
        django.db.DatabaseError: the write failed; nothing was stored.
    """
    if not getattr(page, "live", False):
        raise InvalidAction("Comments can only be added to a published topic.")
    clean = clean_text(text, MAX_TEXT)
    if not clean:
        raise InvalidAction("Your comment is empty. Write something, then send it.")
    screen = screen_text(clean)
    if honeypot.strip():
        state = Comment.SPAM
    elif screen.level >= HOLD_AT:
        state = Comment.HELD
    else:
        state = Comment.PENDING
    with transaction.atomic():
        comment = Comment.objects.create(
            page=page,
            name=clean_text(name, MAX_NAME),
            text=clean,
            state=state,
            screen_level=screen.level.label,
            reader_id=reader,
        )
        log(instance=comment, action=LOG_SUBMIT, data={"state": state, "page": page.pk})
        count_screen("comment", screen.level)
    return CommentReceipt(comment=comment, screen=screen, help=help_first(screen, country))


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
    text = clean_text(reply, MAX_TEXT)
    if not text:
        raise InvalidAction("The reply is empty.")
    return _moderate(user, comment, LOG_REPLY, Comment.APPROVED, reply=text, replied_by=user)


def published_comments(page: Any) -> list[Comment]:
    """The approved comments on ``page``, oldest first."""
    return list(Comment.objects.filter(page=page, state=Comment.APPROVED).order_by("created_at"))
