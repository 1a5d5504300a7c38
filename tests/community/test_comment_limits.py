"""The comment rate limit as readers and scripts meet it: fixed buckets that always wind
down, only real comments counted, and no single client able to lock others out."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from symptomdb.community import comments as comments_module
from symptomdb.community import limits
from symptomdb.community import views as views_module
from symptomdb.community.form_tokens import form_token
from symptomdb.community.models import Comment
from symptomdb.safety.crisis_screen import ScreenResult, screen_text

pytestmark = pytest.mark.django_db

START = 1_800_000_000.0  # a fixed instant at the start of a ten-minute bucket


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The limits' clock, moved on by the test (``clock[0] += 600``) instead of sleeping."""
    now = [START]
    monkeypatch.setattr(limits, "clock", lambda: now[0])
    return now


@pytest.fixture
def quick_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about counting, not screening: a screen that finds nothing, at once."""

    def quiet(text: str | None) -> ScreenResult:
        return screen_text("")

    monkeypatch.setattr(comments_module, "screen_text", quiet)
    monkeypatch.setattr(views_module, "screen_text", quiet)


def post(client: Client, page: Any, text: str, ip: str = "192.0.2.1", **extra: str) -> Any:
    return client.post(
        f"/community/comment/{page.pk}/",
        {"text": text, "form_token": form_token("comment"), **extra},
        REMOTE_ADDR=ip,
    )


def test_a_reader_slowed_down_may_comment_again_when_the_ten_minutes_are_over(
    topic: Any, clock: list[float], quick_screen: None
) -> None:
    reader = Client()
    codes = [post(reader, topic, f"Comment {n} from one reader.").status_code for n in range(4)]
    assert codes == [200, 200, 200, 429]
    clock[0] += 599
    assert post(reader, topic, "Still too soon.").status_code == 429
    clock[0] += 1  # the next bucket: the old count is gone, however often it was touched
    assert post(reader, topic, "Ten minutes later.").status_code == 200
    assert Comment.objects.count() == 4


def test_a_script_without_a_cookie_cannot_lock_out_other_readers(
    topic: Any, clock: list[float], quick_screen: None
) -> None:
    # Every cookie-less POST looks like a new reader; the client limit still catches them.
    codes = [post(Client(), topic, f"Spam {n}", ip="203.0.113.9").status_code for n in range(61)]
    assert codes.count(200) == comments_module.CLIENT_LIMIT.count
    assert set(codes[comments_module.CLIENT_LIMIT.count :]) == {429}
    response = post(Client(), topic, "A real reader's comment.", ip="198.51.100.20")
    assert response.status_code == 200 and 'data-outcome="pending"' in response.content.decode()


def test_empty_refused_and_honeypot_posts_do_not_use_up_the_allowance(
    topic: Any, clock: list[float], quick_screen: None
) -> None:
    reader = Client()
    for _ in range(5):
        assert post(reader, topic, "   \r\n ").status_code == 400
        assert post(reader, topic, "x" * 2001).status_code == 400
    # A bot filling the honeypot from many addresses never touches the site-wide backstop.
    for n in range(70):
        post(Client(), topic, f"Buy now {n}", ip=f"10.0.{n}.1", website="http://spam.example")
    codes = [post(reader, topic, f"A real comment {n}.").status_code for n in range(3)]
    assert codes == [200, 200, 200]


def test_a_comment_refused_by_the_limit_comes_back_in_the_form_to_send_again(
    topic: Any, clock: list[float], quick_screen: None
) -> None:
    reader = Client()
    for n in range(3):
        post(reader, topic, f"Comment {n}.")
    text = "My fourth comment, with\nline breaks & <angle brackets>."
    response = post(reader, topic, text.replace("\n", "\r\n"), name="Sam", country="GB")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Your comment was not saved" in html and "wait ten minutes" in html
    form = html[html.index('class="comment-form comment-again"') :]
    assert re.search(r'name="form_token" value="[^"]+"', form)
    assert "\nMy fourth comment, with\nline breaks &amp; &lt;angle brackets&gt;.</textarea>" in form
    assert 'value="Sam"' in form and '<option value="GB" selected>' in form


def test_the_limits_store_no_client_address(
    topic: Any, clock: list[float], quick_screen: None
) -> None:
    from django.db import connection

    post(Client(), topic, "An ordinary comment.", ip="198.51.100.77")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM symptomdb_throttle_cache")
        rows = cursor.fetchall()
    assert rows and not any("198.51.100.77" in str(row) for row in rows)
