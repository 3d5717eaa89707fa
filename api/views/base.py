"""What every view of the API shares: who it lets in and how often, JSON in and out, the
cursor pagination, the filters' backend, ETags and its errors. The API's DRF settings are its
views' own, not the site's (tracker/settings.py has API_PUBLIC, the rates and the schema's)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer

from api import errors, selectors
from api.etags import ETagMixin
from api.pagination import KeysetPagination
from api.permissions import PublicRead
from api.throttling import AnonThrottle, UserThrottle
from cases.models import Case


class ApiBase:
    """For every API view, the docs pages' included."""

    # Token first: an anonymous request where one is needed gets 401 and WWW-Authenticate.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [PublicRead]
    throttle_classes = [AnonThrottle, UserThrottle]
    metadata_class = None  # OPTIONS answers 405, like any other method the API does not take

    def get_exception_handler(self) -> Any:
        return errors.exception_handler


class JsonBase(ETagMixin, ApiBase):
    """For the API's JSON views: JSON in and out, cursor-paged lists, the filters."""

    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    filter_backends = [DjangoFilterBackend]
    pagination_class = KeysetPagination


class ReadOnlyViewSet(JsonBase, viewsets.ReadOnlyModelViewSet):
    """A list (cursor-paged, filtered) and a detail, by GET."""

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        """Filter the list; a detail is found by its key alone (the list's filters ignored)."""
        return queryset if self.action == "retrieve" else super().filter_queryset(queryset)


class CaseRowsViewSet(JsonBase, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The rows of one case (``/cases/<slug>/<rows>/``): a 404 for a case that does not exist."""

    filter_backends: list[Any] = []

    def rows(self, case: Case) -> QuerySet:
        raise NotImplementedError

    def case(self) -> Case:
        if not hasattr(self, "_case"):
            try:
                self._case = selectors.case_by_slug(self.kwargs["slug"])
            except Case.DoesNotExist:
                raise Http404("No case has this slug.") from None
        return self._case

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # the schema generator, with no case
            return self.queryset
        return self.rows(self.case())

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["case"] = self.case()
        return context
