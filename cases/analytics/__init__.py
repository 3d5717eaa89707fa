"""Motion-outcome analytics: how motions fared, by motion kind, court and judge.

- ``outcomes``: what is counted (the outcomes, their labels and colours) and the SQL aggregates
  that count them, shared by the refresh and the live queries;
- ``refresh``: the service that rebuilds the summary tables (``cases.models.analytics``) in one
  transaction, and queues a rebuild after a ruling commits;
- ``filters``: the FilterSet of the page and its CSV downloads;
- ``groups``: one group's counts with their denominators, as the page and the CSV show them;
- ``selectors``: the reads (the summary when unfiltered, live over it when filtered);
- ``chart``: the SVG bar chart, built with ``tracker.html``; ``downloads``: the CSV;
- ``views``: ``/analytics/`` and ``/analytics/<table>.csv``.
"""
