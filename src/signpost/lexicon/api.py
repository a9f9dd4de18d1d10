"""Lexicon endpoints: schemes, concepts, search by label."""

from ninja import Router

router = Router(tags=["lexicon"])
