"""Build the answering index from the database (the source of truth) and keep it current.

Each process keeps one index in memory and rebuilds it when the published topics or the
imported collections change (see ``_current_fingerprint``).
"""

from __future__ import annotations

import logging
import threading
import time
from html import escape
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connections
from django.db.models import Count, Max, Q
from wagtail.models import PageViewRestriction

from symptomdb.answering.index import AnswerIndex
from symptomdb.answering.passages import Passage, medquad_passage, topic_passage
from symptomdb.answering.semantic import (
    Encoder,
    encode_passages,
    load_encoder,
    passage_texts,
)
from symptomdb.answering.spanish_index import SpanishAnswerIndex
from symptomdb.caching import current_generation
from symptomdb.caching.generation import CACHE_ERRORS
from symptomdb.collections.models import CollectionAnswer
from symptomdb.topics.models import readable_topics

logger = logging.getLogger(__name__)
_lock = threading.Lock()
# At most this many new texts are encoded while building an index (about 3 ms each, in
# the worker's start-up or a background rebuild, never in a reader's request: a publish
# adds a topic's heading and sentences, about a hundred; the starter topics about 750; a
# collection needs `build-index`).
MAX_NEW_TEXTS = 2000
_cache: dict[str, Any] = {"fingerprint": None, "index": None, "encoder": None, "es": None}


def vector_cache_dir() -> Any:
    """Where passage vectors are kept (``symptomdb build-index`` writes them):
    ``SYMPTOMDB_INDEX_DIR``, shared by every app server of a fleet."""
    return Path(getattr(settings, "SYMPTOMDB_INDEX_DIR", settings.DATA_DIR / "cache"))


def _semantic(passages: list[Passage]) -> tuple[Encoder | None, np.ndarray | None]:
    """The encoder and the passages' vectors, read (memory-mapped) from the cache that
    ``symptomdb build-index`` writes; a web request never encodes the whole collection. When
    many vectors are missing, answering falls back to lexical ranking and logs a warning."""
    if not getattr(settings, "SYMPTOMDB_SEMANTIC", True):
        return None, None
    if _cache["encoder"] is None:
        _cache["encoder"] = load_encoder()
    vectors = encode_passages(
        _cache["encoder"], passage_texts(passages), vector_cache_dir(), max_new=MAX_NEW_TEXTS
    )
    if vectors is None:
        logger.warning(
            "answering: passage vectors are missing for the current content (%d passages); "
            "ranking lexically until `symptomdb build-index` runs",
            len(passages),
        )
        return None, None
    return _cache["encoder"], vectors


def all_passages() -> list[Passage]:
    """Every passage the site can answer from."""
    return [*topic_passages(), *medquad_passages()]


def build_vectors(encoder: Encoder) -> int:
    """Encode every passage into the cache (what ``symptomdb build-index`` does)."""
    passages = all_passages()
    encode_passages(encoder, passage_texts(passages), vector_cache_dir())
    return len(passages)


def topic_passages(language: str = "en") -> list[Passage]:
    """One passage per section of every published topic in ``language``."""
    passages = []
    pages = readable_topics().filter(locale__language_code=language).order_by("slug")
    for page in pages:
        authors = ", ".join(a.person.name for a in page.authors.select_related("person"))
        citation = f"{authors}. {page.title}. symptomdb; updated {page.updated_on:%Y-%m-%d}."
        references = [ref.key for ref in page.ordered_references()]

        def on_page(html: str, url: str = page.url) -> str:
            # Citation links point into the topic page's reference list, wherever shown.
            return html.replace('href="#ref-', f'href="{url}#ref-')

        for block, section in zip(page.body, page.rendered_sections(), strict=True):
            value = block.value
            passages.append(
                topic_passage(
                    slug=page.slug,
                    anchor=section["anchor"],
                    page_url=page.url,
                    kind=section["kind"],
                    title=page.title,
                    heading=section["heading"],
                    body=value.get("body") or "",
                    items=[(i["name"], i["description"]) for i in (value.get("items") or [])],
                    synonyms=[*page.synonym_list, *page.search_term_list],
                    source=authors,
                    licence=page.licence,
                    reviewed=page.is_reviewed,
                    updated=page.updated_on.isoformat(),
                    citation=citation,
                    sensitive=page.sensitive,
                    html=on_page(
                        section["html"]
                        + "".join(
                            f"<h4>{escape(i['name'])}</h4>{i['html']}" for i in section["items"]
                        )
                    ),
                    references=references,
                )
            )
    return passages


def medquad_passages() -> list[Passage]:
    """One passage per imported MedQuAD pair (answer text empty where the publisher withheld
    it); pairs the safe-messaging lint withheld at import are left out altogether."""
    rows = (
        CollectionAnswer.objects.filter(withheld_for_safety=False)
        .select_related("document")
        .order_by("document_id", "position")
    )
    return [
        medquad_passage(
            answer_id=a.answer_id,
            qtype=a.qtype,
            question=a.question,
            answer=a.answer,
            focus=a.document.focus,
            synonyms=a.document.synonyms,
            url=a.document.url,
            source=a.document.source,
            record_url=a.document.get_absolute_url(),
        )
        for a in rows.iterator(chunk_size=5000)
    ]


def _fingerprint() -> tuple[Any, ...]:
    topics = readable_topics().aggregate(n=Count("id"), last=Max("last_published_at"))
    # Restricting one page and lifting another's restriction keeps the count: both move this.
    restrictions = PageViewRestriction.objects.aggregate(n=Count("id"), last=Max("id"))
    answers = CollectionAnswer.objects.aggregate(
        n=Count("id"), last=Max("id"), withheld=Count("id", filter=Q(withheld_for_safety=True))
    )
    return (
        topics["n"],
        topics["last"],
        restrictions["n"],
        restrictions["last"],
        answers["n"],
        answers["last"],
        answers["withheld"],
    )


# How long a process trusts its index without asking the database whether topics or
# collections changed; a publish is seen at once through the page-cache generation.
RECHECK_SECONDS = 5.0


def _current_fingerprint() -> tuple[Any, ...]:
    """The database fingerprint, read only when something may have changed.

    Two aggregate queries cost about 3 ms, a third of an answer; they run when the page-cache
    generation moved (every publish, unpublish and snippet change moves it) or when
    ``RECHECK_SECONDS`` passed (collection imports do not move it).
    """
    try:
        generation: str | None = current_generation()
    except CACHE_ERRORS:
        # The shared cache is down (a Redis restart): answer on, and ask the database every
        # RECHECK_SECONDS instead of on every generation change.
        generation = _cache.get("generation")
    now = time.monotonic()
    if (
        _cache["fingerprint"] is None
        or _cache.get("generation") != generation
        or now - _cache.get("checked", 0.0) > RECHECK_SECONDS
    ):
        _cache["checked_fingerprint"] = _fingerprint()
        _cache["generation"], _cache["checked"] = generation, now
    fingerprint: tuple[Any, ...] = _cache["checked_fingerprint"]
    return fingerprint


def _build(fingerprint: tuple[Any, ...]) -> None:
    """Build the index for ``fingerprint`` and swap it in (callers hold no lock meanwhile)."""
    passages = all_passages()
    encoder, vectors = _semantic(passages)
    index = AnswerIndex(passages, encoder=encoder, vectors=vectors)
    with _lock:
        _cache["index"], _cache["fingerprint"], _cache["es"] = index, fingerprint, None


def _rebuild_in_background(fingerprint: tuple[Any, ...]) -> None:
    try:
        _build(fingerprint)
    except Exception:  # the old index keeps serving; the next request tries again
        logger.exception("answering: rebuilding the index failed; still serving the old one")
    finally:
        with _lock:
            _cache["building"] = False
        connections.close_all()  # this thread's database connection


def get_answer_index() -> AnswerIndex:
    """The current index; after a publish or an import, the new one is built in a background
    thread while readers are answered from the previous one, so no reader's request waits
    for a rebuild (``SYMPTOMDB_REBUILD_IN_BACKGROUND``, on by default). Only a process's very
    first index is built in the request; the web workers build it at start
    (``gunicorn_conf.post_worker_init``)."""
    fingerprint = _current_fingerprint()
    with _lock:
        index: AnswerIndex | None = _cache["index"]
        if index is not None and _cache["fingerprint"] == fingerprint:
            return index
        if index is not None and getattr(settings, "SYMPTOMDB_REBUILD_IN_BACKGROUND", True):
            if not _cache.get("building"):
                _cache["building"] = True
                threading.Thread(
                    target=_rebuild_in_background, args=(fingerprint,), daemon=True
                ).start()
            return index
    _build(fingerprint)
    with _lock:
        built: AnswerIndex = _cache["index"]
        return built


def get_spanish_answer_index() -> AnswerIndex:
    """The index of the Spanish topics (lexical, accents ignored), rebuilt with the English one."""
    get_answer_index()
    with _lock:
        if _cache["es"] is None:
            _cache["es"] = SpanishAnswerIndex(topic_passages("es"))
        index: AnswerIndex = _cache["es"]
        return index
