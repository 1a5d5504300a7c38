"""What a page offers to be cited, and its CSL-JSON item.

CSL-JSON is the lingua franca of reference managers and citeproc processors; the schema is
https://github.com/citation-style-language/schema (csl-data.json).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

PUBLISHER = "symptomdb"


@dataclass(frozen=True)
class CitablePage:
    """A page as a reference: who wrote it, what it is called, where and when.

    Attributes:
        key: a stable id for the item ("symptomdb-self-injury"); BibTeX and CSL use it.
        title: the page title.
        authors: author names, each kept whole (an organisation such as "symptomdb
            contributors", or a person's name as the editors typed it: we do not guess
            which word is the family name).
        url: the page's absolute URL.
        updated: when the content last changed (the citation's "issued" date).
        accessed: the day the reader looked at it (usually today).
        publisher: who publishes the site.
    """

    key: str
    title: str
    authors: tuple[str, ...]
    url: str
    updated: dt.date
    accessed: dt.date
    publisher: str = PUBLISHER


def _date_parts(day: dt.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(page: CitablePage) -> dict[str, Any]:
    """The CSL-JSON item (type ``webpage``) for a page.

    Returns:
        A dict with id, type, title, author (as literals), publisher, URL, issued and
        accessed, ready for citeproc or for ``json.dumps``.
    """
    return {
        "id": page.key,
        "type": "webpage",
        "title": page.title,
        "author": [{"literal": name} for name in page.authors],
        "publisher": page.publisher,
        "URL": page.url,
        "issued": _date_parts(page.updated),
        "accessed": _date_parts(page.accessed),
    }
