"""Keeping the search index in step with the catalogue (implemented with the search engine)."""

from __future__ import annotations

from collections.abc import Iterable


def opportunities_changed(ids: Iterable[int]) -> None:
    """Called after a transaction that created, changed or withdrew these opportunities commits."""
