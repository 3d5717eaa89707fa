"""Dockets that arrive from outside: PACER docket reports and CourtListener.

Each source is parsed into a ``DocketData`` (``cases.importers.docket``), which one merge writes
into the tracker through the services, so an imported entry behaves like one an editor typed:
it is a ``CaseEvent`` on the timeline, in the feeds and in the followers' alerts.
"""
