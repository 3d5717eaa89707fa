"""Public pages of cases, deadlines, courts and judges."""

from __future__ import annotations

from django.urls import path

from cases import views, views_notes
from cases.analytics import views as analytics_views

urlpatterns = [
    path("", views.home, name="home"),
    path("cases/", views.case_list, name="case-list"),
    path("cases/<slug:slug>/", views.case_detail, name="case-detail"),
    path("cases/<slug:slug>/related/", views.case_related, name="case-related"),
    # Notes and tags, for signed-in users (cases/views_notes.py): POST forms from the case page.
    path("cases/<slug:slug>/notes/", views_notes.note_add, name="note-add"),
    path("cases/<slug:slug>/notes/<int:pk>/", views_notes.note_edit, name="note-edit"),
    path("cases/<slug:slug>/notes/<int:pk>/delete/", views_notes.note_delete, name="note-delete"),
    path("cases/<slug:slug>/tags/", views_notes.case_tag_add, name="case-tag-add"),
    path("cases/<slug:slug>/tags/remove/", views_notes.case_tag_remove, name="case-tag-remove"),
    path("deadlines/", views.deadlines, name="deadlines"),
    path("courts/", views.court_list, name="court-list"),
    path("courts/<slug:code>/", views.court_detail, name="court-detail"),
    path("judges/<int:pk>/", views.judge_detail, name="judge-detail"),
    path("analytics/", analytics_views.analytics, name="analytics"),
    path("analytics/<slug:table>.csv", analytics_views.analytics_csv, name="analytics-csv"),
]
