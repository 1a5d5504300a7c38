"""The HL7 Infobutton endpoint answers MedlinePlus Connect-style requests with topics."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.test import Client

ICD = "2.16.840.1.113883.6.90"
SNOMED = "2.16.840.1.113883.6.96"
ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.usefixtures("loaded_site")


def ask(client: Client, code: str, system: str = ICD, **extra: str) -> Any:
    params = {
        "mainSearchCriteria.v.cs": system,
        "mainSearchCriteria.v.c": code,
        "knowledgeResponseType": "application/json",
        **extra,
    }
    return client.get("/infobutton/", params)


def entries(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.content
    return list(response.json()["feed"]["entry"])


def test_medlineplus_style_request_for_nonsuicidal_self_harm_returns_the_topic(
    client: Client,
) -> None:
    response = ask(
        client,
        "R45.88",
        **{
            "mainSearchCriteria.v.dn": "Nonsuicidal self-harm",
            "informationRecipient.languageCode.c": "en",
            "patientPerson.administrativeGenderCode.c": "F",
            "age.v.v": "15",
            "age.v.u": "a",
        },
    )
    feed = response.json()["feed"]
    [entry] = feed["entry"]
    assert entry["title"]["_value"] == "Self-injury"
    assert entry["link"][0]["href"] == "http://testserver/topics/self-injury/"
    assert entry["summary"]["_value"].startswith("Self-injury means hurting yourself")
    assert entry["updated"]["_value"] == "2026-12-06" and entry["lang"] == "en"
    assert {"scheme": "age", "term": "15 years"} in feed["category"]
    assert feed["subtitle"]["_value"] == "1 topic for ICD-10-CM R45.88 (Nonsuicidal self-harm)"


def test_an_intentional_self_harm_code_finds_the_topic_through_its_block(client: Client) -> None:
    [entry] = entries(ask(client, "X78.9XXA"))
    assert entry["title"]["_value"] == "Self-injury"
    assert {"scheme": "match", "term": "parent"} in entry["category"]
    assert {"scheme": "matched-code", "term": "X71-X83"} in entry["category"]


def test_exact_codes_of_other_topics(client: Client) -> None:
    assert [e["title"]["_value"] for e in entries(ask(client, "R45.851"))] == ["Suicidal thoughts"]
    assert [e["title"]["_value"] for e in entries(ask(client, "f43.10"))] == [
        "Post-traumatic stress disorder (PTSD)"
    ]


def test_snomed_ct_codes_match_where_mapped(client: Client) -> None:
    assert [e["title"]["_value"] for e in entries(ask(client, "35489007", SNOMED))] == [
        "Depression"
    ]
    assert entries(ask(client, "20010003", SNOMED)) == []


def test_a_valid_code_no_topic_covers_returns_an_empty_feed(client: Client) -> None:
    assert entries(ask(client, "A00.0")) == []
    assert entries(ask(client, "R45.80")) == []  # not an ICD-10-CM code at all


def test_unknown_code_system_is_a_400_naming_the_parameter(client: Client) -> None:
    response = ask(client, "R45.88", system="2.16.840.1.113883.6.103")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == "mainSearchCriteria.v.cs"
    assert "2.16.840.1.113883.6.103" in error["message"] and ICD in error["message"]


def test_missing_code_is_a_400_naming_the_parameter(client: Client) -> None:
    response = client.get("/infobutton/", {"mainSearchCriteria.v.cs": ICD})
    assert response.status_code == 400
    assert response.content.decode().startswith("parameter `mainSearchCriteria.v.c`: required")


def test_atom_response_parses_and_carries_the_same_topics(client: Client) -> None:
    response = ask(client, "R45.88", knowledgeResponseType="text/xml")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Self-injury"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/topics/self-injury/"
    assert entry.findtext(f"{ATOM}summary", "").startswith("Self-injury means")
    assert feed.findtext(f"{ATOM}updated")


def test_atom_is_the_default_response_type(client: Client) -> None:
    response = client.get(
        "/infobutton/", {"mainSearchCriteria.v.cs": ICD, "mainSearchCriteria.v.c": "R45.88"}
    )
    assert ET.fromstring(response.content).tag == f"{ATOM}feed"


def test_json_body_is_valid_json_with_a_feed(client: Client) -> None:
    body = json.loads(ask(client, "R45.88").content)
    assert set(body) == {"feed"} and body["feed"]["title"]["_value"]


PARAMETERS = {
    "mainSearchCriteria.v.cs": ICD,
    "mainSearchCriteria.v.c": "R45.88",
    "mainSearchCriteria.v.dn": "Self-harm",
    "informationRecipient.languageCode.c": "en",
    "patientPerson.administrativeGenderCode.c": "F",
    "age.v.v": "15",
    "age.v.u": "a",
}


def test_a_character_xml_cannot_hold_is_a_400_naming_the_parameter(client: Client) -> None:
    # One site for every case: loading the starter topics is the slow part.
    answers = {}
    for parameter in PARAMETERS:
        for character in ("%01", "%00", "%EF%BF%BE", "%0B"):
            query = "&".join(
                f"{name}={value}{character if name == parameter else ''}"
                for name, value in PARAMETERS.items()
            )
            response = client.get(f"/infobutton/?{query}")
            answers[parameter, character] = (
                response.status_code,
                response.content.decode().split(":")[0],
            )
    assert answers == {key: (400, f"parameter `{key[0]}`") for key in answers}


def test_an_age_must_be_a_finite_number(client: Client) -> None:
    answers = {}
    for age in ("nan", "NaN", "inf", "-inf", "1e400"):
        response = ask(client, "R45.88", **{"age.v.v": age})
        answers[age] = (response.status_code, response.json()["error"]["parameter"])
    assert answers == dict.fromkeys(answers, (400, "age.v.v"))


def test_a_control_character_an_editor_typed_does_not_break_the_feed(client: Client) -> None:
    from symptomdb.topics.models import TopicPage

    TopicPage.objects.filter(slug="self-injury").update(
        title="Self\x0binjury", summary="Pasted\x01 from a word processor\ufffe."
    )
    response = ask(client, "R45.88", knowledgeResponseType="text/xml")
    [entry] = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Selfinjury"
    assert entry.findtext(f"{ATOM}summary") == "Pasted from a word processor."
