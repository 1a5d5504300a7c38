"""Which changes invalidate cached pages, as signal receivers.

Pages show published topics (Wagtail's publish, unpublish, move, slug change and delete)
and snippets (people, references and any other registered snippet); view restrictions and
sites decide who may see what at which address. ``migrate`` (run by ``symptomdb setup`` on
every deploy) invalidates too, so new templates or code never serve old pages. Anything
else that changes what public pages show should call
:func:`symptomdb.caching.invalidate_pages`.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models import Model
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from symptomdb.caching.generation import invalidate_pages

_ALWAYS_PUBLIC = (PageViewRestriction, Site)


def _shown_on_pages(model: type[Model]) -> bool:
    return issubclass(model, _ALWAYS_PUBLIC) or model in get_snippet_models()


def _page_changed(**kwargs: Any) -> None:
    invalidate_pages()


def _model_saved(sender: type[Model], **kwargs: Any) -> None:
    # Saving a page is saving a draft; only publishing changes what readers see.
    if _shown_on_pages(sender):
        invalidate_pages()


def _model_deleted(sender: type[Model], **kwargs: Any) -> None:
    if issubclass(sender, Page) or _shown_on_pages(sender):
        invalidate_pages()


def _migrated(sender: AppConfig, **kwargs: Any) -> None:
    # post_migrate is sent once per app with models; wagtailcore's stands for the whole run.
    if sender.label == "wagtailcore":
        invalidate_pages()


def connect_signals() -> None:
    """Connect every receiver once (``CachingConfig.ready`` calls this)."""
    page_published.connect(_page_changed, dispatch_uid="symptomdb-page-cache-publish")
    page_unpublished.connect(_page_changed, dispatch_uid="symptomdb-page-cache-unpublish")
    post_page_move.connect(_page_changed, dispatch_uid="symptomdb-page-cache-move")
    page_slug_changed.connect(_page_changed, dispatch_uid="symptomdb-page-cache-slug")
    post_save.connect(_model_saved, dispatch_uid="symptomdb-page-cache-save")
    post_delete.connect(_model_deleted, dispatch_uid="symptomdb-page-cache-delete")
    post_migrate.connect(_migrated, dispatch_uid="symptomdb-page-cache-migrate")
