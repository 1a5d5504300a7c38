"""Readers' votes: "Was this helpful?" on topics and answers, and the author rating.

One vote per reader, item and kind; voting again changes it. Readers are told apart by the
random id in their signed cookie (:mod:`symptomdb.community.reader`), never by IP address.

A script that drops the cookie looks like a new reader on every POST, so votes are also
limited per client (a keyed hash of the address that changes with every time bucket, kept
only in the cache; :mod:`symptomdb.community.limits`): a few dozen votes in ten minutes, and
one *new* vote per item and kind a day. Changing one's own vote is never refused by the
second limit. Two people sharing one connection without the cookie count as one that day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import gettext

from symptomdb.community.errors import InvalidAction
from symptomdb.community.limits import Limit, check_and_count
from symptomdb.community.models import Vote

TOPIC_PREFIX = "topic:"
ANSWER_PREFIX = "answer:"
REASON_IDS = {code for code, _ in Vote.REASONS}
MAX_TARGET = 300  # Vote.target's length
# Per client: votes of any kind in ten minutes; new votes on one item and kind in a day.
CLIENT_LIMIT = Limit("vote-client", 30, 600)
NEW_VOTE_LIMIT = Limit("vote-new", 1, 24 * 3600)


class VoteLimited(InvalidAction):
    """Too many votes from one client, or a second new vote on one item from it today."""


def topic_target(page_id: int) -> str:
    """The vote target for a topic page."""
    return f"{TOPIC_PREFIX}{page_id}"


def answer_target(passage_id: str) -> str:
    """The vote target for one answer passage (a topic section or a MedQuAD answer)."""
    return f"{ANSWER_PREFIX}{passage_id}"


def check_target(target: str) -> None:
    """Check that ``target`` names a published topic or a passage answers are drawn from.

    Raises:
        InvalidAction: for anything else.
    """
    from symptomdb.topics.models import TopicPage

    if len(target) > MAX_TARGET:
        raise InvalidAction(
            f"Nothing to rate at {target[:80]!r}…: {len(target):,} characters long, and no "
            f"topic or answer is named by more than {MAX_TARGET}."
        )
    if target.startswith(TOPIC_PREFIX):
        raw = target.removeprefix(TOPIC_PREFIX)
        if raw.isdigit() and TopicPage.objects.live().filter(pk=int(raw)).exists():
            return
    elif target.startswith(ANSWER_PREFIX):
        from symptomdb.answers.building import get_answer_index

        passage_id = target.removeprefix(ANSWER_PREFIX)
        if any(p.id == passage_id for p in get_answer_index().passages):
            return
    raise InvalidAction(
        f"Nothing to rate at {target[:80]!r}: expected a published topic or answer."
    )


def check_author_to_rate(target: str) -> None:
    """Check that ``target`` is a topic written by at least one named person: a collective
    ("symptomdb contributors") is no one a reader can rate, so its pages are rated as pages.

    Raises:
        InvalidAction: for an answer, or a topic with no named author.
    """
    from symptomdb.topics.models import TopicPage, named_authors

    raw = target.removeprefix(TOPIC_PREFIX)
    page = TopicPage.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if page is None or not named_authors([a.person for a in page.authors.all()]):
        raise InvalidAction(
            gettext(
                "This page has no named author to rate; say whether the page was helpful instead."
            )
        )


def check_vote(kind: str, value: int, reason: str) -> None:
    """Check a vote's kind, value and reason.

    Raises:
        InvalidAction: helpful takes 0 or 1 and an optional reason from ``Vote.REASONS``;
            author takes 1 to 5 stars and no reason.
    """
    if kind == Vote.HELPFUL:
        if value not in (0, 1):
            raise InvalidAction("A helpful vote is yes (1) or no (0).")
        if reason and reason not in REASON_IDS:
            raise InvalidAction(f"Unknown reason {reason[:30]!r}; choose one from the list.")
    elif kind == Vote.AUTHOR:
        if not 1 <= value <= 5:
            raise InvalidAction("An author rating is 1 to 5 stars.")
        if reason:
            raise InvalidAction("An author rating takes no reason.")
    else:
        raise InvalidAction(f"Unknown vote kind {kind[:20]!r}; use helpful or author.")


def record_vote(
    reader: str,
    target: str,
    kind: str,
    value: int,
    reason: str = "",
    *,
    client: Callable[[Limit], str] | None = None,
) -> Vote:
    """Record or change ``reader``'s vote on ``target``.

    Args:
        client: gives the client's key for a limit (``limits.client_key`` bound to the
            request); when given, the vote is counted against the per-client limits.

    Returns:
        The stored vote.

    Raises:
        InvalidAction: see :func:`check_target` and :func:`check_vote`.
        VoteLimited: a per-client limit is used up (nothing is stored or counted).
    """
    check_vote(kind, value, reason)
    check_target(target)
    if kind == Vote.AUTHOR:
        check_author_to_rate(target)
    if client is not None:
        checks = [(CLIENT_LIMIT, client(CLIENT_LIMIT))]
        if not Vote.objects.filter(target=target, kind=kind, reader_id=reader).exists():
            item = hashlib.sha256(f"{kind}:{target}".encode()).hexdigest()[:16]
            checks.append((NEW_VOTE_LIMIT, f"{client(NEW_VOTE_LIMIT)}:{item}"))
        if not check_and_count(checks):
            raise VoteLimited(
                "A vote on this from your connection is already counted today, or many votes "
                "came from it just now. If the vote was yours, you can change it from the "
                "same browser; otherwise please try again later."
            )
    defaults = {"value": value, "reason": reason}
    try:
        with transaction.atomic():
            vote, _ = Vote.objects.update_or_create(
                target=target, kind=kind, reader_id=reader, defaults=defaults
            )
    except IntegrityError:
        # Two submissions of the same vote raced; the other one created the row.
        vote = Vote.objects.get(target=target, kind=kind, reader_id=reader)
        Vote.objects.filter(pk=vote.pk).update(**defaults)
        vote.refresh_from_db()
    return vote


@dataclass(frozen=True)
class VoteCounts:
    """Counts shown to readers for one item."""

    helpful_yes: int
    helpful_no: int
    stars: dict[int, int]

    @property
    def ratings(self) -> int:
        """How many readers rated the author."""
        return sum(self.stars.values())

    @property
    def star_rows(self) -> list[tuple[int, int]]:
        """(stars, count) from 5 down to 1, for display."""
        return [(n, self.stars.get(n, 0)) for n in range(5, 0, -1)]


def vote_counts(target: str) -> VoteCounts:
    """The helpful yes/no counts and the author rating counts by stars for ``target``."""
    rows = Vote.objects.filter(target=target).values("kind", "value").annotate(n=Count("id"))
    yes = no = 0
    stars: dict[int, int] = {}
    for row in rows:
        if row["kind"] == Vote.HELPFUL:
            if row["value"] == 1:
                yes = row["n"]
            else:
                no = row["n"]
        else:
            stars[int(row["value"])] = row["n"]
    return VoteCounts(helpful_yes=yes, helpful_no=no, stars=stars)


def reader_votes(reader: str | None, target: str) -> dict[str, Vote]:
    """The reader's own votes on ``target`` by kind (so the form shows their choice)."""
    if not reader:
        return {}
    return {v.kind: v for v in Vote.objects.filter(target=target, reader_id=reader)}
