"""Medical review sign-off: what the page says before, after, and after a later edit."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import PageLogEntry

from symptomdb.community.errors import InvalidAction
from symptomdb.community.signoff import reviews_due, sign_off_review
from symptomdb.topics.models import TopicPage
from tests.topics.test_citing_topic_pages import json_ld

pytestmark = pytest.mark.django_db

TOPIC = "/topics/self-injury/"
NEXT_YEAR = dt.date.today() + dt.timedelta(days=365)


def test_an_unreviewed_topic_claims_no_review(topic: Any) -> None:
    html = Client().get(TOPIC).content.decode()
    assert "Not yet reviewed by a clinician" in html
    assert "Medically reviewed" not in html and "data-review-state" not in html


def test_sign_off_shows_reviewer_and_date_and_is_audit_logged(topic: Any, make_user: Any) -> None:
    reviewer = make_user("reviewer")
    sign_off_review(reviewer, topic, topic.live_revision, NEXT_YEAR, notes="Checked sources.")
    html = Client().get(TOPIC).content.decode()
    assert 'data-review-state="reviewed"' in html
    assert "Test Reviewer (fixture), MD (test fixture)" in html
    assert "Not yet reviewed by a clinician" not in html
    assert NEXT_YEAR.strftime("%Y-%m-%d") in html
    entry = PageLogEntry.objects.get(page=topic, action="symptomdb.review.sign_off")
    assert entry.user == reviewer and entry.revision == topic.live_revision
    assert entry.data["next_review_due"] == NEXT_YEAR.isoformat()


def test_an_edit_published_after_sign_off_says_changed_until_signed_again(
    topic: Any, make_user: Any
) -> None:
    reviewer = make_user("reviewer")
    sign_off_review(reviewer, topic, topic.live_revision, NEXT_YEAR)
    page = TopicPage.objects.get(pk=topic.pk)
    page.summary = page.summary + " Edited after the review."
    page.save_revision().publish()
    html = Client().get(TOPIC).content.decode()
    assert 'data-review-state="changed"' in html
    assert "Changed since its last medical review" in html
    page = TopicPage.objects.get(pk=topic.pk)
    assert [d.reason for d in reviews_due() if d.page.pk == page.pk] == ["changed since review"]
    sign_off_review(reviewer, page, page.live_revision, NEXT_YEAR)
    html = Client().get(TOPIC).content.decode()
    assert 'data-review-state="reviewed"' in html


def test_signing_a_draft_says_nothing_about_the_published_page(topic: Any, make_user: Any) -> None:
    page = TopicPage.objects.get(pk=topic.pk)
    page.summary = "A draft not yet published."
    draft = page.save_revision()
    sign_off_review(make_user("reviewer"), page, draft, NEXT_YEAR)
    assert "data-review-state" not in Client().get(TOPIC).content.decode()
    draft.publish()
    assert 'data-review-state="reviewed"' in Client().get(TOPIC).content.decode()


def test_sign_off_refuses_dates_out_of_order_and_another_pages_revision(
    topic: Any, make_user: Any
) -> None:
    reviewer = make_user("reviewer")
    today = dt.date.today()
    with pytest.raises(InvalidAction, match="must be after the review date"):
        sign_off_review(reviewer, topic, topic.live_revision, today)
    with pytest.raises(InvalidAction, match="in the future"):
        sign_off_review(
            reviewer,
            topic,
            topic.live_revision,
            NEXT_YEAR,
            reviewed_on=today + dt.timedelta(days=2),
        )
    other = TopicPage.objects.exclude(pk=topic.pk).first()
    with pytest.raises(InvalidAction, match="is not a revision of page"):
        sign_off_review(reviewer, topic, other.live_revision, NEXT_YEAR)


def test_reviews_due_report_lists_overdue_and_never_reviewed(topic: Any, make_user: Any) -> None:
    reviewer = make_user("reviewer")
    today = dt.date.today()
    sign_off_review(
        reviewer,
        topic,
        topic.live_revision,
        today + dt.timedelta(days=10),
        reviewed_on=today - dt.timedelta(days=355),
    )
    due = {d.page.slug: d.reason for d in reviews_due()}
    assert due["self-injury"] == "due soon"
    assert {d.page.slug: d.reason for d in reviews_due(today + dt.timedelta(days=11))}[
        "self-injury"
    ] == "overdue"
    assert all(reason == "never reviewed" for slug, reason in due.items() if slug != "self-injury")
    client = Client()
    client.force_login(make_user("author"))
    html = client.get("/admin/reports/medical-reviews-due/").content.decode()
    assert "Self-injury" in html and "Never reviewed" in html and "Due soon" in html


def test_sign_off_through_the_admin_form(topic: Any, make_user: Any) -> None:
    client = Client()
    client.force_login(make_user("reviewer"))
    edit = client.get(f"/admin/pages/{topic.pk}/edit/").content.decode()
    assert f"/admin/community/sign-off/{topic.pk}/" in edit
    form = client.get(f"/admin/community/sign-off/{topic.pk}/")
    assert form.status_code == 200 and "You are signing as" in form.content.decode()
    response = client.post(
        f"/admin/community/sign-off/{topic.pk}/",
        {
            "revision": topic.live_revision_id,
            "reviewed_on": dt.date.today().isoformat(),
            "next_review_due": dt.date.today().isoformat(),
        },
    )
    assert (
        response.status_code == 200 and "must be after the review date" in response.content.decode()
    )
    response = client.post(
        f"/admin/community/sign-off/{topic.pk}/",
        {
            "revision": topic.live_revision_id,
            "reviewed_on": dt.date.today().isoformat(),
            "next_review_due": NEXT_YEAR.isoformat(),
        },
    )
    assert response.status_code == 302
    assert 'data-review-state="reviewed"' in Client().get(TOPIC).content.decode()


def test_a_sign_off_is_the_review_on_the_page_its_json_ld_the_api_infobutton_and_dump(
    topic: Any, make_user: Any, tmp_path: Path
) -> None:
    reviewed_on = dt.date.today() - dt.timedelta(days=3)
    sign_off_review(
        make_user("reviewer"), topic, topic.live_revision, NEXT_YEAR, reviewed_on=reviewed_on
    )
    client = Client()
    name = "Test Reviewer (fixture)"

    html = client.get(TOPIC).content.decode()
    assert "Not yet reviewed by a clinician" not in html and name in html
    data = json_ld(html)
    assert data["lastReviewed"] == reviewed_on.isoformat()
    assert [p["name"] for p in data["reviewedBy"]] == [name]

    [summary] = [
        t for t in client.get("/api/v1/topics").json()["items"] if t["slug"] == "self-injury"
    ]
    detail = client.get("/api/v1/topics/self-injury").json()
    for topic_out in (summary, detail):
        assert topic_out["reviewed"] is True
        assert topic_out["reviewed_on"] == reviewed_on.isoformat()
        assert topic_out["next_review_due"] == NEXT_YEAR.isoformat()
    assert [p["name"] for p in detail["reviewers"]] == [name]
    assert detail["review_notice"] is None

    feed = client.get(
        "/infobutton/",
        {
            "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90",
            "mainSearchCriteria.v.c": "R45.88",
            "knowledgeResponseType": "application/json",
        },
    ).json()["feed"]
    [entry] = feed["entry"]
    assert {"scheme": "medical-review", "term": f"reviewed {reviewed_on.isoformat()}"} in entry[
        "category"
    ]

    dump = tmp_path / "topics.jsonl"
    call_command("export_dump", str(dump), stdout=io.StringIO())
    [line] = [
        t for t in map(json.loads, dump.read_text().splitlines()) if t.get("slug") == "self-injury"
    ]
    assert line["reviewed"] == reviewed_on.isoformat()
    assert [p["name"] for p in line["reviewers"]] == [name]
    assert line["next_review_due"] == NEXT_YEAR.isoformat()
