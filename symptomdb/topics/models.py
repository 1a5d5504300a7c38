"""Topic pages, people and references.

A topic is a Wagtail page (so editors get revisions, moderation workflow, scheduling,
locking and previews); people and references are snippets so one record serves many topics.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageQuerySet
from wagtail.search import index
from wagtail.signals import copy_for_translation_done
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import BaseTranslatableField

from symptomdb.answering.passages import section_anchors
from symptomdb.field_rules import (
    AFFILIATION_MAX,
    CODE_MAX,
    CREDENTIALS_MAX,
    LICENCE_MAX,
    ORGANISATION_MAX,
    PERSON_NAME_MAX,
    REFERENCE_KEY_MAX,
    SOURCE_URL_MAX,
    SUMMARY_MAX,
    web_address_problem,
)
from symptomdb.helpfinder.finder import finder_url_for_topic
from symptomdb.topics.blocks import TopicSectionsBlock, block_name_to_kind
from symptomdb.topics.citing import citation_context, json_ld
from symptomdb.topics.panels import ReadingLevelPanel
from symptomdb.topics.rendering import render_markdown
from symptomdb.topics.structured_data import COLLECTIVE_AUTHORS
from symptomdb.validators import validate_web_address
from symptomdb.vocabulary import CATEGORIES, CODE_SYSTEMS, KIND_BY_ID, TREATMENT_ITEM_TYPES
from symptomdb.vocabulary.icd10cm import ICD10CM_RE, code_set_release, is_icd10cm_code

if TYPE_CHECKING:
    from symptomdb.community.signoff import ReviewStatus


# What readers see above a section written for one audience (vocabulary AUDIENCES).
AUDIENCE_NOTES = {
    "young-people": gettext_lazy("For young people"),
    "parents-carers": gettext_lazy("For parents and carers"),
    "teachers-schools": gettext_lazy("For teachers and schools"),
}


def _today() -> dt.date:
    return timezone.localdate()


def _next_year() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=365)


class Person(index.Indexed, models.Model):
    """An author or medical reviewer: name, credentials and affiliation."""

    name = models.CharField(max_length=PERSON_NAME_MAX, unique=True)
    credentials = models.CharField(
        max_length=CREDENTIALS_MAX,
        blank=True,
        help_text="Degrees and registrations, e.g. 'MD, FRCPsych'.",
    )
    affiliation = models.CharField(max_length=AFFILIATION_MAX, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name="User account",
        help_text="The account a medical reviewer signs off reviews with (administrators set this).",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("affiliation"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Reference(index.Indexed, models.Model):
    """A bibliographic record kept as CSL-JSON, identified by its CSL ``id``."""

    key = models.CharField(
        max_length=REFERENCE_KEY_MAX,
        unique=True,
        help_text="The CSL id; cite it in sections as [@key].",
    )
    title = models.CharField(max_length=500, editable=False)
    csl = models.JSONField(
        help_text="The CSL-JSON item (type, title, author, issued, URL, …). Its id must equal the key."
    )

    panels = [FieldPanel("key"), FieldPanel("csl")]
    search_fields = [index.SearchField("title"), index.SearchField("key")]

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.title} [{self.key}]"

    def clean(self) -> None:
        """Refuse a CSL ``URL`` other than an http(s) address (the one rule of
        :mod:`symptomdb.field_rules`, as topic files are checked).

        Raises:
            ValidationError: on the ``csl`` field, naming the problem.
        """
        super().clean()
        if not isinstance(self.csl, dict):
            raise ValidationError({"csl": "Expected a CSL-JSON item: a mapping of fields."})
        url = self.csl.get("URL")
        if url is not None:
            problem = (
                web_address_problem(url) if isinstance(url, str) else "expected text, an address"
            )
            if problem is not None:
                raise ValidationError({"csl": f"Field `URL`: {problem}."})

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.csl = {**self.csl, "id": self.key}
        self.title = str(self.csl.get("title", ""))[:500]
        super().save(*args, **kwargs)

    @property
    def display(self) -> str:
        """A readable one-line form: authors (year). Title. Container/publisher."""
        csl = self.csl
        authors = []
        for person in csl.get("author", []) or []:
            if "literal" in person:
                authors.append(person["literal"])
            else:
                initials = "".join(part[0] for part in str(person.get("given", "")).split() if part)
                authors.append(f"{person.get('family', '')} {initials}".strip())
        year = ""
        parts = (csl.get("issued") or {}).get("date-parts") or []
        if parts and parts[0]:
            year = str(parts[0][0])
        title = str(csl.get("title", "")).rstrip(".")
        container = str(csl.get("container-title") or csl.get("publisher") or "")
        author_text = ", ".join(authors[:6]) + (" et al." if len(authors) > 6 else "")
        # An organisation's own page names it as author, title and publisher alike
        # ("Samaritans"): say each once, so the line does not read "Samaritans Samaritans."
        if _same(author_text, title) or _same(author_text, container):
            author_text = ""
        if _same(container, title):
            container = ""
        pieces = []
        if author_text:
            pieces.append(author_text)
        if year:
            pieces.append(f"({year}).")
        pieces.append(title + ".")
        if container:
            pieces.append(f"{container}.")
        if csl.get("number"):
            pieces.append(str(csl["number"]) + ".")
        return " ".join(pieces)


_ITEM_LABELS = dict(TREATMENT_ITEM_TYPES)


def named_authors(people: list[Person]) -> list[Person]:
    """The authors who are named people, not a collective such as "symptomdb contributors":
    readers rate an author only when there is a person to rate."""
    return [p for p in people if p.name not in COLLECTIVE_AUTHORS]


def _same(a: str, b: str) -> bool:
    """Whether two reference fields say the same thing (case and end punctuation aside)."""
    return bool(a) and a.strip(" .").casefold() == b.strip(" .").casefold()


register_snippet(Person)
register_snippet(Reference)


def for_readers(pages: PageQuerySet) -> PageQuerySet:
    """The pages of ``pages`` that readers and integrators may see: live, and under no view
    restriction (password, sign-in or group) of their own or of an ancestor.

    The one rule for every surface outside the admin and the page itself (which Wagtail
    serves behind its password form): lists, related topics, language links, the answering
    index behind search and ``/ask/``, the API, the Infobutton, citations, the dump and the
    readers' tools. Restricted pages are for the people given the password, so nothing
    derived from them may be shown, indexed or exported.
    """
    return pages.live().public()


def readable_topics() -> PageQuerySet:
    """Every topic page readers may see (:func:`for_readers`)."""
    return for_readers(TopicPage.objects.all())


def readable_by(page: Page, request: HttpRequest) -> bool:
    """Whether ``request`` may see the live ``page``: Wagtail's own check, which lets in
    whoever entered the page's password in this session (or is signed in, or in its group)."""
    return page.live and all(r.accept_request(request) for r in page.get_view_restrictions())


@dataclass(frozen=True)
class RecordedReview:
    """A topic's medical review as readers and integrators are told it.

    Attributes:
        reviewers: who reviewed (the signer of a sign-off, or the reviewers entered by hand).
        reviewed_on: the date of the review.
        next_review_due: when the next review is due.
        changed_since: True when a later edit was published after a sign-off.
    """

    reviewers: tuple[Person, ...]
    reviewed_on: dt.date
    next_review_due: dt.date
    changed_since: bool = False


class HomePage(Page):
    """The site's front page."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["topics.TopicIndexPage"]
    max_count = 1

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = readable_topics().filter(locale=self.locale).order_by("title")
        return context


class TopicIndexPage(Page):
    """The A–Z list of topics (``/topics/``)."""

    parent_page_types = ["topics.HomePage"]
    subpage_types = ["topics.TopicPage"]
    max_count = 1

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = for_readers(TopicPage.objects.child_of(self)).order_by("title")
        return context


class TopicPage(Page):
    """One health topic with typed sections, people, dates, references and provenance."""

    summary = models.TextField(max_length=SUMMARY_MAX, help_text="One or two plain sentences.")
    synonyms = models.TextField(blank=True, help_text="Other names readers use, one per line.")
    search_terms = models.TextField(
        blank=True,
        help_text='How readers ask about this topic without naming it ("cut myself"), one '
        "per line: found by answering, never shown as the topic's other names.",
    )
    category = models.CharField(max_length=40, choices=CATEGORIES, default="mental-health")
    sensitive = models.BooleanField(
        default=False,
        help_text="Self-harm, suicide, eating disorders…: shows crisis help at the top of the page.",
    )
    created_on = models.DateField(default=_today)
    updated_on = models.DateField(default=_today, help_text="When the content last changed.")
    reviewed_on = models.DateField(
        null=True, blank=True, help_text="Date of the last medical review; empty until one happens."
    )
    next_review_due = models.DateField(default=_next_year)
    source_organisation = models.CharField(max_length=ORGANISATION_MAX, default="symptomdb project")
    source_url = models.URLField(
        max_length=SOURCE_URL_MAX, blank=True, validators=[validate_web_address]
    )
    licence = models.CharField(max_length=LICENCE_MAX, default="CC BY 4.0")
    body = StreamField(TopicSectionsBlock(), blank=True, use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("synonyms"),
        FieldPanel("search_terms"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("sensitive"), InlinePanel("codes", label="Code")],
            heading="Classification",
        ),
        FieldPanel("body"),
        ReadingLevelPanel(heading="Reading level"),
        InlinePanel("topic_references", label="Reference"),
    ]
    people_panels = [
        InlinePanel("authors", label="Author", min_num=1),
        InlinePanel("reviewers", label="Medical reviewer"),
        MultiFieldPanel(
            [
                FieldPanel("created_on"),
                FieldPanel("updated_on"),
                FieldPanel("reviewed_on"),
                FieldPanel("next_review_due"),
            ],
            heading="Dates",
        ),
        MultiFieldPanel(
            [FieldPanel("source_organisation"), FieldPanel("source_url"), FieldPanel("licence")],
            heading="Provenance",
        ),
        InlinePanel("related_topics", label="Related topic"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("synonyms"),
        index.SearchField("body"),
        index.FilterField("sensitive"),
        index.FilterField("category"),
    ]
    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types: list[str] = []

    # Review status belongs to each translation: a translation is neither translated from nor
    # kept in step with its source's review fields (wagtail-localize would otherwise copy
    # them), so a reviewed English page never lends its review to an unreviewed translation.
    override_translatable_fields = [
        BaseTranslatableField("reviewed_on"),
        BaseTranslatableField("next_review_due"),
        BaseTranslatableField("reviewers"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(people_panels, heading="People, dates and sources"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    @property
    def synonym_list(self) -> list[str]:
        """The synonyms as a list, in the order written."""
        return [s.strip() for s in self.synonyms.splitlines() if s.strip()]

    @property
    def search_term_list(self) -> list[str]:
        """The search terms as a list, in the order written."""
        return [s.strip() for s in self.search_terms.splitlines() if s.strip()]

    @cached_property
    def medical_review(self) -> ReviewStatus | None:
        """The published revision's medical review as the sign-offs record it, or None."""
        from symptomdb.community.signoff import review_status

        return review_status(self)

    @cached_property
    def recorded_review(self) -> RecordedReview | None:
        """The one rule for "is this page medically reviewed, by whom, when", used by the page,
        its JSON-LD, the API, the answers, the Infobutton and the data dump.

        A medical sign-off (``medical_review``) comes first and names its signer; failing
        that, a review date with at least one reviewer entered by hand records a review done
        outside symptomdb. Anything less is no review (None).
        """
        review = self.medical_review
        if review is not None:
            return RecordedReview(
                (review.reviewer,), review.reviewed_on, review.next_review_due, review.changed_since
            )
        reviewers = tuple(r.person for r in self.reviewers.all())
        if self.reviewed_on is not None and reviewers:
            return RecordedReview(reviewers, self.reviewed_on, self.next_review_due)
        return None

    @property
    def is_reviewed(self) -> bool:
        """True only when a review is recorded (see ``recorded_review``)."""
        return self.recorded_review is not None

    @property
    def last_reviewed_on(self) -> dt.date | None:
        """The date of the recorded medical review, or None (see ``recorded_review``)."""
        review = self.recorded_review
        return review.reviewed_on if review is not None else None

    @property
    def review_due_on(self) -> dt.date:
        """When the next medical review is due (a recorded review's due date comes first)."""
        review = self.recorded_review
        return review.next_review_due if review is not None else self.next_review_due

    @property
    def review_reviewers(self) -> list[Person]:
        """Who did the recorded medical review; empty when there is none."""
        review = self.recorded_review
        return list(review.reviewers) if review is not None else []

    def related_readable_topics(self) -> list[TopicPage]:
        """The related topics readers may see (:func:`for_readers`), in the order listed."""
        ids = [r.target_id for r in self.related_topics.all() if r.target_id is not None]
        readable = readable_topics().in_bulk(ids)
        return [readable[i] for i in ids if i in readable]

    def ordered_references(self) -> list[Reference]:
        """The topic's references in the order listed."""
        return [tr.reference for tr in self.topic_references.select_related("reference").all()]

    def rendered_sections(self) -> list[dict[str, Any]]:
        """Sections ready for the template: kind, label, heading, audience, anchor, HTML,
        items. A section for one audience is anchored by kind and audience
        (``#helping-others-parents-carers``)."""
        numbers = {ref.key: n for n, ref in enumerate(self.ordered_references(), start=1)}
        sections = []
        keys = [
            (block_name_to_kind(b.block_type), str(b.value.get("audience") or ""))
            for b in self.body
        ]
        for block, (kind, audience), anchor in zip(
            self.body, keys, section_anchors(keys), strict=True
        ):
            value = block.value
            items = [
                {
                    "item_type": item["item_type"],
                    "item_label": _ITEM_LABELS.get(item["item_type"], item["item_type"]),
                    "name": item["name"],
                    "html": render_markdown(item["description"], numbers),
                }
                for item in (value.get("items") or [])
            ]
            sections.append(
                {
                    "kind": kind,
                    "kind_label": KIND_BY_ID[kind].label if kind in KIND_BY_ID else kind,
                    "heading": value["heading"],
                    "audience": audience,
                    "audience_note": AUDIENCE_NOTES.get(audience, ""),
                    "anchor": anchor,
                    "html": render_markdown(value.get("body") or "", numbers),
                    "items": items,
                }
            )
        return sections

    def publish(self, revision: Any, *args: Any, **kwargs: Any) -> Any:
        """Publish, unless the revision breaks a blocking safe-messaging rule.

        Every route to publishing (the editor, a workflow approval, a command) passes here.

        Raises:
            PublishBlocked: listing the blocking findings; nothing is published.
        """
        from symptomdb.errors import PublishBlocked
        from symptomdb.topics.safe_messaging import describe, lint_page

        blocking = [f for f in lint_page(revision.as_object()) if f.severity == "block"]
        if blocking:
            raise PublishBlocked(self.slug, [describe(f) for f in blocking], page_id=self.pk)
        return super().publish(revision, *args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.rendered_sections()
        context["references"] = self.ordered_references()
        context["authors"] = [a.person for a in self.authors.select_related("person")]
        context["named_authors"] = named_authors(context["authors"])
        context["reviewers"] = self.review_reviewers
        context["related"] = self.related_readable_topics()
        context["codes"] = [
            (dict(CODE_SYSTEMS).get(c.system, c.system), c.code) for c in self.codes.all()
        ]
        context["finder_url"] = finder_url_for_topic(self.slug, self.category)
        context.update(citation_context(self, request))
        context["json_ld"] = json_ld(
            self,
            request,
            authors=context["authors"],
            codes=context["codes"],
            references=context["references"],
        )
        return context


def _start_translation_unreviewed(
    sender: Any, source_obj: Any, target_obj: Any, **kwargs: Any
) -> None:
    """A new translation of a topic starts unreviewed, whatever its source's review says.

    ``copy_for_translation`` copies every field and inline, hand-entered reviewers included;
    the translation's own review has not happened yet.
    """
    if isinstance(target_obj, TopicPage) and (
        target_obj.reviewed_on is not None or target_obj.reviewers.exists()
    ):
        target_obj.reviewed_on = None
        TopicReviewer.objects.filter(page=target_obj).delete()
        target_obj.save(update_fields=["reviewed_on"])


copy_for_translation_done.connect(
    _start_translation_unreviewed, dispatch_uid="symptomdb-translation-unreviewed"
)


def page_in_language(page: Page, language_code: str) -> Page | None:
    """The translation of ``page`` in ``language_code`` that readers may see (the page itself
    when it is in that language), or None."""
    if page.locale.language_code == language_code:
        return page
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    return for_readers(page.get_translations()).filter(locale=locale).first()


class TopicAuthor(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    panels = [FieldPanel("person")]


class TopicReviewer(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="reviewers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    panels = [FieldPanel("person")]


class TopicReference(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="topic_references")
    reference = models.ForeignKey(Reference, on_delete=models.PROTECT, related_name="+")
    panels = [FieldPanel("reference")]


class TopicCode(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="codes")
    system = models.CharField(max_length=20, choices=CODE_SYSTEMS)
    code = models.CharField(max_length=CODE_MAX)
    panels = [FieldPanel("system"), FieldPanel("code")]

    def clean(self) -> None:
        """Reject an ICD-10-CM code that is not in the current code set, naming the field.

        Raises:
            ValidationError: on the ``code`` field, saying what is wrong.
        """
        super().clean()
        self.code = (self.code or "").strip()
        if self.system != "icd10cm" or not self.code:
            return
        if not ICD10CM_RE.match(self.code):
            raise ValidationError(
                {"code": f"{self.code!r} is not written as an ICD-10-CM code (like R45.88)."}
            )
        if not is_icd10cm_code(self.code):
            raise ValidationError(
                {
                    "code": f"{self.code!r} is not in the ICD-10-CM code set "
                    f"({code_set_release()} release); check it against the tabular list."
                }
            )


class TopicRelation(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="related_topics")
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", null=True
    )
    panels = [FieldPanel("target", heading="Topic")]
