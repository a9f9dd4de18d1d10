"""Catalogue API: rpde."""

from ninja import Router

router = Router(tags=["catalogue"])
