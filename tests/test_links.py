"""slug_url() gives what reverse() gives, whatever the slug, prefix or URLconf."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from tracker.links import slug_url

SLUGS = ["renderos-v-clearview", "ilnd", "a", "x_1-2", "0slug0", "UPPER-case"]


@pytest.mark.parametrize("name", ["case-detail", "court-detail", "party-detail"])
@pytest.mark.parametrize("slug", SLUGS)
def test_the_same_url_as_reverse(name, slug):
    assert slug_url(name, slug) == reverse(name, args=[slug])


@pytest.mark.parametrize("prefix", ["/", "/tracker/", "/a/b/"])
def test_under_a_script_prefix(prefix):
    set_script_prefix(prefix)
    try:
        assert slug_url("case-detail", "thornley") == reverse("case-detail", args=["thornley"])
        assert slug_url("case-detail", "thornley") == f"{prefix}cases/thornley/"
    finally:
        clear_script_prefix()
    assert slug_url("case-detail", "thornley") == "/cases/thornley/"


def test_what_is_not_a_slug_goes_through_reverse():
    with pytest.raises(NoReverseMatch):
        slug_url("case-detail", "not a slug")
    with pytest.raises(NoReverseMatch):
        slug_url("case-detail", "")


@override_settings(ROOT_URLCONF="tests.urls_elsewhere")
def test_another_urlconf():
    assert slug_url("case-detail", "thornley") == "/elsewhere/thornley/"
