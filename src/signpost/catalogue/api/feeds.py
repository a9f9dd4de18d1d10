"""Catalogue API: feeds."""

from ninja import Router

router = Router(tags=["catalogue"])
