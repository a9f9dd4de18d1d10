"""Lexicon pages and API operations for the permission walk (filled in with the lexicon views)."""

from __future__ import annotations

from typing import Any

from tests.architecture.permission_walk import Operation

LEXICON_OPERATIONS: list[Operation] = []


def lexicon_world() -> dict[str, Any]:
    return {}
