"""The page cache as a reader and an editor meet it (Django test client, real file cache)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from symptomdb.caching import invalidate_pages
from symptomdb.caching.generation import current_generation
from symptomdb.caching.middleware import page_key
from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.models import Person, TopicPage

pytestmark = pytest.mark.django_db

TOPIC = "/topics/self-injury/"


@pytest.fixture(autouse=True)
def page_cache(settings: Any, tmp_path: Path) -> Path:
    """The production cache backend (files), in a folder of this test's own."""
    folder = tmp_path / "page-cache"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
        },
    }
    return folder


def fetch(client: Client, url: str, **extra: Any) -> tuple[int, str, str | None]:
    response = client.get(url, **extra)
    return response.status_code, response.content.decode(), response.get("X-Cache")


def test_second_request_is_served_from_the_cache_without_touching_the_database(
    client: Client,
    loaded_site: list[TopicDocument],
    django_assert_num_queries: Callable[..., Any],
) -> None:
    status, first, state = fetch(client, TOPIC)
    assert (status, state) == (200, "miss")
    with django_assert_num_queries(0):
        status, second, state = fetch(client, TOPIC)
    assert (status, state) == (200, "hit")
    assert second == first
    for url in ("/", "/topics/", "/help/", "/help/?country=GB"):
        assert fetch(client, url)[2] == "miss"
        assert fetch(client, url)[2] == "hit"


def test_publishing_a_changed_topic_shows_the_new_text_on_the_next_request(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    fetch(client, TOPIC)
    assert fetch(client, TOPIC)[2] == "hit"
    page = TopicPage.objects.get(slug="self-injury")
    page.summary = "A newly published summary for this test."
    page.save_revision().publish()
    status, html, state = fetch(client, TOPIC)
    assert (status, state) == (200, "miss")
    assert "A newly published summary for this test." in html
    # The home page and the A-Z list show summaries too: they are fresh as well.
    assert "A newly published summary for this test." in fetch(client, "/")[1]


def test_saving_a_draft_keeps_serving_the_published_page(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    fetch(client, TOPIC)
    page = TopicPage.objects.get(slug="self-injury")
    page.summary = "A draft nobody should see yet."
    page.save_revision()
    status, html, state = fetch(client, TOPIC)
    assert (status, state) == (200, "hit")
    assert "A draft nobody should see yet." not in html


def test_unpublishing_a_topic_gives_404_at_once(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    fetch(client, TOPIC)
    TopicPage.objects.get(slug="self-injury").unpublish()
    assert fetch(client, TOPIC)[0] == 404
    assert fetch(client, TOPIC)[0] == 404
    assert "Self-injury" not in fetch(client, "/topics/")[1]


def test_deleting_a_topic_gives_404_at_once(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    fetch(client, TOPIC)
    TopicPage.objects.get(slug="self-injury").delete()
    assert fetch(client, TOPIC)[0] == 404


def test_editing_a_person_shows_on_the_pages_that_name_them(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = fetch(client, TOPIC)[1]
    page = TopicPage.objects.get(slug="self-injury")
    person = Person.objects.get(pk=page.authors.first().person_id)
    assert person.name in html
    person.name = "Renamed Contributors Group"
    person.save()
    assert "Renamed Contributors Group" in fetch(client, TOPIC)[1]


def test_a_password_protected_page_is_never_served_from_the_cache(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    fetch(client, TOPIC)
    assert fetch(client, TOPIC)[2] == "hit"
    page = TopicPage.objects.get(slug="self-injury")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="a-long-password"
    )
    # The restriction takes effect at once, and the password form (it sets the CSRF
    # cookie) is not stored for the next reader.
    for _ in range(2):
        response = Client().get(TOPIC)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response.cookies and response.get("X-Cache") is None


def test_signed_in_editors_and_the_admin_always_get_fresh_pages(
    client: Client, admin_client: Client, loaded_site: list[TopicDocument]
) -> None:
    fetch(client, TOPIC)
    assert fetch(admin_client, TOPIC)[2] is None
    for url in ("/admin/", "/admin/login/"):
        for c in (admin_client, client):
            assert fetch(c, url)[2] is None
            assert fetch(c, url)[2] is None


def test_previews_answers_and_the_api_are_not_cacheable(
    loaded_site: list[TopicDocument],
) -> None:
    page = TopicPage.objects.get(slug="self-injury")
    factory = RequestFactory()
    for url in (
        f"/admin/pages/{page.id}/edit/preview/",
        f"/admin/pages/{page.id}/view_draft/",
        "/ask/?q=What+are+the+causes+and+treatments+for+self-injury%3F",
        "/api/v1/topics",
    ):
        assert page_key(factory.get(url)) is None, url
    assert page_key(factory.get(TOPIC)) is not None
    assert page_key(factory.head(TOPIC)) is None


def test_answers_are_never_stored_in_the_cache(
    client: Client, loaded_site: list[TopicDocument], page_cache: Path
) -> None:
    url = "/ask/?q=What+are+the+causes+and+treatments+for+self-injury%3F"
    current_generation()
    files_before = set(page_cache.iterdir())
    for _ in range(2):
        status, _, state = fetch(client, url)
        assert (status, state) == (200, None)
    assert set(page_cache.iterdir()) == files_before


def test_query_strings_and_cookies_other_than_csrf_bypass_the_cache(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    for url in (f"{TOPIC}?utm_source=x", "/help/?country=GB&x=1", "/help/?country=<script>"):
        assert fetch(client, url)[2] is None
        assert fetch(client, url)[2] is None
    fetch(client, TOPIC)
    assert fetch(client, TOPIC, HTTP_COOKIE="csrftoken=abc")[2] == "hit"
    assert fetch(client, TOPIC, HTTP_COOKIE="sessionid=abc")[2] is None
    assert fetch(client, TOPIC, HTTP_COOKIE="country=GB")[2] is None


def test_invalidating_inside_a_transaction_invalidates_again_after_commit(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    before = current_generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invalidate_pages()
        during = current_generation()
    assert during != before and len(callbacks) == 1
    callbacks[0]()
    assert current_generation() not in (before, during)


def test_a_lost_generation_starts_a_new_one(
    client: Client, loaded_site: list[TopicDocument], page_cache: Path
) -> None:
    fetch(client, TOPIC)
    for file in page_cache.iterdir():
        file.unlink()
    assert fetch(client, TOPIC)[2] == "miss"
    assert fetch(client, TOPIC)[2] == "hit"
