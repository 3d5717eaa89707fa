"""The case page's timeline chart: a server-rendered SVG strip of the case's life.

- ``scale``: dates to x, the axis ticks, bars packed into rows (pure functions over dates);
- ``facts``: the page's rows (case, status changes, motions, deadlines) as plain dataclasses;
- ``svg``: the figure built from those facts (the SVG, its caption and its legend), escaped
  through ``tracker.html``.
"""
