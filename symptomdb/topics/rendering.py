"""Markdown section bodies to safe HTML, with numbered citations.

Plain Python (no Django): markdown-it-py renders CommonMark with raw HTML disabled, then nh3
sanitises the result, so neither an editor's slip nor an imported file can inject markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import nh3
from markdown_it import MarkdownIt

__all__ = ["render_markdown"]

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_CITATION_RE = re.compile(r"\[(@[^\]]+)\]")
_KEY_RE = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_.:-]*)")
_ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "code",
    "pre",
    "blockquote",
    "br",
    "hr",
    "sup",
    "h4",
    "h5",
    "h6",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "sup": {"class"}}


def render_markdown(text: str, citation_numbers: Mapping[str, int] | None = None) -> str:
    """Render a section body to sanitised HTML.

    Args:
        text: Markdown without raw HTML.
        citation_numbers: reference id → number shown; ``[@id]`` becomes a superscript link
            to ``#ref-id``. Unknown ids are left as text.

    Returns:
        HTML safe to insert in a page.
    """
    rendered = _MD.render(text)
    numbers = citation_numbers or {}

    def cite(match: re.Match[str]) -> str:
        keys = _KEY_RE.findall(html.unescape(match.group(1)))
        if not keys or any(k not in numbers for k in keys):
            return match.group(0)
        links = ",".join(f'<a href="#ref-{html.escape(k)}">{numbers[k]}</a>' for k in keys)
        return f'<sup class="cite">[{links}]</sup>'

    rendered = _CITATION_RE.sub(cite, rendered)
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
