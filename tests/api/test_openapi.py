"""The OpenAPI document is valid, describes every endpoint and its errors; the docs are ours."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

OPERATIONS = [
    ("get", "/api/v1/topics"),
    ("get", "/api/v1/topics/{slug}"),
    ("get", "/api/v1/search"),
    ("get", "/api/v1/crisis-resources"),
    ("get", "/api/v1/answer"),
    ("post", "/api/v1/answer"),
    ("post", "/api/v1/screen"),
]


@pytest.fixture
def document(client: Client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_document_is_valid_openapi(document: dict) -> None:
    validate(document)  # raises on any violation of the OpenAPI specification
    assert document["info"]["version"] == "1"


def test_document_lists_exactly_our_operations(document: dict) -> None:
    found = [(m, p) for p, ops in document["paths"].items() for m in ops]
    assert sorted(found) == sorted(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_operation_documents_its_422_in_the_one_error_shape(
    document: dict, method: str, path: str
) -> None:
    operation = document["paths"][path][method]
    assert operation["summary"] and operation["description"]
    schema = operation["responses"]["422"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ErrorOut"}


def test_topic_detail_documents_404_and_lists_document_their_paging(document: dict) -> None:
    assert "404" in document["paths"]["/api/v1/topics/{slug}"]["get"]["responses"]
    for path in ("/api/v1/topics", "/api/v1/search"):
        params = {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}
        assert params["page"]["minimum"] == 1
        assert params["page_size"]["maximum"] == 100


def test_crisis_resources_country_is_documented_as_the_listed_codes(document: dict) -> None:
    [param] = document["paths"]["/api/v1/crisis-resources"]["get"]["parameters"]
    assert param["name"] == "country" and param["schema"]["type"] == "string"
    assert {"GB", "US", "IE"} <= set(param["schema"]["enum"])


def test_docs_page_loads_everything_from_this_site(client: Client) -> None:
    html = client.get("/api/v1/docs").content.decode()
    assert "/api/v1/openapi.json" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/static/") for s in sources)
    assert "cdn" not in html.lower()
