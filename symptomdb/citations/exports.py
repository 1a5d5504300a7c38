"""A CSL-JSON item as files reference managers import: RIS, BibTeX and CSL-JSON.

RIS is written by rispy, BibTeX by bibtexparser (with LaTeX special characters encoded by
pylatexenc); CSL-JSON is the item itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import rispy
from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from pylatexenc.latexencode import UnicodeToLatexEncoder

__all__ = ["EXPORT_FORMATS", "ExportFormat", "to_bibtex", "to_csl_json", "to_ris"]

# RIS type for web pages ("ELEC": web page / electronic citation), the one Zotero, EndNote
# and Mendeley read as a web page.
_RIS_TYPES = {"webpage": "ELEC"}
_BIBTEX_TYPES = {"webpage": "online"}
_LATEX = UnicodeToLatexEncoder(
    non_ascii_only=False, replacement_latex_protection="braces-all", unknown_char_policy="keep"
)


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without its "1." counter line, which is not part of the RIS format."""

    def set_header(self, count: int) -> str:
        return ""


def _date(item: dict[str, Any], variable: str) -> list[int]:
    parts = (item.get(variable) or {}).get("date-parts") or [[]]
    return [int(p) for p in parts[0]]


def _names(item: dict[str, Any]) -> list[str]:
    """Author names as written: literals whole, people as "Family, Given"."""
    names = []
    for person in item.get("author") or []:
        if "literal" in person:
            names.append(str(person["literal"]))
        else:
            names.append(", ".join(p for p in (person.get("family"), person.get("given")) if p))
    return names


# RIS is one "TAG  - value" per line: a line break (or any control character) inside a value
# would start a new tag, or a new record, in the reader's reference manager.
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _one_line(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(_LINE_BREAKING.sub(" ", value).split())
    if isinstance(value, list):
        return [_one_line(v) for v in value]
    return value


def to_ris(item: dict[str, Any]) -> str:
    """The item as one RIS record (TY … ER), every value on its one line."""
    record: dict[str, Any] = {
        "type_of_reference": _RIS_TYPES.get(item.get("type", ""), "GEN"),
        "title": item["title"],
        "authors": _names(item),
    }
    if item.get("publisher"):
        record["publisher"] = item["publisher"]
    if item.get("URL"):
        record["urls"] = [item["URL"]]
    issued = _date(item, "issued")
    if issued:
        record["year"] = str(issued[0])
        record["date"] = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(issued))
    accessed = _date(item, "accessed")
    if accessed:
        record["access_date"] = "/".join(
            f"{p:02d}" if i else str(p) for i, p in enumerate(accessed)
        )
    record = {key: _one_line(value) for key, value in record.items()}
    return str(rispy.dumps([record], implementation=_RisWriter))


def _iso(parts: list[int]) -> str:
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts))


def to_bibtex(item: dict[str, Any]) -> str:
    """The item as one BibTeX/biblatex ``@online`` entry.

    Author names are braced whole, so "symptomdb contributors" stays one corporate name
    instead of being split into a given and a family name.
    """
    fields = [
        model.Field(
            "author", " and ".join("{" + _LATEX.unicode_to_latex(n) + "}" for n in _names(item))
        ),
        model.Field("title", "{" + _LATEX.unicode_to_latex(item["title"]) + "}"),
    ]
    if item.get("publisher"):
        fields.append(model.Field("organization", _LATEX.unicode_to_latex(item["publisher"])))
    issued = _date(item, "issued")
    if issued:
        fields.append(model.Field("year", str(issued[0])))
        if len(issued) > 1:
            fields.append(model.Field("month", str(issued[1])))
        fields.append(model.Field("date", _iso(issued)))
    if item.get("URL"):
        fields.append(model.Field("url", item["URL"]))
    accessed = _date(item, "accessed")
    if accessed:
        fields.append(model.Field("urldate", _iso(accessed)))
    entry = model.Entry(_BIBTEX_TYPES.get(item.get("type", ""), "misc"), item["id"], fields)
    return str(write_string(Library([entry])))


def to_csl_json(item: dict[str, Any]) -> str:
    """The item as a CSL-JSON document: a list holding the one item, as citeproc reads it."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class ExportFormat:
    """A download format: file extension, label, media type and writer."""

    extension: str
    label: str
    content_type: str
    write: Callable[[dict[str, Any]], str]


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.extension: f
    for f in (
        ExportFormat("ris", "RIS", "application/x-research-info-systems", to_ris),
        ExportFormat("bib", "BibTeX", "application/x-bibtex", to_bibtex),
        ExportFormat("json", "CSL-JSON", "application/vnd.citationstyles.csl+json", to_csl_json),
    )
}
