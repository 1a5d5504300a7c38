"""Shared fixtures: the starter topics, a loaded site, and Chromium for browser tests."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from symptomdb.importers.topic_markdown import TopicDocument, read_topic_dir

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# under a running loop unless told the thread is a plain synchronous one (it is).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

STARTER_DIR = Path(__file__).resolve().parent.parent / "symptomdb" / "topics" / "starter"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def starter_dir(tmp_path: Path) -> Path:
    """A private copy of the starter topics a test may change."""
    target = tmp_path / "starter"
    shutil.copytree(STARTER_DIR, target)
    return target


@pytest.fixture(scope="session")
def starter_documents() -> list[TopicDocument]:
    return read_topic_dir(STARTER_DIR, dt.date.today())


@pytest.fixture
def loaded_site(db: None, starter_documents: list[TopicDocument]) -> list[TopicDocument]:
    """A database holding the site structure and every starter topic, published."""
    from symptomdb.topics.loading import load_documents

    load_documents(starter_documents)
    return starter_documents


@pytest.fixture
def live_site(transactional_db: None, live_server: Any, starter_documents: list[TopicDocument]) -> Iterator[str]:
    """A real HTTP server on loopback serving the starter site; yields its base URL."""
    from symptomdb.topics.loading import load_documents

    load_documents(starter_documents)
    yield live_server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium, kept off the network it cannot reach (see ../shared/INFRA.md)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }
