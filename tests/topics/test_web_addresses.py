"""Stored web addresses are http(s) only, in the admin as in topic and provider files; and
whatever the topic-file parser lets through, the database takes."""

from __future__ import annotations

import dataclasses
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from symptomdb import field_rules
from symptomdb.errors import ProviderFileInvalid
from symptomdb.helpfinder.directory import COLUMNS, parse_provider_csv
from symptomdb.importers.topic_markdown import PersonRecord, Provenance, TopicDocument
from symptomdb.topics.loading import load_documents
from symptomdb.topics.models import Person, Reference, TopicPage
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_the_admin_refuses_a_reference_whose_url_runs_script(admin_client: Client) -> None:
    csl = {"type": "webpage", "title": "A page", "URL": "javascript:alert(document.cookie)"}
    response = admin_client.post(
        "/admin/snippets/topics/reference/add/", {"key": "bad-ref", "csl": json.dumps(csl)}
    )
    assert response.status_code == 200
    assert "must start with http:// or https://" in response.content.decode()
    assert not Reference.objects.filter(key="bad-ref").exists()


def test_a_topic_refuses_a_provenance_address_other_than_http(
    loaded_site: list[TopicDocument],
) -> None:
    page = TopicPage.objects.get(slug="anxiety")
    page.source_url = "ftp://example.org/anxiety.txt"
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "http:// or https://" in " ".join(caught.value.message_dict["source_url"])


def test_a_provider_file_refuses_an_address_django_would_refuse() -> None:
    row = (
        "test-line,helpline,Test Line,suicide-prevention,,,US,,,en,Free,no,988,"
        "https://example..org/,https://example.org/line,,false"
    )
    with pytest.raises(ProviderFileInvalid) as caught:
        parse_provider_csv("\n".join([",".join(COLUMNS), row]), "p.csv", TODAY)
    assert "row 2, column `website`" in str(caught.value)


def test_a_topic_at_every_length_limit_loads_whole(
    starter_documents: list[TopicDocument],
) -> None:
    doc = next(d for d in starter_documents if d.slug == "anxiety")
    person = PersonRecord(
        "n" * field_rules.PERSON_NAME_MAX,
        "c" * field_rules.CREDENTIALS_MAX,
        "a" * field_rules.AFFILIATION_MAX,
    )
    long_url = "https://example.org/" + "p" * (field_rules.SOURCE_URL_MAX - 20)
    doc = dataclasses.replace(
        doc,
        title="T" * field_rules.TITLE_MAX,
        authors=(person,),
        related=(),
        provenance=Provenance(
            "o" * field_rules.ORGANISATION_MAX, "l" * field_rules.LICENCE_MAX, long_url
        ),
        sections=tuple(
            dataclasses.replace(s, heading="h" * field_rules.HEADING_MAX) for s in doc.sections
        ),
    )
    load_documents([doc])
    page = TopicPage.objects.get(slug="anxiety")
    assert page.title == doc.title and page.source_url == long_url
    assert Person.objects.get(name=person.name).affiliation == person.affiliation
