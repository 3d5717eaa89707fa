"""Save the HTML of the benchmark's pages, and of the admin's, to compare two versions of the code.

A restructuring must leave the markup as it was. Run this from each checkout against the same
database and compare the folders::

    .venv/bin/python bench/html_snapshot.py /tmp/before     # in a worktree of the old commit
    .venv/bin/python bench/html_snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after && echo identical

It picks the pages as ``bench/pages.py`` does (the case with the most docket entries, a small
one, the busiest and a typical party, the commonest court and status, the rare and the common
search word) from ``BENCH_DATABASE_URL`` (default the bench database), and renders them in
process with Django's test client. The admin pages are rendered for a superuser created in a
transaction that is rolled back at the end, so the database is left as it was. CSRF tokens, which
differ on every request, are replaced by a placeholder.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from pages import DEFAULT_DATABASE_URL, paths, pick_targets  # noqa: E402

CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: bench/html_snapshot.py OUTPUT_FOLDER")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    targets = pick_targets(database_url, None, None)
    # Development settings (no collected static files needed) on the bench database.
    os.environ.update(DATABASE_URL=database_url, ENV_FILE=os.devnull, DEBUG="true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client

    from cases.models import Case, Deadline, DocketEntry, Motion, Ruling

    public = {name: path for name, path in paths(targets).items() if name not in {"floor"}}
    public.update(home="/", courts="/courts/", related=f"/cases/{targets['largest_case']}/related/")
    with transaction.atomic():
        client = Client()
        for name, path in public.items():
            save(out, name, client.get(path))
        admin = get_user_model().objects.create_superuser("html-snapshot", password="x")  # noqa: S106
        client.force_login(admin)
        case = Case.objects.get(slug=targets["largest_case"])
        admin_pages = {
            "admin_index": "/admin/",
            "admin_case_list": "/admin/cases/case/",
            "admin_case_change": f"/admin/cases/case/{case.pk}/change/",
            "admin_deadline_add": "/admin/cases/deadline/add/",
            "admin_motion_add": "/admin/cases/motion/add/",
            "admin_ruling_add": "/admin/cases/ruling/add/",
            "admin_ruling_add_for_case": f"/admin/cases/ruling/add/?case={case.pk}",
        }
        for model, key in ((Deadline, "deadline"), (Motion, "motion"), (Ruling, "ruling")):
            row = model.objects.filter(case=case).order_by("pk").first()
            if row is not None:
                admin_pages[f"admin_{key}_change"] = f"/admin/cases/{key}/{row.pk}/change/"
            if row is not None and model is Motion:
                admin_pages["admin_motion_deadlines"] = f"/admin/cases/motion/{row.pk}/deadlines/"
        entry = DocketEntry.objects.filter(case=case).order_by("pk").first()
        admin_pages["admin_docketentry_change"] = f"/admin/cases/docketentry/{entry.pk}/change/"
        for name, path in admin_pages.items():
            save(out, name, client.get(path))
        transaction.set_rollback(True)
    print(f"{len(public) + len(admin_pages)} pages saved in {out}")


def save(out: Path, name: str, response: object) -> None:
    if response.streaming:
        body = b"".join(response.streaming_content).decode()
    else:
        body = response.content.decode()
    body = CSRF.sub(r"\1CSRF\2", body)
    (out / f"{name}.html").write_text(f"{response.status_code}\n{body}")


if __name__ == "__main__":
    main()
