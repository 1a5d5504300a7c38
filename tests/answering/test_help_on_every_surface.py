"""Every surface that shows help shows a number a reader can dial, and a crisis or emergency
answer leads with it, never says "no good answer" and never points to a pharmacist. At the
emergency level the answer is withheld: help only.

The crisis screen is being rewritten, so these tests accept crisis or emergency for the risky
texts and check what each level must do.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from symptomdb.community.form_tokens import form_token
from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db

TONIGHT = "i want to kill myself tonight"
RISKY_COMMENT = "I have been hurting myself again every night and I want to die."
RISKY = ("crisis", "emergency")
NEVER_IN_CRISIS = ("pharmacist", "no good answer")


@pytest.fixture
def topic(loaded_site: list[TopicDocument]) -> Any:
    from symptomdb.topics.models import TopicPage

    return TopicPage.objects.get(slug="self-injury")


def level_of(html: str) -> str:
    found = re.search(r'class="help-first leads level-(\w+)"', html)
    assert found, "no help block that leads"
    return found.group(1)


def first_tel_link(html: str) -> str:
    found = re.search(r'<a class="dial-number" href="(tel:[0-9+*]+)">', html)
    assert found, "no tel: link in the help block"
    return found.group(1)


def test_ask_with_no_country_leads_with_numbers_to_dial(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/ask/", {"q": TONIGHT}).content.decode()
    level = level_of(html)
    assert level in RISKY
    main = html[html.index('<main id="main"') :]
    assert main.index('class="dial-number"') < main.index("<h1>")
    assert first_tel_link(html) == "tel:988"
    for number in ("116 123", "13 11 14"):
        assert number in html
    assert "Or your local emergency number" in html
    assert not any(words in html.lower() for words in NEVER_IN_CRISIS)
    if level == "emergency":
        assert 'data-withheld="safety"' in html
        assert "answer-part" not in html and "See also" not in html


def test_ask_with_a_country_uses_its_lines(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/ask/", {"q": TONIGHT, "country": "GB"}).content.decode()
    assert first_tel_link(html) == "tel:116123"
    assert "Emergency:" in html and "999" in html
    assert "local emergency number" not in html.split("</section>")[0]


def test_spanish_ask_page_lists_the_spanish_lines(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/es/ask/", {"q": "me quiero matar esta noche"}).content.decode()
    assert level_of(html) in RISKY
    assert first_tel_link(html) == "tel:988"
    assert "024" in html and "800 911 2000" in html and "marca 2" in html
    assert not any(words in html.lower() for words in ("farmacéutic", "no tenemos una buena"))


def test_emergency_answer_is_withheld_on_the_page_and_in_the_api(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    text = "I have taken everything, this is goodbye"
    html = client.get("/ask/", {"q": text}).content.decode()
    data = client.get("/api/v1/answer", {"q": text}).json()
    assert data["screen"]["level"] == level_of(html)
    if data["screen"]["level"] == "emergency":
        assert data["withheld_for_safety"] is True
        assert data["parts"] == [] and data["related"] == []
        assert 'data-withheld="safety"' in html and "answer-part" not in html
    assert data["help"]["dial"][0]["tel"] == "tel:988"
    assert data["help"]["elsewhere"] == "or your local emergency number"


def test_answer_api_for_a_crisis_gives_numbers_to_dial(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    data = client.get("/api/v1/answer", {"q": TONIGHT}).json()
    assert data["screen"]["level"] in RISKY and data["needs_help_first"] is True
    assert [d["phone"] for d in data["help"]["dial"]] == ["988", "116 123", "13 11 14"]
    assert data["help"]["country_chosen"] is False
    assert data["withheld_for_safety"] is (data["screen"]["level"] == "emergency")
    data = client.get("/api/v1/answer", {"q": TONIGHT, "country": "AU"}).json()
    assert data["help"]["dial"][0]["phone"] == "13 11 14"


def test_ordinary_answer_is_not_withheld(client: Client, loaded_site: list[TopicDocument]) -> None:
    data = client.get("/api/v1/answer", {"q": "What are the treatments for self-harm?"}).json()
    assert data["withheld_for_safety"] is False and data["parts"]
    assert data["help"]["dial"]


def test_screen_api_with_no_country_gives_numbers_to_dial(client: Client) -> None:
    response = client.post(
        "/api/v1/screen", data=json.dumps({"text": TONIGHT}), content_type="application/json"
    )
    data = response.json()
    assert data["level"] in RISKY
    assert [d["tel"] for d in data["help"]["dial"]] == ["tel:988", "tel:116123", "tel:131114"]
    checked = [s for s in data["help"]["services"] if s["checked_on"]]
    assert all(s["check"].startswith("matches the organisation's page") for s in checked)


def test_search_page_uses_the_country_and_withholds_results_at_emergency(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = client.get("/search/", {"q": TONIGHT, "country": "IE"}).content.decode()
    assert level_of(html) in RISKY
    assert first_tel_link(html) == "tel:116123"
    assert 'name="country" data-reader-country value="IE"' in html
    html = client.get(
        "/search/", {"q": "I have taken everything, this is goodbye"}
    ).content.decode()
    if level_of(html) == "emergency":
        assert 'data-withheld="safety"' in html and 'class="results"' not in html
    api = client.get("/api/v1/search", {"q": TONIGHT}).json()
    assert api["help"]["dial"][0]["tel"] == "tel:988"
    if api["withheld_for_safety"]:
        assert api["items"] == [] and api["count"] == 0


def test_held_comment_shows_numbers_to_dial_with_no_country(topic: Any) -> None:
    response = Client().post(
        f"/community/comment/{topic.pk}/",
        {"text": RISKY_COMMENT, "form_token": form_token("comment")},
    )
    html = response.content.decode()
    assert 'data-outcome="held"' in html
    assert first_tel_link(html) == "tel:988"
    assert "116 123" in html and "13 11 14" in html
    assert not re.search(r"call a crisis line now:\s*</p>\s*<ul[^>]*>\s*</ul>", html)


def test_held_comment_uses_the_country_sent_with_it(topic: Any) -> None:
    response = Client().post(
        f"/community/comment/{topic.pk}/",
        {"text": RISKY_COMMENT, "country": "AU", "form_token": form_token("comment")},
    )
    assert first_tel_link(response.content.decode()) == "tel:131114"


def test_pages_offer_the_stored_country_to_their_forms(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    home = client.get("/").content.decode()
    assert 'name="country" data-reader-country disabled' in home
    topic = client.get("/topics/self-injury/").content.decode()
    assert 'id="comment-country" name="country" data-reader-country' in topic
    # Each country's numbers ship with the page, for the country the reader chose.
    assert '<template data-help-country="GB" data-part="dial">' in topic
    assert "/static/js/reader-country" in topic and "<script>" not in topic


def test_ask_command_leads_with_numbers_and_never_points_to_a_pharmacist(
    loaded_site: list[TopicDocument],
) -> None:
    out = io.StringIO()
    call_command("ask", TONIGHT, stdout=out)
    text = out.getvalue()
    assert text.splitlines()[1].startswith("  Call 988")
    assert not any(words in text.lower() for words in NEVER_IN_CRISIS)
    out = io.StringIO()
    call_command("ask", TONIGHT, "--country", "GB", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["help"]["dial"][0]["phone"] == "116 123"
    assert data["withheld_for_safety"] is (data["screen"]["level"] == "emergency")
