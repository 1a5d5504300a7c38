"""The ask page screens the question first and puts help before anything else when needed."""

from __future__ import annotations

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db


def test_crisis_question_leads_with_help_for_the_chosen_country(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get(
        "/ask/", {"q": "I don't want to be alive anymore", "country": "AU"}
    ).content.decode()
    help_at = html.index('class="help-first leads level-crisis"')
    assert help_at < html.index("<h1>Ask a health question</h1>")
    assert "13 11 14" in html and "000" in html


def test_emergency_question_puts_nothing_before_help(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/ask/", {"q": "I have taken everything, this is goodbye"}).content.decode()
    main = html[html.index('<main id="main"') :]
    assert main.index('data-level="emergency"') < main.index("<h1>")


def test_ordinary_question_gets_answers_and_help_after_them(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get(
        "/ask/", {"q": "What are the causes and treatments for self-injury?"}
    ).content.decode()
    assert 'href="/topics/self-injury/#' in html
    assert "help-first leads" not in html
    assert html.index('href="/topics/self-injury/#') < html.index('class="help-first level-none"')


def test_unrelated_question_shows_no_crisis_help(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/ask/", {"q": "how do I treat a sunburn"}).content.decode()
    assert "help-first" not in html
