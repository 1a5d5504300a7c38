"""Loading topic files into pages and exporting them back: round trip, idempotence, all or nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from wagtail.models import Page, Revision

from symptomdb.errors import TopicFilesInvalid
from symptomdb.importers.topic_markdown import (
    TopicDocument,
    parse_topic_markdown,
    read_topic_dir,
    render_topic_markdown,
)
from symptomdb.topics.loading import export_documents, load_documents
from symptomdb.topics.models import Person, Reference, TopicPage

pytestmark = pytest.mark.django_db


def by_slug(documents: list[TopicDocument]) -> dict[str, TopicDocument]:
    return {d.slug: d for d in documents}


def test_load_creates_published_pages_under_topics(starter_documents: list[TopicDocument]) -> None:
    report = load_documents(starter_documents)
    assert sorted(report.created) == sorted(d.slug for d in starter_documents)
    page = TopicPage.objects.get(slug="self-injury")
    assert page.live
    assert page.url == "/topics/self-injury/"
    assert page.sensitive
    assert "NSSI" in page.synonym_list
    assert [a.person.name for a in page.authors.all()] == ["symptomdb contributors"]
    assert not page.reviewers.exists() and page.reviewed_on is None
    kinds = [b.block_type for b in page.body]
    for kind in (
        "information",
        "causes",
        "symptoms",
        "treatment",
        "coping",
        "prevention",
        "seek_help",
        "support",
    ):
        assert kind in kinds


def test_load_export_load_gives_the_same_content(
    starter_documents: list[TopicDocument], tmp_path: Path
) -> None:
    load_documents(starter_documents)
    exported = export_documents()
    assert by_slug(exported) == by_slug(starter_documents)
    for doc in exported:
        (tmp_path / f"{doc.slug}.md").write_text(render_topic_markdown(doc))
    reread = read_topic_dir(tmp_path, dt.date.today())
    assert by_slug(reread) == by_slug(starter_documents)
    report = load_documents(reread)
    assert report.created == [] and report.updated == []
    assert sorted(report.unchanged) == sorted(by_slug(starter_documents))


def test_loading_twice_changes_nothing_and_adds_no_revision(
    starter_documents: list[TopicDocument],
) -> None:
    load_documents(starter_documents)
    revisions = Revision.objects.count()
    pages = Page.objects.count()
    report = load_documents(starter_documents)
    assert sorted(report.unchanged) == sorted(d.slug for d in starter_documents)
    assert Revision.objects.count() == revisions
    assert Page.objects.count() == pages
    assert Person.objects.count() == 1


def test_changed_file_updates_the_page_with_a_new_revision(
    starter_documents: list[TopicDocument],
) -> None:
    load_documents(starter_documents)
    doc = by_slug(starter_documents)["anxiety"]
    changed = dataclasses.replace(doc, summary="A new summary.", synonyms=(*doc.synonyms, "nerves"))
    before = TopicPage.objects.get(slug="anxiety").revisions.count()
    report = load_documents([changed])
    assert report.updated == ["anxiety"]
    page = TopicPage.objects.get(slug="anxiety")
    assert page.summary == "A new summary."
    assert page.synonym_list[-1] == "nerves"
    assert page.revisions.count() == before + 1


def test_missing_only_never_overwrites_an_editors_change(
    starter_documents: list[TopicDocument],
) -> None:
    load_documents(starter_documents)
    page = TopicPage.objects.get(slug="depression")
    page.summary = "Edited in the admin."
    page.save_revision().publish()
    report = load_documents(starter_documents, missing_only=True)
    assert "depression" in report.skipped
    assert TopicPage.objects.get(slug="depression").summary == "Edited in the admin."


def test_draft_status_keeps_the_page_off_the_site(
    starter_documents: list[TopicDocument], client: object
) -> None:
    load_documents(starter_documents)
    doc = dataclasses.replace(
        by_slug(starter_documents)["anxiety"], status="draft", summary="Draft text."
    )
    load_documents([doc])
    page = TopicPage.objects.get(slug="anxiety")
    assert not page.live
    assert client.get("/topics/anxiety/").status_code == 404  # type: ignore[attr-defined]
    (exported,) = [d for d in export_documents() if d.slug == "anxiety"]
    assert exported.status == "draft" and exported.summary == "Draft text."


def test_unknown_related_slug_rejects_the_whole_load(
    starter_documents: list[TopicDocument],
) -> None:
    docs = list(starter_documents)
    docs[-1] = dataclasses.replace(docs[-1], related=("no-such-topic",))
    with pytest.raises(
        TopicFilesInvalid, match="field `related`: no topic has the slug 'no-such-topic'"
    ):
        load_documents(docs)
    assert not TopicPage.objects.exists()
    assert not Reference.objects.exists()


def test_reference_id_defined_two_ways_rejects_the_load(
    starter_documents: list[TopicDocument],
) -> None:
    first, second = starter_documents[0], starter_documents[1]
    ref = {**first.references[0], "title": "A different title"}
    docs = [first, dataclasses.replace(second, references=(*second.references, ref))]
    with pytest.raises(TopicFilesInvalid, match="is also defined, differently"):
        load_documents(docs)
    assert not TopicPage.objects.exists()


def test_failure_mid_load_leaves_the_database_as_it_was(
    starter_documents: list[TopicDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_documents(starter_documents)
    pages_before = set(TopicPage.objects.values_list("slug", "summary"))
    revisions_before = Revision.objects.count()
    calls = {"n": 0}
    original = Revision.publish

    def publish_then_fail(self: Revision, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")  # a failure after some pages were written
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish_then_fail)
    changed = [dataclasses.replace(d, summary=f"Changed {d.slug}.") for d in starter_documents]
    with pytest.raises(RuntimeError, match="disk full"):
        load_documents(changed)
    assert set(TopicPage.objects.values_list("slug", "summary")) == pages_before
    assert Revision.objects.count() == revisions_before


def test_topic_file_with_a_reviewer_shows_them(tmp_path: Path, client: object) -> None:
    text = (Path(__file__).resolve().parents[2] / "symptomdb/topics/starter/anxiety.md").read_text()
    text = text.replace("reviewed: null", "reviewed: 2026-11-24").replace(
        "reviewers: []",
        "reviewers:\n- name: Test Reviewer\n  credentials: MD\n  affiliation: Test Clinic",
    )
    doc = parse_topic_markdown(text, "anxiety.md", dt.date(2026, 11, 24))
    doc = dataclasses.replace(doc, related=())
    load_documents([doc])
    page = TopicPage.objects.get(slug="anxiety")
    assert page.is_reviewed
    html = client.get("/topics/anxiety/").content.decode()  # type: ignore[attr-defined]
    assert "Test Reviewer, MD (Test Clinic)" in html
    assert "Not yet reviewed by a clinician" not in html
