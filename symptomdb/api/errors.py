"""One JSON error shape for every API error:

{"error": {"code": "invalid-parameter", "message": "...", "fields": [{"field": "text", "message": "..."}]}}
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError


class FieldErrorOut(Schema):
    """What is wrong with one parameter or body field."""

    field: str
    message: str


class ErrorDetailOut(Schema):
    code: str
    message: str
    fields: list[FieldErrorOut]


class ErrorOut(Schema):
    """The body of every API error (documented on each operation that can return one)."""

    error: ErrorDetailOut


def error_body(
    code: str, message: str, fields: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """The body of every error response."""
    return {"error": {"code": code, "message": message, "fields": fields or []}}


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    """Any path under /api/v1/ that is no endpoint: the one error shape, never an HTML page."""
    from django.http import JsonResponse

    body = error_body("http-404", f"no API endpoint at /api/v1/{rest} (see /api/v1/docs)")
    return JsonResponse(body, status=404)


def install_error_handlers(api: NinjaAPI) -> None:
    """Make validation and HTTP errors use the one shape."""

    @api.exception_handler(ValidationError)
    def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = []
        for error in exc.errors:
            location = [
                str(part)
                for part in error.get("loc", ())
                if part not in ("body", "query", "payload")
            ]
            fields.append(
                {"field": ".".join(location) or "body", "message": str(error.get("msg", "invalid"))}
            )
        message = "; ".join(f"{f['field']}: {f['message']}" for f in fields) or "invalid request"
        return api.create_response(
            request, error_body("invalid-parameter", message, fields), status=422
        )

    @api.exception_handler(RequestDataTooBig)
    def on_body_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        # Django refuses the body before it is read; without this the client got an HTML
        # page saying only "Bad Request".
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        message = f"the request body is over {limit:,} bytes; send less (see the field limits)"
        return api.create_response(
            request,
            error_body("http-413", message, [{"field": "body", "message": message}]),
            status=413,
        )

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(
            request, error_body(f"http-{exc.status_code}", str(exc)), status=exc.status_code
        )
