"""Demo data at scale: ``python manage.py generate_demo_data --scale 1`` (PostgreSQL only).

- ``plan``: how many rows of each kind at a scale;
- ``courts``, ``words``, ``texts``: the courts, vocabulary, names, weights and text templates;
- ``generator``: courts, judges, parties, demo users and subscriptions, and what each case will
  be (type, court, dates, status, sizes, links); ``case_writer``: one case and all its rows;
- ``copyfiles``: rows in COPY format, in a file per table; ``loader``: the transaction that
  checks, resets, generates, COPYs and fills the search vectors.
"""
