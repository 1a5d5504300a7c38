"""Topic files ↔ topic pages: load documents into Wagtail pages and export pages as documents.

Loading is all or nothing: every document is validated against the database (related slugs,
shared reference ids) before anything is written, and the writes run in one transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page, Site

from symptomdb.errors import TopicFileError, TopicFilesInvalid
from symptomdb.importers.topic_markdown import (
    DEFAULT_LOCALE,
    PersonRecord,
    SectionRecord,
    TopicDocument,
)
from symptomdb.topics.blocks import TopicSectionsBlock, kind_to_block_name
from symptomdb.topics.documents import page_to_document
from symptomdb.topics.models import (
    HomePage,
    Person,
    Reference,
    TopicAuthor,
    TopicCode,
    TopicIndexPage,
    TopicPage,
    TopicReference,
    TopicRelation,
    TopicReviewer,
)

HOME_INTRO = (
    "symptomdb answers health questions from attributed, referenced content. It gives "
    "information, not a diagnosis: for advice about your own health, talk to a professional."
)
# The home page and the topics index in each translation language: (index title, home intro).
TRANSLATED_STRUCTURE = {
    "es": (
        "Temas de la A a la Z",
        "symptomdb responde preguntas de salud con contenido firmado y con referencias. Da "
        "información, no un diagnóstico: si tienes dudas sobre tu salud, consulta a un profesional.",
    ),
}


@dataclass
class LoadReport:
    """What a load did, slug by slug."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def ensure_site_structure() -> TopicIndexPage:
    """Create the home page and the topics index once; return the index.

    Replaces Wagtail's placeholder "Welcome" page on a new database and points the default
    site at the home page. Safe to call any number of times.
    """
    with transaction.atomic():
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            for placeholder in root.get_children().exact_type(Page):
                if placeholder.slug == "home":
                    placeholder.delete()
            root = Page.get_first_root_node()
            home = HomePage(title="symptomdb", slug="home", intro=HOME_INTRO)
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        elif site.root_page_id != home.id:
            site.root_page = home
            site.save()
        index = TopicIndexPage.objects.filter(locale=home.locale).first()
        if index is None:
            index = TopicIndexPage(title="Topics A–Z", slug="topics")
            home.add_child(instance=index)
            index.save_revision().publish()
        return index


def ensure_translated_structure(language_code: str) -> TopicIndexPage:
    """The topics index in ``language_code``, creating its locale, home and index once.

    The home page and the index are Wagtail translations of the English ones (same
    ``translation_key``), so the language switch and ``hreflang`` links find them.
    """
    english_index = ensure_site_structure()
    if language_code == DEFAULT_LOCALE:
        return english_index
    with transaction.atomic():
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        index = english_index.get_translation_or_none(locale)
        if index is not None:
            return index.specific
        title, intro = TRANSLATED_STRUCTURE[language_code]
        english_home = english_index.get_parent().specific
        home = english_home.get_translation_or_none(locale)
        if home is None:
            home = english_home.copy_for_translation(locale)
            home.intro = intro
            home.save_revision().publish()
        index = english_index.copy_for_translation(locale)
        index.title = index.draft_title = title
        index.save_revision().publish()
        return index.specific


def _stream_raw(sections: Sequence[SectionRecord]) -> list[dict[str, Any]]:
    raw = []
    for section in sections:
        value: dict[str, Any] = {
            "heading": section.heading,
            "audience": section.audience,
            "body": section.body,
        }
        if section.kind == "treatment":
            value["items"] = [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "item_type": i.item_type,
                        "name": i.name,
                        "description": i.description,
                    },
                }
                for i in section.items
            ]
        raw.append(
            {"type": kind_to_block_name(section.kind), "value": value, "id": str(uuid.uuid4())}
        )
    return raw


def export_documents() -> list[TopicDocument]:
    """Every topic as a document: the live version of live pages, the latest draft otherwise."""
    documents = []
    for page in TopicPage.objects.select_related("locale").order_by("slug"):
        source = page if page.live else page.get_latest_revision_as_object()
        documents.append(page_to_document(source, live=page.live))
    return documents


def check_documents(documents: Sequence[TopicDocument]) -> None:
    """Check documents against each other and the database (related slugs, shared
    reference ids). Reads, never writes.

    Raises:
        TopicFilesInvalid: listing every problem.
    """
    errors: list[TopicFileError] = []
    known_slugs = {d.slug for d in documents} | set(
        TopicPage.objects.values_list("slug", flat=True)
    )
    other_pages = Page.objects.exclude(id__in=TopicPage.objects.values("id"))
    locale_of = {d.slug: d.locale for d in documents}
    for slug, code in TopicPage.objects.values_list("slug", "locale__language_code"):
        locale_of.setdefault(slug, code)
    for doc in documents:
        for slug in doc.related:
            if slug not in known_slugs:
                errors.append(
                    TopicFileError(
                        f"{doc.slug}.md", None, "related", f"no topic has the slug {slug!r}"
                    )
                )
            elif locale_of.get(slug) != doc.locale:
                errors.append(
                    TopicFileError(
                        f"{doc.slug}.md",
                        None,
                        "related",
                        f"{slug!r} is a topic in {locale_of.get(slug)!r}; relate topics of the "
                        f"same language ({doc.locale!r})",
                    )
                )
        errors.extend(_translation_errors(doc, locale_of))
        if doc.slug in {"home", "topics"} and other_pages.filter(slug=doc.slug).exists():
            errors.append(TopicFileError(f"{doc.slug}.md", None, "slug", "this slug is reserved"))
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    for doc in documents:
        for ref in doc.references:
            key = str(ref["id"])
            if key in seen and seen[key][1] != ref:
                errors.append(
                    TopicFileError(
                        f"{doc.slug}.md",
                        None,
                        f"references.{key}",
                        f"reference id {key!r} is also defined, differently, in {seen[key][0]}.md; "
                        "references are shared across topics, so give it one definition or a new id",
                    )
                )
            seen.setdefault(key, (doc.slug, ref))
    if errors:
        raise TopicFilesInvalid(errors)


def _translation_errors(doc: TopicDocument, locale_of: dict[str, str]) -> list[TopicFileError]:
    """Problems with a document's language: a slug taken in another language, a translation
    of a topic that is not English, or a second translation into the same language."""
    name = f"{doc.locale}/{doc.slug}.md" if doc.locale != DEFAULT_LOCALE else f"{doc.slug}.md"
    errors = []
    existing = TopicPage.objects.filter(slug=doc.slug).select_related("locale").first()
    if existing is not None and existing.locale.language_code != doc.locale:
        errors.append(
            TopicFileError(
                name,
                None,
                "slug",
                f"slug {doc.slug!r} is taken by a topic in {existing.locale.language_code!r}; "
                "give the translation its own slug",
            )
        )
    if doc.locale == DEFAULT_LOCALE:
        return errors
    if locale_of.get(doc.translation_of) != DEFAULT_LOCALE:
        errors.append(
            TopicFileError(
                name,
                None,
                "translation_of",
                f"no English topic has the slug {doc.translation_of!r}",
            )
        )
        return errors
    source = TopicPage.objects.filter(slug=doc.translation_of).first()
    if source is not None:
        other = (
            source.get_translations()
            .filter(locale__language_code=doc.locale)
            .exclude(slug=doc.slug)
            .first()
        )
        if other is not None:
            errors.append(
                TopicFileError(
                    name,
                    None,
                    "translation_of",
                    f"{doc.translation_of!r} already has a {doc.locale!r} translation, "
                    f"{other.slug!r}; update that file instead",
                )
            )
    return errors


def _person(record: PersonRecord) -> Person:
    person, _ = Person.objects.get_or_create(name=record.name)
    if (person.credentials, person.affiliation) != (record.credentials, record.affiliation):
        person.credentials, person.affiliation = record.credentials, record.affiliation
        person.save()
    return person


def _reference(csl: dict[str, Any]) -> Reference:
    key = str(csl["id"])
    reference = Reference.objects.filter(key=key).first()
    if reference is None:
        reference = Reference(key=key, csl=csl)
        reference.save()
    elif reference.csl != csl:
        reference.csl = csl
        reference.save()
    return reference


def _apply(page: TopicPage, doc: TopicDocument, pages_by_slug: dict[str, Page]) -> None:
    page.title = doc.title
    page.draft_title = doc.title
    page.slug = doc.slug
    page.summary = doc.summary
    page.synonyms = "\n".join(doc.synonyms)
    page.search_terms = "\n".join(doc.search_terms)
    page.category = doc.category
    page.sensitive = doc.sensitive
    page.created_on = doc.created
    page.updated_on = doc.updated
    page.reviewed_on = doc.reviewed
    page.next_review_due = doc.next_review_due
    page.source_organisation = doc.provenance.organisation
    page.source_url = doc.provenance.url
    page.licence = doc.provenance.licence
    page.body = TopicSectionsBlock().to_python(_stream_raw(doc.sections))
    # sort_order is set explicitly: without it the order of people, references and codes
    # would be whatever the database returns (PostgreSQL reorders after updates).
    page.authors = [TopicAuthor(person=_person(p), sort_order=i) for i, p in enumerate(doc.authors)]
    page.reviewers = [
        TopicReviewer(person=_person(p), sort_order=i) for i, p in enumerate(doc.reviewers)
    ]
    page.topic_references = [
        TopicReference(reference=_reference(r), sort_order=i) for i, r in enumerate(doc.references)
    ]
    flat_codes = [(system, code) for system, codes in doc.codes for code in codes]
    page.codes = [TopicCode(system=s, code=c, sort_order=i) for i, (s, c) in enumerate(flat_codes)]
    page.related_topics = [
        TopicRelation(target=pages_by_slug[slug], sort_order=i)
        for i, slug in enumerate(doc.related)
    ]


def load_documents(documents: Iterable[TopicDocument], *, missing_only: bool = False) -> LoadReport:
    """Create or update topic pages by slug, all or nothing.

    Args:
        documents: parsed topic files.
        missing_only: create topics that do not exist yet and leave existing ones untouched
            (``make run`` uses this so editors' work is never overwritten).

    Returns:
        A ``LoadReport``; unchanged topics get no new revision.

    Raises:
        TopicFilesInvalid: a document does not fit the database (unknown related slug,
            a shared reference id defined two ways). Nothing is written.
    """
    documents = list(documents)
    report = LoadReport()
    with transaction.atomic():
        index = ensure_site_structure()
        check_documents(documents)
        existing = {p.slug: p for p in TopicPage.objects.all()}
        todo = []
        # English first: a translation is made from its English page.
        for doc in sorted(documents, key=lambda d: d.locale != DEFAULT_LOCALE):
            if doc.slug in existing and missing_only:
                report.skipped.append(doc.slug)
            else:
                todo.append(doc)
        # Pass 1: every topic exists as a page, so related topics can point at each other.
        pages_by_slug: dict[str, Page] = dict(existing)
        new_slugs = set()
        for doc in todo:
            if doc.slug not in pages_by_slug and doc.locale != DEFAULT_LOCALE:
                source = TopicPage.objects.get(id=pages_by_slug[doc.translation_of].id)
                ensure_translated_structure(doc.locale)
                page = source.copy_for_translation(Locale.objects.get(language_code=doc.locale))
                pages_by_slug[doc.slug] = page
                new_slugs.add(doc.slug)
            elif doc.slug not in pages_by_slug:
                page = TopicPage(
                    title=doc.title,
                    slug=doc.slug,
                    summary=doc.summary,
                    live=False,
                    created_on=doc.created,
                    updated_on=doc.updated,
                    next_review_due=doc.next_review_due,
                )
                index.add_child(instance=page)
                pages_by_slug[doc.slug] = page
                new_slugs.add(doc.slug)
        # Pass 2: content, people, references, relations; one revision per changed topic.
        for doc in todo:
            page = TopicPage.objects.get(id=pages_by_slug[doc.slug].id)
            if doc.slug not in new_slugs:
                current = page if page.live else page.get_latest_revision_as_object()
                if page_to_document(current, live=page.live) == doc:
                    report.unchanged.append(doc.slug)
                    continue
            _apply(page, doc, pages_by_slug)
            revision = page.save_revision(log_action=True)
            if doc.status == "published":
                revision.publish()
            elif page.live:
                page.unpublish()
            (report.created if doc.slug in new_slugs else report.updated).append(doc.slug)
    return report


def today() -> dt.date:
    """The date used to judge "in the future" in topic files."""
    from django.utils import timezone

    return timezone.localdate()
