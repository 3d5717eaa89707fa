"""The world the Editors tests act on, and the editor signed in."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.security.roles.walk import sign_in
from tests.security.roles.world import World, build_world


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def editor(world: World) -> Client:
    return sign_in(Client(), world.editor)
