"""A comment is kept exactly as its writer typed it, shown escaped everywhere, and refused
(never cut) when it is longer than the form allows."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from symptomdb.community import comments as comments_module
from symptomdb.community import views as views_module
from symptomdb.community.form_tokens import form_token
from symptomdb.community.models import Comment
from symptomdb.safety.crisis_screen import screen_text

pytestmark = pytest.mark.django_db

TOPIC = "/topics/self-injury/"


def post(text: str, **extra: str) -> Any:
    return Client().post(
        f"/community/comment/{extra.pop('page')}/",
        {"text": text, "form_token": form_token("comment"), **extra},
    )


def test_a_comment_is_stored_exactly_as_typed_and_shown_escaped(topic: Any, make_user: Any) -> None:
    from symptomdb.community.comments import approve_comment

    text = "x<y but I feel <sad> today & <script>alert(1)</script>"
    response = post(text, page=topic.pk, name="<b>Eve</b>")
    assert response.status_code == 200 and "Your comment was saved" in response.content.decode()
    stored = Comment.objects.get()
    assert (stored.text, stored.name) == (text, "<b>Eve</b>")
    escaped = "x&lt;y but I feel &lt;sad&gt; today &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
    moderator = Client()
    moderator.force_login(make_user("moderator"))
    queue = moderator.get("/admin/community/comments/").content.decode()
    assert escaped in queue and "<script>alert(1)" not in queue
    approve_comment(make_user("administrator"), stored)
    page = Client().get(TOPIC).content.decode()
    section = page[page.index('id="comments"') :]
    assert escaped in section and "&lt;b&gt;Eve&lt;/b&gt;" in section
    assert "<script>alert(1)" not in section


def test_an_overlong_comment_is_refused_and_given_back_whole(
    topic: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []

    def spy(text: str | None) -> Any:
        read.append(len(text or ""))
        return screen_text(text)

    monkeypatch.setattr(comments_module, "screen_text", spy)
    monkeypatch.setattr(views_module, "screen_text", spy)
    text = ("<p>" * 10_000) + " the end of what I wrote"
    response = post(text, page=topic.pk)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your comment is 30,024 characters long; a comment can be at most 2,000." in html
    assert "the end of what I wrote</textarea>" in html  # given back whole, nothing lost
    assert not Comment.objects.exists()
    assert read and max(read) <= comments_module.MAX_TEXT  # no more read than a comment holds


def test_an_overlong_name_is_refused_naming_the_field(topic: Any) -> None:
    response = post("A fine comment.", page=topic.pk, name="N" * 61)
    assert response.status_code == 400
    assert "The name you gave is 61 characters long" in response.content.decode()
    assert not Comment.objects.exists()
