"""Safe-messaging lint applied to topic pages: the publish gate and the editor's warnings.

The rules themselves live in the plain-Python core (``symptomdb.safety.content_lint``); this
module adapts pages to it and reads which rules block publishing from settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

from symptomdb.safety.content_lint import DEFAULT_BLOCKING, RULES, LintFinding, lint_topic
from symptomdb.topics.documents import page_to_document

if TYPE_CHECKING:
    # Annotations only: the page model calls this module, not the other way round.
    from symptomdb.topics.models import TopicPage


def blocking_rules() -> frozenset[str]:
    """Rules that block publishing: ``SYMPTOMDB_LINT_BLOCKING`` in settings, else the default."""
    configured = getattr(settings, "SYMPTOMDB_LINT_BLOCKING", None)
    if configured is None:
        return DEFAULT_BLOCKING
    unknown = set(configured) - set(RULES)
    if unknown:
        raise ValueError(
            f"SYMPTOMDB_LINT_BLOCKING names unknown rules {sorted(unknown)}; known: {sorted(RULES)}"
        )
    return frozenset(configured)


def lint_page(page: TopicPage, blocking: frozenset[str] | None = None) -> list[LintFinding]:
    """Lint a topic page (or an unsaved revision of one) as it would be published."""
    return lint_topic(
        page_to_document(page, live=True), blocking if blocking is not None else blocking_rules()
    )


def describe(finding: LintFinding) -> str:
    """One plain sentence for editors: where, what is wrong with the sentence quoted, the fix."""
    where = f"{finding.topic} › {finding.section}" if finding.section else finding.topic
    return f"{where}: {finding.plain}"


def describe_for_listing(finding: LintFinding) -> str:
    """``describe`` led by whether the finding blocks publishing (for command output)."""
    lead = "Blocks publishing" if finding.severity == "block" else "Warning"
    return f"{lead} — {describe(finding)}"
