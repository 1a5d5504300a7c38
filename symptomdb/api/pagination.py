"""Page-number pagination with a total count and next/previous links, for every list.

A django-ninja pagination class, so list endpoints declare ``page`` and ``page_size`` (with
their limits) in the OpenAPI document and bad values get the one error shape (422).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

__all__ = ["MAX_PAGE_SIZE", "PAGE_SIZE", "LinkedPageNumberPagination", "PageParams", "page_of"]

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class PageParams(Schema):
    """Which page to return."""

    page: int = Field(1, ge=1, le=10_000, description="1-based page number.")
    page_size: int = Field(
        PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"Items per page (at most {MAX_PAGE_SIZE})."
    )


def _link(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def page_of(
    items: Sequence[Any] | QuerySet[Any], params: PageParams, request: HttpRequest
) -> dict[str, Any]:
    """One page of ``items`` (a list or a queryset) with the total and links to its neighbours.

    A page past the end is empty (its ``previous`` link points at the last page), so a
    client that walks ``next`` links never meets an error.
    """
    count = items.count() if isinstance(items, QuerySet) else len(items)
    pages = max(1, math.ceil(count / params.page_size))
    start = (params.page - 1) * params.page_size
    return {
        "items": list(items[start : start + params.page_size]),
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "pages": pages,
        "next": _link(request, params.page + 1) if params.page < pages else None,
        "previous": _link(request, min(params.page - 1, pages)) if params.page > 1 else None,
    }


class LinkedPageNumberPagination(PaginationBase):
    """``?page=&page_size=``; the body has ``items``, ``count``, ``pages``, ``next``, ``previous``."""

    class Input(PaginationBase.Input, PageParams):
        """``page`` and ``page_size``, as ``PageParams``."""

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="How many items there are in all pages.")
        page: int
        page_size: int
        pages: int = Field(description="How many pages there are (at least 1).")
        next: str | None = Field(description="The next page's URL; null on the last page.")
        previous: str | None = Field(description="The previous page's URL; null on the first.")

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        """Return one page of ``queryset`` as the ``Output`` fields."""
        return page_of(queryset, pagination, request)
