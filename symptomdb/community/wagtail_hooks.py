"""Admin hooks: the sign-off button on topic pages, the comment queue, the reviews-due
report, and the audit-log actions these write."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from symptomdb.community import admin_views
from symptomdb.community.comments import (
    LOG_APPROVE,
    LOG_REJECT,
    LOG_REPLY,
    LOG_SPAM,
    LOG_SUBMIT,
    can_moderate,
)
from symptomdb.community.signoff import LOG_ACTION as LOG_SIGN_OFF
from symptomdb.community.signoff import can_sign_off
from symptomdb.topics.models import TopicPage


@hooks.register("register_admin_urls")
def community_admin_urls() -> list[Any]:
    return [
        path(
            "community/sign-off/<int:page_id>/",
            admin_views.sign_off,
            name="community_sign_off",
        ),
        path("community/comments/", admin_views.comment_queue, name="community_comments"),
        path(
            "community/comments/<int:comment_id>/<slug:action>/",
            admin_views.moderate,
            name="community_moderate",
        ),
        path(
            "reports/medical-reviews-due/",
            admin_views.reviews_due_report,
            name="community_reviews_due",
        ),
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args: Any, shown_to: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown_to = shown_to

    def is_shown(self, request: Any) -> bool:
        return bool(self._shown_to(request.user))


@hooks.register("register_admin_menu_item")
def comments_menu_item() -> MenuItem:
    return _PermissionMenuItem(
        "Comments",
        reverse("community_comments"),
        name="community-comments",
        icon_name="comment",
        order=450,
        shown_to=can_moderate,
    )


@hooks.register("register_reports_menu_item")
def reviews_due_menu_item() -> MenuItem:
    return _PermissionMenuItem(
        "Medical reviews due",
        reverse("community_reviews_due"),
        name="medical-reviews-due",
        icon_name="time",
        order=50,
        shown_to=admin_views.can_see_reviews_due,
    )


@hooks.register("register_page_header_buttons")
def sign_off_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Any:
    if isinstance(page.specific_deferred, TopicPage) and can_sign_off(user):
        yield Button(
            "Sign off medical review",
            reverse("community_sign_off", args=[page.pk]),
            icon_name="tick",
            priority=25,
        )


@hooks.register("register_log_actions")
def community_log_actions(actions: Any) -> None:
    actions.register_action(LOG_SIGN_OFF, "Sign off medical review", "Medical review signed off")
    actions.register_action(LOG_SUBMIT, "Submit comment", "Comment submitted by a reader")
    actions.register_action(LOG_APPROVE, "Approve comment", "Comment approved")
    actions.register_action(LOG_REJECT, "Reject comment", "Comment rejected")
    actions.register_action(LOG_SPAM, "Mark comment as spam", "Comment marked as spam")
    actions.register_action(LOG_REPLY, "Reply to comment", "Moderators replied to comment")
