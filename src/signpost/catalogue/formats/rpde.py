"""The OpenActive RPDE change feed of the catalogue, so other catalogues can harvest Signpost
incrementally (https://openactive.io/realtime-paged-data-exchange/).

Items are ordered by (Opportunity.modified_seq, id); `modified_seq` is the item's `modified`
value and grows on every change, so a changed item moves to the end of the feed. Only
published opportunities are "updated" (with their schema.org JSON-LD as `data`); withdrawn,
past and un-published ones are "deleted" (no `data`), and drafts never published never appear.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from signpost.catalogue.formats import selectors
from signpost.catalogue.formats.common import AbsoluteUrl, is_event_kind
from signpost.catalogue.formats.jsonld import opportunity_jsonld
from signpost.catalogue.models import Opportunity, Status

PAGE_SIZE = 500
LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def rpde_kind(opportunity: Opportunity) -> str:
    """The item kind, fixed by the opportunity's kind alone so it never changes under a
    consumer: "Event" (the data may be an Event or an EventSeries, a kind of Event) or "Course"."""
    return "Event" if is_event_kind(opportunity.kind) else "Course"


def rpde_item(opportunity: Opportunity, *, absolute_url: AbsoluteUrl) -> dict[str, Any]:
    item: dict[str, Any] = {
        "state": "updated" if opportunity.status == Status.PUBLISHED else "deleted",
        "kind": rpde_kind(opportunity),
        "id": opportunity.pk,
        "modified": opportunity.modified_seq,
    }
    if item["state"] == "updated":
        item["data"] = opportunity_jsonld(opportunity, absolute_url=absolute_url)
    return item


def rpde_page(
    *,
    after_timestamp: int | None,
    after_id: int | None,
    feed_path: str,
    absolute_url: AbsoluteUrl,
    page_size: int = PAGE_SIZE,
) -> dict[str, Any]:
    """One page: up to `page_size` items after the given position, and the URL of the next.

    An empty page's `next` repeats the position asked for, as RPDE requires: the consumer
    polls it again later and picks up whatever changed meanwhile.
    """
    opportunities = selectors.change_feed(after_seq=after_timestamp, after_id=after_id, limit=page_size)
    items = [rpde_item(o, absolute_url=absolute_url) for o in opportunities]
    if opportunities:
        position: dict[str, int] = {
            "afterTimestamp": opportunities[-1].modified_seq,
            "afterId": opportunities[-1].pk,
        }
    else:
        position = {}
        if after_timestamp is not None:
            position["afterTimestamp"] = after_timestamp
        if after_id is not None:
            position["afterId"] = after_id
    next_url = absolute_url(f"{feed_path}?{urlencode(position)}" if position else feed_path)
    return {"next": next_url, "items": items, "license": LICENSE}
