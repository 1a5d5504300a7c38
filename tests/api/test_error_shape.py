"""Every API error, whatever the endpoint or the cause, has the one shape."""

from __future__ import annotations

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db

BAD_REQUESTS = [
    ("get", "/api/v1/topics?page=0", 422),
    ("get", "/api/v1/topics?page_size=1000", 422),
    ("get", "/api/v1/topics/unknown-slug", 404),
    ("get", "/api/v1/search?q=", 422),
    ("get", "/api/v1/search?q=cough&page=x", 422),
    ("get", "/api/v1/crisis-resources?country=ZZ", 422),
    ("get", "/api/v1/answer?q=", 422),
    ("post", "/api/v1/screen", 400),
    ("get", "/api/v1/nope", 404),
    ("get", "/api/v1/topics/self-injury/extra/", 404),
]


@pytest.mark.parametrize(("method", "url", "status"), BAD_REQUESTS)
def test_error_has_code_message_and_fields(
    client: Client, loaded_site: list[TopicDocument], method: str, url: str, status: int
) -> None:
    if method == "post":
        response = client.post(url, data="not json", content_type="application/json")
    else:
        response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["message"]
    for field in body["error"]["fields"]:
        assert set(field) == {"field", "message"}
        assert field["field"] in url and field["message"]
    if status == 422:
        assert body["error"]["code"] == "invalid-parameter" and body["error"]["fields"]
