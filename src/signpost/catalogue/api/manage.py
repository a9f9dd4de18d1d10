"""Catalogue API: manage."""

from ninja import Router

router = Router(tags=["catalogue"])
