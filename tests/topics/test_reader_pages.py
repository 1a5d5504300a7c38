"""Search, A–Z, about/editorial/privacy pages and the security headers (test client)."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from symptomdb.helpfinder.models import ScreenCount
from symptomdb.importers.topic_markdown import TopicDocument
from tests.conftest import add_imported_record

pytestmark = pytest.mark.django_db

STRICT_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "object-src": "'none'",
    "worker-src": "'self'",  # the safety plan's offline worker (/sw.js)
}


def directives(header: str) -> dict[str, str]:
    """A CSP header as {directive: sources} (django-csp does not keep one order)."""
    pairs = (d.strip().split(" ", 1) for d in header.split(";") if d.strip())
    return {name: sources for name, sources in pairs}


def html_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_search_finds_topics_and_links_their_sections(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = html_of(client, "/search/?q=self-harm+treatment")
    assert "<h1>Search results</h1>" in html
    results = html[html.index('class="results"') :]
    assert 'href="/topics/self-injury/"' in results
    assert 'href="/topics/self-injury/#treatment"' in results


def test_search_for_nothing_known_says_so(client: Client, loaded_site: list[TopicDocument]) -> None:
    html = html_of(client, "/search/?q=zzqxv")
    assert (
        "0 results for “zzqxv”" in html and "Nothing in our topics or collections matches" in html
    )


def test_crisis_words_in_a_search_get_help_first_and_only_a_count(
    client: Client, loaded_site: list[TopicDocument], caplog: pytest.LogCaptureFixture
) -> None:
    query = "i want to end it all tonight"
    with caplog.at_level(logging.DEBUG):
        html = html_of(client, "/search/?q=i+want+to+end+it+all+tonight")
    assert html.index('class="help-first leads') < html.index("<h1>")
    assert query not in caplog.text
    counts = list(ScreenCount.objects.filter(channel="search").values_list("level", "count"))
    assert counts and all(level in {"crisis", "emergency"} for level, _ in counts)


def test_search_matches_imported_records(client: Client, loaded_site: list[TopicDocument]) -> None:
    doc = add_imported_record()
    html = html_of(client, "/search/?q=persistent+hiccups")
    assert f'href="/collections/medquad/{doc.pk}/"' in html
    assert "Imported record from MedQuAD" in html


def test_a_to_z_jumps_to_each_letter(client: Client, loaded_site: list[TopicDocument]) -> None:
    html = html_of(client, "/topics/")
    for letter in {doc.title[0].upper() for doc in loaded_site}:
        assert f'href="#letter-{letter}"' in html and f'id="letter-{letter}"' in html


@pytest.mark.parametrize(
    ("url", "heading", "says"),
    [
        ("/about/", "About symptomdb", "It is not a diagnosis"),
        (
            "/editorial-policy/",
            "Editorial policy",
            "The starter topics have not yet been reviewed by a clinician.",
        ),
        ("/privacy/", "Privacy", "symptomdb never stores it and never writes it to its logs"),
    ],
)
def test_pages_about_us_say_the_important_thing_plainly(
    client: Client, url: str, heading: str, says: str
) -> None:
    html = html_of(client, url)
    assert f"<h1>{heading}</h1>" in html and says in html
    assert '<a class="help-now" href="/help/" data-quiet>Get help now</a>' in html


def test_home_page_has_ask_box_topics_what_it_is_not_and_help(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = html_of(client, "/")
    assert 'action="/ask/"' in html and 'name="q"' in html
    assert "What symptomdb is, and is not" in html and "It is not a diagnosis" in html
    assert html.count('href="/help/"') >= 2
    assert 'href="/topics/self-injury/"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/topics/",
        "/topics/self-injury/",
        "/ask/?q=anxiety",
        "/search/?q=anxiety",
        "/help/",
        "/privacy/",
    ],
)
def test_readers_pages_send_strict_security_headers_and_no_cookies(
    client: Client, loaded_site: list[TopicDocument], url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == STRICT_CSP
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert not response.cookies, f"{url} set {list(response.cookies)}"


def test_admin_gets_its_own_policy_with_inline_scripts_allowed(client: Client) -> None:
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'self'" and policy["default-src"] == "'self'"
