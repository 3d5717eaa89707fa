"""The task: the periodic sync of every linked case, and its settings at start-up."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

import pytest

from cases.importers import courtlistener as cl
from cases.models import DocketEntry
from cases.tasks import courtlistener_sync
from tests import factories
from tests.importers.courtlistener.payloads import API, DOCKET_ID
from tests.processes import clean_env, manage_run


@pytest.mark.django_db(transaction=True)
def test_without_a_token_the_task_does_nothing(courtlistener, thornley, settings):
    settings.COURTLISTENER_TOKEN = ""
    courtlistener.serve()
    assert courtlistener_sync.delay().get() == 0
    assert courtlistener.server.log == []
    thornley.refresh_from_db()
    assert (thornley.courtlistener_synced_at, thornley.courtlistener_sync_error) == (None, "")
    assert DocketEntry.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_task_syncs_each_linked_case_and_a_failure_stops_only_its_own(
    courtlistener, thornley, settings
):
    broken = factories.case(
        court_=thornley.court, docket_number="1:20-cv-04444", courtlistener_docket_id=11111
    )
    unlinked = factories.case(court_=thornley.court, docket_number="1:20-cv-05555")
    courtlistener.server.expect_request(f"{API}dockets/11111/").respond_with_json(
        {"detail": "Not found."}, status=404
    )
    courtlistener.serve()

    assert courtlistener_sync.delay().get() == 1

    thornley.refresh_from_db()
    broken.refresh_from_db()
    assert thornley.courtlistener_synced_at is not None and thornley.courtlistener_sync_error == ""
    assert DocketEntry.objects.filter(case=thornley).count() == 5
    assert broken.courtlistener_synced_at is None
    assert "nothing at dockets/11111/ (404 Not Found)" in broken.courtlistener_sync_error
    assert unlinked.courtlistener_sync_error == ""
    # Synced just now: not due again; the failed one is.
    assert cl.courtlistener_sync_due() == [broken.pk]
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=31)
    assert set(cl.courtlistener_sync_due(now=later)) == {broken.pk, thornley.pk}


@pytest.mark.django_db(transaction=True)
def test_rate_limiting_stops_the_run_and_leaves_the_rest_for_the_next(
    courtlistener, thornley, settings
):
    other = factories.case(
        court_=thornley.court, docket_number="1:20-cv-04444", courtlistener_docket_id=11111
    )
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(
        {"detail": "Throttled."}, status=429, headers={"Retry-After": "900"}
    )
    assert courtlistener_sync.delay().get() == 0
    assert [r.path for r, _ in courtlistener.server.log] == [f"{API}dockets/{DOCKET_ID}/"]
    thornley.refresh_from_db()
    assert "429 Too Many Requests" in thornley.courtlistener_sync_error
    assert set(cl.courtlistener_sync_due()) == {thornley.pk, other.pk}


def test_the_beat_schedule_runs_the_sync_task(settings):
    from tracker.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["cases-courtlistener-sync"]
    assert entry == {
        "task": "cases.tasks.courtlistener_sync",
        "schedule": settings.COURTLISTENER_SYNC_MINUTES * 60,
    }
    app.loader.import_default_modules()
    assert "cases.tasks.courtlistener_sync" in app.tasks


def run_settings(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = clean_env(tmp_path, **variables)
    for name in list(env):
        if name.startswith("COURTLISTENER_") and name not in variables:
            del env[name]
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'token': s.COURTLISTENER_TOKEN, 'url': s.COURTLISTENER_API_URL, "
        "'secret': s.COURTLISTENER_WEBHOOK_SECRET, 'timeout': s.COURTLISTENER_TIMEOUT, "
        "'minutes': s.COURTLISTENER_SYNC_MINUTES, "
        "'beat': s.CELERY_BEAT_SCHEDULE['cases-courtlistener-sync']['schedule']}))"
    )
    return manage_run(env, "shell", "-c", code)


@pytest.mark.slow
def test_make_run_settings_import_with_the_sync_off(tmp_path):
    result = run_settings(tmp_path)  # nothing set: SQLite, files, no CourtListener
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "token": "",
        "url": "https://www.courtlistener.com/api/rest/v4/",
        "secret": "",
        "timeout": 20.0,
        "minutes": 60,
        "beat": 3600,
    }
    result = run_settings(
        tmp_path,
        COURTLISTENER_TOKEN="abc",
        COURTLISTENER_API_URL="http://127.0.0.1:9/api/rest/v4",
        COURTLISTENER_TIMEOUT="2.5",
        COURTLISTENER_SYNC_MINUTES="15",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert (values["url"], values["timeout"], values["minutes"], values["beat"]) == (
        "http://127.0.0.1:9/api/rest/v4/",
        2.5,
        15,
        900,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("COURTLISTENER_TIMEOUT", "soon"),
        ("COURTLISTENER_TIMEOUT", "0"),
        ("COURTLISTENER_SYNC_MINUTES", "0"),
        ("COURTLISTENER_SYNC_MINUTES", "hourly"),
        ("COURTLISTENER_API_URL", "ftp://courtlistener.example/"),
    ],
)
def test_a_bad_courtlistener_setting_stops_start_up_naming_it(tmp_path, variable, value):
    result = run_settings(tmp_path, **{variable: value})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Configuration error:"), result.stderr
    assert variable in result.stderr and "Traceback" not in result.stderr
