"""Catalogue API: the RPDE change feed (OpenActive Realtime Paged Data Exchange).

No `from __future__ import annotations` here: ninja reads the annotations at runtime.
"""

from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from signpost.api_auth import anyone
from signpost.catalogue.formats import rpde as rpde_format

router = Router(tags=["catalogue"])

# The largest value the database's bigint columns hold: anything above is no position.
MAX_POSITION = 2**63 - 1


class RpdeQuery(Schema):
    after_timestamp: int | None = Field(
        None,
        alias="afterTimestamp",
        ge=0,
        le=MAX_POSITION,
        description="The `modified` value of the last item you have; give it with afterId",
    )
    after_id: int | None = Field(
        None, alias="afterId", ge=0, le=MAX_POSITION, description="The `id` of the last item you have"
    )


class RpdeItemOut(Schema):
    state: Literal["updated", "deleted"]
    kind: Literal["Course", "Event"]
    id: int
    modified: int
    data: dict[str, Any] | None = Field(
        None, description="schema.org JSON-LD (Course, Event or EventSeries); absent when deleted"
    )


class RpdePageOut(Schema):
    next: str = Field(description="The URL to ask next; on the last page, the same position again")
    items: list[RpdeItemOut]
    license: str = Field(rpde_format.LICENSE)


@router.get(
    "/rpde/opportunities",
    response=RpdePageOut,
    auth=anyone,
    exclude_none=True,
    url_name="rpde_opportunities",
    summary="Change feed of opportunities (RPDE)",
)
def rpde_opportunities(
    request: HttpRequest, response: HttpResponse, params: Query[RpdeQuery]
) -> dict[str, Any]:
    """Every published opportunity, and every one withdrawn, past or returned to draft, in the
    order they last changed: harvest from the start, then follow `next` for ever.

    Items are ordered by (`modified`, `id`); a page has at most 500. An item whose state is
    `deleted` has no `data`: remove it from your copy. Drafts never published never appear.
    Follow the `next` URL as given; when a page has no items, poll the same `next` again later.
    """
    if params.after_id is not None and params.after_timestamp is None:
        raise ValidationError({"afterId": "Give afterTimestamp as well: an id alone is no position."})
    page_size = rpde_format.PAGE_SIZE
    page = rpde_format.rpde_page(
        after_timestamp=params.after_timestamp,
        after_id=params.after_id,
        feed_path=request.path,
        absolute_url=request.build_absolute_uri,
        page_size=page_size,
    )
    # A cached full page is safe to serve stale: an item that changed since reappears later
    # in the feed. The last page is where new changes arrive, so it is kept only briefly.
    full = len(page["items"]) >= page_size
    response["Cache-Control"] = "public, max-age=3600" if full else "public, max-age=10"
    return page
