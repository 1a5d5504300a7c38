"""Citation downloads of a topic page: ``/topics/<slug>/cite.ris``, ``.bib`` and ``.json``."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from symptomdb.citations import EXPORT_FORMATS, csl_item
from symptomdb.topics.citing import citable_page
from symptomdb.topics.models import readable_topics


def topic_citation(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    """The published topic's citation as a file a reference manager imports.

    Raises:
        Http404: for an unknown, unpublished or restricted topic, or an extension other than ris, bib, json.
    """
    export = EXPORT_FORMATS.get(extension)
    if export is None:
        raise Http404(f"No citation format {extension!r}; use ris, bib or json.")
    page = get_object_or_404(readable_topics(), slug=slug)
    body = export.write(csl_item(citable_page(page, request)))
    response = HttpResponse(body, content_type=f"{export.content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="symptomdb-{page.slug}.{extension}"'
    return response
