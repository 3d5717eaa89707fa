"""What happens in a case: docket entries, motions, rulings, deadlines, related-case links."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.cases import CaseRefSerializer
from api.serializers.courts import JudgeRefSerializer
from api.serializers.fields import SourcesField
from cases.models import CaseLink, Deadline, DocketEntry, Motion, Ruling, RulingMotion
from parties.models import CaseParty


class DocketEntrySerializer(serializers.ModelSerializer):
    sources = SourcesField()

    class Meta:
        model = DocketEntry
        fields = [
            *("id", "number", "filed_date", "date_entered", "text", "document_url", "source"),
            *("missing_from_source_since", "sources"),
        ]


class MovantSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(source="party.slug", read_only=True)
    name = serializers.CharField(source="party.name", read_only=True)

    class Meta:
        model = CaseParty
        fields = ["slug", "name", "role"]


class MotionDecisionSerializer(serializers.ModelSerializer):
    """A ruling's decision of the motion: which ruling, and its outcome."""

    class Meta:
        model = RulingMotion
        fields = ["ruling", "outcome"]


class MotionSerializer(serializers.ModelSerializer):
    movants = MovantSerializer(many=True, read_only=True)
    decisions = MotionDecisionSerializer(many=True, read_only=True)
    sources = SourcesField()

    class Meta:
        model = Motion
        fields = [
            *("id", "kind", "title", "status", "filed_date", "hearing_date", "summary"),
            *("docket_entry", "movants", "decisions", "sources"),
        ]


class RulingDecisionSerializer(serializers.ModelSerializer):
    """A motion the ruling decides, with its outcome."""

    title = serializers.CharField(source="motion.title", read_only=True)

    class Meta:
        model = RulingMotion
        fields = ["motion", "title", "outcome"]


class RulingSerializer(serializers.ModelSerializer):
    judge = JudgeRefSerializer(read_only=True, allow_null=True)
    decisions = RulingDecisionSerializer(many=True, read_only=True)
    sources = SourcesField()

    class Meta:
        model = Ruling
        fields = [
            *("id", "date", "date_note", "kind", "title", "summary", "citation", "document_url"),
            *("judge", "docket_entry", "decisions", "sources"),
        ]


class DeadlineSerializer(serializers.ModelSerializer):
    period = serializers.CharField(source="period_label", read_only=True)
    sources = SourcesField()

    class Meta:
        model = Deadline
        fields = [
            *("id", "title", "kind", "due_date", "due_time", "status", "motion", "basis"),
            *("trigger_date", "trigger_event", "rule_set", "period_days", "period_unit"),
            *("direction", "service_method", "from_judgment", "period", "earliest_safe_date"),
            *("rule", "explanation", "sources"),
        ]


class CaseLinkSerializer(serializers.ModelSerializer):
    """A link of the related-case graph, read from the case the list is of: ``label`` says
    how the other case relates ("removed to", "removed from"), ``direction`` which end it is."""

    direction = serializers.SerializerMethodField()
    label = serializers.SerializerMethodField()
    other_case = serializers.SerializerMethodField()
    from_case = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    to_case = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    sources = SourcesField()

    class Meta:
        model = CaseLink
        fields = [
            *("id", "kind", "direction", "label", "other_case", "from_case", "to_case"),
            *("date", "note", "sources"),
        ]

    def _outgoing(self, link: CaseLink) -> bool:
        return link.from_case_id == self.context["case"].pk

    @extend_schema_field({"type": "string", "enum": ["out", "in"]})
    def get_direction(self, link: CaseLink) -> str:
        """``out`` when this case is the link's from-case, ``in`` when it is its to-case."""
        return "out" if self._outgoing(link) else "in"

    def get_label(self, link: CaseLink) -> str:
        return link.get_kind_display() if self._outgoing(link) else link.inverse_label

    @extend_schema_field(CaseRefSerializer)
    def get_other_case(self, link: CaseLink) -> dict:
        other = link.to_case if self._outgoing(link) else link.from_case
        return CaseRefSerializer(other, context=self.context).data
