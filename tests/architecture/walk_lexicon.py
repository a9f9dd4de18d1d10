"""Lexicon pages and API operations for the permission walk."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from tests.architecture.permission_walk import Operation

OPERATIONS: list[Operation] = []


def world(base: SimpleNamespace) -> dict[str, Any]:
    """Objects the operations above need, given the base world (personas, museum, …)."""
    return {}
