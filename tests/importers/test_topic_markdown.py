"""The topic file format: what parses, and the message an editor gets for each mistake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from symptomdb.errors import TopicFilesInvalid
from symptomdb.importers.topic_markdown import (
    parse_topic_markdown,
    read_topic_dir,
    render_topic_markdown,
)
from tests.conftest import TODAY

VALID = """\
---
slug: hiccups
title: Hiccups
summary: Short, repeated spasms of the diaphragm.
synonyms: [hiccough, singultus]
category: symptom
sensitive: false
codes:
  icd10cm: [R06.6]
status: published
created: 2026-01-02
updated: 2026-03-04
reviewed: null
next_review_due: 2027-03-04
authors:
  - name: symptomdb contributors
    credentials: ""
    affiliation: symptomdb project
reviewers: []
related: []
provenance:
  organisation: symptomdb project
  licence: CC BY 4.0
references:
  - id: test-ref
    type: webpage
    title: A test reference
    URL: https://example.org/hiccups
---

## What hiccups are {kind=information}

Hiccups are common and usually harmless [@test-ref].

## Treatment {kind=treatment}

Most bouts stop on their own.

### Slow breathing {item=self-care}

Breathe slowly for a minute [@test-ref].

### Medication for persistent hiccups {item=medication}

A doctor may prescribe medicine when hiccups last for days.
"""


def parse(text: str, path: str = "topics/hiccups.md") -> object:
    return parse_topic_markdown(text, path, TODAY)


def errors_of(text: str, path: str = "topics/hiccups.md") -> list[str]:
    with pytest.raises(TopicFilesInvalid) as info:
        parse_topic_markdown(text, path, TODAY)
    return [str(e) for e in info.value.errors]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_valid_file_gives_every_field_and_typed_sections() -> None:
    doc = parse_topic_markdown(VALID, "topics/hiccups.md", TODAY)
    assert doc.slug == "hiccups"
    assert doc.synonyms == ("hiccough", "singultus")
    assert doc.codes_dict() == {"icd10cm": ["R06.6"]}
    assert doc.created == dt.date(2026, 1, 2)
    assert doc.reviewed is None
    assert [s.kind for s in doc.sections] == ["information", "treatment"]
    treatment = doc.sections[1]
    assert treatment.body == "Most bouts stop on their own."
    assert [(i.item_type, i.name) for i in treatment.items] == [
        ("self-care", "Slow breathing"),
        ("medication", "Medication for persistent hiccups"),
    ]
    assert treatment.items[0].description == "Breathe slowly for a minute [@test-ref]."


def test_render_then_parse_gives_the_same_document() -> None:
    doc = parse_topic_markdown(VALID, "topics/hiccups.md", TODAY)
    again = parse_topic_markdown(render_topic_markdown(doc), "topics/hiccups.md", TODAY)
    assert again == doc


def test_every_starter_topic_round_trips_through_render(starter_documents: list) -> None:
    for doc in starter_documents:
        text = render_topic_markdown(doc)
        assert parse_topic_markdown(text, f"{doc.slug}.md", dt.date.today()) == doc


def test_missing_required_field_is_named() -> None:
    text = VALID.replace("title: Hiccups\n", "")
    assert errors_of(text) == [
        "topics/hiccups.md, line 2, field `title`: required field is missing"
    ]


def test_unknown_section_kind_names_the_heading_line() -> None:
    text = VALID.replace("{kind=information}", "{kind=remedies}")
    (message,) = errors_of(text)
    assert message.startswith(f"topics/hiccups.md, line {line_of(text, 'remedies')}, field `kind`:")
    assert "unknown section kind 'remedies'" in message
    assert "treatment" in message  # the message lists the kinds that do exist


def test_section_without_kind_is_rejected_with_an_example() -> None:
    text = VALID.replace("## What hiccups are {kind=information}", "## What hiccups are")
    (message,) = errors_of(text)
    assert f"line {line_of(text, '## What hiccups are')}" in message
    assert "{kind=causes}" in message


def test_malformed_yaml_names_the_line() -> None:
    text = VALID.replace("category: symptom", "category: [symptom")
    (message,) = errors_of(text)
    assert message.startswith("topics/hiccups.md, line ")
    assert "malformed YAML" in message
    reported = int(message.split("line ")[1].split(":")[0].split(",")[0])
    assert abs(reported - line_of(text, "category:")) <= 1


def test_reference_without_title_names_line_and_field() -> None:
    text = VALID.replace("    title: A test reference\n", "")
    (message,) = errors_of(text)
    assert message.startswith(
        f"topics/hiccups.md, line {line_of(text, '- id: test-ref')}, field `references.0.title`"
    )
    assert "needs a `title`" in message


def test_citation_of_unknown_reference_is_rejected() -> None:
    text = VALID.replace("harmless [@test-ref]", "harmless [@nowhere]")
    (message,) = errors_of(text)
    assert f"line {line_of(text, '@nowhere')}" in message
    assert "[@nowhere] matches no reference id" in message


def test_review_date_in_the_future_is_rejected() -> None:
    text = VALID.replace("reviewed: null", "reviewed: 2027-01-01").replace(
        "reviewers: []", "reviewers:\n  - name: A Reviewer"
    )
    messages = errors_of(text)
    assert any(
        f"line {line_of(text, 'reviewed: 2027')}, field `reviewed`: date 2027-01-01 is in the future"
        in m
        for m in messages
    )


def test_review_date_without_a_reviewer_is_rejected() -> None:
    text = VALID.replace("reviewed: null", "reviewed: 2026-05-01")
    (message,) = errors_of(text)
    assert "field `reviewed`: a review date needs the reviewer" in message


def test_treatment_item_headings_only_inside_treatment() -> None:
    text = VALID.replace(
        "Hiccups are common", "### Odd heading {item=therapy}\n\nHiccups are common"
    )
    (message,) = errors_of(text)
    assert "only for items inside a treatment section" in message


def test_treatment_item_needs_a_known_type() -> None:
    text = VALID.replace("{item=self-care}", "{item=potion}")
    (message,) = errors_of(text)
    assert f"line {line_of(text, 'potion')}" in message
    assert "self-care" in message


def test_raw_html_is_rejected() -> None:
    text = VALID.replace("Most bouts stop", "<script>alert(1)</script> Most bouts stop")
    (message,) = errors_of(text)
    assert "raw HTML is not allowed" in message


def test_unknown_field_is_reported_as_a_probable_typo() -> None:
    text = VALID.replace("sensitive: false", "sensitve: false")
    (message,) = errors_of(text)
    assert f"line {line_of(text, 'sensitve')}, field `sensitve`: unknown field" in message


def test_file_name_must_match_slug() -> None:
    (message,) = errors_of(VALID, path="topics/hiccup.md")
    assert "must be named hiccups.md" in message


def test_bad_icd10cm_code_is_rejected() -> None:
    text = VALID.replace("R06.6", "hiccups")
    (message,) = errors_of(text)
    assert "field `codes.icd10cm`: 'hiccups' is not an ICD-10-CM code" in message


def test_several_problems_are_reported_together() -> None:
    text = VALID.replace("category: symptom", "category: nonsense").replace(
        "{kind=information}", "{kind=nonsense}"
    )
    messages = errors_of(text)
    assert len(messages) == 2


def test_front_matter_must_open_the_file() -> None:
    (message,) = errors_of("## Heading {kind=information}\n\ntext\n")
    assert message == (
        "topics/hiccups.md, line 1: the file must start with a line '---' opening the YAML front matter"
    )


def test_directory_reports_every_file_and_duplicate_slugs(tmp_path: Path) -> None:
    (tmp_path / "hiccups.md").write_text(VALID)
    (tmp_path / "broken.md").write_text(
        VALID.replace("slug: hiccups", "slug: broken").replace("title: Hiccups\n", "")
    )
    with pytest.raises(TopicFilesInvalid) as info:
        read_topic_dir(tmp_path, TODAY)
    assert [e.path for e in info.value.errors] == [str(tmp_path / "broken.md")]


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TopicFilesInvalid, match="is not a directory of topic files"):
        read_topic_dir(tmp_path / "missing", TODAY)


LONG = "x" * 301

# What the database refuses, written into a topic file: (edit, field named, line holding it).
# Each once passed `check-topics` and then crashed `load-topics` with a traceback (or, on
# PostgreSQL, with "value too long").
REFUSED_BY_THE_DATABASE = {
    "provenance url runs script": (
        ("  licence: CC BY 4.0\n", "  licence: CC BY 4.0\n  url: javascript:alert(1)\n"),
        "provenance.url",
        "url: javascript:",
    ),
    "provenance url is not http": (
        ("  licence: CC BY 4.0\n", "  licence: CC BY 4.0\n  url: ftp://example.org/x\n"),
        "provenance.url",
        "url: ftp:",
    ),
    "provenance url too long": (
        (
            "  licence: CC BY 4.0\n",
            "  licence: CC BY 4.0\n  url: https://example.org/" + "a" * 200 + "\n",
        ),
        "provenance.url",
        "url: https://example.org/aaa",
    ),
    "reference url runs script": (
        ("URL: https://example.org/hiccups", "URL: 'javascript:alert(document.cookie)'"),
        "references.0.URL",
        "URL: 'javascript:",
    ),
    "reference url has no host": (
        ("URL: https://example.org/hiccups", "URL: 'https:///hiccups'"),
        "references.0.URL",
        "URL: 'https:///",
    ),
    "title too long": (("title: Hiccups", f"title: {'Hiccups ' * 40}"), "title", "title: "),
    "organisation too long": (
        ("organisation: symptomdb project", f"organisation: {LONG}"),
        "provenance.organisation",
        "organisation: xxx",
    ),
    "licence too long": (
        ("licence: CC BY 4.0", f"licence: {LONG}"),
        "provenance.licence",
        "licence: xxx",
    ),
    "author name too long": (
        ("- name: symptomdb contributors", f"- name: {LONG}"),
        "authors.0.name",
        "- name: xxx",
    ),
    "affiliation too long": (
        ("affiliation: symptomdb project", f"affiliation: {LONG}x"),
        "authors.0.affiliation",
        "- name: symptomdb contributors",
    ),
    "reference id too long": (
        ("- id: test-ref", f"- id: {'r' * 101}"),
        "references.0.id",
        "- id: rrr",
    ),
    "code too long": (
        ("icd10cm: [R06.6]", f"icd10cm: [R06.6]\n  icd11: ['{'9' * 41}']"),
        "codes.icd11",
        "icd11:",
    ),
    "section heading too long": (
        ("## What hiccups are {kind=", f"## {'Hiccups ' * 30}{{kind="),
        "body",
        "## Hiccups Hiccups",
    ),
    "treatment item name too long": (
        ("### Slow breathing {item=", f"### {'Breathe ' * 30}{{item="),
        "body",
        "### Breathe Breathe",
    ),
}


@pytest.mark.parametrize("case", REFUSED_BY_THE_DATABASE)
def test_what_the_database_refuses_is_a_file_line_field_error(case: str) -> None:
    (old, new), field, needle = REFUSED_BY_THE_DATABASE[case]
    assert old in VALID
    text = VALID.replace(old, new, 1)
    if case == "reference id too long":
        text = text.replace("[@test-ref]", f"[@{'r' * 101}]")
    (message,) = errors_of(text)
    assert message.startswith(f"topics/hiccups.md, line {line_of(text, needle)}, field `{field}`:")


# --- Sections for one audience (issue 17) -------------------------------------------------

FOR_PARENTS = (
    VALID
    + """
## If your child has hiccups {kind=helping-others audience=parents-carers}

Stay calm and let them sip water [@test-ref].
"""
)


def test_a_section_declares_its_audience_beside_its_kind() -> None:
    doc = parse_topic_markdown(FOR_PARENTS, "topics/hiccups.md", TODAY)
    parents = doc.sections[-1]
    assert (parents.kind, parents.audience, parents.heading) == (
        "helping-others",
        "parents-carers",
        "If your child has hiccups",
    )
    assert [s.audience for s in doc.sections[:-1]] == ["", ""]  # everyone
    again = parse_topic_markdown(render_topic_markdown(doc), "topics/hiccups.md", TODAY)
    assert again == doc
    assert "{kind=helping-others audience=parents-carers}" in render_topic_markdown(doc)


def test_an_unknown_audience_names_the_line_and_the_audiences_there_are() -> None:
    text = FOR_PARENTS.replace("audience=parents-carers", "audience=grandparents")
    (message,) = errors_of(text)
    assert message == (
        f"topics/hiccups.md, line {line_of(text, 'grandparents')}, field `audience`: unknown "
        "audience 'grandparents'; use one of: parents-carers, teachers-schools, young-people, "
        "or leave audience= out for a section for everyone"
    )


def test_an_audience_on_a_treatment_item_is_refused() -> None:
    text = VALID.replace("{item=self-care}", "{item=self-care audience=young-people}")
    (message,) = errors_of(text)
    assert "field `item`: treatment item 'Slow breathing' declares only {item=TYPE}" in message


def test_an_unknown_section_attribute_is_named() -> None:
    text = VALID.replace("{kind=information}", "{kind=information reader=teens}")
    (message,) = errors_of(text)
    assert "unknown section attribute(s) ['reader']" in message
