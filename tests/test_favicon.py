"""Browsers ask every site for /favicon.ico; they get the site's mark, not a 404."""

from __future__ import annotations

from django.test import Client


def test_favicon_is_served() -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
