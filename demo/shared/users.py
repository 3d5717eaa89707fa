"""The demo users (demo-00001 ...), each with alert settings; none can sign in."""

from __future__ import annotations

import datetime

from demo import words
from demo.copyfiles import NULL, moment
from demo.state import State

DEMO_USER_PREFIX = "demo-"
DEMO_EMAIL_DOMAIN = "example.org"
ZONES = (
    ["America/New_York"] * 5 + ["America/Chicago"] * 3 + ["America/Los_Angeles"] * 3
    + ["America/Denver", "America/Phoenix", "Pacific/Honolulu", "Europe/London"]
)  # fmt: skip


def users_write(state: State) -> None:
    """Write the plan's demo users and their alert settings."""
    rng = state.rng
    users, settings = state.tables["auth_user"], state.tables["alerts_alertsettings"]
    for n in range(1, state.plan.users + 1):
        user_id = state.next_id("auth_user")
        state.user_ids.append(user_id)
        username = f"{DEMO_USER_PREFIX}{n:05d}"
        joined = state.today - datetime.timedelta(days=rng.randint(1, 1500))
        # Unusable ("!" first, as set_unusable_password writes, but from the seed): a demo
        # reader cannot sign in until someone sets a password.
        password = "!" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=40))
        users.add(
            str(user_id), password, NULL, "f", username, rng.choice(words.FIRST_NAMES),
            rng.choice(words.LAST_NAMES), f"{username}@{DEMO_EMAIL_DOMAIN}", "f", "t",
            moment(joined, "12:00:00"),
        )  # fmt: skip
        settings.add(
            str(state.next_id("alerts_alertsettings")),
            rng.choice(ZONES),
            "digest" if rng.random() < 0.25 else "immediate",
            str(rng.choice([6, 7, 7, 7, 8, 18])),
            rng.choice(["7, 1", "7, 1", "7, 1", "3", "14, 7, 1", "1", "2"]),
            NULL,
            "",
            str(user_id),
        )
