"""What the answering core searches: passages, and the one way they are built.

A passage is one answerable unit with its attribution: a section of one of our topics, or
one question–answer pair of an imported collection (whose answer text may be withheld).
``topic_passage`` and ``medquad_passage`` build them — from the database on the site, from
the files in the benchmarks and ``eval-liveqa`` — so what is measured is what readers get.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from symptomdb.answering.question_types import MEDQUAD_QTYPE_TO_KIND
from symptomdb.importers.medquad import PLAIN_LANGUAGE_SOURCES, licence_for, publisher_name

# MedQuAD writes its questions from templates: "What is (are) Self-harm ?".
_EITHER_VERB = re.compile(r"\b(is|are|does|do|has|have) \((?:is|are|does|do|has|have)\)")
_SPACE_BEFORE_MARK = re.compile(r"\s+([?.!,;:])")
_DOUBLE_MARK = re.compile(r"([?.!])\1+")


def display_question(question: str) -> str:
    """A collection's template question as a reader should see it: "What is (are) Self-harm ?"
    becomes "What is Self-harm?"."""
    text = _EITHER_VERB.sub(r"\1", " ".join(question.split()))
    return _DOUBLE_MARK.sub(r"\1", _SPACE_BEFORE_MARK.sub(r"\1", text))


@dataclass(frozen=True)
class Passage:
    """One answerable unit and everything needed to show and cite it.

    Attributes:
        id: stable id: the MedQuAD answer id ("GARD_0000042_Sec1.txt") or "topic:SLUG#ANCHOR".
        origin: "topic" (our reviewed-or-not content) or "medquad".
        kind: section kind in our vocabulary (treatment, causes, …).
        focus: what it is about ("Self-injury", "Hiccups").
        synonyms: other names of the focus.
        question: the MedQuAD question, or our section heading.
        text: the answer text; "" when the publisher withheld it.
        title: the topic or document title shown to readers.
        url: where the reader can read it (our page, or the publisher's page).
        source: who published it ("symptomdb contributors", "National Cancer Institute").
        licence: the text's licence.
        reviewed: for our topics, whether a clinician reviewed it.
        updated: last-updated date as text (YYYY-MM-DD), when known.
        citation: a ready one-line citation.
        plain_language: written for the general public (MedlinePlus, NIHSeniorHealth, ours).
        sensitive: a section of one of our topics marked sensitive (self-harm, suicide, …):
            when a question names such a topic, its sections rank ahead of imported ones.
        terms: names of the things a section describes one by one (its items: "Dialectical
            behaviour therapy", "DBT"), so "does DBT work" finds the section that says.
    """

    id: str
    origin: str
    kind: str
    focus: str
    question: str
    text: str
    title: str
    url: str
    source: str
    licence: str
    synonyms: tuple[str, ...] = ()
    reviewed: bool = False
    updated: str = ""
    citation: str = ""
    plain_language: bool = False
    sensitive: bool = False
    terms: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # The text as sentences for the answer's lead, citation numbers kept ("… [2]."); the
    # references they point to are ``references`` (number n is references[n - 1]). Each
    # item of a section is one unit here, its name then its description, so a lead about one
    # treatment says which treatment it is about.
    sentences: tuple[str, ...] = field(default=(), compare=False, hash=False)
    references: tuple[str, ...] = field(default=(), compare=False, hash=False)

    @property
    def heading(self) -> str:
        """The question or section heading as shown to readers (templates cleaned)."""
        return display_question(self.question)

    @property
    def withheld(self) -> bool:
        """True when only the question and the source are known, not the answer text."""
        return not self.text


# Citation keys ("[@nice-ng225]"), emphasis and code marks, and links (kept as their words).
_MARKDOWN_NOISE = re.compile(r"\s*\[@[^\]]*\]|[*_`#>]|\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """A section's Markdown as plain words: citation keys, marks and link targets removed."""
    return " ".join(_MARKDOWN_NOISE.sub(lambda m: m.group(1) or " ", markdown).split())


_CITATION = re.compile(r"\s*\[(@[^\]]+)\]")
_CITATION_KEY = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_.:-]*)")
_NOT_PROSE = re.compile(r"(?:#+|>|\|)\s")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(¿¡])")


# A paragraph's run-in heading ("**How scars change.** Scars fade …") and a paragraph that is
# only a bold label ("**Caring for a healing scar.**", a heading for the list after it).
_RUN_IN = re.compile(r"^\*\*([^*\n]+?)[.:]?\*\*[ \t]+(?=\S)")
_BOLD_ONLY = re.compile(r"^\*\*[^*\n]+\*\*$")


def _run_in(block: str) -> str:
    """The run-in heading joined to its first sentence: "How scars change: Scars fade …"."""
    return _RUN_IN.sub(lambda m: f"{m.group(1)}: ", block)


def cited_sentences(markdown: str, numbers: Mapping[str, int]) -> tuple[str, ...]:
    """The Markdown's plain sentences, and each list item as one unit, in order, with each
    citation kept as its number ("… [1, 2]."); citation keys not in ``numbers`` are dropped.
    Headings, quotes and tables are left out, and so is a sentence that only introduces a
    list ("They fall into four groups:")."""

    def number(match: re.Match[str]) -> str:
        found = [numbers[k] for k in _CITATION_KEY.findall(match.group(1)) if k in numbers]
        return f" [{', '.join(str(n) for n in found)}]" if found else ""

    def plain(markdown_text: str) -> str:
        marked = _CITATION.sub(
            lambda m: number(m).replace("[", "\x00").replace("]", "\x01"), markdown_text
        )
        return plain_text(marked).replace("\x00", "[").replace("\x01", "]")

    units: list[str] = []
    for block in (b.strip() for b in re.split(r"\n\s*\n", markdown)):
        if _LIST_ITEM.match(block):
            # "**Reliving the event:** flashbacks, …" is one unit: the item as readers see it.
            # An item without a label of its own keeps the words that introduce the list
            # ("In your mind you might: worry a lot …"), so it reads on its own in a lead.
            intro = units[-1] if units and units[-1].endswith(":") else ""
            for item in _LIST_ITEM.split(block):
                labelled = _RUN_IN.match(item.strip()) is not None
                text = plain(_run_in(item))
                units.append(f"{intro} {text}" if intro and text and not labelled else text)
        elif _BOLD_ONLY.match(block):
            # A bold label is no sentence, but one that ends in ":" introduces a list.
            units += [plain(block)] if plain(block).endswith(":") else []
        elif block and not _NOT_PROSE.match(block):
            units += [s.strip() for s in _SENTENCE_END.split(plain(_run_in(block)))]
    return tuple(u for u in units if u and not u.endswith(":"))


_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")


def item_terms(name: str) -> tuple[str, ...]:
    """The names an item is asked about by: its name without a bracketed part, and the
    abbreviation in brackets ("Dialectical behaviour therapy (DBT)" → both)."""
    full = " ".join(_ABBREVIATION.sub(" ", name).split())
    return tuple(t for t in (full, *_ABBREVIATION.findall(name)) if t)


def section_anchors(sections: Iterable[tuple[str, str]]) -> list[str]:
    """The page anchor of each section, given as ``(kind, audience)`` in order: its kind, or
    kind and audience for a section written for one audience
    ("helping-others-parents-carers"), then "-2", "-3"… for repeats (the topic page's own
    anchors)."""
    used: set[str] = set()
    anchors = []
    for kind, audience in sections:
        base = f"{kind}-{audience}" if audience else kind
        anchor, counter = base, 2
        while anchor in used:
            anchor, counter = f"{base}-{counter}", counter + 1
        used.add(anchor)
        anchors.append(anchor)
    return anchors


def topic_passage(
    *,
    slug: str,
    anchor: str,
    page_url: str,
    kind: str,
    title: str,
    heading: str,
    body: str,
    items: Sequence[tuple[str, str]] = (),
    synonyms: Sequence[str] = (),
    source: str,
    licence: str,
    reviewed: bool = False,
    updated: str = "",
    citation: str = "",
    sensitive: bool = False,
    html: str = "",
    references: Sequence[str] = (),
) -> Passage:
    """One section of one of our topics; ``body`` and the items' descriptions are Markdown,
    and ``references`` the page's reference keys in the order they are numbered."""
    text = " ".join(
        p for p in (plain_text(body), " ".join(f"{n}: {plain_text(d)}" for n, d in items)) if p
    )
    numbers = {k: n for n, k in enumerate(references, start=1)}
    item_units = tuple(
        f"{name}: {' '.join(described)}"
        for name, description in items
        if (described := cited_sentences(description, numbers))
    )
    return Passage(
        id=f"topic:{slug}#{anchor}",
        origin="topic",
        kind=kind,
        focus=title,
        synonyms=tuple(synonyms),
        question=heading,
        text=text,
        title=title,
        url=f"{page_url}#{anchor}",
        source=source,
        licence=licence,
        reviewed=reviewed,
        updated=updated,
        citation=citation,
        plain_language=True,
        sensitive=sensitive,
        extra={"html": html} if html else {},
        terms=tuple(t for name, _ in items for t in item_terms(name)),
        sentences=cited_sentences(body, numbers) + item_units,
        references=tuple(references),
    )


def medquad_passage(
    *,
    answer_id: str,
    qtype: str,
    question: str,
    answer: str | None,
    focus: str,
    synonyms: Sequence[str],
    url: str,
    source: str,
    record_url: str = "",
) -> Passage:
    """One MedQuAD question–answer pair (``answer`` empty or None where MedQuAD withheld it),
    labelled with its publisher and the terms its text really comes under."""
    publisher = publisher_name(source)
    licence = licence_for(source)
    return Passage(
        id=answer_id,
        origin="medquad",
        kind=MEDQUAD_QTYPE_TO_KIND.get(qtype, "other-information"),
        focus=focus,
        synonyms=tuple(synonyms),
        question=question,
        text=answer or "",
        title=focus or question,
        url=url,
        source=publisher,
        licence=licence,
        citation=f"{publisher}. {focus}. {url} (via MedQuAD).",
        plain_language=source in PLAIN_LANGUAGE_SOURCES,
        extra={"record": record_url} if record_url else {},
        sentences=tuple(s.strip() for s in _SENTENCE_END.split(answer or "") if s.strip()),
    )
