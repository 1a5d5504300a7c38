"""A POST refused for its form token: a plain page that says why, the comment given back,
and one line in the log (no traceback)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client

from symptomdb.community.models import Comment, Vote

pytestmark = pytest.mark.django_db


def test_a_refused_form_token_logs_one_line_without_a_traceback(
    topic: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        response = Client().post(
            "/community/vote/",
            {"target": f"topic:{topic.pk}", "kind": "helpful", "value": "1", "form_token": "x"},
        )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your vote was not counted" in html and "reload the page" in html
    assert caplog.records and all(r.exc_info is None for r in caplog.records)
    assert "Traceback" not in caplog.text
    assert not Vote.objects.exists()


def test_a_comment_refused_for_its_form_token_comes_back_in_the_form(
    topic: Any, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Written on a page left open for days."
    with caplog.at_level(logging.WARNING):
        response = Client().post(f"/community/comment/{topic.pk}/", {"text": text})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Your comment was not saved" in html and "reload the page" in html
    assert f"\n{text}</textarea>" in html and 'name="form_token" value="' in html
    assert "Traceback" not in caplog.text and text not in caplog.text
    assert not Comment.objects.exists()
