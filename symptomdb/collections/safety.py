"""The safe-messaging lint on imported text: every importer of reader-visible passages runs
each passage through ``lint_passage`` and withholds those with a blocking finding.

A withheld passage stays in the database with its findings (``CollectionAnswer``
``withheld_for_safety`` and ``safety_findings``) so operators can see what was held back and
why (``symptomdb withheld-passages``), but it is never shown on a page, returned by the API
or indexed for answering. A passage whose record is about suicide or self-harm (by its focus
or synonyms) is linted as part of a sensitive topic: means and tools block in any sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from symptomdb.safety.content_lint import about_suicide_or_self_harm, lint_text
from symptomdb.topics.safe_messaging import blocking_rules


def passage_is_sensitive(focus: str, synonyms: Iterable[str] = ()) -> bool:
    """True when a record is about suicide or self-harm, by its focus or a synonym."""
    return any(about_suicide_or_self_harm(name) for name in (focus, *synonyms))


def lint_passage(
    text: str,
    *,
    sensitive: bool,
    blocking: frozenset[str] | None = None,
) -> tuple[bool, list[dict[str, Any]]]:
    """Lint one imported passage.

    Args:
        text: the passage as readers would see it ("" lints clean).
        sensitive: the record is about suicide or self-harm (``passage_is_sensitive``).
        blocking: rules that withhold the passage; the site's blocking set by default.

    Returns:
        Whether to withhold it (any blocking finding), and every finding as JSON-ready data.
    """
    if not text:
        return False, []
    findings = lint_text(
        text, blocking=blocking if blocking is not None else blocking_rules(), sensitive=sensitive
    )
    data = [
        {
            "rule": f.rule,
            "severity": f.severity,
            "words": f.words,
            "sentence": f.sentence,
            "message": f.plain,
        }
        for f in findings
    ]
    return any(f.severity == "block" for f in findings), data


def relint_answers(answer_model: Any, batch: int = 2000) -> tuple[int, int]:
    """Lint every stored answer again and record the result (after an upgrade of the lint,
    or for records imported before the lint ran at import).

    Args:
        answer_model: ``CollectionAnswer`` (or its historical model in a migration).
        batch: rows written per query.

    Returns:
        How many answers were checked and how many are withheld now.
    """
    blocking = blocking_rules()
    changed = []
    checked = withheld_count = 0
    rows = answer_model.objects.exclude(answer="").select_related("document").order_by("id")
    for row in rows.iterator(chunk_size=batch):
        document = row.document
        withheld, findings = lint_passage(
            row.answer,
            sensitive=passage_is_sensitive(document.focus, document.synonyms or ()),
            blocking=blocking,
        )
        checked += 1
        withheld_count += withheld
        if withheld != row.withheld_for_safety or findings != row.safety_findings:
            row.withheld_for_safety, row.safety_findings = withheld, findings
            changed.append(row)
    for start in range(0, len(changed), batch):
        answer_model.objects.bulk_update(
            changed[start : start + batch], ["withheld_for_safety", "safety_findings"]
        )
    return checked, withheld_count
