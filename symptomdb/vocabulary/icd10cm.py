"""ICD-10-CM codes: is a code in the current code set, and what are its parent codes.

The code set is the one the ``simple-icd-10-cm`` package ships (CMS's tabular list and code
list, April 2026 release in version 1.5); nothing is downloaded. Plain Python: no Django.

Importing ``simple_icd_10_cm`` builds its whole tree (about 3.5 s and 190 MB), so we read
only the flat code list the package ships beside it (about 0.1 s, a few MB) and fall back
to the package's own API if a future release stores the list differently.
"""

from __future__ import annotations

import importlib.util
import re
import warnings
from functools import cache
from pathlib import Path

__all__ = ["ICD10CM_OID", "ICD10CM_RE", "code_set_release", "icd10cm_parents", "is_icd10cm_code"]

#: The HL7 OID of ICD-10-CM, as used by Infobutton requests (mainSearchCriteria.v.cs).
ICD10CM_OID = "2.16.840.1.113883.6.90"
#: How an ICD-10-CM code is written in topic files: a category (R45), a code with a dot
#: (R45.88), or a block of categories (X71-X83, "intentional self-harm").
ICD10CM_RE = re.compile(
    r"^(?:[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?|[A-TV-Z][0-9][0-9A-Z]-[A-TV-Z][0-9][0-9A-Z])$"
)


def _package_folder() -> Path | None:
    # find_spec on a top-level package locates it without running its __init__.
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _code_list_file() -> Path | None:
    folder = _package_folder()
    if folder is None:
        return None
    lists = sorted((folder / "data").glob("code-list-*.txt"))
    return lists[0] if len(lists) == 1 else None


def _all_codes_in_tabular_order() -> list[str]:
    path = _code_list_file()
    if path is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [line.split(" ")[0].strip() for line in lines if line.strip()]
    with warnings.catch_warnings():
        # simple-icd-10-cm 1.5 reads its data with importlib.resources.read_text, which
        # Python 3.11 deprecates; the warning is the package's, not ours.
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm  # type: ignore[import-untyped]

    return list(simple_icd_10_cm.get_all_codes(with_dots=False))


@cache
def _code_table() -> tuple[frozenset[str], dict[str, str]]:
    """Every code without its dot (chapters, blocks like X71-X83, categories like R45,
    codes like R4588), and the innermost block of each category.

    The list is in tabular order, each block just before its categories, so a category's
    block is the last block seen before it.
    """
    codes = _all_codes_in_tabular_order()
    block_of: dict[str, str] = {}
    block = ""
    for index, code in enumerate(codes):
        # A one-category block (C7A) is listed by its name alone, just before its category.
        if "-" in code or codes[index + 1 : index + 2] == [code]:
            block = code
        elif len(code) == 3 and not code.isdigit() and block:
            block_of[code] = block
    return frozenset(codes), block_of


def _codes() -> frozenset[str]:
    return _code_table()[0]


def code_set_release() -> str:
    """The release of the code set in use, e.g. ``April-2026`` (or ``unknown``)."""
    path = _code_list_file()
    if path is None:
        return "unknown"
    return path.stem.removeprefix("code-list-")


def is_icd10cm_code(code: str) -> bool:
    """True when ``code`` (written with its dot, like R45.88, or a block like X71-X83) is
    in the ICD-10-CM code set."""
    code = code.strip().upper()
    return bool(ICD10CM_RE.match(code)) and code.replace(".", "") in _codes()


def icd10cm_parents(code: str) -> list[str]:
    """The parent codes of a valid code, nearest first: X78.9XXA → [X78.9, X78, X71-X83].

    Below the category (the first three characters) ICD-10-CM's hierarchy is by prefix, so
    those parents are the shorter prefixes that are codes themselves; above it comes the
    category's innermost block. Returns an empty list for a block or an unknown code.
    """
    code = code.strip().upper()
    if not is_icd10cm_code(code) or "-" in code:
        return []
    bare = code.replace(".", "")
    parents = []
    for length in range(len(bare) - 1, 2, -1):
        prefix = bare[:length]
        if prefix in _codes():
            parents.append(prefix if length == 3 else f"{prefix[:3]}.{prefix[3:]}")
    block = _code_table()[1].get(bare[:3])
    if block and block not in parents:
        parents.append(block)
    return parents
