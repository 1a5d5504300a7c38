"""Shared fixtures: the starter topics, a loaded site, and Chromium for browser tests."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
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


def run_symptomdb(
    *args: str, env: dict[str, str], settings: str = "symptomdb.settings"
) -> subprocess.CompletedProcess[str]:
    """Run the real `symptomdb` command in a child process with the given environment."""
    return subprocess.run(
        [sys.executable, "-m", "symptomdb.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings, **env},
        timeout=300,
    )


def fresh_database_env(folder: Path) -> dict[str, str]:
    """Environment for a new, empty database on the engine of this test run.

    On PostgreSQL runs (DATABASE_URL set by scripts/run_tests.py) a new database is created
    on the same throwaway server; otherwise a new SQLite file in ``folder``.
    """
    env = {"SYMPTOMDB_DATA_DIR": str(folder)}
    base_url = os.environ.get("DATABASE_URL", "")
    if base_url.startswith("postgres"):
        import psycopg

        name = f"t_{uuid.uuid4().hex[:10]}"
        server = base_url.rsplit("/", 1)[0]
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"{server}/{name}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder / 'symptomdb.sqlite3'}"
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_site_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment (data folder, database) of the live site, for commands run against it."""
    return fresh_database_env(tmp_path_factory.mktemp("live-site"))


@contextlib.contextmanager
def serve_site(env: dict[str, str]) -> Iterator[tuple[str, Path]]:
    """`symptomdb setup` on the database in ``env``, then gunicorn on a free loopback port
    with the configuration `make run` uses. Yields the base URL and the server's log file;
    the log is attached to any failure to start."""
    folder = Path(env["SYMPTOMDB_DATA_DIR"])
    setup = run_symptomdb("setup", env=env)
    assert setup.returncode == 0, setup.stderr
    port = _free_port()
    log_path = folder / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "symptomdb.wsgi:application",
                "--config",
                "python:symptomdb.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "symptomdb.settings", **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{url}/help/", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.1)  # waiting for a child process to listen, not a timing assert
        else:
            pytest.fail(f"gunicorn did not start:\n{log_path.read_text()}")
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited:\n{log_path.read_text()}")
        yield url, log_path
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="session")
def live_site(live_site_env: dict[str, str]) -> Iterator[str]:
    """The site as `make run` serves it, on its own fresh database. Yields the base URL."""
    with serve_site(live_site_env) as (url, _log):
        yield url


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
