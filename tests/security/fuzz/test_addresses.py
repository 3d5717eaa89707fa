"""Junk in the address itself."""

from __future__ import annotations

import hypothesis
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from tests.security.fuzz.fuzzer import FUZZ, Fuzzer
from tests.security.fuzz.junk import junk, percent

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/cases/{}/",
    "/cases/{}/related/",
    "/cases/{}/feed.atom",
    "/cases/{}/deadlines.ics",
    "/cases/{}/timeline.csv",
    "/courts/{}/",
    "/judges/{}/",
    "/parties/{}/",
    "/alerts/unsubscribe/{}/",
    "/accounts/reset/{}/set-password/",
    "/accounts/reset/MQ/{}/",
    "/{}",
]
segments = st.one_of(
    junk.map(lambda text: percent(text.encode())),
    st.binary(min_size=1, max_size=12).map(percent),
    st.sampled_from(["alpha", "1", "MQ"]).flatmap(
        lambda valid: junk.map(lambda text: percent((valid + text).encode()))
    ),
)


@hypothesis.settings(FUZZ, max_examples=620, suppress_health_check=list(HealthCheck))
@given(segment=segments)
def test_addresses_take_junk(fuzz: Fuzzer, segment: bytes) -> None:
    for address in ADDRESSES:
        fuzz.send("GET", address.format(segment.decode()))
