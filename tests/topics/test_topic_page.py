"""What a reader sees on topic pages, the home page and the A–Z list (Django test client)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument

pytestmark = pytest.mark.django_db


def text_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_topic_page_shows_content_people_dates_and_references(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = text_of(client, "/topics/self-injury/")
    doc = next(d for d in loaded_site if d.slug == "self-injury")
    assert "<h1>Self-injury</h1>" in html
    assert "Also called: self-harm, non-suicidal self-injury, NSSI, self-mutilation" in html
    for section in doc.sections:
        assert f'data-kind="{section.kind}"' in html
    assert 'data-item-type="therapy"' in html and "Dialectical behaviour therapy" in html
    assert 'data-item-type="medication"' in html
    assert "symptomdb contributors" in html
    assert "Not yet reviewed by a clinician" in html
    for label in ("First published", "Last updated", "Last reviewed", "Next review due"):
        assert f"<dt>{label}</dt>" in html
    assert "24 November 2026" in html and "24 November 2027" in html
    assert 'id="ref-nice-ng225"' in html
    assert "Self-harm: assessment, management and preventing recurrence" in html
    # Citations in the text link to the numbered reference list.
    assert re.search(r'<sup class="cite">\[<a href="#ref-[\w.:-]+"[^>]*>\d+</a>', html)
    assert 'href="/help/"' in html and "Get help now" in html


def test_sensitive_topic_opens_with_crisis_lines_and_others_do_not(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    sensitive = text_of(client, "/topics/self-injury/")
    panel = sensitive.index('class="crisis-panel"')
    assert panel < sensitive.index('data-kind="information"')
    assert "116 123" in sensitive and "988" in sensitive
    assert 'class="crisis-panel"' not in text_of(client, "/topics/anxiety/")


def test_every_page_has_get_help_now(client: Client, loaded_site: list[TopicDocument]) -> None:
    for url in ("/", "/topics/", "/topics/depression/", "/help/"):
        assert '<a class="help-now" href="/help/" data-quiet>Get help now</a>' in text_of(
            client, url
        )


def test_home_and_index_list_every_published_topic(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    for url in ("/", "/topics/"):
        html = text_of(client, url)
        for doc in loaded_site:
            assert f'href="/topics/{doc.slug}/"' in html


def test_related_topics_link_to_each_other(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = text_of(client, "/topics/self-injury/")
    related = html[html.index('id="related-heading"') :]
    assert 'href="/topics/suicidal-thoughts/"' in related


def test_html_typed_into_a_section_is_neutralised(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    from symptomdb.topics.models import TopicPage

    page = TopicPage.objects.get(slug="anxiety")
    block = page.body[0]
    block.value["body"] = (
        'Hello <script>alert("x")</script> [bad](javascript:alert(1)) <b onclick="x()">b</b>'
    )
    page.save_revision().publish()
    html = text_of(client, "/topics/anxiety/")
    assert "<script>alert" not in html
    assert 'href="javascript' not in html
    assert "<b onclick" not in html
    assert "&lt;script&gt;" in html  # shown as text, never run


NEW_SECTIONS = [
    ("assessment", "What happens at an assessment", None),
    ("inpatient-care", "Hospital and intensive care", None),
    ("injury-care", "Looking after an injury", None),
    ("scars", "Scars", None),
    ("support-young-people", "If you are a young person", "For young people"),
    ("helping-others-parents-carers", "If you are a parent or carer", "For parents and carers"),
    (
        "helping-others-teachers-schools",
        "For teachers and school staff",
        "For teachers and schools",
    ),
]


def section_html(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(("anchor", "heading", "audience_note"), NEW_SECTIONS)
def test_self_injury_page_has_the_care_and_audience_sections_with_their_headings(
    anchor: str,
    heading: str,
    audience_note: str | None,
    client: Client,
    loaded_site: list[TopicDocument],
) -> None:
    html = text_of(client, "/topics/self-injury/")
    section = section_html(html, anchor)
    assert f"<h2>{heading}</h2>" in section
    assert f'<li><a href="#{anchor}">{heading}</a></li>' in html  # "On this page"
    assert '<sup class="cite">' in section  # every new section cites its sources
    if audience_note is None:
        assert "section-audience" not in section
    else:
        assert f">{audience_note}</p>" in section.split("</h2>", 1)[1].split("<p>", 1)[0]


def test_only_sections_for_one_audience_name_it(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = text_of(client, "/topics/self-injury/")
    assert html.count('class="section-audience"') == 3
    assert "section-audience" not in section_html(html, "helping-others")


def test_urgent_care_is_said_in_general_terms_and_points_to_emergency_help(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    section = section_html(text_of(client, "/topics/self-injury/"), "injury-care")
    assert "Call your local emergency number" in section
    assert "the bleeding does not stop when you press on the wound" in section
    assert "you are not sure how serious it is" in section


def test_references_say_each_field_once(client: Client, loaded_site: list[TopicDocument]) -> None:
    html = text_of(client, "/topics/self-injury/")
    samaritans = re.search(r'<li id="ref-samaritans">(.*?)</li>', html, re.S)
    lifeline = re.search(r'<li id="ref-lifeline-988">(.*?)</li>', html, re.S)
    assert samaritans is not None and lifeline is not None
    assert samaritans.group(1).startswith("Samaritans. <a ")
    assert lifeline.group(1).startswith("988 Suicide &amp; Crisis Lifeline. <a ")
    assert "Samaritans Samaritans" not in html
    # A report by an organisation still names it, its publisher and its number.
    nice = re.search(r'<li id="ref-nice-ng225">(.*?) <a ', html, re.S)
    assert nice is not None
    assert nice.group(1) == (
        "National Institute for Health and Care Excellence (2022). Self-harm: assessment, "
        "management and preventing recurrence. NICE. NG225."
    )


def test_treatment_badges_use_the_vocabulary_names(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = text_of(client, "/topics/self-injury/")
    badges = set(re.findall(r'<span class="item-type">([^<]+)</span>', html))
    assert "Support group" in badges and "Self-care" in badges and "Therapy" in badges
    assert not badges & {"Supportgroup", "Selfcare"}
