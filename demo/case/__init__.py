"""One demo case and everything in it, written the way the services would have written it.

- Its parties (captions are "<first plaintiff> v. <first defendant>" of its own parties), judges,
  status history and docket; each motion on a docket entry of its own.
- A ruling decides one or more motions of its own case, is dated on or after each one's filing
  (on a later docket entry when there is one), and sets each decided motion's status to its
  outcome; a motion is decided at most once. Undecided motions are pending, or withdrawn, moot
  or "unknown" with the event that reports it.
- Computed deadlines are computed by the real deadline engine (``cases.deadlines.engine``).
- Every change is in the activity log (``CaseEvent``), already dispatched, so the data alerts
  nobody; ``Case.last_activity_on`` is the date of the case's latest event.

``writer.CaseWriter`` writes a case part by part, in the order that makes the draws repeat.
"""
