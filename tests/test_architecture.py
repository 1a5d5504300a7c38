"""The layering in `.importlinter` holds (docs/architecture.md): the plain-Python cores import
no Django, Wagtail, django-ninja or app; nothing imports a management command; and no two
packages, or two modules of one package, import each other. `make lint` runs the same check
with the `lint-imports` command; this test keeps it in `make test` too.

It runs in a child process: import-linter configures logging in its process and disables
every logger that existed before, which would silence the log checks of the tests after it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename='.importlinter', no_cache=True))"
)


def test_every_import_contract_is_kept() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
