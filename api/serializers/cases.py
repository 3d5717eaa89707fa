"""Cases: the list's rows and a case's own page (its status history too)."""

from __future__ import annotations

from rest_framework import serializers

from api.serializers.courts import CourtRefSerializer, JudgeRefSerializer
from api.serializers.fields import LinesField, SourcesField, slug_link
from cases.models import Case, CaseJudge, StatusChange


class CaseRefSerializer(serializers.ModelSerializer):
    """A case where another row names it (a related case, a subscription)."""

    court = CourtRefSerializer(read_only=True)
    api_url = slug_link("api:case-detail")

    class Meta:
        model = Case
        fields = ["slug", "short_name", "docket_number", "court", "status", "api_url"]


class CaseJudgeSerializer(serializers.ModelSerializer):
    judge = JudgeRefSerializer(read_only=True)

    class Meta:
        model = CaseJudge
        fields = ["judge", "role"]


class CaseSerializer(serializers.ModelSerializer):
    court = CourtRefSerializer(read_only=True)
    judges = CaseJudgeSerializer(source="case_judges", many=True, read_only=True)
    causes_of_action = LinesField()
    sources = SourcesField()
    courtlistener_url = serializers.URLField(read_only=True, allow_blank=True)
    page_url = slug_link("case-detail")
    api_url = slug_link("api:case-detail")

    class Meta:
        model = Case
        fields = [
            *("slug", "short_name", "caption", "docket_number", "court", "case_type", "status"),
            *("filed_date", "closed_date", "last_activity_on", "summary", "causes_of_action"),
            *("relief_sought", "cause", "nature_of_suit", "jury_demand", "jurisdiction"),
            *("demand", "judges", "courtlistener_url", "sources", "page_url", "api_url"),
        ]


class StatusChangeSerializer(serializers.ModelSerializer):
    sources = SourcesField()

    class Meta:
        model = StatusChange
        fields = ["from_status", "to_status", "effective_date", "note", "sources"]


class CaseDetailSerializer(CaseSerializer):
    status_history = StatusChangeSerializer(source="status_changes", many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "status_history"]
