"""The OpenAPI schema, and Swagger UI and Redoc over it, served from our own static files.

Swagger UI runs under the site's Content-Security-Policy as it is: its page has no inline
script or style (the split view serves its start-up script from its own address). Redoc's
styles are written by its script into <style> elements and its search runs in a worker made
from a blob: URL, so its page alone allows inline styles and blob: workers.
"""

from __future__ import annotations

from typing import Any

import csp.constants
from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from api.etags import ETagMixin
from api.views.base import ApiBase

REDOC_POLICY = {"style-src": [csp.constants.UNSAFE_INLINE], "worker-src": ["blob:"]}


class SchemaView(ETagMixin, ApiBase, SpectacularAPIView):
    """The schema, as YAML (or JSON with ``?format=json``); readable whenever the API is."""

    @extend_schema(exclude=True)  # not an operation of the API it describes
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class SwaggerView(ApiBase, SpectacularSwaggerSplitView):
    """Swagger UI: a page anyone may open (it fetches the schema, which may need a sign-in)."""

    permission_classes = [AllowAny]
    template_name = "api/swagger_ui.html"
    url_name = "api:schema"


@method_decorator(csp_update(REDOC_POLICY), name="dispatch")
class RedocView(ApiBase, SpectacularRedocView):
    permission_classes = [AllowAny]
    template_name = "api/redoc.html"
    url_name = "api:schema"
