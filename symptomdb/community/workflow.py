"""What happens when the last task of the review workflow is approved.

``WAGTAIL_FINISH_WORKFLOW_ACTION`` points here. Wagtail's default publishes as the approver
*with* a publish-permission check, so an approver would need the publish permission — and
with it the power to publish anything directly, skipping review. Here the approval task has
already checked the approver (a member of its groups), so the approved revision is published
without a second check. The safe-messaging gate in ``TopicPage.publish`` still applies.
"""

from __future__ import annotations

from typing import Any


def publish_approved(workflow_state: Any, user: Any = None) -> None:
    """Publish the revision a reviewer just approved."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
