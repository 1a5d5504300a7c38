"""The interop and help-finder cores import without Django (see symptomdb/interop/README.md)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORES = [
    "symptomdb.vocabulary.icd10cm",
    "symptomdb.interop.infobutton",
    "symptomdb.interop.dump",
    "symptomdb.helpfinder.geo",
    "symptomdb.helpfinder.directory",
]


@pytest.mark.parametrize("module", CORES)
def test_core_imports_without_django(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print([m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
