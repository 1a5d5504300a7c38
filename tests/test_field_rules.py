"""The field rules the parsers check with are the ones the database holds to."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from wagtail.models import Page

from symptomdb import field_rules
from symptomdb.field_rules import web_address_problem
from symptomdb.helpfinder.models import Provider
from symptomdb.topics.blocks import SectionBlock, TreatmentItemBlock
from symptomdb.topics.models import Person, Reference, TopicCode, TopicPage
from symptomdb.validators import validate_web_address

FIELDS = [
    (Page, "title", field_rules.TITLE_MAX),
    (Page, "slug", field_rules.SLUG_MAX),
    (TopicPage, "summary", field_rules.SUMMARY_MAX),
    (TopicPage, "source_organisation", field_rules.ORGANISATION_MAX),
    (TopicPage, "source_url", field_rules.SOURCE_URL_MAX),
    (TopicPage, "licence", field_rules.LICENCE_MAX),
    (Person, "name", field_rules.PERSON_NAME_MAX),
    (Person, "credentials", field_rules.CREDENTIALS_MAX),
    (Person, "affiliation", field_rules.AFFILIATION_MAX),
    (Reference, "key", field_rules.REFERENCE_KEY_MAX),
    (TopicCode, "code", field_rules.CODE_MAX),
    (Provider, "website", field_rules.SOURCE_URL_MAX),
    (Provider, "source_url", field_rules.SOURCE_URL_MAX),
]


@pytest.mark.parametrize(
    ("model", "name", "limit"), FIELDS, ids=lambda v: getattr(v, "__name__", str(v))
)
def test_model_fields_hold_the_lengths_the_parsers_check(
    model: type, name: str, limit: int
) -> None:
    assert model._meta.get_field(name).max_length == limit


def test_section_blocks_hold_the_lengths_the_parser_checks() -> None:
    assert SectionBlock().child_blocks["heading"].field.max_length == field_rules.HEADING_MAX
    assert TreatmentItemBlock().child_blocks["name"].field.max_length == field_rules.ITEM_NAME_MAX


ADDRESSES = [
    "https://example.org/",
    "http://example.org/a?b=c#d",
    "https://www.nice.org.uk/guidance/cg113",
    "https://user:pass@example.org:8443/x",
    "http://localhost:8000/",
    "http://127.0.0.1/",
    "http://[::1]/",
    "https://xn--bcher-kva.example/",
    "https://bücher.example/",
    "HTTPS://EXAMPLE.ORG/",
    "javascript:alert(1)",
    "JavaScript://example.org/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "ftp://example.org/file",
    "file:///etc/passwd",
    "//example.org/x",
    "example.org",
    "https://",
    "https:///path",
    "https://example",
    "https://-bad.example.org/",
    "https://exa mple.org/",
    "https://example.org/\x00",
    "https://example.org:99999/",
    "https://example.org:port/",
    "https://" + "a" * 64 + ".org/",
    "https://example.org/" + "a" * 2100,
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_we_accept_django_accepts_too(address: str) -> None:
    # Otherwise a topic file could pass check-topics and fail to load.
    if web_address_problem(address) is None:
        URLValidator(schemes=["http", "https"])(address)  # raises if Django would refuse it


@pytest.mark.parametrize("address", ADDRESSES[:10])
def test_ordinary_web_addresses_are_accepted(address: str) -> None:
    assert web_address_problem(address) is None


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "https://example"]
)
def test_only_http_and_https_addresses_with_a_host_are_accepted(address: str) -> None:
    assert web_address_problem(address) is not None
    with pytest.raises(ValidationError):
        validate_web_address(address)
