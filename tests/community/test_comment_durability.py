"""A comment is stored whole or not at all, even when the writing process is killed.

A child process (the real settings, a database file of its own — or a database of its own
on the PostgreSQL run) submits a comment and stops inside the transaction, after the comment
row and its audit entry are written but before the commit. We kill it with SIGKILL there,
then look: no comment and no audit entry. The same writer left to finish stores both.
A writer killed mid-write never got the "Your comment was saved" page, so what it was told
(nothing, a failed request) matches what is stored (nothing).
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import python_child, set_up_site

WRITER = """
import sys
import django

django.setup()
from symptomdb.community import comments
from symptomdb.topics.models import TopicPage

real_log = comments.log


def log_then_wait(*args, **kwargs):
    real_log(*args, **kwargs)
    print("IN-TRANSACTION", flush=True)
    sys.stdin.readline()  # the test kills this process here, before the commit


comments.log = log_then_wait
page = TopicPage.objects.live().get(slug="self-injury")
receipt = comments.submit_comment(page, "Whole text of a comment written during the test.")
print("SAVED", receipt.comment.pk, flush=True)
"""

COUNT = """
import django

django.setup()
from wagtail.models import ModelLogEntry

from symptomdb.community.models import Comment

print(
    [c.text for c in Comment.objects.all()],
    ModelLogEntry.objects.filter(action="symptomdb.comment.submit").count(),
)
"""


@pytest.fixture(scope="module")
def site_env(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[[Path], dict[str, str]]
) -> dict[str, str]:
    return set_up_site(fresh_database, tmp_path_factory.mktemp("durability"))


def _stored(env: dict[str, str]) -> str:
    reader = python_child(COUNT, env)
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    return out.strip()


def _start_writer(env: dict[str, str]) -> subprocess.Popen[str]:
    writer = python_child(WRITER, env)
    assert writer.stdout is not None
    line = writer.stdout.readline()
    if line.strip() != "IN-TRANSACTION":
        writer.kill()
        pytest.fail(f"writer did not reach the transaction: {line!r} {writer.communicate()[1]}")
    return writer


def test_a_writer_killed_mid_transaction_leaves_no_partial_comment(
    site_env: dict[str, str],
) -> None:
    writer = _start_writer(site_env)
    os.kill(writer.pid, signal.SIGKILL)
    writer.communicate(timeout=60)
    assert writer.returncode == -signal.SIGKILL
    assert _stored(site_env) == "[] 0"


def test_the_same_writer_left_to_finish_stores_the_whole_comment(site_env: dict[str, str]) -> None:
    writer = _start_writer(site_env)
    out, err = writer.communicate("\n", timeout=60)
    assert writer.returncode == 0, err
    assert out.startswith("SAVED")
    assert _stored(site_env) == "['Whole text of a comment written during the test.'] 1"
