"""Reading level applied to topic pages: the target grade from settings, and each section of
a page (or of an unsaved revision) scored against it.

The scoring is the plain-Python core's (``symptomdb.readability``); this module reads the
site's target (``SYMPTOMDB_READING_GRADE_TARGET``) and adapts pages to it. Above the target
is a warning wherever it is shown: nothing here blocks publishing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from symptomdb.readability import (
    DEFAULT_TARGET_GRADE,
    SectionReadingLevel,
    sections_reading_levels,
    target_grade_problem,
)
from symptomdb.topics.documents import sections_of

if TYPE_CHECKING:
    from symptomdb.topics.models import TopicPage

__all__ = ["page_reading_levels", "reading_grade_target"]


def reading_grade_target() -> float:
    """The school grade sections should read at or below: ``SYMPTOMDB_READING_GRADE_TARGET``
    in settings, else 8.

    Raises:
        ImproperlyConfigured: the setting is not a school grade from 1 to 18.
    """
    value = getattr(settings, "SYMPTOMDB_READING_GRADE_TARGET", DEFAULT_TARGET_GRADE)
    problem = target_grade_problem(value)
    if problem is not None:
        raise ImproperlyConfigured(f"SYMPTOMDB_READING_GRADE_TARGET: {problem}")
    return float(value)


def page_reading_levels(
    page: TopicPage, target_grade: float | None = None
) -> list[SectionReadingLevel]:
    """Each section of ``page`` (or of a revision of it) scored in the page's language.

    Returns:
        One ``SectionReadingLevel`` per section, in page order.
    """
    target = reading_grade_target() if target_grade is None else target_grade
    return sections_reading_levels(sections_of(page), page.locale.language_code, target)
