"""Harvests as background tasks: inline in the embedded default, on a worker in production."""

from __future__ import annotations

from django_tasks import task

from signpost.catalogue.harvest.service import harvest_feed
from signpost.catalogue.models import Feed


@task()
def harvest_feed_task(feed_id: int, from_start: bool = False) -> int | None:
    """Harvest one feed; returns the HarvestRun's id (None if the feed was deleted meanwhile)."""
    feed = Feed.objects.select_related("provider").filter(pk=feed_id).first()
    if feed is None:
        return None
    return harvest_feed(feed, from_start=from_start).pk
