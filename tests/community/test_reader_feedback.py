"""Ratings and comments as a reader meets them, over real HTTP through the Django test client."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.db import DatabaseError
from django.test import Client

from symptomdb.community.form_tokens import form_token
from symptomdb.community.models import Comment, Vote
from symptomdb.community.reader import COOKIE_NAME
from symptomdb.helpfinder.models import ScreenCount

pytestmark = pytest.mark.django_db

TOPIC = "/topics/self-injury/"
RISKY = "I have been hurting myself again every night and I want to die."


def vote(client: Client, page: Any, kind: str, value: str, reason: str = "") -> Any:
    return client.post(
        "/community/vote/",
        {
            "target": f"topic:{page.pk}",
            "kind": kind,
            "value": value,
            "reason": reason,
            "next": TOPIC,
            "form_token": form_token("vote"),
        },
    )


def comment(client: Client, page: Any, text: str, **extra: str) -> Any:
    return client.post(
        f"/community/comment/{page.pk}/",
        {"text": text, "form_token": form_token("comment"), **extra},
    )


def test_reading_a_topic_sets_no_cookie_and_shows_the_forms(topic: Any) -> None:
    response = Client().get(TOPIC)
    html = response.content.decode()
    assert not response.cookies  # no reader id, no CSRF cookie: the page may be cached
    assert "Was this page helpful?" in html
    assert "Add a comment" in html
    assert 'name="form_token" value="' in html


def test_one_vote_per_reader_which_they_can_change(topic: Any) -> None:
    reader = Client()
    response = vote(reader, topic, "helpful", "1", "clear")
    assert response.status_code == 302 and response["Location"] == TOPIC
    assert COOKIE_NAME in response.cookies
    vote(reader, topic, "helpful", "0", "incomplete")
    assert Vote.objects.filter(kind="helpful").count() == 1
    assert Vote.objects.get(kind="helpful").value == 0
    vote(Client(REMOTE_ADDR="192.0.2.2"), topic, "helpful", "1")  # another reader elsewhere
    page = reader.get(TOPIC).content.decode()
    assert "Thank you for telling us" in page
    assert "1 reader found this helpful; 1 did not." in page


def test_a_page_by_a_collective_is_rated_as_a_page_not_by_its_author(topic: Any) -> None:
    html = Client().get(TOPIC).content.decode()
    assert "symptomdb contributors" in html  # the starter topics' author, a collective
    assert "Was this page helpful?" in html
    assert "Rate the author" not in html and "Author rating" not in html
    response = vote(Client(), topic, "author", "5")
    assert response.status_code == 400
    assert "no named author to rate" in response.content.decode()
    assert not Vote.objects.exists()


def test_author_rating_is_counted_by_stars(topic_by_a_named_author: Any) -> None:
    topic = topic_by_a_named_author
    assert "Rate the author (Test Author (fixture))" in Client().get(TOPIC).content.decode()
    for n, stars in enumerate(("5", "5", "3")):
        assert vote(Client(REMOTE_ADDR=f"192.0.2.{n}"), topic, "author", stars).status_code == 302
    page = Client().get(TOPIC).content.decode()
    assert "Author rating from 3 readers" in page
    assert "5 stars: 2" in page and "3 stars: 1" in page and "1 star: 0" in page


def test_malformed_votes_are_refused_with_a_reason(topic: Any) -> None:
    for kind, value, reason in (("author", "9", ""), ("helpful", "1", "nonsense"), ("x", "1", "")):
        response = vote(Client(), topic, kind, value, reason)
        assert response.status_code == 400
        assert "Your vote was not counted" in response.content.decode()
    response = Client().post(
        "/community/vote/",
        {
            "target": "topic:999999",
            "kind": "helpful",
            "value": "1",
            "form_token": form_token("vote"),
        },
    )
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_answers_can_be_rated_helpful(topic: Any) -> None:
    reader = Client()
    html = reader.get("/ask/", {"q": "What are the treatments for self-injury?"}).content.decode()
    assert "Was this answer helpful?" in html
    import re

    target = re.search(r'name="target" value="(answer:[^"]+)"', html)
    assert target is not None
    response = reader.post(
        "/community/vote/",
        {
            "target": target.group(1),
            "kind": "helpful",
            "value": "1",
            "form_token": form_token("vote"),
        },
    )
    assert response.status_code == 302
    assert Vote.objects.get().target == target.group(1).replace("&amp;", "&")


def test_an_ordinary_comment_waits_for_a_moderator(topic: Any) -> None:
    # The learned screen raises some ordinary comments to concern (held, with help shown):
    # docs/safety.md gives the rate. This one it reads as ordinary.
    text = "Thank you, the part about DBT was clear and useful."
    response = comment(Client(), topic, text, name="Sam")
    html = response.content.decode()
    assert response.status_code == 200 and 'data-outcome="pending"' in html
    stored = Comment.objects.get()
    assert (stored.state, stored.name, stored.text) == (
        "pending",
        "Sam",
        text,
    )
    assert text not in Client().get(TOPIC).content.decode()


def test_risky_comment_is_held_and_writer_sees_help(topic: Any) -> None:
    response = comment(Client(), topic, RISKY, country="GB")
    html = response.content.decode()
    assert 'data-outcome="held"' in html
    assert 'class="help-first leads' in html and "Samaritans" in html
    assert html.index("help-first") < html.index("Thank you for your comment")
    stored = Comment.objects.get()
    assert stored.state == Comment.HELD and stored.screen_level in ("crisis", "emergency")
    assert ScreenCount.objects.filter(channel="comment").exists()


def test_honeypot_spam_is_stored_as_spam_and_looks_accepted(topic: Any) -> None:
    response = comment(
        Client(), topic, "Buy cheap things at example.com", website="http://spam.example"
    )
    assert 'data-outcome="pending"' in response.content.decode()
    assert Comment.objects.get().state == Comment.SPAM


def test_many_comments_from_one_reader_are_slowed_and_told_so(topic: Any) -> None:
    reader = Client()
    statuses = [
        comment(reader, topic, f"Comment number {n} from one reader.").status_code for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    assert Comment.objects.count() == 3


def test_empty_comment_is_not_saved_and_the_reader_is_told(topic: Any) -> None:
    response = comment(Client(), topic, "   \r\n  ")
    assert response.status_code == 400
    assert "Your comment was not saved" in response.content.decode()
    assert not Comment.objects.exists()


def post_comment_logged(topic: Any, text: str, caplog: pytest.LogCaptureFixture) -> tuple[Any, str]:
    """Post ``text`` as a comment on ``topic`` while the log is captured; the response and
    its HTML (a server error is rendered, not raised, as a reader would see it)."""
    with caplog.at_level(logging.INFO):
        response = Client(raise_request_exception=False).post(
            f"/community/comment/{topic.pk}/", {"text": text, "form_token": form_token("comment")}
        )
    return response, response.content.decode()


def test_a_failing_write_says_the_comment_was_not_saved_and_logs_no_text(
    topic: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from symptomdb.community import comments as comments_module

    def broken_log(*args: Any, **kwargs: Any) -> None:
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(comments_module, "log", broken_log)
    secret = "My private words that must not reach a log file."
    response, html = post_comment_logged(topic, secret, caplog)
    assert response.status_code == 503
    assert "Your comment was not saved" in html
    assert secret in html  # given back to the writer so nothing is lost
    assert not Comment.objects.exists()  # the row written before the failure was rolled back
    assert secret not in caplog.text


def test_a_database_gone_before_the_topic_is_read_still_gives_the_text_back(
    topic: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # As during a database restart or failover behind several app servers: the first query
    # of the request (which topic, in which language) already fails.
    from django.db import OperationalError

    from symptomdb.community import views

    class Unreachable:
        def filter(self, *args: Any, **kwargs: Any) -> Any:
            raise OperationalError("connection refused")

    monkeypatch.setattr(views.TopicPage, "objects", Unreachable())
    secret = "Words written while the database restarted."
    response, html = post_comment_logged(topic, secret, caplog)
    assert response.status_code == 503
    assert "Your comment was not saved" in html
    assert secret in html
    assert f'action="/community/comment/{topic.pk}/"' in html  # ready to send again
    assert secret not in caplog.text


def test_a_shared_cache_that_cannot_be_reached_gives_the_comment_back(
    topic: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rate limits live in Redis when several app servers share it; a restarting Redis
    # raises RedisError, which must not become a bare 500 that loses the text.
    from redis.exceptions import ConnectionError as RedisConnectionError

    from symptomdb.community import views

    def unreachable(*args: Any, **kwargs: Any) -> None:
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(views, "check_rate_limit", unreachable)
    secret = "Words written while the cache restarted."
    response = Client(raise_request_exception=False).post(
        f"/community/comment/{topic.pk}/", {"text": secret, "form_token": form_token("comment")}
    )
    assert response.status_code == 503
    assert secret in response.content.decode()
    assert not Comment.objects.exists()


def test_comment_names_and_text_are_kept_as_typed_and_escaped(topic: Any, make_user: Any) -> None:
    from symptomdb.community.comments import approve_comment

    text = 'Nice page <script>alert("x")</script><img src=x onerror=alert(1)> a < b'
    comment(Client(), topic, text, name='<b onmouseover="alert(1)">Eve</b>')
    stored = Comment.objects.get()
    assert stored.text == text and stored.name == '<b onmouseover="alert(1)">Eve</b>'
    approve_comment(make_user("moderator"), stored)
    html = Client().get(TOPIC).content.decode()
    section = html[html.index('id="comments"') :]
    assert "<script>alert" not in section and "<img" not in section and "<b " not in section
    assert "a &lt; b" in section and "&lt;img src=x onerror=alert(1)&gt;" in section


def test_moderators_see_comment_text_escaped_in_the_queue(topic: Any, make_user: Any) -> None:
    comment(Client(), topic, "Plain words &lt;script&gt;alert(1)&lt;/script&gt; here")
    moderator = Client()
    moderator.force_login(make_user("moderator"))
    html = moderator.get("/admin/community/comments/").content.decode()
    # The writer typed entities as text; the moderator sees that text, not what it encodes.
    assert "&amp;lt;script&amp;gt;alert(1)" in html and "<script>alert(1)" not in html


def _reader_posts(topic: Any) -> list[tuple[str, dict[str, str]]]:
    return [
        ("/community/vote/", {"target": f"topic:{topic.pk}", "kind": "helpful", "value": "1"}),
        (f"/community/comment/{topic.pk}/", {"text": "A comment from a forged form."}),
    ]


def test_reader_forms_refuse_a_post_without_a_valid_form_token(
    topic: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from django.core import signing

    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 3 * 24 * 3600)
    expired = {"vote": form_token("vote"), "comment": form_token("comment")}
    monkeypatch.undo()
    for url, data in _reader_posts(topic):
        purpose = "vote" if "vote" in url else "comment"
        tokens = {
            "missing": None,
            "altered": form_token(purpose)[:-2] + "xx",
            "for another form": form_token("vote" if purpose == "comment" else "comment"),
            "expired": expired[purpose],
        }
        for label, token in tokens.items():
            sent = dict(data) if token is None else {**data, "form_token": token}
            response = Client().post(url, sent)
            assert response.status_code == 403, (url, label)
    assert not Vote.objects.exists() and not Comment.objects.exists()


def test_reader_forms_refuse_a_post_from_another_site(topic: Any) -> None:
    for url, data in _reader_posts(topic):
        purpose = "vote" if "vote" in url else "comment"
        sent = {**data, "form_token": form_token(purpose)}
        assert Client().post(url, sent, HTTP_ORIGIN="https://evil.example").status_code == 403
        assert Client().post(url, sent, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert not Vote.objects.exists() and not Comment.objects.exists()


def test_reader_forms_accept_the_token_the_page_gave(topic: Any) -> None:
    import re

    client = Client()
    html = client.get(TOPIC).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html)
    assert token is not None
    response = client.post(
        "/community/vote/",
        {
            "form_token": token.group(1),
            "target": f"topic:{topic.pk}",
            "kind": "helpful",
            "value": "1",
        },
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302 and Vote.objects.count() == 1


def test_admin_forms_refuse_a_post_without_a_csrf_token(topic: Any, make_user: Any) -> None:
    from symptomdb.community.comments import submit_comment

    stored = submit_comment(topic, "An ordinary comment.").comment
    before = stored.state  # pending, or held if the screen raised it: the posts must not move it
    for role, url, data in (
        ("moderator", f"/admin/community/comments/{stored.pk}/approve/", {}),
        ("moderator", f"/admin/community/comments/{stored.pk}/reply/", {"reply": "Thanks"}),
        (
            "reviewer",
            f"/admin/community/sign-off/{topic.pk}/",
            {"revision": str(topic.live_revision_id)},
        ),
    ):
        client = Client(enforce_csrf_checks=True)
        client.force_login(make_user(role) if not _exists(role) else _user(role))
        assert client.post(url, data).status_code == 403, url
    stored.refresh_from_db()
    assert stored.state == before and not stored.reply


def _exists(role: str) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=f"test-{role}").exists()


def _user(role: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=f"test-{role}")
