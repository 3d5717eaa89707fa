"""``{% outcome_chart table %}``: the SVG bar chart of an analytics table (cases/analytics)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from cases.analytics.chart import outcome_chart as chart
from cases.analytics.selectors import OutcomeTable

register = template.Library()


@register.simple_tag
def outcome_chart(table: OutcomeTable, subject: str = "") -> SafeString:
    """Return the chart of the table's groups; ``subject`` starts its title (a judge's name)."""
    title = f"{subject or 'Motion outcomes'}, {table.title.lower()}: decided motions by outcome"
    return chart(table.groups, chart_id=f"chart-{table.name}", title=title)
