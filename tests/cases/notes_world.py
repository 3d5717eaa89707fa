"""The people and the case the notes and tags tests share.

alice is an editor (staff, in the Editors group: the ``alice`` fixture of tests/conftest.py);
bob and carol are readers (signed in, not staff); root is a superuser.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from cases.models import Case
from tests import factories


@pytest.fixture
def bob(db) -> User:
    return User.objects.create_user("bob", "bob@example.org", first_name="Bob", last_name="Reed")


@pytest.fixture
def carol(db) -> User:
    return User.objects.create_user("carol", "carol@example.org")


@pytest.fixture
def root(db) -> User:
    return User.objects.create_superuser("root", "root@example.org")


@pytest.fixture
def case(db) -> Case:
    return factories.case(short_name="Renderos v. Clearview AI", slug="renderos")


def signed_in(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def text_of(response: Any) -> str:
    """The page's text as a reader sees it: tags removed, entities read, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def body_of(response: Any) -> str:
    """Every byte of a response, streamed or not, as text."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()
