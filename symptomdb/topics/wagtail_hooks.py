"""Admin hooks: editors see safe-messaging findings and sections above the target reading
level when they save, and cannot publish content that breaks a blocking safe-messaging rule
(their draft is kept). Reading level only ever warns."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from wagtail import hooks

from symptomdb.readability import describe_section_level
from symptomdb.topics.models import TopicPage
from symptomdb.topics.reading_level import page_reading_levels, reading_grade_target
from symptomdb.topics.safe_messaging import describe, lint_page


def _show_findings(request: HttpRequest, page: Any) -> None:
    if not isinstance(page, TopicPage):
        return
    for finding in lint_page(page):
        level = messages.ERROR if finding.severity == "block" else messages.WARNING
        suffix = " This blocks publishing." if finding.severity == "block" else ""
        messages.add_message(request, level, describe(finding) + suffix)
    target = reading_grade_target()
    for section in page_reading_levels(page, target):
        if section.above_target:
            messages.warning(
                request, "Reading level: " + describe_section_level(page.slug, section, target)
            )


@hooks.register("after_create_page")
def warn_after_create(request: HttpRequest, page: Any) -> None:
    _show_findings(request, page.specific)


@hooks.register("after_edit_page")
def warn_after_edit(request: HttpRequest, page: Any) -> None:
    _show_findings(request, page.specific)


@hooks.register("before_publish_page")
def refuse_unsafe_publish(request: HttpRequest, page: Any) -> HttpResponse | None:
    """Stop the publish step (the new revision is already saved as a draft)."""
    if not isinstance(page, TopicPage):
        return None
    blocking = [f for f in lint_page(page) if f.severity == "block"]
    if not blocking:
        return None
    for finding in blocking:
        messages.error(request, describe(finding))
    messages.error(
        request,
        "Not published: fix the safe-messaging problems above. Your changes are saved as a draft.",
    )
    return redirect("wagtailadmin_pages:edit", page.id)
