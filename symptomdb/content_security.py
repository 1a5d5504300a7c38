"""Content-Security-Policy: a strict policy for readers' pages, a looser one for the admin.

Readers' pages load nothing from anywhere else and run no inline script or style
(``CONTENT_SECURITY_POLICY`` in settings). The Wagtail admin under ``/admin/`` uses inline
scripts and styles of its own, so it gets ``SYMPTOMDB_ADMIN_CSP`` instead: still only our
own origin, but with ``'unsafe-inline'`` and same-origin framing for page previews.
"""

from __future__ import annotations

from typing import Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin policy for ``/admin/`` paths."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            admin: dict[str, Any] = settings.SYMPTOMDB_ADMIN_CSP
            parts.config = admin
        return parts
