"""Compile symptomdb/locale/*/LC_MESSAGES/django.po into the .mo files Django reads.

Pure Python (polib), so no GNU gettext is needed; the .mo files are committed and
``tests/topics/test_translations.py`` fails when one is older than its .po. Run after
editing a .po file:

    .venv/bin/python scripts/compile_messages.py
"""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "symptomdb" / "locale"


def compile_all() -> list[Path]:
    """Write every .mo beside its .po; return the .mo paths written."""
    written = []
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_all():
        print(f"wrote {path.relative_to(LOCALE_DIR.parent.parent)}")
