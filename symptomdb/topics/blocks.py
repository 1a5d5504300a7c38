"""StreamField blocks for topic sections: one block type per section kind, one shared base.

Section bodies are Markdown (CommonMark, no raw HTML) so topic files round-trip exactly and
editors write the same syntax in the admin and in files.
"""

from __future__ import annotations

from wagtail import blocks

from symptomdb.field_rules import HEADING_MAX, ITEM_NAME_MAX
from symptomdb.vocabulary import AUDIENCES, SECTION_KINDS, TREATMENT_ITEM_TYPES

MARKDOWN_HELP = (
    "Markdown: blank line between paragraphs, '- ' for lists, **bold**, [text](https://…). "
    "Cite a reference of this topic as [@reference-id]. No raw HTML."
)


def kind_to_block_name(kind: str) -> str:
    """Block names must be identifiers: ``exams-and-tests`` → ``exams_and_tests``."""
    return kind.replace("-", "_")


def block_name_to_kind(name: str) -> str:
    """Inverse of ``kind_to_block_name``."""
    return name.replace("_", "-")


class SectionBlock(blocks.StructBlock):
    """A typed section: a heading, who it is for and a Markdown body. The kind is the
    block's type; an empty audience means everyone."""

    heading = blocks.CharBlock(max_length=HEADING_MAX)
    audience = blocks.ChoiceBlock(
        choices=list(AUDIENCES),
        required=False,
        help_text="Leave empty for a section for everyone; choose an audience for a section "
        "written for young people, parents and carers, or teachers and schools.",
    )
    body = blocks.TextBlock(required=False, help_text=MARKDOWN_HELP, rows=8)

    class Meta:
        icon = "doc-full"


class TreatmentItemBlock(blocks.StructBlock):
    """One treatment option: its type, name and a short description."""

    item_type = blocks.ChoiceBlock(choices=list(TREATMENT_ITEM_TYPES), label="Type")
    name = blocks.CharBlock(max_length=ITEM_NAME_MAX)
    description = blocks.TextBlock(help_text=MARKDOWN_HELP, rows=4)

    class Meta:
        icon = "plus-inverse"


class TreatmentSectionBlock(SectionBlock):
    """A treatment section: an introduction and structured treatment items."""

    items = blocks.ListBlock(TreatmentItemBlock(), required=False, default=[])

    class Meta:
        icon = "pick"


class TopicSectionsBlock(blocks.StreamBlock):
    """The body of a topic page: sections whose kinds come from the controlled vocabulary."""

    def __init__(self, **kwargs: object) -> None:
        children = [
            (
                kind_to_block_name(kind.id),
                (TreatmentSectionBlock if kind.id == "treatment" else SectionBlock)(
                    label=kind.label, help_text=kind.description
                ),
            )
            for kind in SECTION_KINDS
        ]
        super().__init__(children, **kwargs)
