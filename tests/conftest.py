"""Shared fixtures: the starter topics, a loaded site, and Chromium for browser tests.

Also the rule that decides which tests run on every database (docs/developers.md, "Tests"):
a test that touches a database (the ``django_db`` mark, or a fixture in
``DATABASE_FIXTURES`` anywhere among the fixtures it uses) runs on SQLite and on
PostgreSQL; the rest (plain-Python cores, browser tests) run once, in the SQLite run.
``scripts/run_tests.py`` passes ``--database-tests-only`` to the PostgreSQL run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from symptomdb.gunicorn_conf import command as gunicorn_command
from symptomdb.importers.topic_markdown import TopicDocument, read_topic_dir, read_topic_tree
from tests.site_snapshot import SiteSnapshot, record

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from loopback import free_port

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# under a running loop unless told the thread is a plain synchronous one (it is).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

STARTER_DIR = Path(__file__).resolve().parent.parent / "symptomdb" / "topics" / "starter"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TODAY = dt.date(2026, 11, 24)

# Fixtures that mean "this test touches a database": pytest-django's, and ours that make a
# database of their own (``fresh_database``) or serve one (``live_site``). Any fixture built
# on one of these counts too (pytest lists every fixture a test uses, however indirectly).
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "fresh_database",
        "live_site_env",
        "live_site",
    }
)
EVERY_DATABASE = "every_database"
# Modules that take longest (the real MedQuAD import lints 47,457 answers; sites served in
# child processes): they start first, so under pytest-xdist they do not finish last.
START_FIRST = (
    "tests/collections/test_import_medquad.py",
    "tests/browser/test_withheld_passages_in_chromium.py",
    "tests/browser/test_accessibility_in_chromium.py",
    "tests/caching/test_page_cache_served.py",
    "tests/interop/test_dump.py",
    "tests/cli/test_symptomdb_command.py",
    "tests/test_two_app_servers.py",
)
_running: pytest.Item | None = None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        default=False,
        help="run only the tests that touch a database (scripts/run_tests.py's second database)",
    )


def runs_on_every_database(item: pytest.Item) -> bool:
    """Whether a test runs on SQLite and on PostgreSQL (True) or once (False).

    The ``every_database`` mark always asks for both (behaviour that differs by engine in a
    test that uses no database fixture); browser tests run once; otherwise the ``django_db``
    mark or any fixture in ``DATABASE_FIXTURES`` decides. Fleet tests (``fleet`` mark) start
    a PostgreSQL server of their own whatever the run's database, so they run once too.
    """
    if item.get_closest_marker(EVERY_DATABASE):
        return True
    if item.get_closest_marker("browser") or item.get_closest_marker("fleet"):
        return False
    if item.get_closest_marker("django_db"):
        return True
    return not DATABASE_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Record each test's database rule in the JUnit report (``databases`` = ``every`` or
    ``once``) and, with ``--database-tests-only``, leave out the tests that run once."""
    only_database_tests = config.getoption("--database-tests-only")
    kept, left_out = [], []
    for item in items:
        every = runs_on_every_database(item)
        item.user_properties.append(("databases", "every" if every else "once"))
        (left_out if only_database_tests and not every else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
    module = [item.nodeid.split("::")[0] for item in kept]
    first = {m: START_FIRST.index(m) if m in START_FIRST else len(START_FIRST) for m in module}
    # Transactional tests empty the test database when they end (Wagtail's root page with
    # it), so they go last, as pytest-django and Django's runner order them; the sort above
    # would otherwise undo that order, and xdist keeps each worker's share in this order.
    order = sorted(range(len(kept)), key=lambda i: (_transactional(kept[i]), first[module[i]]))
    items[:] = [kept[i] for i in order]


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return not {"transactional_db", "live_server"}.isdisjoint(getattr(item, "fixturenames", ()))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    global _running
    _running = item
    try:
        return (yield)
    finally:
        _running = None


@pytest.fixture
def starter_dir(tmp_path: Path) -> Path:
    """A private copy of the starter topics a test may change."""
    target = tmp_path / "starter"
    shutil.copytree(STARTER_DIR, target)
    return target


@pytest.fixture(scope="session")
def starter_documents() -> list[TopicDocument]:
    return read_topic_dir(STARTER_DIR, dt.date.today())


@pytest.fixture(scope="session")
def bilingual_documents() -> list[TopicDocument]:
    """Every starter topic in English and its Spanish translation (starter/es/)."""
    return read_topic_tree(STARTER_DIR, dt.date.today())


# Per list of documents (by identity), what loading it wrote in this process.
_site_snapshots: dict[int, SiteSnapshot] = {}


def load_site(documents: list[TopicDocument]) -> list[TopicDocument]:
    """``load_documents(documents)``, published, in the test's transaction.

    The first load of a list in a process is real; later loads of the same list get the rows
    that load wrote replayed into their transaction (tests/site_snapshot.py), which takes a
    fraction of the time, unless the tables it touches hold something else, when it loads
    for real again. SYMPTOMDB_TEST_REPLAY_SITE=0 loads for real every time.
    """
    from symptomdb.topics.loading import load_documents

    snapshot = _site_snapshots.get(id(documents))
    if snapshot is not None and snapshot.key is not documents:
        snapshot = None  # another list that once had the same id
    if os.environ.get("SYMPTOMDB_TEST_REPLAY_SITE", "1") == "0":
        load_documents(documents)
    elif snapshot is not None and snapshot.matches():
        from wagtail.models import Site

        from symptomdb.caching import invalidate_pages

        snapshot.replay()
        # What the load's signals do outside the database.
        Site.clear_site_root_paths_cache()
        invalidate_pages()
    elif snapshot is None:
        _site_snapshots[id(documents)] = record(documents, lambda: load_documents(documents))
    else:
        load_documents(documents)
    return documents


@pytest.fixture
def loaded_site(db: None, starter_documents: list[TopicDocument]) -> list[TopicDocument]:
    """A database holding the site structure and every starter topic, published
    (``load_site``)."""
    return load_site(starter_documents)


@pytest.fixture
def bilingual_site(db: None, bilingual_documents: list[TopicDocument]) -> list[TopicDocument]:
    """``loaded_site`` with the Spanish translations as well (``load_site``)."""
    return load_site(bilingual_documents)


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


def add_imported_record(answer: str = "A test answer written for this test.") -> Any:
    """One imported MedQuAD-style record (GARD's "Persistent hiccups") with one answer, for
    tests that need a collection page or a search hit; returns the CollectionDocument."""
    from symptomdb.collections.models import CollectionAnswer, CollectionDocument

    record = CollectionDocument.objects.create(
        file="2_GARD_QA/0000042.xml",
        doc_id="0000042",
        source="GARD",
        url="https://example.org/hiccups",
        focus="Persistent hiccups",
        licence="CC BY 4.0",
    )
    CollectionAnswer.objects.create(
        document=record,
        position=1,
        answer_id="GARD_0000042_Sec1.txt",
        qid="0000042-1",
        qtype="information",
        question="What are persistent hiccups?",
        answer=answer,
    )
    return record


def python_child(code: str, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """Python ``code`` in a child process with the real settings and ``env`` (a database of
    its own), stdin, stdout and stderr piped: for tests that stop or kill a writer."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "symptomdb.settings", **env},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )


# What the first `symptomdb setup` of this test process left, per set of settings: a copy
# of its database and of its passage-vector cache (``run_setup``).
_setup_templates: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
_SITE_KEYS = ("DATABASE_URL", "SYMPTOMDB_DATA_DIR")


def run_setup(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`symptomdb setup` on the database in ``env``, as `make run` runs it.

    The first call in a test process with given settings runs it on the empty database and
    keeps a copy of the result. Later calls on an empty database start from that copy (or
    from the copy of a site with no settings of its own), then
    run `setup` on it as `make run` does on every start (migrations, starter topics and
    providers already there; the passage vectors in the copied cache). Migrating and
    loading the topics once per process instead of once per site saves about 40 s a site
    (docs/developers.md, "Tests")."""
    key = tuple(sorted((k, v) for k, v in env.items() if k not in _SITE_KEYS))
    # `setup` only adds what is missing, so a copy of a plain site brought up with other
    # settings (demo data, say) is what a fresh `setup` with them leaves.
    template = _setup_templates.get(key) or _setup_templates.get(())
    if template is not None and _database_is_empty(env):
        _copy_site(template, env)
    result = run_symptomdb("setup", env=env)
    if result.returncode == 0 and template is None:
        _setup_templates[key] = _keep_site(env)
    return result


def _postgres(env: dict[str, str]) -> tuple[str, str] | None:
    """(server URL, database name) for a PostgreSQL ``env``; None for SQLite."""
    url = env["DATABASE_URL"]
    if not url.startswith("postgres"):
        return None
    server, name = url.rsplit("/", 1)
    return server, name


def _database_is_empty(env: dict[str, str]) -> bool:
    postgres = _postgres(env)
    if postgres is None:
        path = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
        return not path.exists() or path.stat().st_size == 0
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as conn:
        row = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
    return row is not None and row[0] == 0


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (no half-written pages)."""
    import sqlite3

    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _keep_site(env: dict[str, str]) -> dict[str, str]:
    """Copy the database and vector cache `setup` just wrote (no process has it open)."""
    kept = Path(tempfile.mkdtemp(prefix="symptomdb-setup-template-"))
    cache = Path(env["SYMPTOMDB_DATA_DIR"]) / "cache"
    if cache.is_dir():
        shutil.copytree(cache, kept / "cache")
    postgres = _postgres(env)
    if postgres is None:
        sqlite_copy(Path(env["DATABASE_URL"].removeprefix("sqlite:///")), kept / "site.sqlite3")
        return {"folder": str(kept), "sqlite": str(kept / "site.sqlite3")}
    import psycopg

    server, name = postgres
    template = f"tmpl_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    return {"folder": str(kept), "postgres": template}


def _copy_site(template: dict[str, str], env: dict[str, str]) -> None:
    cache = Path(template["folder"]) / "cache"
    if cache.is_dir():
        shutil.copytree(cache, Path(env["SYMPTOMDB_DATA_DIR"]) / "cache", dirs_exist_ok=True)
    postgres = _postgres(env)
    if postgres is None:
        sqlite_copy(Path(template["sqlite"]), Path(env["DATABASE_URL"].removeprefix("sqlite:///")))
        return
    import psycopg

    server, name = postgres
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template["postgres"]}"')


def set_up_site(make_database: Callable[[Path], dict[str, str]], folder: Path) -> dict[str, str]:
    """A database of its own (from the ``fresh_database`` fixture) with `symptomdb setup` run
    on it, as `make run` leaves it; returns its environment."""
    env = make_database(folder)
    setup = run_setup(env)
    assert setup.returncode == 0, setup.stderr
    return env


def fresh_database_env(folder: Path) -> dict[str, str]:
    """Environment for a new, empty database on the engine of this test run.

    On PostgreSQL runs (DATABASE_URL set by scripts/run_tests.py) a new database is created
    on the same throwaway server; otherwise a new SQLite file in ``folder``.
    """
    if _running is not None and not (
        runs_on_every_database(_running) or _running.get_closest_marker("browser")
    ):
        raise RuntimeError(
            f"{_running.nodeid} makes a database of its own but would run on one database "
            "only: use the `fresh_database` fixture (or mark it every_database)."
        )
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


@pytest.fixture(scope="session")
def fresh_database() -> Callable[[Path], dict[str, str]]:
    """``fresh_database_env`` as a fixture: a test or fixture that makes a database of its
    own asks for this, so the test runs on every database (see ``DATABASE_FIXTURES``)."""
    return fresh_database_env


@pytest.fixture(scope="session")
def live_site_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment (data folder, database) of the live site, for commands run against it."""
    return fresh_database_env(tmp_path_factory.mktemp("live-site"))


@contextlib.contextmanager
def serve_site(
    env: dict[str, str], *, set_up: bool = True, workers: int | None = 1
) -> Iterator[tuple[str, Path]]:
    """`symptomdb setup` on the database in ``env`` (unless the caller has just run it:
    ``set_up=False``), then gunicorn on a free loopback port with the configuration `make
    run` uses — with one worker, unless the test is about several (``workers=None``: as
    many as `make run` starts). Yields the base URL and the server's log file; the log is
    attached to any failure to start."""
    folder = Path(env["SYMPTOMDB_DATA_DIR"])
    if set_up:
        setup = run_setup(env)
        assert setup.returncode == 0, setup.stderr
    port = free_port()
    log_path = folder / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            gunicorn_command(f"127.0.0.1:{port}", workers=workers),
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
