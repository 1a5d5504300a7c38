"""Two app servers in fleet mode (SYMPTOMDB_CACHE_URL) on one PostgreSQL and one Redis, as
docs/operators.md, "Several app servers", sets them up: each with a data folder of its own,
the same SECRET_KEY from the environment, one shared folder for the answering index.

They must behave as one site: a form token one server signed is accepted by the other, a
publish is seen by both (pages, API and answers), and a reader's comments count against one
rate limit whichever server takes them. Real PostgreSQL and Redis servers, real gunicorn,
real HTTP; started here, stopped at the end. Runs once (``fleet`` mark), not per database.
It takes about 80 s on a busy two-core machine, nearly all of it ``symptomdb setup``
(migrations and starter topics) on the new database; the checks themselves take about 10 s.
"""

from __future__ import annotations

import contextlib
import html
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from symptomdb.gunicorn_conf import command as gunicorn_command
from tests.conftest import run_symptomdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from loopback import free_port  # noqa: E402
from throwaway_postgres import create_database, throwaway_postgres  # noqa: E402

pytestmark = pytest.mark.fleet

SENTINEL = "as the fleet test now words it"
DEADLINE = 20.0  # seconds a publish may take to reach every server (docs: a few seconds)


@contextlib.contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """redis-server on a free loopback port, nothing saved; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: bash scripts/ensure_system_packages.sh")
    port = free_port()
    log = (folder / "redis.log").open("w")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(folder)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        until = time.monotonic() + 10
        while time.monotonic() < until and server.poll() is None:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)  # waiting for a child process to listen, not a timing assert
        else:
            pytest.fail(f"redis-server did not start:\n{(folder / 'redis.log').read_text()}")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@contextlib.contextmanager
def app_servers(envs: list[dict[str, str]]) -> Iterator[list[str]]:
    """gunicorn with the configuration `make run` uses (one worker each), one per
    environment, started together; yields their URLs once each answers."""
    servers, urls = [], []
    try:
        for env in envs:
            port = free_port()
            log = Path(env["SYMPTOMDB_DATA_DIR"]) / "gunicorn.log"
            with log.open("w") as out:
                servers.append(
                    subprocess.Popen(
                        gunicorn_command(f"127.0.0.1:{port}", workers=1),
                        env={**os.environ, "DJANGO_SETTINGS_MODULE": "symptomdb.settings", **env},
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        cwd=ROOT,
                        start_new_session=True,
                    )
                )
            urls.append(f"http://127.0.0.1:{port}")
        for server, url, env in zip(servers, urls, envs, strict=True):
            log = Path(env["SYMPTOMDB_DATA_DIR"]) / "gunicorn.log"
            until = time.monotonic() + 120
            while time.monotonic() < until and server.poll() is None:
                with (
                    contextlib.suppress(OSError),
                    urllib.request.urlopen(f"{url}/favicon.ico", timeout=2),
                ):
                    break
                time.sleep(0.1)  # waiting for a child process to listen, not a timing assert
            else:
                pytest.fail(f"gunicorn did not start:\n{log.read_text()}")
        yield urls
    finally:
        # Thrown away with their data: master and worker at once, without a graceful drain.
        for server in servers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
        for server in servers:
            server.wait(timeout=30)


@pytest.fixture(scope="module")
def two_servers(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, str, dict[str, str]]]:
    """Two fleet-mode app servers; yields their URLs and the environment of the first."""
    folder = tmp_path_factory.mktemp("fleet")
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(throwaway_postgres()).rsplit("/", 1)[0]
        cache = stack.enter_context(redis_server(folder))
        shared = {
            "DATABASE_URL": create_database(server, "symptomdb"),
            "SYMPTOMDB_CACHE_URL": cache,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SYMPTOMDB_INDEX_DIR": str(folder / "shared-index"),
        }
        envs = [{**shared, "SYMPTOMDB_DATA_DIR": str(folder / name)} for name in ("a", "b")]
        # Set up once, from the first server (migrate, starter topics, the index vectors);
        # the second gets the built static files, as a deploy copies them to each machine.
        setup = run_symptomdb("setup", env=envs[0])
        assert setup.returncode == 0, setup.stderr
        shutil.copytree(folder / "a" / "static", folder / "b" / "static")
        url_a, url_b = stack.enter_context(app_servers(envs))
        yield url_a, url_b, envs[0]


class Browser:
    """One reader's cookies, kept across both servers (as a load balancer would send them)."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar),
            # Keep redirects visible: a vote or a sign-in answers 302.
            type(
                "NoRedirect",
                (urllib.request.HTTPRedirectHandler,),
                {"redirect_request": lambda *a: None},
            )(),
        )

    def request(
        self, url: str, data: dict[str, str] | None = None
    ) -> tuple[int, str, dict[str, str]]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Sec-Fetch-Site": "same-origin"})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)


def get(url: str) -> tuple[str, str | None]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode(), response.headers.get("X-Cache")


def poll(check: Callable[[], bool], what: str, deadline: float = DEADLINE) -> float:
    """Call ``check`` until it is true; return how long that took, or fail at the deadline."""
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        if check():
            return time.monotonic() - started
        time.sleep(0.2)  # polling another process; the assert is the deadline below
    pytest.fail(f"{what}: not seen within {deadline:.0f} s")


def comment_form(page_html: str) -> tuple[str, str]:
    """The comment form's action and its form token, from a topic page."""
    form = re.search(r'<form[^>]*action="(/community/comment/[^"]+)"(.*?)</form>', page_html, re.S)
    assert form, "the topic page has no comment form"
    token = re.search(r'name="form_token" value="([^"]+)"', form.group(2))
    assert token, "the comment form has no form token"
    return html.unescape(form.group(1)), html.unescape(token.group(1))


def outcome(page_html: str) -> str:
    found = re.search(r'data-outcome="([a-z-]+)"', page_html)
    return found.group(1) if found else "none"


def test_a_form_token_signed_by_one_server_is_accepted_by_the_other(
    two_servers: tuple[str, str, dict[str, str]],
) -> None:
    url_a, url_b, _env = two_servers
    reader = Browser()
    _status, page, _ = reader.request(f"{url_a}/topics/anxiety/")
    action, token = comment_form(page)
    status, reply, _ = reader.request(
        url_b + action, {"form_token": token, "text": "Clear and kind, thank you.", "name": ""}
    )
    # Accepted and stored: pending, or held when the crisis screen raises the text (it holds
    # some short kind comments; docs/safety.md). Refused tokens say "expired" or get a 403.
    assert status == 200 and outcome(reply) in ("pending", "held"), reply[:2000]
    # Django's own CSRF protection (the admin) too: a sign-in form from one server posted to
    # the other is refused for its password, never for its token.
    admin = Browser()
    _status, login, _ = admin.request(f"{url_a}/admin/login/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login)
    assert csrf, "the sign-in page has no CSRF token"
    status, answer, _ = admin.request(
        f"{url_b}/admin/login/",
        {"csrfmiddlewaretoken": csrf.group(1), "username": "nobody", "password": "wrong-password"},
    )
    assert status == 200 and "CSRF verification failed" not in answer, answer[:2000]


def test_a_readers_comments_count_against_one_limit_on_both_servers(
    two_servers: tuple[str, str, dict[str, str]],
) -> None:
    url_a, url_b, _env = two_servers
    # Limits count in ten-minute buckets; start in a bucket with time to spare.
    if 600 - time.time() % 600 < 10:
        time.sleep(600 - time.time() % 600 + 0.5)
    reader = Browser()
    _status, page, _ = reader.request(f"{url_b}/topics/depression/")
    action, token = comment_form(page)
    outcomes = []
    # Three comments per reader per ten minutes (symptomdb/community/comments.py): the first
    # three alternate between the servers, the fourth is refused by either.
    for n, url in enumerate([url_a, url_b, url_a, url_b], 1):
        status, reply, _ = reader.request(
            url + action,
            {"form_token": token, "text": f"Comment number {n}, thank you.", "name": ""},
        )
        outcomes.append((status, outcome(reply)))
    assert outcomes == [(200, "pending")] * 3 + [(429, "not-saved")]


def test_a_publish_is_seen_by_both_servers_in_pages_api_and_answers(
    two_servers: tuple[str, str, dict[str, str]], starter_dir: Path
) -> None:
    url_a, url_b, env_a = two_servers
    page = "/topics/self-injury/"
    question = "/api/v1/answer?" + urllib.parse.urlencode({"q": "What is self-injury?"})
    for url in (url_a, url_b):
        get(url + page)
        assert get(url + page)[1] == "hit"  # cached on both before the publish
        get(url + question)  # each server's answering index is built and in use
    source = starter_dir / "self-injury.md"
    source.write_text(
        source.read_text().replace(
            "Self-injury, often called self-harm, is when a person hurts",
            f"Self-injury, often called self-harm, {SENTINEL}, is when a person hurts",
        )
    )
    # Published from a third process on server A's machine, as an editor's command would.
    loaded = run_symptomdb("load-topics", str(starter_dir), env=env_a)
    assert loaded.returncode == 0, loaded.stderr
    for url in (url_a, url_b):
        assert SENTINEL in get(url + page)[0]  # the page generation is shared: at once
        api = f"{url}/api/v1/topics/self-injury"
        poll(lambda api=api: SENTINEL in get(api)[0], f"the topic API of {url}")
        poll(
            lambda url=url: SENTINEL in json.dumps(json.loads(get(url + question)[0])),
            f"the answers of {url} (the index rebuilds in the background)",
        )
