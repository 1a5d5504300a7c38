"""The readers' tools as the server renders them: the same page for everyone, no forms that
post, suggestions in the markup, cacheable, and quick exit on every page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument
from symptomdb.tools.templatetags.tools import DEFAULT_QUICK_EXIT_URL

pytestmark = pytest.mark.django_db

PLAN = "/tools/safety-plan/"
COPING = "/tools/coping/"


class Markup(HTMLParser):
    """The tags of a page with their attributes (an attribute without a value is "")."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())
        ]


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_plan_has_the_six_steps_and_reasons_for_living_and_cites_its_source(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = page(client, PLAN)
    headings = [
        "Warning signs",
        "Things I can do on my own",
        "People and places that take my mind off things",
        "People I can ask for help",
        "Professionals and crisis lines",
        "Making my surroundings safer",
    ]
    positions = [html.index(f"Step {n}:") for n in range(1, 7)]
    assert positions == sorted(positions)
    for heading in [*headings, "My reasons for living"]:
        assert f'<span class="step-title">{heading}</span>' in html
    assert "Stanley B, Brown GK" in html and "10.1016/j.cbpra.2011.01.001" in html
    # Safe messaging: the surroundings step asks for someone's help and names no method.
    assert "keep things you might use to hurt yourself out of reach" in html


def test_opened_from_a_topic_the_plan_carries_its_coping_ideas_in_the_markup(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    plain = page(client, PLAN)
    html = page(client, f"{PLAN}?topic=self-injury")
    for idea in ("Delay the urge", "Grounding", "Reach out to someone"):
        assert f"<li data-suggestion>{idea}</li>" in html
        assert f"<li data-suggestion>{idea}</li>" not in plain
    assert "coping section of <strong>Self-injury</strong>" in html


def test_crisis_lines_for_every_country_are_in_templates_and_the_chosen_one_is_printed(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = page(client, f"{PLAN}?country=GB")
    markup = Markup(html)
    plan_lines = {t["data-country"] for t in markup.find("template") if "data-country" in t}
    assert plan_lines >= {"GB", "US", "IE", ""}
    assert "<li data-suggestion data-country-line>Samaritans: call 116 123</li>" in html
    assert "<li data-suggestion data-country-line>Emergency number: 999</li>" in html
    assert markup.find("div", id="safety-plan")[0]["data-chosen-country"] == "GB"


@pytest.mark.parametrize("query", ["topic=no-such-topic", "country=ZZ"])
def test_an_unknown_topic_or_country_redirects_to_the_plain_plan(
    client: Client, loaded_site: list[TopicDocument], query: str
) -> None:
    response = client.get(f"{PLAN}?{query}")
    assert response.status_code == 302
    assert response["Location"] == PLAN


@pytest.mark.parametrize("url", [PLAN, f"{PLAN}?topic=self-injury", COPING, "/help/"])
def test_nothing_on_the_tools_pages_posts_to_the_server(
    client: Client, loaded_site: list[TopicDocument], url: str
) -> None:
    markup = Markup(page(client, url))
    for form in markup.find("form"):
        assert (form.get("method") or "get").lower() == "get", form
    if url.startswith("/tools/"):
        # The tools need no form at all; the only one is the site's country picker in the
        # help line (a GET to /help/ that sends nothing but the country the reader picks).
        tools_forms = [f for f in markup.find("form") if f.get("class") != "country-pick"]
        assert tools_forms == [], "the tools need no form at all"
    for tag, attrs in markup.tags:
        assert "formaction" not in attrs and "formmethod" not in attrs, (tag, attrs)


@pytest.fixture
def page_cache(settings: Any, tmp_path: Path) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "page-cache"),
        },
    }


@pytest.mark.parametrize("url", [PLAN, f"{PLAN}?topic=self-injury&country=GB", COPING])
def test_the_tools_pages_are_the_same_for_everyone_and_served_from_the_page_cache(
    client: Client, loaded_site: list[TopicDocument], page_cache: None, url: str
) -> None:
    first = client.get(url)
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    assert not first.cookies
    second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_the_service_worker_is_served_from_the_root_as_javascript(client: Client) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert "'/tools/safety-plan/'" in body and "'/help/'" in body
    # It never reads or stores what a reader writes.
    assert "localStorage" not in body.replace("the plan lives in localStorage", "")


def test_worker_src_is_in_the_content_security_policy(client: Client) -> None:
    policy = client.get("/sw.js")["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "url", ["/", "/topics/", "/topics/self-injury/", "/help/", "/privacy/", PLAN, COPING]
)
def test_every_page_has_a_quick_exit_link_to_a_neutral_site(
    client: Client, loaded_site: list[TopicDocument], url: str
) -> None:
    markup = Markup(page(client, url))
    (link,) = markup.find("a", data_quick_exit="")
    assert link["href"] == DEFAULT_QUICK_EXIT_URL
    assert link.get("rel") == "noreferrer"
    assert any(s.get("src", "").endswith("js/quick-exit.js") for s in markup.find("script"))


def test_sensitive_topics_and_the_help_page_offer_the_plan_and_the_toolkit(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    topic = Markup(page(client, "/topics/self-injury/"))
    hrefs = {a.get("href") for a in topic.find("a", data_quiet="")}
    assert f"{PLAN}?topic=self-injury" in hrefs and COPING in hrefs
    helps = Markup(page(client, "/help/?country=GB"))
    hrefs = {a.get("href") for a in helps.find("a", data_quiet="")}
    assert f"{PLAN}?country=GB" in hrefs and COPING in hrefs
    coping = Markup(page(client, COPING))
    assert PLAN in {a.get("href") for a in coping.find("a", data_quiet="")}


def test_the_quick_exit_address_is_an_operator_setting(
    client: Client, loaded_site: list[TopicDocument], settings: Any
) -> None:
    settings.SYMPTOMDB_QUICK_EXIT_URL = "https://www.example.org/"
    (link,) = Markup(page(client, "/about/")).find("a", data_quick_exit="")
    assert link["href"] == "https://www.example.org/"


def test_the_privacy_page_says_what_stays_in_the_browser_and_how_to_clear_history(
    client: Client, loaded_site: list[TopicDocument]
) -> None:
    html = page(client, "/privacy/")
    for anchor in ('id="in-your-browser"', 'id="quick-exit"', 'id="clearing-history"'):
        assert anchor in html
    for browser in ("Chrome", "Firefox", "Edge", "Safari on an iPhone", "Samsung Internet"):
        assert browser in html
    assert "docs/privacy.md" in html


def test_docs_name_every_key_and_cache_the_tools_keep_in_the_browser() -> None:
    root = Path(__file__).resolve().parents[2]
    doc = (root / "docs" / "privacy.md").read_text(encoding="utf-8")
    sources = [
        *(root / "symptomdb" / "static" / "js").glob("*.js"),
        *(root / "symptomdb" / "templates" / "tools").glob("*.html"),
    ]
    names: set[str] = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        names.update(re.findall(r"['\"](symptomdb[.-][a-z0-9.-]+)['\"]", text))
    names -= {"symptomdb-quiet-page", "symptomdb-offline-pages"}  # <meta> names, not storage
    assert {"symptomdb.safety-plan", "symptomdb-offline-v1"} <= names
    missing = sorted(name for name in names if f"`{name}`" not in doc)
    assert not missing, f"docs/privacy.md does not name: {missing}"
