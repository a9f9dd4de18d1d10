"""Organisation and account endpoints."""

from ninja import Router

router = Router(tags=["organisations"])
