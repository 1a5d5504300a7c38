"""Rating, commenting, moderation and review sign-off end to end in Chromium, against the
site as `make run` serves it (gunicorn, real settings, Argon2, django-axes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import run_symptomdb

pytestmark = [pytest.mark.browser]

TOPIC = "/topics/self-injury/"
PASSWORD = "a long browser-test password"

MAKE_USERS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from symptomdb.topics.models import Person
User = get_user_model()
for role, group in (("moderator", "Comment moderators"), ("reviewer", "Medical reviewers")):
    user, _ = User.objects.get_or_create(username="browser-" + role)
    user.set_password({PASSWORD!r})
    user.save()
    user.groups.add(Group.objects.get(name=group))
Person.objects.get_or_create(
    name="Browser Reviewer (test fixture)",
    defaults={{"credentials": "MD (test)", "affiliation": "Test Clinic",
               "user": User.objects.get(username="browser-reviewer")}},
)
"""


UNDO_SIGN_OFFS = """
from symptomdb.caching import invalidate_pages
from symptomdb.community.models import ReviewSignOff
ReviewSignOff.objects.all().delete()
invalidate_pages()
"""


@pytest.fixture(scope="module")
def accounts(live_site: str, live_site_env: dict[str, str]) -> Iterator[str]:
    result = run_symptomdb("shell", "-c", MAKE_USERS, env=live_site_env)
    assert result.returncode == 0, result.stderr
    yield live_site
    # The live site is shared with the other browser tests, which expect unreviewed topics.
    undo = run_symptomdb("shell", "-c", UNDO_SIGN_OFFS, env=live_site_env)
    assert undo.returncode == 0, undo.stderr


def sign_in(page: Page, site: str, username: str) -> None:
    page.goto(f"{site}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(f"{site}/admin/login/")


NAMED_AUTHOR = """
from symptomdb.caching import invalidate_pages
from symptomdb.topics.models import Person, TopicAuthor, TopicPage
page = TopicPage.objects.get(slug="anxiety")
person, _ = Person.objects.get_or_create(name="Browser Author (test fixture)")
TopicAuthor.objects.get_or_create(page=page, person=person, defaults={"sort_order": 1})
invalidate_pages()
"""
NO_NAMED_AUTHOR = """
from symptomdb.caching import invalidate_pages
from symptomdb.topics.models import TopicAuthor
TopicAuthor.objects.filter(person__name="Browser Author (test fixture)").delete()
invalidate_pages()
"""


@pytest.fixture
def topic_by_a_named_author(accounts: str, live_site_env: dict[str, str]) -> Iterator[str]:
    """/topics/anxiety/ with a named person among its authors, for as long as the test runs
    (the starter topics are by a collective, "symptomdb contributors", whom no one rates)."""
    result = run_symptomdb("shell", "-c", NAMED_AUTHOR, env=live_site_env)
    assert result.returncode == 0, result.stderr
    yield "/topics/anxiety/"
    undo = run_symptomdb("shell", "-c", NO_NAMED_AUTHOR, env=live_site_env)
    assert undo.returncode == 0, undo.stderr


def test_a_page_by_a_collective_has_no_author_rating(accounts: str, page: Page) -> None:
    page.goto(f"{accounts}{TOPIC}")
    feedback = page.locator("#feedback")
    expect(feedback.get_by_role("button", name="Yes, helpful")).to_be_visible()
    expect(feedback.get_by_text("Rate the author")).to_have_count(0)
    expect(feedback.get_by_role("button", name="Send rating")).to_have_count(0)


def test_a_reader_rates_a_topic_and_its_author_without_javascript(
    accounts: str, browser: Any, topic_by_a_named_author: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{accounts}{topic_by_a_named_author}")
    assert context.cookies() == []  # reading sets no cookie
    feedback = page.locator("#feedback")
    expect(feedback.locator("legend").last).to_have_text(
        "Rate the author (Browser Author (test fixture))"
    )
    feedback.locator("select[name=reason]").select_option("clear")
    feedback.get_by_role("button", name="Yes, helpful").click()
    expect(page.locator(".community-messages")).to_contain_text("Thank you for telling us")
    expect(feedback.locator(".helpful-counts")).to_have_attribute("data-yes", "1")
    # Changing the vote keeps one vote.
    page.locator("#feedback").get_by_role("button", name="No, not helpful").click()
    expect(page.locator("#feedback .helpful-counts")).to_have_attribute("data-yes", "0")
    expect(page.locator("#feedback .helpful-counts")).to_have_attribute("data-no", "1")
    page.locator("#feedback").get_by_label("4 stars").check()
    page.locator("#feedback").get_by_role("button", name="Send rating").click()
    expect(page.locator("#feedback .star-counts")).to_contain_text("4 stars: 1")
    assert [c["name"] for c in context.cookies() if c["name"] == "symptomdb_reader"]
    context.close()


def test_comments_normal_risky_and_spam(accounts: str, page: Page) -> None:
    page.goto(f"{accounts}{TOPIC}")
    page.fill("#comment-name", "Browser reader")
    page.fill("#comment-text", "Reading this helped me talk to my teacher.")
    page.click("text=Send comment")
    expect(page.locator("[data-outcome=pending]")).to_contain_text("Your comment was saved")

    page.goto(f"{accounts}{TOPIC}")
    page.fill("#comment-text", "I keep hurting myself and tonight I want to die.")
    page.select_option("#comment-country", "GB")
    page.click("text=Send comment")
    help_block = page.locator(".help-first.leads")
    expect(help_block).to_be_visible()
    expect(help_block).to_contain_text("Samaritans")
    expect(page.locator("[data-outcome=held]")).to_contain_text("A moderator will read it")

    page.goto(f"{accounts}{TOPIC}")
    expect(page.locator("#comment-website")).not_to_be_in_viewport()
    page.fill("#comment-text", "Cheap pills at example.com")
    page.locator("#comment-website").fill("http://spam.example", force=True)
    page.click("text=Send comment")
    expect(page.locator("[data-outcome=pending]")).to_be_visible()


def test_a_moderator_approves_a_comment_and_it_appears(accounts: str, page: Page) -> None:
    page.goto(f"{accounts}{TOPIC}")
    page.fill("#comment-text", "A comment for the moderation test, safe to publish.")
    page.click("text=Send comment")
    sign_in(page, accounts, "browser-moderator")
    page.goto(f"{accounts}/admin/community/comments/")
    item = page.locator(".queue-item", has_text="A comment for the moderation test")
    item.get_by_role("button", name="Approve").click()
    expect(page.locator(".messages, [role=status], .w-messages").first).to_contain_text("published")
    page.goto(f"{accounts}{TOPIC}")
    expect(page.locator("#comments .comment-list")).to_contain_text(
        "A comment for the moderation test, safe to publish."
    )
    # The held comment from a reader at risk is still held, first in the queue.
    page.goto(f"{accounts}/admin/community/comments/")
    held = page.locator(".queue-item[data-state=held]")
    if held.count():
        expect(held.first).to_contain_text("Held by the crisis screen")


def test_a_reviewer_signs_off_and_the_page_shows_the_review(accounts: str, page: Page) -> None:
    sign_in(page, accounts, "browser-reviewer")
    page.goto(f"{accounts}/admin/reports/medical-reviews-due/")
    row = page.locator("tr", has_text="Self-injury")
    row.get_by_role("link", name="Sign off").click()
    expect(page.get_by_text("You are signing as")).to_be_visible()
    next_year = (dt.date.today() + dt.timedelta(days=365)).isoformat()
    page.fill("input[name=next_review_due]", next_year)
    page.click("text=Sign off this review")
    expect(page.get_by_text("signed off")).to_be_visible()
    page.goto(f"{accounts}{TOPIC}")
    status = page.locator(".review-status")
    expect(status).to_have_attribute("data-review-state", "reviewed")
    expect(status).to_contain_text("Browser Reviewer (test fixture), MD (test)")
    expect(page.locator(".review-notice")).to_have_count(0)
