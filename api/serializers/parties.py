"""Parties, and a case's parties with their counsel (names, firms, roles and dates: never an
attorney's e-mail address or the contact lines a docket gives)."""

from __future__ import annotations

from rest_framework import serializers

from api.serializers.fields import SourcesField, slug_link
from parties.models import Attorney, CaseParty, LawFirm, Party, Representation


class PartySerializer(serializers.ModelSerializer):
    case_count = serializers.IntegerField(read_only=True)
    page_url = slug_link("party-detail")
    api_url = slug_link("api:party-detail")

    class Meta:
        model = Party
        fields = ["slug", "name", "kind", "case_count", "page_url", "api_url"]


class PartyDetailSerializer(PartySerializer):
    sources = SourcesField()

    class Meta(PartySerializer.Meta):
        fields = [*PartySerializer.Meta.fields, "description", "sources"]


class PartyRefSerializer(serializers.ModelSerializer):
    api_url = slug_link("api:party-detail")

    class Meta:
        model = Party
        fields = ["slug", "name", "kind", "api_url"]


class AttorneySerializer(serializers.ModelSerializer):
    class Meta:
        model = Attorney
        fields = ["slug", "name"]


class FirmSerializer(serializers.ModelSerializer):
    class Meta:
        model = LawFirm
        fields = ["slug", "name", "city"]


class CounselSerializer(serializers.ModelSerializer):
    attorney = AttorneySerializer(read_only=True)
    firm = FirmSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Representation
        fields = ["attorney", "firm", "role", "start_date", "end_date"]


class CasePartySerializer(serializers.ModelSerializer):
    party = PartyRefSerializer(read_only=True)
    counsel = CounselSerializer(source="representations", many=True, read_only=True)
    sources = SourcesField()

    class Meta:
        model = CaseParty
        fields = [
            *("id", "party", "role", "docket_role", "note", "extra_info", "joined_date"),
            *("terminated_date", "counsel", "sources"),
        ]
