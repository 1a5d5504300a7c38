"""Imported documents as read-only, attributed pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from symptomdb.collections.models import CollectionDocument

PUBLISHERS = {
    "CancerGov": "National Cancer Institute (cancer.gov)",
    "GARD": "Genetic and Rare Diseases Information Center (GARD)",
    "GHR": "Genetics Home Reference (NLM)",
    "MPlusHealthTopics": "MedlinePlus Health Topics (NLM)",
    "NIDDK": "National Institute of Diabetes and Digestive and Kidney Diseases",
    "NINDS": "National Institute of Neurological Disorders and Stroke",
    "NIHSeniorHealth": "NIHSeniorHealth (NIH)",
    "NHLBI": "National Heart, Lung, and Blood Institute",
    "CDC": "Centers for Disease Control and Prevention",
    "ADAM": "MedlinePlus A.D.A.M. Medical Encyclopedia",
    "MPlusDrugs": "MedlinePlus Drug Information",
    "MPlusHerbsSupplements": "MedlinePlus Herbs and Supplements",
}


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
            "publisher": PUBLISHERS.get(document.source, document.source),
        },
    )
