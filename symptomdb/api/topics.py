"""GET /api/v1/topics and /api/v1/topics/{slug}: published topic pages for integrators.

The schemas read straight from ``TopicPage`` (django-ninja resolvers), so the API shows
what the page shows: sections, people, dates, provenance and references.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from symptomdb.api.caching import cache_publicly
from symptomdb.api.errors import ErrorOut
from symptomdb.api.pagination import LinkedPageNumberPagination
from symptomdb.readability import SectionReadingLevel
from symptomdb.topics.blocks import block_name_to_kind
from symptomdb.topics.models import TopicAuthor, TopicPage, TopicReviewer, readable_topics
from symptomdb.topics.reading_level import page_reading_levels, reading_grade_target
from symptomdb.vocabulary import AUDIENCES, CATEGORIES, CODE_SYSTEMS, TREATMENT_ITEM_TYPES

router = Router(tags=["topics"])

# Topics change when an editor publishes; five minutes keeps shared caches fresh enough,
# and a client revalidating with If-None-Match gets 304 when nothing changed.
TOPIC_MAX_AGE = 300

UNREVIEWED_NOTICE = (
    "Not yet reviewed by a clinician. No qualified medical reviewer has checked this page yet."
)

_CATEGORY_LABELS = dict(CATEGORIES)
_CODE_SYSTEM_LABELS = dict(CODE_SYSTEMS)
_ITEM_TYPE_LABELS = dict(TREATMENT_ITEM_TYPES)
_AUDIENCE_LABELS = dict(AUDIENCES)


def _request(context: dict[str, Any]) -> HttpRequest:
    request: HttpRequest = context["request"]
    return request


def _page_url(page: TopicPage, context: dict[str, Any]) -> str:
    request = _request(context)
    return request.build_absolute_uri(page.get_url(request) or "/")


def _api_url(page: TopicPage, context: dict[str, Any]) -> str:
    path = reverse("api-v1:topic_detail", kwargs={"slug": page.slug})
    return _request(context).build_absolute_uri(path)


class CodeOut(Schema):
    system: str = Field(description="icd10cm, icd11, snomedct, umls or mesh")
    system_label: str = Field(description="The code system's name, e.g. ICD-10-CM.")
    code: str


class TopicSummaryOut(Schema):
    slug: str
    title: str
    summary: str
    category: str
    category_label: str
    sensitive: bool = Field(
        description="Self-harm, suicide, eating disorders…: show crisis lines before the content "
        "(GET /api/v1/crisis-resources)."
    )
    synonyms: list[str] = Field(description="Other names readers use.")
    codes: list[CodeOut]
    reviewed: bool = Field(description="True only when a clinician's review is recorded.")
    created_on: dt.date
    updated_on: dt.date = Field(description="When the content last changed.")
    reviewed_on: dt.date | None = Field(description="Last medical review; null: never reviewed.")
    next_review_due: dt.date
    url: str = Field(description="The topic's page on this site.")
    api_url: str = Field(description="This topic in the API, with its sections.")

    @staticmethod
    def resolve_category_label(page: TopicPage) -> str:
        return _CATEGORY_LABELS.get(page.category, page.category)

    @staticmethod
    def resolve_synonyms(page: TopicPage) -> list[str]:
        return page.synonym_list

    @staticmethod
    def resolve_codes(page: TopicPage) -> list[dict[str, str]]:
        return [
            {
                "system": c.system,
                "system_label": _CODE_SYSTEM_LABELS.get(c.system, c.system),
                "code": c.code,
            }
            for c in page.codes.all()
        ]

    @staticmethod
    def resolve_reviewed(page: TopicPage) -> bool:
        return page.is_reviewed

    @staticmethod
    def resolve_reviewed_on(page: TopicPage) -> dt.date | None:
        return page.last_reviewed_on

    @staticmethod
    def resolve_next_review_due(page: TopicPage) -> dt.date:
        return page.review_due_on

    @staticmethod
    def resolve_url(page: TopicPage, context: dict[str, Any]) -> str:
        return _page_url(page, context)

    @staticmethod
    def resolve_api_url(page: TopicPage, context: dict[str, Any]) -> str:
        return _api_url(page, context)


class TreatmentItemOut(Schema):
    item_type: str = Field(description="therapy, medication, programme, support-group, self-care")
    item_type_label: str
    name: str
    markdown: str = Field(description="The description as written (CommonMark).")
    html: str = Field(description="The description rendered and sanitised.")


class ReadabilityOut(Schema):
    formula: str = Field(
        description="flesch-kincaid-grade (English) or fernandez-huerta (Spanish)."
    )
    formula_label: str
    score: float = Field(
        description="The formula's result: a US school grade for Flesch–Kincaid (lower is "
        "easier); 0–100 for Fernández Huerta (higher is easier)."
    )
    grade: float = Field(
        description="The school grade the text suits: the Flesch–Kincaid score itself, or "
        "the band of Fernández Huerta's table (4, 5, 6, 8, 12, 13 or 16)."
    )
    target_grade: float = Field(
        description="The grade this site asks sections to read at or below "
        "(SYMPTOMDB_READING_GRADE_TARGET)."
    )
    above_target: bool = Field(
        description="True when grade is above target_grade: a warning for editors, never a block."
    )
    words: int = Field(description="How many words were scored.")


class SectionOut(Schema):
    kind: str = Field(description="From the section vocabulary: causes, treatment, coping, …")
    kind_label: str
    heading: str
    audience: str | None = Field(
        description="Who the section is written for: young-people, parents-carers or "
        "teachers-schools; null: everyone."
    )
    audience_label: str | None = Field(
        description="The audience's name, e.g. Parents and carers; null: everyone."
    )
    anchor: str = Field(description="Fragment of the section on the topic page.")
    markdown: str = Field(
        description="The body as written (CommonMark; [@id] cites a reference by its CSL id)."
    )
    html: str = Field(description="The body rendered and sanitised, citations as links.")
    items: list[TreatmentItemOut] = Field(description="Structured treatment items (treatment).")
    readability: ReadabilityOut | None = Field(
        description="The section's reading level (body and items); null when it has no words."
    )


class PersonOut(Schema):
    name: str
    credentials: str | None
    affiliation: str | None


class ProvenanceOut(Schema):
    organisation: str
    url: str | None
    licence: str


class RelatedTopicOut(Schema):
    slug: str
    title: str
    url: str
    api_url: str


class TopicDetailOut(TopicSummaryOut):
    sections: list[SectionOut]
    authors: list[PersonOut]
    reviewers: list[PersonOut] = Field(
        description="Who did the recorded medical review (the signer of a sign-off); empty "
        "when none is recorded."
    )
    review_notice: str | None = Field(
        description="Show this when no clinician has reviewed the topic; null once reviewed."
    )
    provenance: ProvenanceOut
    references: list[dict[str, Any]] = Field(description="CSL-JSON items, in the order cited.")
    related: list[RelatedTopicOut]

    @staticmethod
    def resolve_sections(page: TopicPage) -> list[dict[str, Any]]:
        sections = []
        target = reading_grade_target()
        levels = page_reading_levels(page, target)
        for block, rendered, reading in zip(
            page.body, page.rendered_sections(), levels, strict=True
        ):
            value = block.value
            items = [
                {
                    "item_type": raw["item_type"],
                    "item_type_label": _ITEM_TYPE_LABELS.get(raw["item_type"], raw["item_type"]),
                    "name": raw["name"],
                    "markdown": raw["description"],
                    "html": item["html"],
                }
                for raw, item in zip(value.get("items") or [], rendered["items"], strict=True)
            ]
            sections.append(
                {
                    "kind": block_name_to_kind(block.block_type),
                    "kind_label": rendered["kind_label"],
                    "heading": rendered["heading"],
                    "audience": rendered["audience"] or None,
                    "audience_label": _AUDIENCE_LABELS.get(rendered["audience"]),
                    "anchor": rendered["anchor"],
                    "markdown": value.get("body") or "",
                    "html": rendered["html"],
                    "items": items,
                    "readability": _readability(reading, target),
                }
            )
        return sections

    @staticmethod
    def resolve_authors(page: TopicPage) -> list[dict[str, Any]]:
        return [_person(a.person) for a in page.authors.all()]

    @staticmethod
    def resolve_reviewers(page: TopicPage) -> list[dict[str, Any]]:
        return [_person(person) for person in page.review_reviewers]

    @staticmethod
    def resolve_review_notice(page: TopicPage) -> str | None:
        return None if page.is_reviewed else UNREVIEWED_NOTICE

    @staticmethod
    def resolve_provenance(page: TopicPage) -> dict[str, Any]:
        return {
            "organisation": page.source_organisation,
            "url": page.source_url or None,
            "licence": page.licence,
        }

    @staticmethod
    def resolve_references(page: TopicPage) -> list[dict[str, Any]]:
        return [dict(reference.csl) for reference in page.ordered_references()]

    @staticmethod
    def resolve_related(page: TopicPage, context: dict[str, Any]) -> list[dict[str, Any]]:
        related = []
        for topic in page.related_readable_topics():
            related.append(
                {
                    "slug": topic.slug,
                    "title": topic.title,
                    "url": _page_url(topic, context),
                    "api_url": _api_url(topic, context),
                }
            )
        return related


def _readability(reading: SectionReadingLevel, target: float) -> dict[str, Any] | None:
    level = reading.level
    if level is None:
        return None
    return {
        "formula": level.formula,
        "formula_label": level.formula_label,
        "score": level.score,
        "grade": level.grade,
        "target_grade": target,
        "above_target": reading.above_target,
        "words": level.words,
    }


def _person(person: Any) -> dict[str, Any]:
    return {
        "name": person.name,
        "credentials": person.credentials or None,
        "affiliation": person.affiliation or None,
    }


def published_topics() -> QuerySet[TopicPage]:
    """Topic pages readers may see (``readable_topics``) in title order, with what the summaries read prefetched."""
    topics: QuerySet[TopicPage] = (
        readable_topics()
        .order_by("title", "pk")
        .select_related("live_revision")
        .prefetch_related(
            "codes",
            Prefetch("reviewers", queryset=TopicReviewer.objects.select_related("person")),
            Prefetch("authors", queryset=TopicAuthor.objects.select_related("person")),
        )
    )
    return topics


@router.get(
    "/topics",
    response={200: list[TopicSummaryOut], 422: ErrorOut},
    summary="List published topics",
)
@cache_publicly(TOPIC_MAX_AGE)
@paginate(LinkedPageNumberPagination)
def list_topics(request: HttpRequest) -> QuerySet[TopicPage]:
    """Published topics in title order, one page at a time (``page``, ``page_size``)."""
    return published_topics()


@router.get(
    "/topics/{slug}",
    response={200: TopicDetailOut, 404: ErrorOut, 422: ErrorOut},
    summary="One topic with its sections, people, provenance and references",
    url_name="topic_detail",
)
@cache_publicly(TOPIC_MAX_AGE)
def topic_detail(request: HttpRequest, slug: str) -> TopicPage:
    """A published topic by slug; 404 when no published topic has it."""
    page = published_topics().filter(slug=slug).first()
    if page is None:
        raise HttpError(404, f"No published topic has the slug `{slug}`; see GET /api/v1/topics.")
    return page
