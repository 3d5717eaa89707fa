"""A docket from outside, whatever its source, and the one merge that writes it into the tracker.

The merge matches what is already there (the case by court and docket number, parties and
attorneys by name, entries by number, else by the court's ids, else by date and text), adds what
is new through the services and changes what changed, in one transaction: a docket that cannot be
taken whole writes nothing. Each new entry is reported as a ``CaseEvent`` (and so reaches the
case's followers) once; an imported entry the source no longer lists is kept and flagged.

``data`` holds what a source gives, ``matching`` finds the case and its entries, ``text`` reads
the docket's words; ``merge`` writes the case (``merge_case``), the parties and counsel
(``merge_parties``) and the entries (``merge_entries``), and says what it did (``report``).
"""

from cases.importers.docket.data import AttorneyData, DocketData, EntryData, EntryScope, PartyData
from cases.importers.docket.matching import case_find, docket_number_key, docket_number_normalize
from cases.importers.docket.merge import docket_merge
from cases.importers.docket.report import MergeReport
from cases.importers.docket.text import clean_text, representation_role, terminated_on

__all__ = [
    "AttorneyData",
    "DocketData",
    "EntryData",
    "EntryScope",
    "MergeReport",
    "PartyData",
    "case_find",
    "clean_text",
    "docket_merge",
    "docket_number_key",
    "docket_number_normalize",
    "representation_role",
    "terminated_on",
]
