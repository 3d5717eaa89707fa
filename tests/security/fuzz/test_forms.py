"""Forms: junk bodies posted to every public form and a set of admin forms."""

from __future__ import annotations

from typing import Any

import hypothesis
import pytest
from hypothesis import given

from tests.forms import form_data
from tests.security.fuzz.form_table import FORMS, KEPT_FIELDS, URLENCODED, Form
from tests.security.fuzz.fuzzer import FUZZ, Fuzzer
from tests.security.fuzz.junk import bodies, encode_pair, sweep
from tests.security.fuzz.responses import admin_rejected, rejected_unless_redirected
from tests.security.fuzz.world import World

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_forms_take_junk(form: Form, fuzz: Fuzzer, world: World) -> None:
    action = world.format(form.action)
    base: dict[str, Any] = dict(form.fields)
    if form.page:
        page = fuzz.clients[form.who].get(world.format(form.page))
        assert page.status_code == 200, page
        base = form_data(page, world.format(form.form_id or ""))
        assert base, f"no form {form.form_id} on {form.page}"
    rejected = admin_rejected if form.admin else rejected_unless_redirected

    @hypothesis.settings(FUZZ, max_examples=form.examples)
    @given(sent=bodies(base, list(form.extra), list(form.valid)))
    def run(sent: tuple[bytes, str]) -> None:
        body, content_type = sent
        fuzz.send(
            "POST", action, body=body, content_type=content_type, who=form.who, rejected=rejected
        )

    # The sweep keeps the inline formsets' management fields, or their rows would not be read.
    kept = {n: v for n, v in base.items() if n.endswith(KEPT_FIELDS)}
    swept = [n for n in base if n not in kept]
    keep = b"&".join(encode_pair(n, str(v), "utf8") for n, v in kept.items())
    for body in sweep(swept):
        run = hypothesis.example(sent=(body + b"&" + keep, URLENCODED))(run)
    # The form as it came with the admin's switches there but empty: all of them, and the one
    # that "_saveasnew" would hide on a change form.
    fields = [
        encode_pair(name, value, "utf8")
        for name, values in base.items()
        if name not in kept
        for value in (values if isinstance(values, list) else [values])
    ]
    for switches in [form.extra, form.extra[-1:]] if form.extra else []:
        empty = b"&".join(fields + [n.encode() + b"=" for n in switches])
        run = hypothesis.example(sent=(empty + b"&" + keep, URLENCODED))(run)
    run()
