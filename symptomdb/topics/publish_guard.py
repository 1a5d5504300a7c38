"""The safe-messaging publish gate in the admin: refused approvals and publishes read as
messages, never as a server error, and the draft is kept.

``TopicPage.publish`` raises ``PublishBlocked`` on every route to publishing. In the admin,
two routes reach it outside the editor's own "Publish" button (which ``wagtail_hooks``
checks first): approving the last task of a moderation workflow, and bulk publishing from
a page listing. Here:

- ``refuse_unsafe_approval`` refuses to mark a workflow task approved while the revision
  under review has a blocking finding, before anything is written: the task stays in
  progress, the workflow stays in review, the revision stays a draft.
- ``PublishBlockedMiddleware`` turns ``PublishBlocked`` from any admin view into the lint's
  messages and a redirect to the page's editor (JSON for the admin's modal workflow
  actions), instead of an HTTP 500.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models.signals import pre_save
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.models import TaskState

from symptomdb.errors import PublishBlocked

NOT_APPROVED = (
    "Not approved and not published: fix the safe-messaging problems above. The draft is "
    "kept and the page stays in review."
)
NOT_PUBLISHED = "Not published: fix the safe-messaging problems above. The draft is kept."


class ApprovalBlocked(PublishBlocked):
    """A workflow approval refused because the revision under review would be blocked."""


def refuse_unsafe_approval(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Before a task state is saved as approved, lint the topic revision it approves.

    Raises:
        ApprovalBlocked: the revision breaks a blocking rule; nothing has been saved.
    """
    if not isinstance(instance, TaskState) or instance.pk is None:
        return
    if instance.status != TaskState.STATUS_APPROVED:
        return
    before = TaskState.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    if before != TaskState.STATUS_IN_PROGRESS or instance.revision_id is None:
        return  # not an approval happening now (e.g. a copy of an earlier approval)
    from symptomdb.topics.models import TopicPage
    from symptomdb.topics.safe_messaging import describe, lint_page

    page = instance.revision.as_object()
    if not isinstance(page, TopicPage):
        return
    blocking = [f for f in lint_page(page) if f.severity == "block"]
    if blocking:
        raise ApprovalBlocked(page.slug, [describe(f) for f in blocking], page_id=page.pk)


def connect() -> None:
    """Connect the approval check (called once from ``TopicsConfig.ready``)."""
    pre_save.connect(refuse_unsafe_approval, dispatch_uid="symptomdb-refuse-unsafe-approval")


class PublishBlockedMiddleware:
    """Show a refused publish or approval as the lint's messages on the page's editor."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, PublishBlocked):
            return None
        for finding in exception.findings:
            messages.error(request, f"{finding} This blocks publishing.")
        approval = isinstance(exception, ApprovalBlocked)
        messages.error(request, NOT_APPROVED if approval else NOT_PUBLISHED)
        url = (
            reverse("wagtailadmin_pages:edit", args=[exception.page_id])
            if exception.page_id is not None
            else reverse("wagtailadmin_home")
        )
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The admin's workflow modals follow a "redirect" step.
            return JsonResponse({"step": "success", "redirect": url})
        return redirect(url)
