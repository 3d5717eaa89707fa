"""Demo data at scale: ``python manage.py generate_demo_data --scale 1`` (PostgreSQL only).

The app has no models: it fills those of ``cases``, ``parties`` and ``alerts``, which it may
import; nothing imports it.

- ``plan``: how many rows of each kind at a scale;
- ``courts``, ``words``, ``texts``: the courts, vocabulary, names, weights and text templates;
  ``draws``: weighted picks, Zipf words, counts spread over slots;
- ``state``: the seeded draws, the COPY tables and ids, and the rows many cases share;
- ``generator``: the order of it all: ``shared`` (courts, judges, parties, demo users and
  subscriptions), ``heads`` (what each case will be: type, court, dates, status, sizes, links),
  ``case`` (one case and all its rows);
- ``columns``, ``copyfiles``: the tables' columns, rows in COPY format in a file per table;
- ``loader``: the transaction that checks, resets, generates, COPYs (``pipeline``, ``progress``)
  and fills the search vectors; ``database``: what it asks of the database.
"""
