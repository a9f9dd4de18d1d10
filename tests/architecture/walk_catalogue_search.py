"""Catalogue search (page and API) for the permission walk: public, for everyone, writing nothing."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from tests.architecture.permission_walk import EVERYONE, Operation

OPERATIONS: list[Operation] = [
    Operation(
        "catalogue:search", "get", lambda w: "/opportunities/?q=archives&kind=course&region=london", EVERYONE
    ),
    Operation(
        "GET /api/opportunities",
        "get",
        lambda w: "/api/opportunities?q=archives&kind=course&region=london&sort=date",
        EVERYONE,
    ),
]


def world(base: SimpleNamespace) -> dict[str, Any]:
    """Search needs no objects of its own: an empty catalogue is searched like a full one."""
    return {}
