"""Medical review sign-off: the action, what a page says about its review, and what is due.

A sign-off is a medical reviewer's statement that one revision of a topic was reviewed on
a date. Readers see "Medically reviewed by … on …" only while the published revision is
the one signed; after a later edit is published they see "changed since its last medical
review" until a reviewer signs again. Nothing shows a review without a sign-off row (or a
review the editors recorded by hand on the page, for reviews done outside symptomdb).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from symptomdb.caching import invalidate_pages
from symptomdb.community.errors import ActionNotAllowed, InvalidAction
from symptomdb.community.models import ReviewSignOff

if TYPE_CHECKING:
    from wagtail.models import Revision

    from symptomdb.topics.models import Person, TopicPage

SIGN_OFF_PERMISSION = "community.sign_off_review"
LOG_ACTION = "symptomdb.review.sign_off"
DUE_SOON_DAYS = 30

User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class ReviewStatus:
    """What the published page may say about its medical review.

    Attributes:
        state: "reviewed" (the published revision is the one signed) or "changed" (a later
            revision was published after the sign-off).
        reviewer: the person who signed.
        reviewed_on: the date of the review.
        next_review_due: when the reviewer said it should be reviewed again.
    """

    state: Literal["reviewed", "changed"]
    reviewer: Person
    reviewed_on: dt.date
    next_review_due: dt.date

    @property
    def changed_since(self) -> bool:
        """True when the page changed after its last medical review."""
        return self.state == "changed"


def reviewer_for(user: Any) -> Person | None:
    """The reviewer record linked to ``user``'s account, if any."""
    from symptomdb.topics.models import Person

    if not getattr(user, "is_authenticated", False):
        return None
    return Person.objects.filter(user=user).first()


def can_sign_off(user: Any) -> bool:
    """True when ``user`` may sign off reviews (active, permitted, linked to a reviewer record)."""
    return (
        bool(getattr(user, "is_active", False))
        and user.has_perm(SIGN_OFF_PERMISSION)
        and reviewer_for(user) is not None
    )


def check_sign_off(user: Any, page: TopicPage, revision: Revision) -> Person:
    """Check that ``user`` may sign off ``revision`` of ``page``.

    Returns:
        The reviewer's person record.

    Raises:
        ActionNotAllowed: no permission, or no reviewer record linked to the account.
        InvalidAction: the revision belongs to another page, or the reviewer has no credentials.
    """
    if not getattr(user, "is_active", False) or not user.has_perm(SIGN_OFF_PERMISSION):
        raise ActionNotAllowed(
            "sign off a medical review",
            SIGN_OFF_PERMISSION,
            "Ask an administrator to add you to the Medical reviewers group.",
        )
    person = reviewer_for(user)
    if person is None:
        raise ActionNotAllowed(
            "sign off a medical review",
            SIGN_OFF_PERMISSION,
            "Your account is not linked to a person record; ask an administrator to link it "
            "(Snippets → People → your name → User account).",
        )
    if not person.credentials.strip():
        raise InvalidAction(
            f"The person record {person.name!r} has no credentials; a medical reviewer's "
            "credentials are shown to readers, so add them first."
        )
    if not page.revisions.filter(pk=revision.pk).exists():
        raise InvalidAction(f"Revision {revision.pk} is not a revision of page {page.pk}.")
    return person


def sign_off_review(
    user: Any,
    page: TopicPage,
    revision: Revision,
    next_due: dt.date,
    *,
    notes: str = "",
    reviewed_on: dt.date | None = None,
) -> ReviewSignOff:
    """Record that ``user`` reviewed ``revision`` of ``page``: check, write, audit-log.

    Args:
        user: the signing account (must be a medical reviewer linked to a person record).
        page: the topic page.
        revision: the exact revision reviewed.
        next_due: when the next review is due (after the review date).
        notes: for editors only.
        reviewed_on: the review date (today when omitted; never in the future).

    Returns:
        The new sign-off.

    Raises:
        ActionNotAllowed, InvalidAction: see :func:`check_sign_off`; also for dates out of order.
    """
    person = check_sign_off(user, page, revision)
    today = timezone.localdate()
    reviewed_on = reviewed_on or today
    if reviewed_on > today:
        raise InvalidAction(
            f"Review date {reviewed_on.isoformat()} is in the future; use the date the review happened."
        )
    if next_due <= reviewed_on:
        raise InvalidAction(
            f"Next review due {next_due.isoformat()} must be after the review date "
            f"{reviewed_on.isoformat()}."
        )
    with transaction.atomic():
        sign_off = ReviewSignOff.objects.create(
            page=page,
            revision=revision,
            reviewer=person,
            signed_by=user,
            reviewed_on=reviewed_on,
            next_review_due=next_due,
            notes=notes,
        )
        log(
            instance=page,
            action=LOG_ACTION,
            user=user,
            revision=revision,
            data={
                "reviewer": str(person),
                "reviewed_on": reviewed_on.isoformat(),
                "next_review_due": next_due.isoformat(),
            },
        )
    # The published page shows its review: cached copies must go.
    invalidate_pages()
    return sign_off


def review_status(page: TopicPage) -> ReviewStatus | None:
    """What the published ``page`` may say about its medical review, or None (no sign-off).

    The newest sign-off of the published revision gives "reviewed"; failing that, the newest
    sign-off of an earlier revision gives "changed". Sign-offs of drafts not yet published
    say nothing about the published page.
    """
    live = page.live_revision
    if live is None:
        return None
    sign_offs = list(page.review_sign_offs.select_related("reviewer", "revision"))
    for sign_off in sign_offs:
        if sign_off.revision_id == live.pk:
            return _status("reviewed", sign_off)
    for sign_off in sign_offs:
        if sign_off.revision.created_at <= live.created_at:
            return _status("changed", sign_off)
    return None


def _status(state: Literal["reviewed", "changed"], sign_off: ReviewSignOff) -> ReviewStatus:
    return ReviewStatus(
        state=state,
        reviewer=sign_off.reviewer,
        reviewed_on=sign_off.reviewed_on,
        next_review_due=sign_off.next_review_due,
    )


@dataclass(frozen=True)
class DueReview:
    """A published topic that needs a medical review.

    Attributes:
        page: the topic.
        reason: "overdue", "due soon", "changed since review" or "never reviewed".
        due_on: the date the review is or was due (None when never reviewed).
        status: its current review status, if any.
    """

    page: TopicPage
    reason: str
    due_on: dt.date | None
    status: ReviewStatus | None


def reviews_due(today: dt.date | None = None, within_days: int = DUE_SOON_DAYS) -> list[DueReview]:
    """Published topics whose review is overdue, due within ``within_days``, changed since
    their last review, or never done; most urgent first."""
    from symptomdb.topics.models import TopicPage

    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=within_days)
    due: list[DueReview] = []
    # Editors review private pages too, so every live page, not only those readers see.
    for page in TopicPage.objects.live().order_by("title"):
        # The page's one review rule (TopicPage.recorded_review): a sign-off first, else a
        # review recorded by hand for one done outside symptomdb.
        review = page.recorded_review
        status = page.medical_review
        if review is None:
            due.append(DueReview(page, "never reviewed", None, None))
        elif review.changed_since:
            due.append(DueReview(page, "changed since review", review.next_review_due, status))
        elif review.next_review_due <= horizon:
            reason = "overdue" if review.next_review_due < today else "due soon"
            due.append(DueReview(page, reason, review.next_review_due, status))
    order = {"overdue": 0, "changed since review": 1, "never reviewed": 2, "due soon": 3}
    due.sort(key=lambda d: (order[d.reason], d.due_on or today, d.page.title))
    return due
