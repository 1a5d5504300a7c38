"""The API docs page works in a real browser under the site's Content-Security-Policy."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser]


def test_docs_page_lists_the_operations_without_policy_violations(
    page: Any, live_site: str
) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: (
            problems.append(f"third-party request {r.url}")
            if not r.url.startswith((live_site, "data:", "blob:"))
            else None
        ),
    )
    page.goto(f"{live_site}/api/v1/docs")
    page.get_by_text("/api/v1/crisis-resources").first.wait_for()
    assert page.get_by_text("/api/v1/topics/{slug}").count() >= 1
    assert problems == []
