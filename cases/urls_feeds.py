"""Feeds and exports: Atom, iCalendar and CSV (included by tracker/urls.py)."""

from __future__ import annotations

from django.urls import URLPattern, path

from cases import calendar, exports, feeds

urlpatterns: list[URLPattern] = [
    path("activity.atom", feeds.ActivityFeed(), name="activity-feed"),
    path("cases/<slug:slug>/feed.atom", feeds.CaseFeed(), name="case-feed"),
    path("cases/deadlines.ics", calendar.cases_calendar, name="cases-calendar"),
    path("cases/<slug:slug>/deadlines.ics", calendar.case_calendar, name="case-calendar"),
    path("cases/export.csv", exports.cases_csv, name="cases-csv"),
    path("cases/<slug:slug>/timeline.csv", exports.case_timeline_csv, name="case-timeline-csv"),
]
