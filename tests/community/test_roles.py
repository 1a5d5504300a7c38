"""The permission matrix: each role × each editorial action, every "yes" and every "no".

Each cell is checked through what a person would actually do: a request to the admin, or
the one action function the admin calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page

from symptomdb.community.comments import approve_comment, submit_comment
from symptomdb.community.errors import ActionNotAllowed
from symptomdb.community.models import Comment, ReviewSignOff
from symptomdb.community.roles import ensure_roles
from symptomdb.community.signoff import sign_off_review

pytestmark = pytest.mark.django_db

ACTIONS = (
    "edit",
    "submit",
    "approve",
    "publish",
    "sign_off",
    "moderate",
    "manage_users",
    "change_reference",
)
MATRIX: dict[str, dict[str, bool]] = {
    "author": dict(
        edit=True,
        submit=True,
        approve=False,
        publish=False,
        sign_off=False,
        moderate=False,
        manage_users=False,
        change_reference=False,
    ),
    "reviewer": dict(
        edit=True,
        submit=True,
        approve=True,
        publish=False,
        sign_off=True,
        moderate=False,
        manage_users=False,
        change_reference=False,
    ),
    "moderator": dict(
        edit=False,
        submit=False,
        approve=False,
        publish=False,
        sign_off=False,
        moderate=True,
        manage_users=False,
        change_reference=False,
    ),
    "administrator": dict(
        edit=True,
        submit=True,
        approve=True,
        publish=True,
        sign_off=False,
        moderate=True,
        manage_users=True,
        change_reference=True,
    ),
}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def refused(response: Any) -> bool:
    """Wagtail's admin answers a refused permission with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] in ("/admin/", reverse("wagtailadmin_home"))
    )


def can_edit(user: Any, page: Any) -> bool:
    response = _client(user).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    allowed_view = response.status_code == 200 and b"data-edit-form" in response.content
    page = page.specific.__class__.objects.get(pk=page.pk)
    page.summary = page.summary + " (edited in a test)"
    try:
        EditPageAction(page, user=user).execute()
        allowed_action = True
    except PermissionDenied:
        allowed_action = False
    assert allowed_view == allowed_action, "the edit view and the edit action disagree"
    return allowed_action


def can_change_reference(user: Any) -> bool:
    # A reference has no drafts: whoever may change it changes every page citing it, live.
    from symptomdb.topics.models import Reference

    reference = Reference.objects.order_by("key").first()
    assert reference is not None
    url = reverse("wagtailsnippets_topics_reference:edit", args=[reference.pk])
    response = _client(user).get(url)
    return response.status_code == 200 and b"<form" in response.content


def can_submit(user: Any, page: Any) -> bool:
    # The editor's action menu offers "Submit to Medical review" (the admin's own check).
    response = _client(user).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    offered = response.status_code == 200 and b'name="action-submit"' in response.content
    assert offered == (
        page.permissions_for_user(user).can_edit()
        and page.permissions_for_user(user).can_submit_for_moderation()
    )
    return offered


def can_approve(user: Any, page: Any, author: Any) -> bool:
    workflow = page.get_workflow()
    page.save_revision(user=author)
    state = workflow.start(page, author)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    _client(user).post(url, {"comment": ""})
    task_state.refresh_from_db()
    approved = task_state.status == "approved"
    if not approved:
        state.cancel(user=author)
    return approved


def can_publish(user: Any, page: Any) -> bool:
    revision = page.save_revision(user=user)
    try:
        PublishPageRevisionAction(revision, user=user).execute()
    except PermissionDenied:
        return False
    return True


def can_sign_off(user: Any, page: Any) -> bool:
    before = ReviewSignOff.objects.count()
    response = _client(user).post(
        reverse("community_sign_off", args=[page.pk]),
        {
            "revision": page.live_revision_id,
            "reviewed_on": dt.date.today().isoformat(),
            "next_review_due": (dt.date.today() + dt.timedelta(days=365)).isoformat(),
            "notes": "",
        },
    )
    by_view = ReviewSignOff.objects.count() > before
    if not by_view:
        assert refused(response)
    try:
        sign_off_review(user, page, page.live_revision, dt.date.today() + dt.timedelta(days=30))
        by_action = True
    except ActionNotAllowed:
        by_action = False
    assert by_view == by_action, "the sign-off view and action disagree"
    return by_action


def can_moderate(user: Any, page: Any) -> bool:
    comment = submit_comment(page, "Thank you, this page helped me understand my friend.").comment
    response = _client(user).post(reverse("community_moderate", args=[comment.pk, "approve"]))
    comment.refresh_from_db()
    by_view = comment.state == Comment.APPROVED
    if not by_view:
        assert refused(response)
    other = submit_comment(page, "A second ordinary comment for the action check.").comment
    try:
        approve_comment(user, other)
        by_action = True
    except ActionNotAllowed:
        by_action = False
    assert by_view == by_action, "the moderation view and action disagree"
    return by_action


def can_manage_users(user: Any) -> bool:
    client = _client(user)
    listing = client.get(reverse("wagtailusers_users:index"))
    created = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "made-by-test",
            "email": "made@example.org",
            "first_name": "Made",
            "last_name": "Bytest",
            "password1": "a-long-password-for-tests-1",
            "password2": "a-long-password-for-tests-1",
            "is_active": "on",
        },
    )
    from django.contrib.auth import get_user_model

    exists = get_user_model().objects.filter(username="made-by-test").exists()
    assert (listing.status_code == 200) == exists, (listing.status_code, created.status_code)
    return exists


@pytest.mark.parametrize("role", list(MATRIX))
def test_each_role_can_do_exactly_what_the_matrix_says(
    role: str, make_user: Callable[[str], Any], topic: Any
) -> None:
    user = make_user(role)
    author = make_user("author") if role != "author" else user
    found = {
        "edit": can_edit(user, topic),
        "submit": can_submit(user, topic),
        "approve": can_approve(user, Page.objects.get(pk=topic.pk).specific, author),
        "publish": can_publish(user, Page.objects.get(pk=topic.pk).specific),
        "sign_off": can_sign_off(user, Page.objects.get(pk=topic.pk).specific),
        "moderate": can_moderate(user, topic),
        "manage_users": can_manage_users(user),
        "change_reference": can_change_reference(user),
    }
    assert found == MATRIX[role]


def test_a_reviewer_without_a_linked_person_record_cannot_sign_off(
    make_user: Callable[[str], Any], topic: Any
) -> None:
    from symptomdb.topics.models import Person

    user = make_user("reviewer")
    Person.objects.filter(user=user).update(user=None)
    with pytest.raises(ActionNotAllowed, match="not linked to a person record"):
        sign_off_review(user, topic, topic.live_revision, dt.date.today() + dt.timedelta(days=9))
    response = _client(user).get(reverse("community_sign_off", args=[topic.pk]))
    assert refused(response)


def test_readers_without_an_account_reach_no_admin_action(topic: Any) -> None:
    reader = Client()
    comment = submit_comment(topic, "An ordinary comment from a reader.").comment
    for url in (
        reverse("community_sign_off", args=[topic.pk]),
        reverse("community_comments"),
        reverse("community_reviews_due"),
        reverse("wagtailusers_users:index"),
    ):
        response = reader.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    response = reader.post(reverse("community_moderate", args=[comment.pk, "approve"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    comment.refresh_from_db()
    assert comment.state == Comment.PENDING
    assert not ReviewSignOff.objects.exists()


def test_ensure_roles_is_idempotent_and_keeps_the_review_workflow_on_the_tree() -> None:
    from django.contrib.auth.models import Group
    from wagtail.models import Page as WagtailPage

    first = ensure_roles()
    second = ensure_roles()
    assert first == second
    assert set(Group.objects.values_list("name", flat=True)) >= set(first)
    workflow = WagtailPage.get_first_root_node().get_workflow()
    assert workflow is not None and workflow.name == "Medical review"
    approvers = {g.name for g in workflow.tasks.first().specific.groups.all()}
    assert approvers == {"Medical reviewers", "Administrators"}


def test_passwords_are_hashed_with_argon2_in_production_settings(settings: Any) -> None:
    from symptomdb import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # tests use a fast hasher
    assert make_password("a long password").startswith("argon2$argon2id$")


def test_repeated_wrong_passwords_lock_sign_in_without_storing_the_address(
    make_user: Callable[[str], Any],
) -> None:
    from axes.models import AccessAttempt, AccessLog

    make_user("author")
    client = Client()
    for _ in range(5):
        client.post("/admin/login/", {"username": "test-author", "password": "wrong password"})
    locked = client.post(
        "/admin/login/", {"username": "test-author", "password": "a long test password"}
    )
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()
    # Another username from the same client is not locked out.
    make_user("moderator")
    ok = Client().post(
        "/admin/login/", {"username": "test-moderator", "password": "a long test password"}
    )
    assert ok.status_code == 302
