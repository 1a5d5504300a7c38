"""Ratings cannot be stuffed: one new vote per item from a connection a day, and a few dozen
votes in ten minutes, while a reader can always change their own vote."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from symptomdb.community import limits
from symptomdb.community.form_tokens import form_token
from symptomdb.community.models import Vote

pytestmark = pytest.mark.django_db

TOPIC = "/topics/self-injury/"


@pytest.fixture
def topic(topic_by_a_named_author: Any) -> Any:
    """Author ratings need a named author (tests/community/conftest.py)."""
    return topic_by_a_named_author


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1_800_000_000.0]
    monkeypatch.setattr(limits, "clock", lambda: now[0])
    return now


def rate(client: Client, page: Any, stars: str, token: str | None = None) -> Any:
    return client.post(
        "/community/vote/",
        {
            "target": f"topic:{page.pk}",
            "kind": "author",
            "value": stars,
            "next": TOPIC,
            "form_token": token or form_token("vote"),
        },
    )


def test_one_form_token_posted_thirty_times_counts_as_one_reader(
    topic: Any, clock: list[float]
) -> None:
    token = form_token("vote")
    codes = [
        rate(Client(REMOTE_ADDR="203.0.113.5"), topic, "1", token).status_code for _ in range(30)
    ]
    assert codes[0] == 302 and set(codes[1:]) == {429}
    refused = rate(Client(REMOTE_ADDR="203.0.113.5"), topic, "1", token).content.decode()
    assert "Your vote was not counted" in refused and "already counted today" in refused
    assert Vote.objects.count() == 1
    assert "Author rating from 1 reader" in Client().get(TOPIC).content.decode()
    # A reader elsewhere is counted as before.
    assert rate(Client(REMOTE_ADDR="198.51.100.8"), topic, "4").status_code == 302
    assert "Author rating from 2 readers" in Client().get(TOPIC).content.decode()


def test_a_reader_can_change_their_vote_and_the_client_limit_winds_down(
    topic: Any, clock: list[float]
) -> None:
    reader = Client(REMOTE_ADDR="192.0.2.40")
    codes = [rate(reader, topic, str(1 + n % 5)).status_code for n in range(31)]
    assert set(codes[:30]) == {302} and codes[30] == 429  # 30 in ten minutes
    assert Vote.objects.count() == 1
    clock[0] += 600
    assert rate(reader, topic, "2").status_code == 302
    assert Vote.objects.get().value == 2
