"""The topic editor's reading-level panel: each section's reading level against the target.

Shown in the Content tab under the sections, for the version being edited (the latest saved
revision, or what was just submitted). Above the target is a warning, never a block.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel

from symptomdb.topics.reading_level import page_reading_levels, reading_grade_target


class ReadingLevelPanel(Panel):
    """A read-only table: section, reading level, and whether it is above the target."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "topics/admin/reading_level_panel.html"

        def get_context_data(self, parent_context: Any = None) -> Any:
            context = super().get_context_data(parent_context)
            target = reading_grade_target()
            context["target"] = f"{target:g}"
            context["rows"] = page_reading_levels(self.instance, target)
            return context
