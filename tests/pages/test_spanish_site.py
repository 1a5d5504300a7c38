"""The whole Spanish site (issue 17, item 4): no reader-facing interface string is left in
English on /es/ pages.

Two checks, because each misses what the other catches:

- the catalogue check: every msgid the templates and the code use is in
  ``locale/es/LC_MESSAGES/django.po`` with a non-empty, non-fuzzy Spanish msgstr (a string
  wrapped but never translated);
- the rendered-page check: every reader-facing /es/ page, rendered with the test client,
  shows none of the catalogue's English phrases (a string translated but not shown in
  Spanish, e.g. evaluated before the language was chosen) and no running English text at all
  (a string nobody wrapped, which no catalogue can know about).

Two kinds of text are legitimately not Spanish and are skipped: an element whose ``lang``
says it is in another language (WCAG 3.1.2, language of parts), and the reference list
(``ol.reference-list``), where each work is cited under its published title, mostly English.
Web addresses are not prose and are skipped too. Names of services that describe themselves
in English ("Find A Helpline (directory of …)") are not skipped: their description is
translated through the catalogue (``helpfinder/translated_names.py``).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.test import Client

from symptomdb.importers.topic_markdown import TopicDocument
from tests.conftest import add_imported_record

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "symptomdb"
PO_PATH = PACKAGE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"

# Every reader-facing page under /es/ (the admin and the moderators' pages are English-only).
SPANISH_PAGES = [
    "/es/",
    "/es/topics/",
    "/es/topics/autolesion/",
    "/es/topics/pensamientos-suicidas/",
    "/es/topics/depresion/",
    "/es/topics/ansiedad/",
    "/es/topics/trastorno-de-estres-postraumatico/",
    "/es/topics/trastornos-de-la-conducta-alimentaria/",
    "/es/topics/trastorno-limite-de-la-personalidad/",
    "/es/search/",
    "/es/search/?q=autolesión",
    "/es/ask/",
    "/es/ask/?q=¿Cómo puedo ayudar a alguien que se autolesiona?",
    "/es/help/",
    "/es/help/find/",
    "/es/help/find/?where=10001",
    "/es/help/find/?where=10001&unit=km&specialty=self-harm",
    "/es/help/find/?where=nowhere-at-all",
    "/es/about/",
    "/es/editorial-policy/",
    "/es/privacy/",
    "/es/tools/safety-plan/",
    "/es/tools/coping/",
    "/es/topics/autolesion-no-existe/",  # the 404 page
]

# Words that appear in running English but never in Spanish. A text run with two of them is
# English prose. (Single words are allowed: "Email" or a brand may be shared.)
ENGLISH_WORDS = frozenset(
    {
        "the",
        "and",
        "of",
        "to",
        "you",
        "your",
        "is",
        "are",
        "for",
        "with",
        "this",
        "that",
        "not",
        "what",
        "how",
        "when",
        "who",
        "where",
        "from",
        "have",
        "has",
        "was",
        "were",
        "will",
        "can",
        "about",
        "help",
        "find",
        "near",
        "page",
        "our",
        "we",
        "it",
        "or",
        "by",
        "on",
        "at",
        "as",
        "an",
        "if",
        "be",
        "within",
        "first",
        "nearest",
        "service",
        "services",
        "only",
        "more",
        "than",
        "these",
        "they",
    }
)
# Short English msgids are also Spanish words or names ("No", "Email", "MedQuAD"); phrases of
# at least this many letters and two words are distinctive enough to look for.
MIN_PHRASE_LETTERS = 12


class VisibleText(HTMLParser):
    """The text a reader sees or hears: text nodes and the attributes screen readers read,
    leaving out scripts, styles and anything inside an element with ``lang`` other than es.
    ``<template>`` content is kept: reader-country.js shows it when a reader picks a country."""

    SKIP = frozenset({"script", "style"})
    VOID = frozenset(
        {
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.runs: list[str] = []

    def _skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        skipped = (
            self._skipped()
            or tag in self.SKIP
            or (lang is not None and not lang.startswith("es") and tag != "html")
            or "reference-list" in (values.get("class") or "").split()
        )
        if not skipped:
            for name, value in values.items():
                # What screen readers read, and the texts the tools' scripts show
                # (data-t-*, data-say-*: "Saved in this browser only.", "Breathe in").
                if value and (
                    name in ("aria-label", "placeholder", "alt", "title")
                    or name.startswith(("data-t-", "data-say-"))
                ):
                    self.runs.append(value)
        if tag not in self.VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipped() and data.strip():
            self.runs.append(data)


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    web_address = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")
    return [" ".join(web_address.sub(" ", run).split()) for run in parser.runs]


def english_runs(runs: list[str]) -> list[str]:
    found = []
    for run in runs:
        words = re.findall(r"[\w']+", run.lower())  # whole words: "preferirías" is not "as"
        if len({w for w in words if w in ENGLISH_WORDS}) >= 2:
            found.append(run)
    return found


def catalogue() -> polib.POFile:
    return polib.pofile(str(PO_PATH))


def msgids_in_use(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[polib.POEntry]:
    """The messages the templates and code use now, extracted as ``makemessages`` does (GNU
    xgettext), from a copy of the package so the real catalogue is left alone."""
    from django.core.management import call_command
    from django.test import override_settings

    source = folder / "symptomdb"
    shutil.copytree(
        PACKAGE_DIR,
        source,
        ignore=shutil.ignore_patterns("locale", "static", "data", "__pycache__", "starter"),
    )
    locale = folder / "locale"
    locale.mkdir()
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[locale]):
        call_command("makemessages", locale=["es"], no_location=True, keep_pot=True, verbosity=0)
    return [e for e in polib.pofile(str(locale / "django.pot")) if e.msgid]


def test_every_interface_string_has_a_spanish_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every msgid the templates and code use has a non-empty, non-fuzzy msgstr (every
    plural form too) in the Spanish catalogue."""
    po = {(e.msgctxt, e.msgid): e for e in catalogue() if not e.obsolete}
    problems = []
    used_entries = msgids_in_use(tmp_path, monkeypatch)
    assert len(used_entries) > 400, "extraction found too little; is GNU gettext installed?"
    for used in used_entries:
        entry = po.get((used.msgctxt, used.msgid))
        if entry is None:
            problems.append(f"missing: {used.msgid!r} (run makemessages, then translate it)")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {used.msgid!r} (check the translation, drop the flag)")
        elif not (
            all(entry.msgstr_plural.values()) if entry.msgid_plural else entry.msgstr.strip()
        ):
            problems.append(f"untranslated: {used.msgid!r}")
    assert not problems, "docs/editors/translations.md says how:\n" + "\n".join(problems)


def english_phrases() -> list[str]:
    """The catalogue's English interface phrases worth looking for on a Spanish page."""
    phrases = []
    for entry in catalogue().translated_entries():
        text = re.sub(r"<[^>]+>|%\(\w+\)s|\{\{[^}]*\}\}|%s", "|", entry.msgid)
        for piece in text.split("|"):
            piece = " ".join(piece.split()).strip(' .,:;—-“”"()')
            if (
                len(re.sub(r"[^A-Za-z]", "", piece)) >= MIN_PHRASE_LETTERS
                and " " in piece
                and piece not in entry.msgstr
            ):
                phrases.append(piece)
    return sorted(set(phrases))


@pytest.fixture
def bilingual_site(bilingual_site: list[TopicDocument]) -> list[TopicDocument]:
    """The starter topics in both languages (tests/conftest.py), a provider near ZIP 10001
    and a MedQuAD record, so the finder's results and a record page are rendered too."""
    from symptomdb.helpfinder.models import Provider

    Provider.objects.create(
        key="test-clinic",
        kind="clinic",
        name="Test Clinic",
        specialties="self-harm;dbt",
        address="1 Test Street, New York, NY",
        postal_code="10001",
        latitude=40.75,
        longitude=-73.99,
        languages="en;es",
        cost_notes="",
        referral_needed="no",
        phone="212-555-0100",
        source_url="https://example.org/test-clinic",
        verified_on=dt.date(2026, 11, 24),
    )
    add_imported_record(
        "A test answer written for this test, in English like the whole collection."
    )
    return bilingual_site


def test_every_spanish_page_is_in_spanish(
    client: Client, bilingual_site: list[TopicDocument]
) -> None:
    from symptomdb.collections.models import CollectionDocument

    record = CollectionDocument.objects.get(doc_id="0000042")
    phrases = english_phrases()
    problems: dict[str, list[str]] = {}
    for url in [*SPANISH_PAGES, f"/es/collections/medquad/{record.pk}/"]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code in (200, 400, 404), url
        html = response.content.decode()
        assert '<html lang="es"' in html, url
        runs = visible_text(html)
        text = "\n".join(runs)
        found = [f"catalogue phrase: {p}" for p in phrases if p in text]
        found += [f"English text: {run}" for run in english_runs(runs)]
        if found:
            problems[url] = found
    assert not problems, "\n".join(
        f"{url}\n  " + "\n  ".join(found) for url, found in problems.items()
    )


def test_spanish_dates_hours_and_the_988_spanish_option(
    client: Client, bilingual_site: list[TopicDocument]
) -> None:
    topic = client.get("/es/topics/autolesion/").content.decode()
    dates = re.findall(r"<time datetime=\"[\d-]+\">([^<]+)</time>", topic)
    assert dates and all(re.fullmatch(r"\d{1,2} de [a-z]+ de \d{4}", d) for d in dates), dates
    english = client.get("/topics/self-injury/").content.decode()
    assert all(
        re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", d)
        for d in re.findall(r"<time datetime=\"[\d-]+\">([^<]+)</time>", english)
    )
    # The 988 Lifeline's Spanish option, in full, wherever Spanish readers see help.
    for url in ["/es/", "/es/topics/autolesion/", "/es/help/"]:
        html = client.get(url).content.decode()
        assert "marca 2 para hablar en español" in html, url
        assert 'href="tel:988"' in html, url
    finder = client.get("/es/help/find/?where=10001&unit=km").content.decode()
    assert "Test Clinic" in finder and "comprobado el 24 de noviembre de 2026" in finder
    assert re.search(r"a [\d,]+ km", finder)  # "a 0,6 km": the distance as Spanish writes it
    assert "<dd>Autolesión, TDC (terapia dialéctica conductual)</dd>" in finder
    help_page = client.get("/es/help/").content.decode()
    us = help_page.split('id="country-US"')[1].split("</section>")[0]
    assert "Envía AYUDA por SMS al 988" in us
    assert "24 horas, todos los días" in us and "24 hours" not in us


def test_votes_and_comments_from_a_spanish_page_are_answered_in_spanish(
    client: Client, bilingual_site: list[TopicDocument]
) -> None:
    """Readers' forms post outside /es/ (to /community/…); the answer follows the page's
    language: the thank-you message, the comment's reply page, its problems and its help."""
    from symptomdb.community.form_tokens import form_token
    from symptomdb.topics.models import TopicPage

    page = TopicPage.objects.get(slug="autolesion")
    voted = client.post(
        "/community/vote/",
        {
            "target": f"topic:{page.pk}",
            "kind": "helpful",
            "value": "1",
            "reason": "clear",
            "next": page.url,
            "form_token": form_token("vote"),
        },
        follow=True,
    )
    assert "Gracias por decírnoslo." in voted.content.decode()

    def post_comment(text: str) -> str:
        response = client.post(
            f"/community/comment/{page.pk}/",
            {"text": text, "country": "MX", "form_token": form_token("comment")},
        )
        return str(response.content.decode())

    for html, says in [
        (post_comment("Gracias por esta página, me ha ayudado."), "Gracias por tu comentario"),
        (post_comment("   "), "Tu comentario está vacío."),
        # Spanish groups thousands with a (non-breaking) space, as the RAE recommends.
        (post_comment("x" * 2001), "Tu comentario tiene 2\xa0001 caracteres"),
        (post_comment("ya no aguanto más, me quiero morir"), "Línea de la Vida"),
    ]:
        assert '<html lang="es"' in html and says in html, says
        assert not english_runs(visible_text(html)), english_runs(visible_text(html))
