"""``{% language_links %}``: the page in each language, for the header's switch and ``hreflang``.

A Wagtail page links to its live translations (a topic without a Spanish translation links
to the Spanish home instead, in the switch only); every other reader page (help, ask,
search, about) exists in each language at the same path with or without the ``/es/``
prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from symptomdb.topics.models import for_readers

register = template.Library()

# The switch's label is the other language's own name, as readers look for it.
_OWN_NAMES = dict(settings.LANGUAGES)


@dataclass(frozen=True)
class LanguageLinks:
    """Where this page is in each language.

    Attributes:
        current: the language of this page ("en", "es").
        alternates: (language, absolute URL) of this page in every language it exists in,
            itself included; empty when it exists in one language only.
        default_url: the English page's absolute URL (``hreflang="x-default"``), or "".
        switch_language, switch_label, switch_url: the header's link to the other language:
            this page translated when it is, else that language's home page.
    """

    current: str
    alternates: tuple[tuple[str, str], ...]
    default_url: str
    switch_language: str
    switch_label: str
    switch_url: str


def _other(language: str) -> str:
    codes = [code for code, _ in settings.LANGUAGES]
    return next((c for c in codes if c != language), codes[0])


def _home_url(language: str) -> str:
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def language_links_for(request: HttpRequest, page: Page | None) -> LanguageLinks:
    """Compute the :class:`LanguageLinks` of ``page`` (None for a page that is not Wagtail's)."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    other = _other(current)
    urls: dict[str, str] = {}
    if isinstance(page, Page):
        current = page.locale.language_code
        other = _other(current)
        for translation in for_readers(page.get_translations(inclusive=True)).select_related(
            "locale"
        ):
            url = translation.get_url(request=request)
            if url:
                urls[translation.locale.language_code] = url
    elif request.resolver_match is not None:
        path = request.path
        for code, _ in settings.LANGUAGES:
            urls[code] = translate_url(path, code)
    alternates = tuple(
        (code, request.build_absolute_uri(urls[code]))
        for code, _ in settings.LANGUAGES
        if code in urls
    )
    if len(alternates) < 2:
        alternates = ()
    default = urls.get(settings.LANGUAGE_CODE, "")
    return LanguageLinks(
        current=current,
        alternates=alternates,
        default_url=request.build_absolute_uri(default) if alternates and default else "",
        switch_language=other,
        switch_label=_OWN_NAMES.get(other, other),
        switch_url=urls.get(other) or _home_url(other),
    )


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> LanguageLinks:
    """``{% language_links as links %}`` for the page being rendered."""
    return language_links_for(context["request"], context.get("page"))
