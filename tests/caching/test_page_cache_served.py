"""The page cache across processes: gunicorn's workers as `make run` starts them, and a
publish from the `symptomdb` command in another process."""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import run_symptomdb, serve_site

QUESTION = "What are the causes and treatments for self-injury?"


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[[Path], dict[str, str]]
) -> Iterator[tuple[str, dict[str, str], Path]]:
    """A fresh site served by gunicorn with the shared configuration and as many workers as
    `make run` starts (the cache is shared between them): URL, env, log file."""
    env = fresh_database(tmp_path_factory.mktemp("cache-site"))
    with serve_site(env, workers=None) as (url, log_path):
        yield url, env, log_path


def get(url: str) -> tuple[str, str | None]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode(), response.headers.get("X-Cache")


def test_a_publish_from_the_command_line_reaches_every_worker_at_once(
    served: tuple[str, dict[str, str], Path], starter_dir: Path
) -> None:
    url, env, log_path = served
    page = f"{url}/topics/self-injury/"
    states = {get(page)[1] for _ in range(8)}
    assert "hit" in states, log_path.read_text()
    source = starter_dir / "self-injury.md"
    source.write_text(
        source.read_text().replace(
            "Self-injury means hurting yourself on purpose",
            "Self-injury, as this test now words it, means hurting yourself on purpose",
        )
    )
    loaded = run_symptomdb("load-topics", str(starter_dir), env=env)
    assert loaded.returncode == 0, loaded.stderr
    # Enough requests that every worker and thread answers some of them.
    for _ in range(8):
        html, _state = get(page)
        assert "as this test now words it" in html


def test_questions_are_neither_cached_nor_written_to_the_access_log(
    served: tuple[str, dict[str, str], Path],
) -> None:
    url, _env, log_path = served
    ask = f"{url}/ask/?{urllib.parse.urlencode({'q': QUESTION})}"
    for _ in range(2):
        html, state = get(ask)
        assert state is None and "self-injury" in html.lower()
    log = log_path.read_text()
    assert '"GET /ask/" 200' in log
    assert "treatments" not in log and "causes" not in log
