"""The versioned JSON API: /api/v1/ (docs at /api/v1/docs, schema at /api/v1/openapi.json)."""

from __future__ import annotations

from ninja import NinjaAPI

from symptomdb.api.answers import router as answers_router
from symptomdb.api.crisis_resources import router as crisis_resources_router
from symptomdb.api.errors import install_error_handlers
from symptomdb.api.safety import router as safety_router
from symptomdb.api.search import router as search_router
from symptomdb.api.topics import router as topics_router

api = NinjaAPI(
    title="symptomdb API",
    version="1",
    description="Health topics, search, answers, crisis lines and safety screening. Errors share one shape: "
    '{"error": {"code", "message", "fields": [{"field", "message"}]}}.',
    urls_namespace="api-v1",
)
install_error_handlers(api)
api.add_router("/", safety_router)
api.add_router("/", answers_router)
api.add_router("/", topics_router)
api.add_router("/", search_router)
api.add_router("/", crisis_resources_router)
