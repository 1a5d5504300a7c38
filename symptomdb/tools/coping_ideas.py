"""Short, keepable ideas from a topic's coping section, for the safety plan's suggestions.

Plain Python (no Django). A coping section is Markdown written by our editors and already
checked by the safe-messaging lint; this only shortens it: a paragraph or list item that
opens with a bold lead ("**Delay the urge.** Urges rise and then fade…") gives its lead,
and a plain list item ("Keep a simple routine for getting up…") gives its first sentence.
Citations (``[@key]``) and Markdown marks are removed; nothing is reworded.
"""

from __future__ import annotations

import re

__all__ = ["coping_ideas"]

MAX_IDEAS = 10
MAX_LENGTH = 160

_CITATION = re.compile(r"\s*\[@[^\]]*\]")
_BOLD_LEAD = re.compile(r"^\*\*(?P<lead>[^*]+?)\*\*")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_FIRST_SENTENCE = re.compile(r"^(?P<sentence>.+?[.!?])(?:\s|$)")
_MARKS = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)|`")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _blocks(markdown: str) -> list[tuple[bool, str]]:
    """Split Markdown into (is_list_item, text) blocks, joining wrapped lines."""
    blocks: list[tuple[bool, str]] = []
    current: list[str] = []
    in_item = False

    def flush() -> None:
        if current:
            blocks.append((in_item, " ".join(current)))
            current.clear()

    for line in markdown.splitlines():
        if not line.strip():
            flush()
            in_item = False
        elif _LIST_MARK.match(line):
            flush()
            in_item = True
            current.append(_LIST_MARK.sub("", line).strip())
        else:
            current.append(line.strip())
    flush()
    return blocks


def _plain(text: str) -> str:
    text = _CITATION.sub("", text)
    text = _LINK.sub(r"\1", text)
    return " ".join(_MARKS.sub("", text).split())


def _idea(is_item: bool, text: str) -> str | None:
    lead = _BOLD_LEAD.match(text)
    if lead:
        idea = _plain(lead.group("lead")).rstrip(" .:")
    elif is_item:
        plain = _plain(text)
        sentence = _FIRST_SENTENCE.match(plain)
        idea = (sentence.group("sentence") if sentence else plain).rstrip(" .")
    else:
        return None  # an ordinary paragraph introduces or explains; it is not an idea
    if not idea or len(idea) > MAX_LENGTH:
        return None
    return idea


def coping_ideas(markdown: str, limit: int = MAX_IDEAS) -> list[str]:
    """The ideas in one coping section's Markdown, in the order written, without repeats.

    Returns:
        At most ``limit`` short texts; an empty list when the section has no bold leads or
        list items (its paragraphs then stay on the topic page only).
    """
    ideas: list[str] = []
    for is_item, text in _blocks(markdown):
        idea = _idea(is_item, text)
        if idea and idea.casefold() not in {i.casefold() for i in ideas}:
            ideas.append(idea)
        if len(ideas) >= limit:
            break
    return ideas
