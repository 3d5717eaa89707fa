"""Courts and judges."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from api.serializers.fields import LinkField, slug_link
from cases.models import Court, Judge


class CourtRefSerializer(serializers.ModelSerializer):
    """A court where another row names it: its code and citation form."""

    api_url = slug_link("api:court-detail", "code")

    class Meta:
        model = Court
        fields = ["code", "short_name", "api_url"]


class CourtSerializer(serializers.ModelSerializer):
    appeals_to = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    page_url = slug_link("court-detail", "code")
    api_url = slug_link("api:court-detail", "code")

    class Meta:
        model = Court
        fields = [
            *("code", "name", "short_name", "level", "state", "time_zone", "holiday_calendar"),
            *("appeals_to", "page_url", "api_url"),
        ]


class JudgeRefSerializer(serializers.ModelSerializer):
    api_url = LinkField(lambda judge: reverse("api:judge-detail", args=[judge.pk]))

    class Meta:
        model = Judge
        fields = ["id", "name", "api_url"]


class JudgeSerializer(serializers.ModelSerializer):
    court = serializers.SlugRelatedField(slug_field="code", read_only=True)
    page_url = LinkField(lambda judge: judge.get_absolute_url())
    api_url = LinkField(lambda judge: reverse("api:judge-detail", args=[judge.pk]))

    class Meta:
        model = Judge
        fields = ["id", "name", "title", "court", "page_url", "api_url"]
