"""Feeds in (pages and API) for the permission walk: a provider's editors, brokers and admins only."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from signpost.accounts.models import Organisation
from signpost.catalogue.models import Feed, FeedKind, HarvestRun
from tests.architecture.permission_walk import Operation

# priya edits for the provider; bea (broker) and ada (admin) may act for any provider.
PUBLISHERS = frozenset({"priya", "bea", "ada"})


def _feed_data(w: Any) -> dict[str, Any]:
    return {"name": "Walk calendar", "url": "https://feeds.example.org/walk-new.ics", "kind": "ical"}


OPERATIONS: list[Operation] = [
    Operation("catalogue:feed_list", "get", lambda w: f"/publish/{w.feed_provider.slug}/feeds/", PUBLISHERS),
    Operation(
        "catalogue:feed_list",
        "post",
        lambda w: f"/publish/{w.feed_provider.slug}/feeds/",
        PUBLISHERS,
        data=_feed_data,
    ),
    Operation("catalogue:feed_detail", "get", lambda w: f"/feeds/{w.feed.pk}/", PUBLISHERS),
    Operation(
        "catalogue:feed_detail",
        "post",
        lambda w: f"/feeds/{w.feed.pk}/",
        PUBLISHERS,
        data=lambda w: {"name": "Renamed", "url": w.feed.url, "kind": "ical", "is_active": ""},
    ),
    # The walk's feed points at a local address, which harvests refuse without fetching: the
    # allowed personas get a failed run in the log, and nothing leaves the machine.
    Operation("catalogue:feed_harvest", "post", lambda w: f"/feeds/{w.feed.pk}/harvest/", PUBLISHERS),
    Operation("catalogue:feed_delete", "get", lambda w: f"/feeds/{w.feed.pk}/delete/", PUBLISHERS),
    Operation(
        "catalogue:feed_delete",
        "post",
        lambda w: f"/feeds/{w.feed.pk}/delete/",
        PUBLISHERS,
        data=lambda w: {"withdraw_opportunities": "on"},
    ),
    Operation(
        "GET /api/providers/{slug}/feeds",
        "get",
        lambda w: f"/api/providers/{w.feed_provider.slug}/feeds",
        PUBLISHERS,
    ),
    Operation(
        "POST /api/providers/{slug}/feeds",
        "post",
        lambda w: f"/api/providers/{w.feed_provider.slug}/feeds",
        PUBLISHERS,
        data=_feed_data,
        json=True,
    ),
    Operation("GET /api/feeds/{feed_id}", "get", lambda w: f"/api/feeds/{w.feed.pk}", PUBLISHERS),
    Operation(
        "PATCH /api/feeds/{feed_id}",
        "patch",
        lambda w: f"/api/feeds/{w.feed.pk}",
        PUBLISHERS,
        data=lambda w: {"is_active": False},
        json=True,
    ),
    Operation("DELETE /api/feeds/{feed_id}", "delete", lambda w: f"/api/feeds/{w.feed.pk}", PUBLISHERS),
    Operation(
        "POST /api/feeds/{feed_id}/harvest", "post", lambda w: f"/api/feeds/{w.feed.pk}/harvest", PUBLISHERS
    ),
    Operation("GET /api/feeds/{feed_id}/runs", "get", lambda w: f"/api/feeds/{w.feed.pk}/runs", PUBLISHERS),
]


def world(base: SimpleNamespace) -> dict[str, Any]:
    """priya's provider with one feed (harvested once, with a failure in its log)."""
    provider = Organisation.objects.get(slug="heritage-skills-training")
    feed = Feed.objects.create(
        provider=provider, name="Walk feed", url="http://127.0.0.1:9/walk.ics", kind=FeedKind.ICAL
    )
    HarvestRun.objects.create(
        feed=feed, status=HarvestRun.FAILED, message="The server answered 404 Not Found."
    )
    return {"feed_provider": provider, "feed": feed}
