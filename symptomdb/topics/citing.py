"""A topic page as a citation and as schema.org data: the Django side of ``citations``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from symptomdb.citations import EXPORT_FORMATS, STYLES, CitablePage, csl_item, render_citation
from symptomdb.topics.structured_data import PersonFacts, medical_web_page, script_json

if TYPE_CHECKING:
    from symptomdb.topics.models import Person, Reference, TopicPage


def citable_page(page: TopicPage, request: HttpRequest) -> CitablePage:
    """The page as a reference, with today as the access date and its absolute URL."""
    return CitablePage(
        key=f"symptomdb-{page.slug}",
        title=page.title,
        authors=tuple(a.person.name for a in page.authors.select_related("person")),
        url=request.build_absolute_uri(page.url),
        updated=page.updated_on,
        accessed=timezone.localdate(),
    )


def citation_context(page: TopicPage, request: HttpRequest) -> dict[str, Any]:
    """Template context for "Cite this page": each style's HTML and the download links."""
    item = csl_item(citable_page(page, request))
    return {
        "citations": [
            {"id": s.id, "label": s.label, "html": mark_safe(render_citation(item, s.id, "html"))}
            for s in STYLES.values()
        ],
        "citation_downloads": [
            {"label": f.label, "href": f"{page.url}cite.{f.extension}", "extension": f.extension}
            for f in EXPORT_FORMATS.values()
        ],
    }


def _facts(person: Person) -> PersonFacts:
    return PersonFacts(person.name, person.credentials, person.affiliation)


def json_ld(
    page: TopicPage,
    request: HttpRequest,
    *,
    authors: list[Person],
    codes: list[tuple[str, str]],
    references: list[Reference],
) -> SafeString:
    """The page's MedicalWebPage JSON-LD, escaped for a ``<script>`` element."""
    data = medical_web_page(
        title=page.title,
        url=request.build_absolute_uri(page.url),
        summary=page.summary,
        synonyms=page.synonym_list,
        codes=codes,
        authors=[_facts(a) for a in authors],
        reviewers=[_facts(r) for r in page.review_reviewers],
        reviewed_on=page.last_reviewed_on,
        updated_on=page.updated_on,
        created_on=page.created_on,
        references=[ref.csl for ref in references],
        licence=page.licence,
    )
    return mark_safe(script_json(data))
