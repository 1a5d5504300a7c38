"""Review sign-offs, reader votes and reader comments.

Privacy: nothing here holds an IP address. Readers are told apart only by a random id in a
signed cookie they receive when they first vote or comment (:mod:`symptomdb.community.reader`).
Comment text is health data: it is never logged, and ``__str__`` never includes it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_noop


class ReviewSignOff(models.Model):
    """A medical reviewer's sign-off of one revision of a topic page.

    The reviewer is a :class:`~symptomdb.topics.models.Person` (name, credentials,
    affiliation) linked to the account that signed. Rows are never edited: a new review is
    a new sign-off.
    """

    page = models.ForeignKey(
        "topics.TopicPage", on_delete=models.CASCADE, related_name="review_sign_offs"
    )
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey("topics.Person", on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_on = models.DateField(default=timezone.localdate)
    next_review_due = models.DateField()
    notes = models.TextField(blank=True, help_text="For editors; not shown to readers.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-created_at"]
        permissions = [("sign_off_review", "Can sign off a medical review of a topic")]

    def __str__(self) -> str:
        return f"Medical review of {self.page_id} by {self.reviewer_id} on {self.reviewed_on}"


class Vote(models.Model):
    """One reader's vote on one item: helpful yes/no (with a reason) or an author rating.

    ``target`` names the item: ``topic:<page id>`` or ``answer:<passage id>``. One row per
    reader, target and kind; voting again changes the row.
    """

    HELPFUL = "helpful"
    AUTHOR = "author"
    KINDS = [(HELPFUL, "Was this helpful?"), (AUTHOR, "Author rating")]

    REASONS = [
        ("clear", gettext_noop("Clear and easy to understand")),
        ("answered", gettext_noop("Answered my question")),
        ("unclear", gettext_noop("Hard to understand")),
        ("incomplete", gettext_noop("Missing what I needed")),
        ("wrong", gettext_noop("Seems wrong or out of date")),
    ]

    target = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=KINDS)
    reader_id = models.CharField(max_length=64)
    # helpful: 1 yes, 0 no; author: 1 to 5 stars.
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    reason = models.CharField(max_length=20, choices=REASONS, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["target", "kind", "reader_id"], name="one_vote_per_reader_item_kind"
            )
        ]
        indexes = [models.Index(fields=["target", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} vote on {self.target}"


class Comment(models.Model):
    """A reader's comment on a topic page and where it stands in moderation.

    Nothing is deleted by moderation: rejected and spam comments keep their row and state.
    """

    PENDING = "pending"
    HELD = "held"
    APPROVED = "approved"
    REJECTED = "rejected"
    SPAM = "spam"
    STATES = [
        (PENDING, "Waiting for a moderator"),
        (HELD, "Held: the writer may be at risk"),
        (APPROVED, "Published"),
        (REJECTED, "Rejected"),
        (SPAM, "Spam"),
    ]

    REJECTION_REASONS = [
        ("off-topic", "Off topic"),
        ("unsafe", "Unsafe content (method or graphic detail)"),
        ("personal-data", "Contains personal details"),
        ("abusive", "Abusive or stigmatising"),
        ("medical-claim", "Unsupported medical claim or advertising"),
        ("other", "Other"),
    ]

    page = models.ForeignKey("topics.TopicPage", on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(max_length=60, blank=True)
    text = models.TextField(max_length=2000)
    state = models.CharField(max_length=10, choices=STATES, default=PENDING)
    screen_level = models.CharField(max_length=10, default="none")
    reader_id = models.CharField(max_length=64, blank=True)
    rejection_reason = models.CharField(max_length=20, choices=REJECTION_REASONS, blank=True)
    reply = models.TextField(max_length=2000, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        permissions = [("moderate_comment", "Can moderate reader comments")]
        indexes = [models.Index(fields=["page", "state"])]

    def __str__(self) -> str:
        # Never the text: this string goes into admin history and audit logs.
        return f"Comment #{self.pk} ({self.state})"

    @property
    def display_name(self) -> str:
        """The writer's chosen name, or "A reader"."""
        return self.name or "A reader"
