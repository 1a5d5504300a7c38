"""Admin views: sign off a review, the comment moderation queue, and reviews due.

Each view checks the same permission as the action it calls (and the action checks again),
so a wrong role gets 403 from the view and an error from the action, never a change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from symptomdb.community import comments as moderation
from symptomdb.community.errors import CommunityError
from symptomdb.community.models import Comment
from symptomdb.community.signoff import can_sign_off, reviewer_for, reviews_due, sign_off_review
from symptomdb.topics.models import TopicPage


class SignOffForm(forms.Form):
    """The reviewer's statement: which revision, when, and when the next review is due."""

    revision = forms.TypedChoiceField(coerce=int, label="Revision reviewed")
    reviewed_on = forms.DateField(
        label="Date of the review", widget=forms.DateInput(attrs={"type": "date"})
    )
    next_review_due = forms.DateField(
        label="Next review due", widget=forms.DateInput(attrs={"type": "date"})
    )
    notes = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label="Notes for editors"
    )

    def __init__(
        self, *args: Any, revisions: list[Any], live_revision_id: int | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        revision_field = self.fields["revision"]
        assert isinstance(revision_field, forms.TypedChoiceField)
        revision_field.choices = [
            (
                r.pk,
                f"#{r.pk}, saved {timezone.localtime(r.created_at):%d %b %Y %H:%M}"
                f"{' (published)' if r.pk == live_revision_id else ''}",
            )
            for r in revisions
        ]


def sign_off(request: HttpRequest, page_id: int) -> HttpResponseBase:
    """GET: the sign-off form for a topic; POST: sign off through :func:`sign_off_review`."""
    if not can_sign_off(request.user):
        raise PermissionDenied("Only medical reviewers linked to a person record can sign off.")
    page = get_object_or_404(TopicPage, pk=page_id)
    revisions = list(page.revisions.order_by("-created_at", "-pk")[:15])
    if not revisions:
        messages.error(request, "This page has no saved revision to review yet.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    today = timezone.localdate()
    initial = {
        "revision": revisions[0].pk,
        "reviewed_on": today,
        "next_review_due": today + dt.timedelta(days=365),
    }
    form = SignOffForm(
        request.POST or None,
        initial=initial,
        revisions=revisions,
        live_revision_id=page.live_revision_id,
    )
    if request.method == "POST" and form.is_valid():
        revision = next(r for r in revisions if r.pk == form.cleaned_data["revision"])
        try:
            sign_off_review(
                request.user,
                page,
                revision,
                form.cleaned_data["next_review_due"],
                notes=form.cleaned_data["notes"],
                reviewed_on=form.cleaned_data["reviewed_on"],
            )
        except CommunityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Medical review of '{page.title}' signed off.")
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "community/admin/sign_off.html",
        {
            "page_title": "Sign off medical review",
            "page_subtitle": page.title,
            "header_icon": "tick",
            "page": page,
            "form": form,
            "reviewer": reviewer_for(request.user),
        },
    )


QUEUE_STATES = {
    "waiting": (Comment.HELD, Comment.PENDING),
    "approved": (Comment.APPROVED,),
    "rejected": (Comment.REJECTED,),
    "spam": (Comment.SPAM,),
}


def comment_queue(request: HttpRequest) -> HttpResponse:
    """The moderation queue: held (risk) comments first, then pending; other states by tab."""
    if not moderation.can_moderate(request.user):
        raise PermissionDenied("Only comment moderators can see the queue.")
    tab = request.GET.get("state", "waiting")
    states = QUEUE_STATES.get(tab, QUEUE_STATES["waiting"])
    queue = list(Comment.objects.filter(state__in=states).select_related("page")[:200])
    # Held comments (the writer may be at risk) come first.
    queue.sort(key=lambda c: (c.state != Comment.HELD, c.created_at))
    return TemplateResponse(
        request,
        "community/admin/queue.html",
        {
            "page_title": "Comments",
            "header_icon": "comment",
            "comments": queue,
            "tab": tab,
            "tabs": list(QUEUE_STATES),
            "reasons": Comment.REJECTION_REASONS,
        },
    )


@require_POST
def moderate(request: HttpRequest, comment_id: int, action: str) -> HttpResponseBase:
    """Approve, reject (with ``reason``), mark spam, or reply (``reply``) to one comment."""
    if not moderation.can_moderate(request.user):
        raise PermissionDenied("Only comment moderators can moderate comments.")
    comment = get_object_or_404(Comment, pk=comment_id)
    try:
        if action == "approve":
            moderation.approve_comment(request.user, comment)
            messages.success(request, f"Comment #{comment.pk} published.")
        elif action == "reject":
            moderation.reject_comment(request.user, comment, request.POST.get("reason", ""))
            messages.success(request, f"Comment #{comment.pk} rejected; it stays on record.")
        elif action == "spam":
            moderation.mark_spam(request.user, comment)
            messages.success(request, f"Comment #{comment.pk} marked as spam; it stays on record.")
        elif action == "reply":
            moderation.reply_to_comment(request.user, comment, request.POST.get("reply", ""))
            messages.success(request, f"Reply added; comment #{comment.pk} is published.")
        else:
            raise PermissionDenied(f"Unknown moderation action {action[:20]!r}.")
    except CommunityError as exc:
        messages.error(request, str(exc))
    return redirect(reverse("community_comments") + f"?state={request.GET.get('state', 'waiting')}")


def can_see_reviews_due(user: Any) -> bool:
    """Authors, reviewers and administrators (anyone who edits pages or signs off)."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if not getattr(user, "is_active", False):
        return False
    return can_sign_off(user) or PagePermissionPolicy().user_has_any_permission(
        user, ["add", "change", "publish"]
    )


def reviews_due_report(request: HttpRequest) -> HttpResponse:
    """Reports → Medical reviews due: overdue, changed, never reviewed, due within 30 days."""
    if not can_see_reviews_due(request.user):
        raise PermissionDenied("Only editors and medical reviewers can see this report.")
    return TemplateResponse(
        request,
        "community/admin/reviews_due.html",
        {
            "page_title": "Medical reviews due",
            "header_icon": "time",
            "due": reviews_due(),
            "can_sign_off": can_sign_off(request.user),
        },
    )
