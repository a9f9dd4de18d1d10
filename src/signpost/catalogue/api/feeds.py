"""Catalogue API: a provider's feeds, harvesting one now, and its harvest log.

Same services, selectors and policy as the feeds pages. No `from __future__ import
annotations` here: ninja reads the annotations at runtime.
"""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_tasks import TaskResultStatus
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from signpost.accounts.models import Organisation, User
from signpost.api_auth import signed_in
from signpost.catalogue import permissions
from signpost.catalogue.harvest import selectors
from signpost.catalogue.harvest.tasks import harvest_feed_task
from signpost.catalogue.models import Feed, HarvestRun
from signpost.catalogue.services import feeds as feed_services

router = Router(tags=["catalogue"])


class FeedIn(Schema):
    name: str = Field(description="What the provider calls the feed")
    url: str = Field(description="The feed's own address (http or https)")
    kind: str = Field(
        description="ical, jsonld (a JSON-LD document or a page carrying it), rss (or Atom) or rpde"
    )


class FeedPatchIn(Schema):
    name: str | None = None
    url: str | None = None
    kind: str | None = None
    is_active: bool | None = Field(None, description="false pauses scheduled harvests")


class FeedOut(Schema):
    id: int
    provider: str = Field(description="The provider organisation's slug")
    name: str
    url: str
    kind: str
    is_active: bool
    last_harvested_at: datetime | None
    last_status: str = Field(
        description='"ok", "partial" (some items skipped), "failed", or "" before the first'
    )
    next_url: str = Field(description="RPDE: where the next harvest resumes")
    created_at: datetime

    @staticmethod
    def resolve_provider(feed: Feed) -> str:
        return feed.provider.slug


class HarvestErrorOut(Schema):
    item: str = Field(description="The item's id in the feed")
    title: str
    field: str
    message: str
    text: str = Field(description="The whole error in words, naming the item")


class HarvestRunOut(Schema):
    id: int
    feed: int
    started_at: datetime
    finished_at: datetime | None
    status: str = Field(description='"running", "ok", "partial" or "failed"')
    created: int
    updated: int
    unchanged: int
    withdrawn: int
    message: str = Field(description="Why the harvest failed, or notes about the feed")
    errors: list[HarvestErrorOut] = Field(description="Items skipped, each with the field at fault")

    @staticmethod
    def resolve_feed(run: HarvestRun) -> int:
        return run.feed_id

    @staticmethod
    def resolve_errors(run: HarvestRun) -> list[dict[str, Any]]:
        return [
            {k: str(e.get(k, "")) for k in ("item", "title", "field", "message", "text")} for e in run.errors
        ]


class HarvestOut(Schema):
    state: str = Field(description='"finished" (the run is given) or "queued" (see the runs later)')
    task_id: str
    run: HarvestRunOut | None = None


def _provider_for(request: HttpRequest, slug: str) -> Organisation:
    provider = Organisation.objects.filter(slug=slug).first()
    if provider is None:
        raise HttpError(404, "No such organisation")
    if not permissions.can_publish_for(request.user, provider):
        raise PermissionDenied(f"You may not manage {provider.name}'s feeds.")
    return provider


def _feed_for(request: HttpRequest, feed_id: int) -> Feed:
    feed = Feed.objects.select_related("provider").filter(pk=feed_id).first()
    if feed is None:
        raise HttpError(404, "No such feed")
    if not permissions.can_manage_feed(request.user, feed):
        raise PermissionDenied("You may not manage this provider's feeds.")
    return feed


@router.get("/providers/{slug}/feeds", response=list[FeedOut], auth=signed_in)
def list_feeds(request: HttpRequest, slug: str) -> Any:
    """A provider's feeds with their last harvest (its editors, brokers and admins)."""
    return selectors.feeds_of(provider=_provider_for(request, slug))


@router.post("/providers/{slug}/feeds", response={201: FeedOut}, auth=signed_in)
def register_feed(request: HttpRequest, slug: str, payload: FeedIn) -> Any:
    """Register a feed to harvest on the site's schedule. 422 names the field at fault (an
    address that is not http(s), one the provider already has, an unknown kind)."""
    provider = _provider_for(request, slug)
    feed = feed_services.register_feed(
        provider=provider,
        name=payload.name,
        url=payload.url,
        kind=payload.kind,
        created_by=request.user if isinstance(request.user, User) else None,
    )
    return Status(201, feed)


@router.get("/feeds/{feed_id}", response=FeedOut, auth=signed_in)
def get_feed(request: HttpRequest, feed_id: int) -> Feed:
    return _feed_for(request, feed_id)


@router.patch("/feeds/{feed_id}", response=FeedOut, auth=signed_in)
def update_feed(request: HttpRequest, feed_id: int, payload: FeedPatchIn) -> Feed:
    """Rename, move, change the kind of, pause or resume a feed. A new address or kind
    makes an RPDE feed start again from its first page."""
    feed = _feed_for(request, feed_id)
    return feed_services.update_feed(feed=feed, **payload.model_dump(exclude_unset=True))


@router.delete("/feeds/{feed_id}", response={204: None}, auth=signed_in)
def delete_feed(
    request: HttpRequest,
    feed_id: int,
    withdraw_opportunities: bool = Query(
        False, description="Also withdraw the published opportunities the feed brought in"
    ),
) -> Any:
    """Delete a feed and its harvest log. Its opportunities stay unless asked otherwise."""
    feed = _feed_for(request, feed_id)
    feed_services.delete_feed(feed=feed, withdraw_opportunities=withdraw_opportunities)
    return Status(204, None)


@router.post("/feeds/{feed_id}/harvest", response={200: HarvestOut, 202: HarvestOut}, auth=signed_in)
def harvest_feed(
    request: HttpRequest,
    feed_id: int,
    from_start: bool = Query(False, description="RPDE: read from the first page, not from where it stopped"),
) -> Any:
    """Harvest the feed now. Where tasks run inline (the default) the answer is the finished
    run (200); where a worker runs them, 202 and the run appears in /runs when done. A feed
    that fails (times out, answers a web page) is a finished run with status "failed"."""
    feed = _feed_for(request, feed_id)
    result = harvest_feed_task.enqueue(feed.pk, from_start)
    if not result.is_finished:
        return Status(202, {"state": "queued", "task_id": result.id, "run": None})
    run = None
    if result.status == TaskResultStatus.SUCCESSFUL and result.return_value:
        run = HarvestRun.objects.filter(pk=result.return_value).first()
    if run is None:
        raise HttpError(503, "The harvest could not run; the site's operators have the details.")
    return Status(200, {"state": "finished", "task_id": result.id, "run": run})


@router.get("/feeds/{feed_id}/runs", response=list[HarvestRunOut], auth=signed_in)
@paginate(PageNumberPagination, page_size=settings.SIGNPOST_PAGE_SIZE)
def list_runs(request: HttpRequest, feed_id: int) -> Any:
    """The feed's harvest log, newest first: what each harvest changed and what went wrong."""
    return selectors.runs_of(feed=_feed_for(request, feed_id))
