"""What the cases admin modules share: the case filter and the admin with a history page."""

from __future__ import annotations

from simple_history.admin import SimpleHistoryAdmin

from cases.models import Case
from tracker.admin_tools import RelatedIdFilter, ServiceAdmin


class CaseFilter(RelatedIdFilter):
    title = "case"
    parameter_name = "case"
    related_model = Case
    field = "case"


class HistoryServiceAdmin(ServiceAdmin, SimpleHistoryAdmin):
    """A service-saving admin with django-simple-history's read-only "History" page."""
