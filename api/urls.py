"""The API's addresses, under /api/v1/ (tracker/urls.py). Anything else under it is a JSON 404."""

from __future__ import annotations

from django.urls import path, re_path

from api import errors
from api.views import case_rows, docs, reads, subscriptions, token

app_name = "api"

LIST, DETAIL = {"get": "list"}, {"get": "retrieve"}

urlpatterns = [
    path("courts/", reads.CourtViewSet.as_view(LIST), name="court-list"),
    path("courts/<slug:code>/", reads.CourtViewSet.as_view(DETAIL), name="court-detail"),
    path("judges/", reads.JudgeViewSet.as_view(LIST), name="judge-list"),
    path("judges/<int:pk>/", reads.JudgeViewSet.as_view(DETAIL), name="judge-detail"),
    path("cases/", reads.CaseViewSet.as_view(LIST), name="case-list"),
    path("cases/<slug:slug>/", reads.CaseViewSet.as_view(DETAIL), name="case-detail"),
    path(
        "cases/<slug:slug>/parties/",
        case_rows.CasePartyViewSet.as_view(LIST),
        name="case-parties",
    ),
    path(
        "cases/<slug:slug>/docket-entries/",
        case_rows.DocketEntryViewSet.as_view(LIST),
        name="case-docket-entries",
    ),
    path("cases/<slug:slug>/motions/", case_rows.MotionViewSet.as_view(LIST), name="case-motions"),
    path("cases/<slug:slug>/rulings/", case_rows.RulingViewSet.as_view(LIST), name="case-rulings"),
    path(
        "cases/<slug:slug>/deadlines/",
        case_rows.DeadlineViewSet.as_view(LIST),
        name="case-deadlines",
    ),
    path("cases/<slug:slug>/links/", case_rows.CaseLinkViewSet.as_view(LIST), name="case-links"),
    path("parties/", reads.PartyViewSet.as_view(LIST), name="party-list"),
    path("parties/<slug:slug>/", reads.PartyViewSet.as_view(DETAIL), name="party-detail"),
    path(
        "subscriptions/",
        subscriptions.SubscriptionViewSet.as_view({"get": "list", "post": "create"}),
        name="subscription-list",
    ),
    path(
        "subscriptions/<int:pk>/",
        subscriptions.SubscriptionViewSet.as_view({"get": "retrieve", "delete": "destroy"}),
        name="subscription-detail",
    ),
    path("token/", token.token_page, name="token"),
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.SwaggerView.as_view(), name="swagger"),
    path("redoc/", docs.RedocView.as_view(), name="redoc"),
    re_path(r"^(?P<rest>.*)$", errors.not_found),
]
