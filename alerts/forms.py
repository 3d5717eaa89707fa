"""The forms of the "My alerts" page: one per followed case, and the person's alert settings."""

from __future__ import annotations

import functools
import zoneinfo

from django import forms

from alerts.models import AlertSettings, Subscription

CHOICES = ("deadline_reminders", "status_changes", "rulings", "motions", "docket_entries")
CHOICE_LABELS = {
    "deadline_reminders": "Deadline reminders",
    "status_changes": "Status changes",
    "rulings": "Rulings",
    "motions": "Motions filed",
    "docket_entries": "Every docket entry",
}


# Names the system's zone database holds that are no place's time: the host's own setting
# (it differs between machines) and tzdata's placeholder zone.
NOT_ZONES = {"localtime", "Factory"}


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    names = sorted(zoneinfo.available_timezones() - NOT_ZONES)
    return [(name, name.replace("_", " ")) for name in names]


class SubscriptionForm(forms.ModelForm):
    """Which kinds of news one followed case brings (prefixed, so each row's ids are unique)."""

    class Meta:
        model = Subscription
        fields = list(CHOICES)
        labels = CHOICE_LABELS


class AlertSettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label="Time zone", choices=time_zone_choices)
    digest_hour = forms.TypedChoiceField(
        label="Digest hour",
        coerce=int,
        choices=[(hour, f"{hour:02d}:00") for hour in range(24)],
        help_text="The daily digest is sent at this hour, in your time zone.",
    )

    class Meta:
        model = AlertSettings
        fields = ["time_zone", "delivery", "digest_hour", "reminder_days"]
        labels = {"delivery": "Delivery", "reminder_days": "Reminder days"}
