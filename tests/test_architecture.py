"""The layering in `.importlinter` holds (docs/architecture.md): the plain-Python cores import
no Django, Wagtail, django-ninja or app; nothing imports a management command; and no two
packages, or two modules of one package, import each other. `make lint` runs the same check
with the `lint-imports` command; this test keeps it in `make test` too."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_contract_is_kept() -> None:
    assert lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True) == 0
