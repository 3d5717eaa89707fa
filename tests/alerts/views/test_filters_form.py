"""My alerts: a subscription's filters (words, motion kinds) and the follow-on setting."""

from __future__ import annotations

import pytest

from alerts import services
from alerts.models import AlertSettings, Subscription
from tests import factories
from tests.alerts.views.pages import messages_of, post_form, text_of
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def sub(alice) -> Subscription:
    return services.subscription_follow(
        user=alice, case=factories.case(short_name="Thornley v. Clearview")
    )


def test_words_and_kinds_are_saved_as_parsed_and_shown_back(alice_client, sub):
    p = f"s{sub.pk}-"
    page = alice_client.get("/alerts/")
    assert "Filters (none: everything chosen above)" in text_of(page)
    assert "<details" in page.content.decode() and " open>" not in page.content.decode()
    response = post_form(
        alice_client,
        page,
        f"subscription-{sub.pk}",
        **{
            f"{p}match_words": "  settlement   \u201cpreliminary  injunction\u201d Settlement",
            f"{p}motion_kinds": ["dismiss", "stay"],
            f"{p}docket_entries": "on",
        },
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.match_words == 'settlement "preliminary injunction"'
    assert (sub.motion_kinds, sub.docket_entries) == (["dismiss", "stay"], True)
    page = alice_client.get("/alerts/")
    assert "Saved your alerts for Thornley v. Clearview." in messages_of(page)
    assert 'Filters: words settlement "preliminary injunction"; 2 motion kinds' in text_of(page)
    shown = form_data(page, f"subscription-{sub.pk}")
    assert shown[f"{p}match_words"] == 'settlement "preliminary injunction"'
    assert shown[f"{p}motion_kinds"] == ["dismiss", "stay"]
    # Emptied again: no limit.
    post_form(
        alice_client,
        page,
        f"subscription-{sub.pk}",
        **{f"{p}match_words": "", f"{p}motion_kinds": None},
    )
    sub.refresh_from_db()
    assert (sub.match_words, sub.motion_kinds) == ("", [])


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("match_words", '"preliminary injunction', "A quoted phrase is not closed"),
        ("match_words", " ".join(f"w{n}" for n in range(25)), "Give at most 20 words or phrases"),
        ("match_words", "y" * 150, "Each word or phrase may be up to 100 characters"),
        ("motion_kinds", "bribery", "Select a valid choice. bribery is not one of the"),
    ],
)
def test_bad_filters_are_shown_under_their_field_and_nothing_is_saved(
    alice_client, sub, field, value, error
):
    p = f"s{sub.pk}-"
    response = post_form(
        alice_client,
        alice_client.get("/alerts/"),
        f"subscription-{sub.pk}",
        # A choice changed in the same form is not saved either.
        **{f"{p}{field}": value, f"{p}rulings": None, f"{p}docket_entries": "on"},
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "Your choices for Thornley v. Clearview were not saved." in text
    assert error in text
    page = response.content.decode()
    assert f'id="id_{p}{field}_error"' in page
    assert '<details class="filters" open>' in page  # the filters are shown open
    if field == "match_words":
        assert form_data(response, f"subscription-{sub.pk}")[f"{p}match_words"] == value
    saved = Subscription.objects.get(pk=sub.pk)
    assert (saved.match_words, saved.motion_kinds, saved.rulings, saved.docket_entries) == (
        "",
        [],
        True,
        False,
    )


def test_the_follow_on_setting(alice_client, alice):
    page = alice_client.get("/alerts/")
    assert form_data(page, "alert-settings")["follow_on"] == "offer"
    assert "When a case moves on" in text_of(page)
    response = post_form(alice_client, page, "alert-settings", follow_on="follow")
    assert response.status_code == 302
    assert AlertSettings.objects.get(user=alice).follow_on == "follow"
    refused = post_form(alice_client, alice_client.get("/alerts/"), "alert-settings", follow_on="x")
    assert refused.status_code == 200 and "Select a valid choice. x is not one of" in text_of(
        refused
    )
    assert AlertSettings.objects.get(user=alice).follow_on == "follow"
