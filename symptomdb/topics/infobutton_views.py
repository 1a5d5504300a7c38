"""The Infobutton endpoint (``/infobutton/``): the Django side of ``interop.infobutton``."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from symptomdb.errors import InfobuttonRequestError
from symptomdb.interop.infobutton import (
    RESPONSE_TYPES,
    TopicSummary,
    atom_feed,
    json_feed,
    match_topics,
    parse_request,
)
from symptomdb.topics.models import readable_topics


def published_topic_summaries(request: HttpRequest) -> list[TopicSummary]:
    """Every topic page readers may see, as a ``TopicSummary`` with absolute URLs."""
    summaries = []
    for page in readable_topics().prefetch_related("codes"):
        summaries.append(
            TopicSummary(
                slug=page.slug,
                title=page.title,
                summary=page.summary,
                url=request.build_absolute_uri(page.url),
                updated=page.updated_on,
                codes=tuple((c.system, c.code.upper()) for c in page.codes.all()),
                sensitive=page.sensitive,
                reviewed=page.last_reviewed_on,
            )
        )
    return summaries


@require_GET
def infobutton(request: HttpRequest) -> HttpResponse:
    """Answer an HL7 Infobutton request with matching topics as Atom (default) or JSON.

    A missing code, or a code system other than ICD-10-CM and SNOMED CT, is a 400 whose
    body names the parameter (JSON: ``{"error": {"parameter": ..., "message": ...}}``).
    """
    wants_json = request.GET.get("knowledgeResponseType") == "application/json"
    try:
        query = parse_request({k: request.GET.get(k, "") for k in request.GET})
    except InfobuttonRequestError as exc:
        if wants_json:
            body = {"error": {"parameter": exc.parameter, "message": exc.problem}}
            return HttpResponse(json.dumps(body), status=400, content_type="application/json")
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    matches = match_topics(query, published_topic_summaries(request))
    base_url = request.build_absolute_uri("/")
    now = timezone.now().replace(microsecond=0)
    render = json_feed if query.response_type == "application/json" else atom_feed
    response = HttpResponse(
        render(query, matches, base_url, now), content_type=RESPONSE_TYPES[query.response_type]
    )
    response["Access-Control-Allow-Origin"] = "*"  # EHRs call it from their own pages
    return response
