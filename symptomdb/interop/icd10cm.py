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
#: How an ICD-10-CM code is written in topic files: a category (R45) or a code with a dot.
ICD10CM_RE = re.compile(r"^[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$")


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


@cache
def _codes() -> frozenset[str]:
    """Every ICD-10-CM code without its dot (R4588, X789XXA, and categories like R45)."""
    path = _code_list_file()
    if path is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        return frozenset(line.split(" ")[0].strip() for line in lines if line.strip())
    with warnings.catch_warnings():
        # simple-icd-10-cm 1.5 reads its data with importlib.resources.read_text, which
        # Python 3.11 deprecates; the warning is the package's, not ours.
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm

    return frozenset(simple_icd_10_cm.get_all_codes(with_dots=False))


def code_set_release() -> str:
    """The release of the code set in use, e.g. ``April-2026`` (or ``unknown``)."""
    path = _code_list_file()
    if path is None:
        return "unknown"
    return path.stem.removeprefix("code-list-")


def is_icd10cm_code(code: str) -> bool:
    """True when ``code`` (written with its dot, like R45.88) is in the ICD-10-CM code set.

    Chapters and blocks (X71-X83) are not codes a topic can carry and return False.
    """
    code = code.strip().upper()
    return bool(ICD10CM_RE.match(code)) and code.replace(".", "") in _codes()


def icd10cm_parents(code: str) -> list[str]:
    """The parent codes of a valid code, nearest first: X78.9XXA → [X78.9, X78].

    ICD-10-CM's hierarchy below the category (the first three characters) is by prefix,
    so the parents are the shorter prefixes that are codes themselves. Returns an empty
    list for a category or an unknown code.
    """
    code = code.strip().upper()
    if not is_icd10cm_code(code):
        return []
    bare = code.replace(".", "")
    parents = []
    for length in range(len(bare) - 1, 2, -1):
        prefix = bare[:length]
        if prefix in _codes():
            parents.append(prefix if length == 3 else f"{prefix[:3]}.{prefix[3:]}")
    return parents
