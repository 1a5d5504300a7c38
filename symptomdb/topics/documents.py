"""A topic page (or a revision of one) as a ``TopicDocument``: what the topic-file format,
the dump and the safe-messaging lint read.

Kept apart from ``loading`` (which writes pages) so the page model's publish gate can lint a
revision without importing the loader, which imports the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from symptomdb.importers.topic_markdown import (
    DEFAULT_LOCALE,
    PersonRecord,
    Provenance,
    SectionRecord,
    TopicDocument,
    TreatmentItem,
)
from symptomdb.topics.blocks import block_name_to_kind

if TYPE_CHECKING:
    from symptomdb.topics.models import Person, TopicPage

__all__ = ["page_to_document", "sections_of"]


def sections_of(page: TopicPage) -> tuple[SectionRecord, ...]:
    """The sections of a topic page (or a revision of one), in page order."""
    sections = []
    for block in page.body:
        value = block.value
        items = tuple(
            TreatmentItem(str(i["item_type"]), str(i["name"]), str(i["description"]).strip())
            for i in (value.get("items") or [])
        )
        sections.append(
            SectionRecord(
                kind=block_name_to_kind(block.block_type),
                heading=str(value["heading"]),
                body=str(value.get("body") or "").strip(),
                items=items,
                audience=str(value.get("audience") or ""),
            )
        )
    return tuple(sections)


def page_to_document(page: TopicPage, live: bool) -> TopicDocument:
    """Describe a topic page (or a revision of one) as a ``TopicDocument``."""
    codes: dict[str, list[str]] = {}
    for code in page.codes.all():
        codes.setdefault(code.system, []).append(code.code)
    related = []
    for relation in page.related_topics.all():
        if relation.target is not None:
            related.append(relation.target.slug)

    def person(p: Person) -> PersonRecord:
        return PersonRecord(p.name, p.credentials, p.affiliation)

    locale = page.locale.language_code
    translation_of = ""
    if locale != DEFAULT_LOCALE:
        source = page.get_translations().filter(locale__language_code=DEFAULT_LOCALE).first()
        translation_of = source.slug if source is not None else ""

    return TopicDocument(
        slug=page.slug,
        title=page.title,
        summary=page.summary,
        category=page.category,
        status="published" if live else "draft",
        created=page.created_on,
        updated=page.updated_on,
        next_review_due=page.next_review_due,
        authors=tuple(person(a.person) for a in page.authors.all()),
        provenance=Provenance(page.source_organisation, page.licence, page.source_url),
        synonyms=tuple(page.synonym_list),
        search_terms=tuple(page.search_term_list),
        sensitive=page.sensitive,
        codes=tuple((system, tuple(values)) for system, values in codes.items()),
        reviewed=page.reviewed_on,
        reviewers=tuple(person(r.person) for r in page.reviewers.all()),
        related=tuple(related),
        references=tuple(
            {**r.reference.csl, "id": r.reference.key} for r in page.topic_references.all()
        ),
        sections=sections_of(page),
        locale=locale,
        translation_of=translation_of,
    )
