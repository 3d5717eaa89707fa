"""Every integrity rule holds in PostgreSQL itself, even for writes that skip validation."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cases import services
from cases.models import Case, CaseLink, DocketEntry, Motion, Ruling, RulingMotion
from parties.models import CaseParty, Representation
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def rejected(write) -> str:
    """Run a raw write that must fail in the database; return the database's message."""
    with pytest.raises(IntegrityError) as info, transaction.atomic():
        write()
    return str(info.value)


def test_docket_number_is_unique_per_court():
    court = factories.court()
    first = factories.case(court, docket_number="1:20-cv-00512")
    message = rejected(
        lambda: Case.objects.create(
            court=court, docket_number="1:20-cv-00512", caption="x", short_name="x", slug="x"
        )
    )
    assert "case_unique_docket_number_per_court" in message
    # The same number in another court is another case.
    other = factories.case(docket_number=first.docket_number)
    assert other.pk != first.pk


def test_closed_date_cannot_precede_filed_date():
    case = factories.case(filed_date=D(2021, 3, 9))
    message = rejected(lambda: Case.objects.filter(pk=case.pk).update(closed_date=D(2021, 3, 8)))
    assert "case_closed_on_or_after_filed" in message
    Case.objects.filter(pk=case.pk).update(closed_date=D(2021, 3, 9))  # same day is fine


def test_entry_number_is_unique_per_case_but_unnumbered_entries_may_repeat():
    case = factories.case()
    DocketEntry.objects.create(case=case, number=47, filed_date=D(2021, 2, 22), text="Motion")
    message = rejected(
        lambda: DocketEntry.objects.create(
            case=case, number=47, filed_date=D(2021, 2, 23), text="x"
        )
    )
    assert "docketentry_unique_number_per_case" in message
    DocketEntry.objects.create(case=case, number=None, filed_date=D(2021, 3, 1), text="Minute")
    DocketEntry.objects.create(case=case, number=None, filed_date=D(2021, 3, 1), text="Minute")
    assert case.docket_entries.filter(number__isnull=True).count() == 2


def test_case_party_role_is_unique():
    case = factories.case()
    clearview = factories.party(name="Clearview AI, Inc.")
    factories.case_party(case, role="defendant", party=clearview)
    message = rejected(
        lambda: CaseParty.objects.create(case=case, party=clearview, role="defendant")
    )
    assert "caseparty_unique_role" in message
    # The same party in another role of the same case is allowed (e.g. counter-claimant).
    CaseParty.objects.create(case=case, party=clearview, role="appellant")


def test_party_cannot_be_terminated_before_it_joined():
    case = factories.case()
    message = rejected(
        lambda: CaseParty.objects.create(
            case=case,
            party=factories.party(),
            role="plaintiff",
            joined_date=D(2021, 4, 22),
            terminated_date=D(2021, 4, 21),
        )
    )
    assert "caseparty_terminated_on_or_after_joined" in message


def test_representation_cannot_end_before_it_started():
    from parties.services import attorney_create

    cp = factories.case_party(factories.case())
    drury = attorney_create(name="Scott R. Drury")
    message = rejected(
        lambda: Representation.objects.create(
            attorney=drury,
            case_party=cp,
            role="interim_lead",
            start_date=D(2022, 9, 23),
            end_date=D(2021, 3, 10),
        )
    )
    assert "representation_end_on_or_after_start" in message


def test_case_cannot_link_to_itself():
    case = factories.case()
    message = rejected(
        lambda: CaseLink.objects.create(from_case=case, to_case=case, kind="related")
    )
    assert "caselink_not_to_itself" in message


def test_ruling_cannot_decide_a_motion_of_another_case():
    thornley, mdl = factories.case(), factories.case()
    stay = factories.motion(thornley, filed_date=D(2021, 2, 22))
    ruling = Ruling.objects.create(case=mdl, title="Order", kind="order", date=D(2021, 3, 10))
    message = rejected(
        lambda: RulingMotion.objects.create(ruling=ruling, motion=stay, outcome="denied")
    )
    assert "A ruling can only decide motions of its own case" in message


def test_ruling_cannot_predate_the_motion_it_decides():
    case = factories.case()
    stay = factories.motion(case, filed_date=D(2021, 2, 22))
    ruling = Ruling.objects.create(case=case, title="Order", kind="order", date=D(2021, 2, 21))
    message = rejected(
        lambda: RulingMotion.objects.create(ruling=ruling, motion=stay, outcome="denied")
    )
    assert "cannot be dated before a motion it decides was filed" in message


def test_integrity_is_rechecked_when_a_decided_ruling_or_motion_changes():
    case, other = factories.case(), factories.case()
    stay = factories.motion(case, filed_date=D(2021, 2, 22))
    ruling = services.ruling_record(
        case=case, title="Order", kind="order", date=D(2021, 3, 1), decisions=[(stay, "denied")]
    )
    assert "cannot be dated before" in rejected(
        lambda: Ruling.objects.filter(pk=ruling.pk).update(date=D(2021, 2, 1))
    )
    assert "cannot be dated before" in rejected(
        lambda: Motion.objects.filter(pk=stay.pk).update(filed_date=D(2021, 3, 2))
    )
    assert "own case" in rejected(lambda: Ruling.objects.filter(pk=ruling.pk).update(case=other))
    assert "own case" in rejected(lambda: Motion.objects.filter(pk=stay.pk).update(case=other))


def test_a_ruling_with_no_known_date_may_decide_a_motion():
    case = factories.case()
    stay = factories.motion(case, filed_date=D(2021, 2, 22))
    ruling = services.ruling_record(
        case=case,
        title="Order denying stay",
        kind="order",
        date=None,
        date_note="before mid-March 2021",
        decisions=[(stay, "denied")],
    )
    assert ruling.decisions.get().outcome == "denied"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda c: Case(
                court=c.court,
                docket_number=c.docket_number,
                caption="x",
                short_name="x",
                slug="x-unique",
            ),
            "A case with this docket number already exists in this court.",
        ),
        (
            lambda c: Case(
                court=c.court,
                docket_number="2",
                caption="x",
                short_name="x",
                slug="x-2",
                filed_date=D(2021, 3, 9),
                closed_date=D(2021, 3, 1),
            ),
            "The closed date cannot be before the filed date.",
        ),
        (
            lambda c: CaseLink(from_case=c, to_case=c, kind="related"),
            "A case cannot be linked to itself.",
        ),
    ],
)
def test_model_validation_gives_readable_messages(build, message):
    existing = factories.case()
    with pytest.raises(ValidationError) as info:
        build(existing).full_clean()
    assert message in info.value.messages
