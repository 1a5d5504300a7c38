"""Fixtures for the community tests: users in each role and a published topic.

The throttle cache is a database table, so each test's counts roll back with its transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group

from symptomdb.community import roles
from symptomdb.importers.topic_markdown import TopicDocument

ROLE_GROUPS = {
    "author": roles.AUTHORS,
    "reviewer": roles.MEDICAL_REVIEWERS,
    "moderator": roles.MODERATORS,
    "administrator": roles.ADMINISTRATORS,
}


@pytest.fixture
def make_user(db: None) -> Callable[[str], Any]:
    """Create an active user in one role ("author", "reviewer", "moderator", "administrator").

    Reviewers get a linked person record with (test) credentials, as sign-off requires.
    """
    from django.contrib.auth import get_user_model

    from symptomdb.topics.models import Person

    def make(role: str) -> Any:
        user = get_user_model().objects.create_user(
            username=f"test-{role}", email=f"{role}@example.org", password="a long test password"
        )
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        if role == "reviewer":
            Person.objects.create(
                name="Test Reviewer (fixture)",
                credentials="MD (test fixture)",
                affiliation="Test Clinic",
                user=user,
            )
        return user

    return make


@pytest.fixture
def topic(loaded_site: list[TopicDocument]) -> Any:
    """The published self-injury topic."""
    from symptomdb.topics.models import TopicPage

    return TopicPage.objects.get(slug="self-injury")


@pytest.fixture
def topic_by_a_named_author(topic: Any) -> Any:
    """The self-injury topic with a named person among its authors, whom readers may rate
    (the starter topics are written by a collective, "symptomdb contributors")."""
    from symptomdb.topics.models import Person, TopicAuthor

    person = Person.objects.create(name="Test Author (fixture)")
    TopicAuthor.objects.create(page=topic, person=person, sort_order=1)
    return topic
