"""Catalogue API: search."""

from ninja import Router

router = Router(tags=["catalogue"])
