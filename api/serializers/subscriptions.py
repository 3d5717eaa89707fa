"""A reader's own subscriptions: which case, and which kinds of news (the follow form's choices)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from alerts.forms import CHOICES
from alerts.models import Subscription
from api.serializers.cases import CaseRefSerializer
from cases.models import Case


class SubscriptionSerializer(serializers.ModelSerializer):
    case = CaseRefSerializer(read_only=True)

    class Meta:
        model = Subscription
        fields = ["id", "case", *CHOICES, "created_at"]


class FollowSerializer(serializers.Serializer):
    """Follow a case by its slug; the choices left out keep their defaults (or, when the case
    was followed before, what they were)."""

    case = serializers.SlugField(max_length=120, help_text="The case's slug.")
    deadline_reminders = serializers.BooleanField(required=False)
    status_changes = serializers.BooleanField(required=False)
    rulings = serializers.BooleanField(required=False)
    motions = serializers.BooleanField(required=False)
    docket_entries = serializers.BooleanField(required=False)

    def validate_case(self, slug: str) -> Case:
        case = Case.objects.only("pk", "slug", "short_name").filter(slug=slug).first()
        if case is None:
            raise serializers.ValidationError("No case has this slug.")
        return case

    def choices(self) -> dict[str, Any]:
        return {name: self.validated_data[name] for name in CHOICES if name in self.validated_data}
