"""Error pages that help (test client): a 404 or 500 in the site's layout, in the reader's
language, with help, search and topics A–Z; a topic slug's 404 suggests the nearest topics."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings
from django.urls import path

from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.topics.nearest import nearest_topics
from symptomdb.urls import urlpatterns as site_urlpatterns

TOPICS = [
    ("self-injury", "Self-injury", ("self-injury", "self-harm", "NSSI", "self-mutilation")),
    ("depression", "Depression", ("depression",)),
    ("anxiety", "Anxiety", ("anxiety", "panic attacks")),
]


def test_a_synonym_a_misspelling_or_part_of_a_name_finds_the_topic() -> None:
    def nearest(guess: str) -> list[str]:
        return [n.topic for n in nearest_topics(guess, TOPICS)]

    assert nearest("self-harm") == ["self-injury"]
    assert nearest_topics("self-harm", TOPICS)[0].matched == "self-harm"
    assert nearest("Self_Injury") == ["self-injury"]
    assert nearest("depresion") == ["depression"]
    assert nearest("panic") == ["anxiety"]
    assert nearest("gardening") == []
    assert nearest("a") == []


@pytest.mark.django_db
def test_a_topic_slug_that_does_not_exist_suggests_the_topic_by_its_synonym(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    response = client.get("/topics/self-harm/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html and "site-header" in html and "site-footer" in html
    suggestions = html.split('id="suggestions-heading"', 1)[1].split("</section>", 1)[0]
    assert re.search(r'<a href="/topics/self-injury/">Self-injury</a>', suggestions)
    assert "also called self-harm" in suggestions
    # Help, search and topics A–Z are all there.
    assert '<a class="help-now" href="/help/" data-quiet>Get help now</a>' in html
    assert 'href="tel:988"' in html  # the one line of help, with numbers to dial
    assert 'action="/search/"' in html and 'name="q"' in html
    topics = html.split('id="topics-heading"', 1)[1].split("</section>", 1)[0]
    assert '<a href="/topics/depression/">Depression</a>' in topics
    assert "set-cookie" not in {h.lower() for h in response.headers}


def test_a_spanish_404_is_in_spanish_with_spanish_suggestions(
    client: Client, bilingual_site: list[TopicDocument]
) -> None:
    # The English topics and their Spanish translations (starter/es/).
    response = client.get("/es/topics/autolesiones/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "No encontramos esa página" in html
    assert '<a href="/es/topics/autolesion/">Autolesión</a>' in html
    assert "Temas de la A a la Z" in html
    assert 'href="tel:988"' in html and "Estados Unidos" in html


@pytest.mark.django_db
def test_a_page_nothing_is_near_still_offers_search_topics_and_help(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/nothing-here-at-all/").content.decode()
    assert 'id="suggestions-heading"' not in html
    assert "We could not find that page" in html
    assert 'href="/help/"' in html and 'action="/search/"' in html
    assert '<a href="/topics/self-injury/">Self-injury</a>' in html


def _broken(request: object) -> None:
    raise RuntimeError("a bug, for the test")


urlpatterns = [path("broken/", _broken), *site_urlpatterns]
handler404 = "symptomdb.pages.views.not_found"
handler500 = "symptomdb.pages.views.server_error"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_is_in_the_layout_with_help_search_and_topics(
    loaded_site: list[TopicDocument],
) -> None:
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and "site-header" in html
    assert '<a class="help-now" href="/help/" data-quiet>Get help now</a>' in html
    assert 'href="tel:988"' in html
    assert 'action="/search/"' in html and 'href="/topics/"' in html
    assert "a bug, for the test" not in html


def test_when_the_layout_itself_fails_the_500_page_still_gives_numbers_to_dial(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.test import RequestFactory

    from symptomdb.pages import views

    def fail(*args: object, **kwargs: object) -> str:
        raise RuntimeError("the database is down")

    monkeypatch.setattr(views, "render_to_string", fail)
    response = views.server_error(RequestFactory().get("/broken/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert 'href="tel:988"' in html and 'href="tel:116123"' in html and 'href="/help/"' in html
