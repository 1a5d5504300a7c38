"""Editors: the Wagtail admin offers typed sections, snippets and a moderation workflow."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.models import TopicPage
from symptomdb.vocabulary import SECTION_KINDS, TREATMENT_ITEM_TYPES

pytestmark = pytest.mark.django_db


def test_topic_editor_offers_every_section_kind_and_treatment_item(
    admin_client: Client, loaded_site: list[TopicDocument]
) -> None:
    page = TopicPage.objects.get(slug="self-injury")
    response = admin_client.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for kind in SECTION_KINDS:
        assert kind.label in html
    for _, label in TREATMENT_ITEM_TYPES:
        assert label in html
    assert "Medical reviewer" in html


def test_people_and_references_are_reusable_snippets(
    admin_client: Client, loaded_site: list[TopicDocument]
) -> None:
    people = admin_client.get("/admin/snippets/topics/person/")
    assert people.status_code == 200 and "symptomdb contributors" in people.content.decode()
    references = admin_client.get("/admin/snippets/topics/reference/")
    assert references.status_code == 200
    assert (
        "Self-harm: assessment, management and preventing recurrence" in references.content.decode()
    )


def test_topics_go_through_moderation_before_publishing(loaded_site: list[TopicDocument]) -> None:
    page = TopicPage.objects.get(slug="anxiety")
    workflow = page.get_workflow()
    assert workflow is not None and workflow.active
    # Topic changes are approved by medical reviewers (symptomdb.community.roles).
    moderators = Group.objects.get(name="Medical reviewers")
    author = get_user_model().objects.create_user("author", "a@example.org", "a-long-test-password")
    page.summary = "A change waiting for review."
    revision = page.save_revision(user=author)
    state = workflow.start(page, author)
    assert state.status == "in_progress"
    task_state = state.current_task_state
    assert task_state.task.specific.groups.filter(id=moderators.id).exists()
    # Until a reviewer approves, readers still see the published text.
    assert TopicPage.objects.get(id=page.id).summary != "A change waiting for review."
    moderator = get_user_model().objects.create_user("mod", "m@example.org", "a-long-test-password")
    moderator.groups.add(moderators)
    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert TopicPage.objects.get(id=page.id).summary == "A change waiting for review."
    assert revision.id == TopicPage.objects.get(id=page.id).live_revision_id
