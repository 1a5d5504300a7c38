"""The plain-Python cores never import Django or Wagtail (see DESIGN.md and each core's README)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORES = [
    "symptomdb.answering.pipeline",
    "symptomdb.answering.metrics",
    "symptomdb.safety.crisis_screen",
    "symptomdb.safety.help_first",
    "symptomdb.safety.content_lint",
    "symptomdb.importers.topic_markdown",
    "symptomdb.importers.medquad",
    "symptomdb.importers.liveqa",
    "symptomdb.field_rules",
]


@pytest.mark.parametrize("module", CORES)
def test_core_imports_without_django(module: str) -> None:
    code = f"import sys, {module}; bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')]; print(bad)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
