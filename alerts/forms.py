"""The forms of the "My alerts" page: one per followed case, and the person's alert settings."""

from __future__ import annotations

import functools
import zoneinfo

from django import forms

from alerts.filters import format_match_words, parse_match_words
from alerts.models import SUBSCRIPTION_CHOICES, AlertSettings, Subscription
from cases.models import MotionKind

CHOICES = SUBSCRIPTION_CHOICES
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
    """Which kinds of news one followed case brings, and the filters that narrow them
    (prefixed, so each row's ids are unique)."""

    match_words = forms.CharField(
        label="Only with these words",
        required=False,
        strip=True,
        help_text="Docket entries, motions and rulings are sent only when their text has one of "
        'these words or "quoted phrases" (any case, whole words), e.g. settlement '
        '"preliminary injunction". Up to 20. Empty: all of them.',
    )
    motion_kinds = forms.MultipleChoiceField(
        label="Only motions of these kinds",
        required=False,
        choices=MotionKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Motions filed and decided. None ticked: every kind.",
    )

    class Meta:
        model = Subscription
        fields = [*CHOICES, "match_words", "motion_kinds"]
        labels = CHOICE_LABELS

    def clean_match_words(self) -> str:
        """Store the words as parsed: the same text means the same filter."""
        return format_match_words(parse_match_words(self.cleaned_data["match_words"]))

    def choice_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in CHOICES]

    def filter_errors(self) -> bool:
        """Whether a filter was refused (the page then shows the filters open)."""
        return self.is_bound and bool({"match_words", "motion_kinds"} & set(self.errors))


class SubscriptionAdminForm(SubscriptionForm):
    """The admin's subscription form: the reader's choices and filters, and whose it is."""

    class Meta(SubscriptionForm.Meta):
        fields = ["user", "case", *CHOICES, "match_words", "motion_kinds", "active"]


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
        fields = ["time_zone", "delivery", "digest_hour", "reminder_days", "follow_on"]
        labels = {
            "delivery": "Delivery",
            "reminder_days": "Reminder days",
            "follow_on": "When a case moves on",
        }
