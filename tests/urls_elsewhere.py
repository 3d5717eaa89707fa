"""A URLconf for tests/test_links.py: the same name at another address."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("elsewhere/<slug:slug>/", lambda request, slug: HttpResponse(), name="case-detail")
]
