"""Imported documents as read-only, attributed pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from symptomdb.collections.models import CollectionDocument
from symptomdb.importers.medquad import publisher_name


def collection_document(request: HttpRequest, pk: int) -> HttpResponse:
    """One imported document with its questions, answers and attribution; an answer the
    safe-messaging lint withheld shows its question and why its text is not shown."""
    document = get_object_or_404(CollectionDocument, pk=pk)
    return render(
        request,
        "collections/document.html",
        {
            "document": document,
            "answers": document.answers.all(),
            "publisher": publisher_name(document.source),
        },
    )
