"""The prefilter contract of the safe-messaging lint, checked the same way for every
language: each rule pattern is matched by some text a test module writes, and wherever a
pattern (or a context it asks for) matches, its list of needed words lets it run
(``content_lint_base._may_match``). A wrong word list would otherwise miss silently."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from symptomdb.safety import content_lint


def texts_written_in(path: Path) -> set[str]:
    """Every string literal of more than eight characters in the Python file at ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 8
    }


def prefilter_misses(
    rules: Mapping[str, Iterable[Any]], texts: set[str], fold: Callable[[str], str]
) -> tuple[list[str], list[tuple[str, str]]]:
    """The patterns no text matches, and the (pattern, text) pairs where a pattern or one of
    its contexts matches but its prefilter, on the folded text, would not let it run."""
    patterns = [p for group in rules.values() for p in group]
    unmatched: list[str] = []
    hidden: list[tuple[str, str]] = []
    for pattern in patterns:
        matched = [t for t in texts if pattern.regex.search(t)]
        if not matched:
            unmatched.append(pattern.regex.pattern[:60])
        hidden += [
            (pattern.regex.pattern[:60], t)
            for t in matched
            if not content_lint._may_match(pattern.needs, fold(t))
        ]
    for context in {c for p in patterns for group in p.requires for c in group}:
        needs = content_lint._NEEDS.get(context, content_lint._NO_NEEDS)
        hidden += [
            (context.pattern[:60], t)
            for t in texts
            if context.search(t) and not content_lint._may_match(needs, fold(t))
        ]
    return unmatched, hidden
