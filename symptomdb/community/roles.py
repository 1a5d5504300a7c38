"""The four editorial roles as Wagtail groups, with their permissions and the review workflow.

``ensure_roles`` runs after every ``migrate`` (so ``symptomdb setup`` keeps the roles on
every deploy). It only adds what is missing: groups, permissions, and — once — the
"Medical review" workflow on the page tree; an operator's later changes are kept.

What each role may do is in docs/editors/review-and-moderation.md; the permission matrix
test (tests/community/test_roles.py) checks every cell.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission

AUTHORS = "Authors"
MEDICAL_REVIEWERS = "Medical reviewers"
MODERATORS = "Comment moderators"
ADMINISTRATORS = "Administrators"
ROLES = (AUTHORS, MEDICAL_REVIEWERS, MODERATORS, ADMINISTRATORS)

WORKFLOW_NAME = "Medical review"
APPROVAL_TASK_NAME = "Medical review approval"
# Who approves a page submitted for review (approving the last task publishes it).
APPROVERS = (MEDICAL_REVIEWERS, ADMINISTRATORS)

# Page permissions, granted on the root of the page tree (so every topic).
PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    AUTHORS: ("add_page", "change_page", "lock_page"),
    MEDICAL_REVIEWERS: ("change_page", "lock_page"),
    MODERATORS: (),
    ADMINISTRATORS: (
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ),
}

# Model permissions as "app_label.codename".
_ADMIN_ACCESS = "wagtailadmin.access_admin"
MODEL_PERMISSIONS: dict[str, tuple[str, ...]] = {
    # References are snippets without drafts: a change shows at once on every topic citing
    # it, with no review. So authors add references (a new one shows only once a page citing
    # it passes review) but only administrators change them (docs/editors/README.md).
    AUTHORS: (
        _ADMIN_ACCESS,
        "topics.view_person",
        "topics.add_reference",
        "topics.view_reference",
    ),
    MEDICAL_REVIEWERS: (
        _ADMIN_ACCESS,
        "topics.view_person",
        "topics.view_reference",
        "community.sign_off_review",
    ),
    MODERATORS: (_ADMIN_ACCESS, "community.moderate_comment"),
    ADMINISTRATORS: (
        _ADMIN_ACCESS,
        "topics.add_person",
        "topics.change_person",
        "topics.delete_person",
        "topics.add_reference",
        "topics.change_reference",
        "topics.delete_reference",
        "community.moderate_comment",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
    ),
}

_APPS_WITH_PERMISSIONS = ("auth", "wagtailadmin", "wagtailcore", "topics", "community")


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles() -> dict[str, Group]:
    """Create any missing role group, permission and the review workflow.

    Returns:
        The four groups by name.
    """
    from django.contrib.auth.management import create_permissions
    from wagtail.models import (
        GroupApprovalTask,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    # post_migrate reaches apps in INSTALLED_APPS order; make sure every permission we
    # grant exists already, whichever app's signal we run in.
    for label in _APPS_WITH_PERMISSIONS:
        create_permissions(global_apps.get_app_config(label), verbosity=0)

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    root = Page.get_first_root_node()
    for name, group in groups.items():
        group.permissions.add(*(_permission(p) for p in MODEL_PERMISSIONS[name]))
        if root is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=_permission(f"wagtailcore.{codename}"),
                )

    if root is not None and not Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
        task.groups.set([groups[name] for name in APPROVERS])
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return groups


def ensure_roles_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    """post_migrate receiver: run :func:`ensure_roles` once per ``migrate``, on the default database."""
    if sender.label != "community" or kwargs.get("using", "default") != "default":
        return
    ensure_roles()


def ensure_throttle_table(sender: AppConfig, **kwargs: Any) -> None:
    """post_migrate receiver: create the database cache table of ``CACHES["community"]``
    (sign-in throttling, comment rate limit) when it is missing."""
    if sender.label != "community":
        return
    from django.core.management import call_command

    call_command("createcachetable", database=kwargs.get("using", "default"))
