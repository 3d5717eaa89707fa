"""The markup of the rows pages print by the dozen, built in Python with ``tracker.html``.

One module per piece (the case list's rows, a case's timeline, motions, related cases and
parties, a deadline); the template tags of ``cases/templatetags`` join them. Built in Python
for speed; see docs/performance.md.
"""
