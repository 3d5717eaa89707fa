"""Read-only querysets for the pages, feeds and exports, a module per page.

Each returns rows with what its page shows already joined or prefetched, so that a page costs
the same number of queries whatever the number of rows it shows. The names here are the ones
the views, feeds, exports and alerts read (``from cases import selectors``).
"""

from cases.selectors.case import case_for_page
from cases.selectors.chart import ChartMotions, chart_motions
from cases.selectors.courts import (
    court_for_page,
    courts_with_counts,
    judge_cases,
    judge_for_page,
    judge_rulings,
)
from cases.selectors.deadlines import (
    CaseDeadlines,
    case_deadlines,
    deadlines_page,
    upcoming_deadlines,
)
from cases.selectors.graph import case_graph
from cases.selectors.home import latest_rulings, latest_status_changes
from cases.selectors.motions import latest_motions
from cases.selectors.notes import NotesAndTags, case_notes_and_tags, tags_by_case
from cases.selectors.parties import Counsel, RoleGroup, case_parties_by_role
from cases.selectors.related import Related, case_links, case_related, related_item
from cases.selectors.shared import CASE_TEXT
from cases.selectors.timeline import TIMELINE_KINDS, activity, case_timeline, timeline_for_page

__all__ = [
    "CASE_TEXT",
    "TIMELINE_KINDS",
    "CaseDeadlines",
    "ChartMotions",
    "Counsel",
    "NotesAndTags",
    "Related",
    "RoleGroup",
    "activity",
    "case_deadlines",
    "case_for_page",
    "case_graph",
    "case_links",
    "case_notes_and_tags",
    "case_parties_by_role",
    "case_related",
    "case_timeline",
    "chart_motions",
    "court_for_page",
    "courts_with_counts",
    "deadlines_page",
    "judge_cases",
    "judge_for_page",
    "judge_rulings",
    "latest_motions",
    "latest_rulings",
    "latest_status_changes",
    "related_item",
    "tags_by_case",
    "timeline_for_page",
    "upcoming_deadlines",
]
