"""The benchmark's floor view (cases/bench.py; included by tracker/urls.py with BENCH_ENDPOINTS)."""

from __future__ import annotations

from django.urls import URLPattern, path

from cases import bench

urlpatterns: list[URLPattern] = [
    path("_bench/floor/", bench.floor, name="bench-floor"),
]
