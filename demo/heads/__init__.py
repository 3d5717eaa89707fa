"""What each demo case will be, decided before any of its rows are written.

- ``head``: the ``CaseHead`` of a case;
- ``draw``: its type, court, dates, status and docket number (``docket_numbers``: in the court's
  style);
- ``sizes``: how many docket entries, motions and deadlines it has, and which motions a ruling of
  their own decides;
- ``links``: the related-case graph (appeals, removals, remands, MDL members).
"""
