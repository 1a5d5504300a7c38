"""One password tried across many usernames from one client is throttled too, for minutes,
without the client's address being stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from symptomdb.community import limits
from symptomdb.community.accounts import SIGN_IN_CLIENT_LIMIT

pytestmark = pytest.mark.django_db


def sign_in(username: str, password: str, ip: str) -> Any:
    return Client(REMOTE_ADDR=ip).post(
        "/admin/login/", {"username": username, "password": password}
    )


def test_one_password_tried_across_many_usernames_is_throttled_for_minutes(
    make_user: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1_800_000_000.0]
    monkeypatch.setattr(limits, "clock", lambda: now[0])
    make_user("author")
    for n in range(SIGN_IN_CLIENT_LIMIT.count):
        response = sign_in(f"someone-{n}", "Summer2026!", "203.0.113.50")
        assert response.status_code == 200  # the sign-in form again, with an error
    locked = sign_in("test-author", "a long test password", "203.0.113.50")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    # Another client signs in as usual; this one may again when the 15 minutes are over.
    assert sign_in("test-author", "a long test password", "198.51.100.3").status_code == 302
    now[0] += SIGN_IN_CLIENT_LIMIT.seconds
    assert sign_in("test-author", "a long test password", "203.0.113.50").status_code == 302


def test_the_sign_in_limit_stores_no_address(make_user: Callable[[str], Any]) -> None:
    from django.db import connection

    sign_in("nobody", "wrong", "203.0.113.61")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM symptomdb_throttle_cache")
        rows = cursor.fetchall()
    assert rows and not any("203.0.113.61" in str(row) for row in rows)
