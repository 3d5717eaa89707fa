"""Data entry for courts, cases, docket entries, motions, rulings and deadlines; the import log.

Every add and change form saves through ``cases.services``, so the admin records the same
status changes and events as the seed loader and the tests. One module per model family;
importing them here runs their ``@admin.register``.
"""

from cases.admin import (  # noqa: F401
    cases,
    courts,
    deadlines,
    default_periods,
    docket_entries,
    history,
    import_log,
    links,
    motions,
    rulings,
    tags,
)
