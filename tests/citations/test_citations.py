"""Citing a topic page: CSL-JSON item, three styles, three export files (hand-checked text)."""

from __future__ import annotations

import datetime as dt
import json

import bibtexparser
import pytest
import rispy

from symptomdb.citations import (
    EXPORT_FORMATS,
    STYLES,
    CitablePage,
    csl_item,
    render_citation,
    to_bibtex,
    to_csl_json,
    to_ris,
)

PAGE = CitablePage(
    key="symptomdb-self-injury",
    title="Self-injury",
    authors=("symptomdb contributors",),
    url="https://example.org/topics/self-injury/",
    updated=dt.date(2026, 11, 24),
    accessed=dt.date(2026, 12, 1),
)
ITEM = csl_item(PAGE)


def test_item_is_a_webpage_by_an_organisation_with_both_dates() -> None:
    assert ITEM == {
        "id": "symptomdb-self-injury",
        "type": "webpage",
        "title": "Self-injury",
        "author": [{"literal": "symptomdb contributors"}],
        "publisher": "symptomdb",
        "URL": "https://example.org/topics/self-injury/",
        "issued": {"date-parts": [[2026, 11, 24]]},
        "accessed": {"date-parts": [[2026, 12, 1]]},
    }


# Checked by hand against APA 7 (webpage on a website), AMA 11 (§3.15 websites) and NLM
# Citing Medicine (homepages / parts of websites).
EXPECTED = {
    "apa": "symptomdb contributors. (2026, November 24). Self-injury. symptomdb. https://example.org/topics/self-injury/",
    "ama": "symptomdb contributors. Self-injury. symptomdb. November 24, 2026. Accessed December 1, 2026. https://example.org/topics/self-injury/",
    "vancouver": "symptomdb contributors. Self-injury [Internet]. symptomdb; 2026 [cited 2026 Dec 1]. Available from: https://example.org/topics/self-injury/",
}


@pytest.mark.parametrize("style", sorted(EXPECTED))
def test_each_style_renders_the_hand_checked_reference(style: str) -> None:
    assert render_citation(ITEM, style) == EXPECTED[style]


def test_the_three_styles_are_offered() -> None:
    assert list(STYLES) == ["apa", "ama", "vancouver"]


def test_apa_html_italicises_the_title_and_escapes_markup() -> None:
    assert render_citation(ITEM, "apa", "html") == (
        "symptomdb contributors. (2026, November 24). <i>Self-injury</i>. symptomdb. "
        "https://example.org/topics/self-injury/"
    )
    risky = csl_item(
        CitablePage(
            key="k",
            title='Anxiety <script>alert("x")</script> & panic',
            authors=("symptomdb contributors",),
            url="https://example.org/t/",
            updated=dt.date(2026, 1, 2),
            accessed=dt.date(2026, 1, 3),
        )
    )
    html = render_citation(risky, "apa", "html")
    assert "<script" not in html and "&amp; panic</i>" in html


def test_rendering_leaves_the_item_unchanged() -> None:
    before = json.dumps(ITEM, sort_keys=True)
    render_citation(ITEM, "ama")
    assert json.dumps(ITEM, sort_keys=True) == before


def test_ris_record_is_exact_and_reads_back() -> None:
    assert to_ris(ITEM) == (
        "TY  - ELEC\n"
        "TI  - Self-injury\n"
        "AU  - symptomdb contributors\n"
        "PB  - symptomdb\n"
        "UR  - https://example.org/topics/self-injury/\n"
        "PY  - 2026\n"
        "DA  - 2026/11/24\n"
        "Y2  - 2026/12/01\n"
        "ER  - \n"
    )
    (record,) = rispy.loads(to_ris(ITEM))
    assert record["title"] == "Self-injury" and record["urls"] == [PAGE.url]


def test_bibtex_entry_keeps_the_organisation_whole_and_escapes_latex() -> None:
    assert to_bibtex(ITEM) == (
        "@online{symptomdb-self-injury,\n"
        "\tauthor = {{symptomdb contributors}},\n"
        "\ttitle = {{Self-injury}},\n"
        "\torganization = {symptomdb},\n"
        "\tyear = {2026},\n"
        "\tmonth = {11},\n"
        "\tdate = {2026-11-24},\n"
        "\turl = {https://example.org/topics/self-injury/},\n"
        "\turldate = {2026-12-01}\n"
        "}\n"
    )
    odd = {**ITEM, "title": "Cause & effect: 100% {sure}"}
    library = bibtexparser.parse_string(to_bibtex(odd))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry["title"] == r"{Cause {\&} effect: 100{\%} {\{}sure{\}}}"


def test_csl_json_is_a_list_holding_the_item() -> None:
    assert json.loads(to_csl_json(ITEM)) == [ITEM]


def test_export_formats_have_media_types() -> None:
    assert {f.extension: f.content_type for f in EXPORT_FORMATS.values()} == {
        "ris": "application/x-research-info-systems",
        "bib": "application/x-bibtex",
        "json": "application/vnd.citationstyles.csl+json",
    }


def test_a_line_break_in_a_title_cannot_start_a_new_ris_record() -> None:
    item = {**ITEM, "title": "Self-injury\nER  - \nTY  - JOUR\nTI  - Forged", "publisher": "a\rb"}
    (record,) = rispy.loads(to_ris(item))
    assert record["title"] == "Self-injury ER - TY - JOUR TI - Forged"
    assert record["publisher"] == "a b"
