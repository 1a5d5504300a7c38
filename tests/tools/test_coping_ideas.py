"""Coping ideas taken from a coping section's Markdown for the safety plan's suggestions."""

from __future__ import annotations

from symptomdb.tools.coping_ideas import coping_ideas


def test_bold_leads_become_ideas_without_their_explanations_or_citations() -> None:
    markdown = (
        "When the urge comes, it can help to have things ready [@nhs].\n\n"
        "**Delay the urge.** Urges rise and then fade [@nhs; @nice].\n\n"
        "- **Reach out.** Call, message or visit\n  someone you trust.\n"
    )
    assert coping_ideas(markdown) == ["Delay the urge", "Reach out"]


def test_plain_list_items_give_their_first_sentence() -> None:
    markdown = (
        "- Keep a simple routine for getting up, meals and going to bed.\n"
        "- Be patient with yourself. Recovery is usually gradual.\n"
        "- Read [a short guide](https://example.org) when you can\n"
    )
    assert coping_ideas(markdown) == [
        "Keep a simple routine for getting up, meals and going to bed",
        "Be patient with yourself",
        "Read a short guide when you can",
    ]


def test_repeats_are_dropped_and_the_number_of_ideas_is_capped() -> None:
    markdown = "\n".join(f"- **Idea {n % 4}.** Text." for n in range(20))
    assert coping_ideas(markdown) == ["Idea 0", "Idea 1", "Idea 2", "Idea 3"]
    many = "\n".join(f"- **Idea {n}.** Text." for n in range(20))
    assert len(coping_ideas(many, limit=5)) == 5


def test_a_section_of_paragraphs_only_gives_no_ideas() -> None:
    assert coping_ideas("Talk to someone.\n\nIt helps to plan ahead.") == []
