"""A full disk under the database: a comment and an import are refused whole and say so.

Each test sets up a site of its own (`symptomdb setup`, on the engine of the run), puts its
database on a small tmpfs mounted for the test, and fills that tmpfs with a file until a
write gets ENOSPC; nothing in the disk is mocked.

- SQLite: the set-up database is copied (backup API) onto the tmpfs. A connection held open
  in the test process, as a running site holds its database, keeps the WAL index there, so
  pages can still be read and only a write fails (SQLITE_FULL at the commit).
- PostgreSQL: the tables the writes go to (comments, providers) are moved to a tablespace
  on the tmpfs (`ALTER TABLE … SET TABLESPACE`). The server's WAL stays on the main disk,
  so a write fails when it must extend a data file ("could not extend file … No space left
  on device"): the comment table is empty, and the import brings enough providers to need
  new pages. Not the whole database: a new connection writes the database's relation-cache
  file there, and on a full disk it may fail with "could not write init file" before any
  write — another failure, and it made the test depend on timing.

With the disk full, a comment posted through the real view (Django's test client in a child
process with the real settings) gets the 503 page that gives its text back, and
`symptomdb import-providers` exits with status 2 and one line saying the disk is full, no
traceback. What is stored is what was stored before (SQLite's integrity check passes). With
the filler removed, the same comment and import are stored: the database is usable.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import python_child, run_symptomdb, set_up_site, sqlite_copy

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Whole text of a comment written while the disk was full."
PROVIDERS = 200  # far more rows than the providers table's last page has room for
# The tables the comment and the import write to (PostgreSQL puts them on the full disk).
WRITTEN_TABLES = ("community_comment", "helpfinder_provider")

COUNT = """
import django

django.setup()
from wagtail.models import ModelLogEntry

from symptomdb.community.models import Comment
from symptomdb.helpfinder.models import Provider
from symptomdb.topics.models import TopicPage

print(
    TopicPage.objects.count(),
    Provider.objects.count(),
    Comment.objects.count(),
    ModelLogEntry.objects.filter(action="symptomdb.comment.submit").count(),
)
"""

POST_COMMENT = """
import json
import sys

import django

django.setup()
from django.test import Client

from symptomdb.community.form_tokens import form_token
from symptomdb.topics.models import TopicPage

page = TopicPage.objects.live().get(slug="self-injury")
response = Client(raise_request_exception=False).post(
    f"/community/comment/{page.pk}/",
    {"text": sys.argv[1], "form_token": form_token("comment")},
    HTTP_HOST="localhost",
)
html = response.content.decode()
print(
    json.dumps(
        {
            "status": response.status_code,
            "not saved": "Your comment was not saved" in html,
            "text back": f"{sys.argv[1]}</textarea>" in html,
        }
    )
)
"""


def _mount(size: int) -> Path:
    """A tmpfs of ``size`` bytes on a new directory the postgres user can reach."""
    parent = Path(tempfile.mkdtemp(prefix="symptomdb-full-disk-"))
    parent.chmod(0o755)
    mount = parent / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)
    return mount


def _unmount(mount: Path) -> None:
    # A lazy unmount if a server still holds a file there: the mount never outlives the test.
    if subprocess.run(["umount", str(mount)], check=False).returncode != 0:
        subprocess.run(["umount", "--lazy", str(mount)], check=True)
    shutil.rmtree(mount.parent)


@dataclass
class FullDisk:
    """A site whose database is on the tmpfs at ``mount``; ``fill`` and ``free`` it."""

    env: dict[str, str]
    mount: Path
    sqlite: Path | None
    holder: sqlite3.Connection | None = field(default=None)

    def fill(self) -> None:
        """Write a filler file until the tmpfs refuses (ENOSPC): the disk is full."""
        filler = os.open(self.mount / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (1 << 20, 4096, 1):
                block = b"\0" * size
                with contextlib.suppress(OSError):
                    while True:
                        os.write(filler, block)
        finally:
            os.close(filler)
        assert os.statvfs(self.mount).f_bavail == 0

    def free(self) -> None:
        (self.mount / "filler").unlink()
        assert os.statvfs(self.mount).f_bavail > 0

    def stored(self) -> list[int]:
        """Topics, providers, comments, comment audit entries; the integrity check on SQLite."""
        reader = python_child(COUNT, self.env)
        out, err = reader.communicate(timeout=120)
        assert reader.returncode == 0, err
        if self.sqlite is not None:
            with contextlib.closing(sqlite3.connect(self.sqlite)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [int(n) for n in out.split()]


@contextlib.contextmanager
def _sqlite_on_tmpfs(env: dict[str, str]) -> Iterator[FullDisk]:
    source = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
    mount = _mount(source.stat().st_size + (2 << 20))
    disk = FullDisk({**env}, mount, mount / "symptomdb.sqlite3")
    try:
        assert disk.sqlite is not None
        sqlite_copy(source, disk.sqlite)
        disk.env["DATABASE_URL"] = f"sqlite:///{disk.sqlite}"
        # As a running site holds it: the WAL and its index stay on the tmpfs while full.
        disk.holder = sqlite3.connect(disk.sqlite)
        assert disk.holder.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
        disk.holder.execute("SELECT count(*) FROM sqlite_master").fetchall()
        yield disk
    finally:
        if disk.holder is not None:
            disk.holder.close()
        _unmount(mount)


@contextlib.contextmanager
def _postgres_on_tmpfs(env: dict[str, str]) -> Iterator[FullDisk]:
    import psycopg

    server, name = env["DATABASE_URL"].rsplit("/", 1)
    space = f"full_{uuid.uuid4().hex[:10]}"
    mount = _mount(8 << 20)
    try:
        shutil.chown(mount, "postgres", "postgres")
        mount.chmod(0o700)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"CREATE TABLESPACE \"{space}\" LOCATION '{mount}'")
        try:
            with psycopg.connect(env["DATABASE_URL"], autocommit=True) as site:
                for table in WRITTEN_TABLES:
                    site.execute(f'ALTER TABLE "{table}" SET TABLESPACE "{space}"')
            yield FullDisk(env, mount, None)
        finally:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                admin.execute(f'DROP TABLESPACE "{space}"')
    finally:
        _unmount(mount)


@pytest.fixture
def full_disk(
    tmp_path: Path, fresh_database: Callable[[Path], dict[str, str]]
) -> Iterator[FullDisk]:
    """A set-up site whose database is on a small tmpfs (not yet full)."""
    env = set_up_site(fresh_database, tmp_path)
    on_tmpfs = _sqlite_on_tmpfs if env["DATABASE_URL"].startswith("sqlite") else _postgres_on_tmpfs
    with on_tmpfs(env) as disk:
        yield disk


def _post_comment(env: dict[str, str]) -> tuple[dict[str, object], str]:
    child = python_child(POST_COMMENT, env, TEXT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1]), err


def _providers_file(folder: Path) -> Path:
    """PROVIDERS new providers: the sample rows under keys no provider has yet."""
    lines = (ROOT / "symptomdb/helpfinder/data/sample_providers.csv").read_text().splitlines()
    rows = [
        lines[1 + n % 4].replace("sample-", f"full-disk-{n}-sample-", 1) for n in range(PROVIDERS)
    ]
    path = folder / "providers.csv"
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    return path


def _disk_full_said(text: str) -> bool:
    return any(
        words in text
        for words in ("database or disk is full", "No space left on device", "could not extend")
    )


def test_a_comment_on_a_full_disk_is_refused_with_its_text_back_and_stores_nothing(
    full_disk: FullDisk,
) -> None:
    before = full_disk.stored()
    full_disk.fill()
    answer, log = _post_comment(full_disk.env)
    assert answer == {"status": 503, "not saved": True, "text back": True}
    assert _disk_full_said(log), log  # the write really failed for want of space
    assert full_disk.stored() == before

    full_disk.free()
    answer, log = _post_comment(full_disk.env)
    assert answer == {"status": 200, "not saved": False, "text back": False}, log
    topics, providers, comments, audits = before
    assert full_disk.stored() == [topics, providers, comments + 1, audits + 1]


def test_an_import_on_a_full_disk_says_so_in_one_line_and_stores_nothing(
    full_disk: FullDisk, tmp_path: Path
) -> None:
    source = _providers_file(tmp_path)
    before = full_disk.stored()
    full_disk.fill()
    result = run_symptomdb("import-providers", str(source), env=full_disk.env)
    assert result.returncode == 2, result.stderr  # as for a database it cannot reach
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("symptomdb: the disk holding the "), lines[0]
    assert " is full" in lines[0] and _disk_full_said(lines[0]), lines[0]
    assert "free space" in lines[0]
    assert full_disk.stored() == before

    full_disk.free()
    result = run_symptomdb("import-providers", str(source), env=full_disk.env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{PROVIDERS} created")
    topics, providers, comments, audits = before
    assert full_disk.stored() == [topics, providers + PROVIDERS, comments, audits]
