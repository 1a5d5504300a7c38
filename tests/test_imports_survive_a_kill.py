"""An import killed with SIGKILL mid-write leaves the database as it was before.

Each import runs in a child process (the real settings, a database of its own — on the
PostgreSQL run, a database on that server) and stops inside its transaction, after rows are
written but before the commit: `load-topics` after its second topic, `import-providers`
after its second provider, `import-medquad` after its answers are written. We kill it there
with SIGKILL and count what is stored: exactly what was stored before. The same import left
to finish stores everything, so the pause really was mid-write. A killed import never
printed its report, so the operator was never told it succeeded.
"""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.collections.test_import_medquad import small_tree
from tests.conftest import STARTER_DIR, python_child, set_up_site

ROOT = Path(__file__).resolve().parent.parent

COUNT = """
import django

django.setup()
from symptomdb.collections.models import CollectionAnswer, CollectionDocument
from symptomdb.helpfinder.models import Provider
from symptomdb.topics.models import TopicPage

print(
    TopicPage.objects.count(),
    Provider.objects.count(),
    CollectionDocument.objects.count(),
    CollectionAnswer.objects.count(),
)
"""

PAUSE = """
import sys


def pause():
    print("IN-TRANSACTION", flush=True)
    sys.stdin.readline()  # the test kills this process here, before the commit
"""

# Each import, with a pause put inside its transaction; then what it prints when it finishes.
IMPORTS = {
    "load-topics": PAUSE
    + """
import django

django.setup()
from django.core.management import call_command

from symptomdb.topics import loading

real_apply, calls = loading._apply, []


def apply_then_pause(*args, **kwargs):
    real_apply(*args, **kwargs)
    calls.append(1)
    if len(calls) == 2:
        pause()


loading._apply = apply_then_pause
call_command("load_topics", sys.argv[1])
print("DONE", flush=True)
""",
    "import-providers": PAUSE
    + """
import django

django.setup()
from django.core.management import call_command

from symptomdb.helpfinder import importing

real_import = importing.import_providers


def import_with_pause(records, **kwargs):
    def track(rows):
        for n, row in enumerate(rows, start=1):
            yield row
            if n == 3:
                pause()  # the second row is written; the third is next

    return real_import(records, **{**kwargs, "track": track})


importing.import_providers = import_with_pause
from symptomdb.helpfinder.management.commands import import_providers as command

command.import_providers = import_with_pause
call_command("import_providers", sys.argv[1])
print("DONE", flush=True)
""",
    "import-medquad": PAUSE
    + """
import django

django.setup()
from django.core.management import call_command

from symptomdb.collections.models import CollectionAnswer

manager = CollectionAnswer.objects
real_bulk_create = manager.bulk_create


def bulk_create_then_pause(*args, **kwargs):
    created = real_bulk_create(*args, **kwargs)
    pause()
    return created


manager.bulk_create = bulk_create_then_pause
call_command("import_medquad", sys.argv[1])
print("DONE", flush=True)
""",
}


@pytest.fixture(scope="module")
def site_env(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[[Path], dict[str, str]]
) -> dict[str, str]:
    return set_up_site(fresh_database, tmp_path_factory.mktemp("killed-imports"))


def _stored(env: dict[str, str]) -> list[int]:
    reader = python_child(COUNT, env)
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    return [int(n) for n in out.split()]


def _source(name: str, folder: Path) -> Path:
    """What each import reads: new topics, new providers, or a small MedQuAD tree."""
    if name == "load-topics":
        for path in sorted(STARTER_DIR.glob("*.md"))[:3]:
            text = path.read_text(encoding="utf-8")
            slug = re.search(r"^slug: (\S+)$", text, re.MULTILINE)
            assert slug is not None
            text = text.replace(f"slug: {slug[1]}", f"slug: {slug[1]}-copy", 1)
            text = re.sub(r"^related: .*$", "related: []", text, count=1, flags=re.MULTILINE)
            text = re.sub(r"^translation_of: .*$", "", text, flags=re.MULTILINE)
            (folder / f"{slug[1]}-copy.md").write_text(text, encoding="utf-8")
        return folder
    if name == "import-providers":
        # Four sample providers under keys of their own, so every row is new here.
        lines = (ROOT / "symptomdb/helpfinder/data/sample_providers.csv").read_text().splitlines()
        path = folder / "providers.csv"
        rows = [line.replace("sample-", "killed-import-sample-", 1) for line in lines[1:5]]
        path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
        return path
    return small_tree(folder)


@pytest.mark.parametrize("name", list(IMPORTS))
def test_an_import_killed_mid_transaction_leaves_the_database_as_it_was(
    name: str, site_env: dict[str, str], tmp_path: Path
) -> None:
    source = _source(name, tmp_path)
    before = _stored(site_env)
    importer = python_child(IMPORTS[name], site_env, str(source))
    assert importer.stdout is not None
    line = importer.stdout.readline()
    if line.strip() != "IN-TRANSACTION":
        importer.kill()
        pytest.fail(f"{name} did not reach its transaction: {line!r} {importer.communicate()[1]}")
    os.kill(importer.pid, signal.SIGKILL)
    out, _ = importer.communicate(timeout=60)
    assert importer.returncode == -signal.SIGKILL
    assert "DONE" not in out
    assert _stored(site_env) == before

    # The same import left to finish writes what it read: the pause was inside the write.
    again = python_child(IMPORTS[name], site_env, str(source))
    out, err = again.communicate("\n", timeout=300)
    assert again.returncode == 0, err
    assert out.rstrip().endswith("DONE")
    assert _stored(site_env) != before
