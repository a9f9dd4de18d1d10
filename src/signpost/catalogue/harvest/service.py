"""Harvesting a feed: fetch it, read it, write what it lists, and keep a log of the run.

Snapshot feeds (iCalendar, JSON-LD, RSS/Atom) list everything the provider offers, so an
item that disappears is withdrawn. RPDE feeds list changes, deletions included, so they are
followed page by page from where the last harvest stopped (Feed.next_url).

A harvest never raises: whatever goes wrong (a timeout, a web page where data was expected,
a bad date in one item) is written on its HarvestRun, and one broken feed never stops the
next. Items are taken one by one (`valid_only`), so one bad item does not block the rest,
but each write is all or nothing: a failure leaves the catalogue as it was.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from signpost.catalogue.harvest import rpde
from signpost.catalogue.harvest.fetch import DATA_NAMES, Fetcher, FetchError
from signpost.catalogue.harvest.parsers import read_feed
from signpost.catalogue.harvest.values import FeedFormatError
from signpost.catalogue.models import Feed, FeedKind, HarvestRun, Opportunity, Status
from signpost.catalogue.records import OpportunityRecord
from signpost.catalogue.services.opportunities import (
    RecordValidator,
    SaveResult,
    save_records,
    set_status,
    withdraw_missing,
)
from signpost.core.regions import RegionNotFound

logger = logging.getLogger(__name__)

MAX_LOGGED_ERRORS = 200
MAX_NOTICES = 10
DEFAULT_RPDE_MAX_PAGES = 100
RUNNING = "running"


class HarvestError(Exception):
    """The feed as a whole could not be harvested; the message is what the log shows."""


def harvest_feed(feed: Feed, *, from_start: bool = False, timeout: float | None = None) -> HarvestRun:
    """Harvest one feed now and return its log entry; never raises.

    :param from_start: RPDE only: read the feed from its first page, not from where the last
        harvest stopped.
    :param timeout: seconds to wait for the feed's server (default SIGNPOST_FEED_TIMEOUT).
    """
    run = HarvestRun.objects.create(feed=feed, status=RUNNING)
    notes: list[str] = []
    try:
        if feed.kind == FeedKind.RPDE:
            _harvest_rpde(feed, run, notes, from_start=from_start, timeout=timeout)
        else:
            _harvest_snapshot(feed, run, notes, timeout=timeout)
    except HarvestError as failure:
        run.status = HarvestRun.FAILED
        notes.insert(0, str(failure))
    except Exception as error:
        logger.exception("Harvest of feed %s (%s) failed unexpectedly", feed.pk, feed.url)
        run.status = HarvestRun.FAILED
        notes.insert(
            0,
            f"The harvest stopped on an unexpected error ({type(error).__name__}: {error}). "
            "Its unfinished writes were undone, and the error has been logged for the site's operators.",
        )
    else:
        run.status = HarvestRun.PARTIAL if run.errors else HarvestRun.OK
    run.message = " ".join(notes)
    run.finished_at = timezone.now()
    run.save()
    # Only the harvest's own fields: someone may be renaming the feed meanwhile.
    Feed.objects.filter(pk=feed.pk).update(last_harvested_at=run.finished_at, last_status=run.status)
    feed.last_harvested_at, feed.last_status = run.finished_at, run.status
    return run


def harvest_all_feeds(
    *, feeds: QuerySet[Feed] | None = None, timeout: float | None = None
) -> list[HarvestRun]:
    """Harvest every active feed (or those given) in turn; one failing feed never stops the others."""
    chosen = feeds if feeds is not None else Feed.objects.all()
    runs = []
    for feed in chosen.filter(is_active=True).select_related("provider").order_by("pk"):
        runs.append(harvest_feed(feed, timeout=timeout))
    return runs


def _harvest_snapshot(feed: Feed, run: HarvestRun, notes: list[str], *, timeout: float | None) -> None:
    try:
        with Fetcher(timeout=timeout) as fetcher:
            fetched = fetcher.get(feed.url, kind=feed.kind)
    except FetchError as error:
        raise HarvestError(str(error)) from error
    try:
        items = read_feed(feed.kind, fetched.content, base_url=fetched.url)
    except Exception as error:
        # Readers say what is wrong with the document in their exception's message.
        raise HarvestError(
            f"The feed could not be read as {DATA_NAMES.get(feed.kind, feed.kind)}: {error}"
        ) from error
    records = items.records
    if items.notices:
        shown = items.notices[:MAX_NOTICES]
        more = len(items.notices) - len(shown)
        notes.append("Notes: " + "; ".join(shown) + (f"; and {more} more." if more else "."))
    if not records:
        notes.append(
            "The feed listed no items, so nothing was withdrawn: a feed that is empty by mistake "
            "would otherwise withdraw everything. To withdraw all its offers, delete the feed."
        )
        return
    validator = RecordValidator()
    _prepare(records, validator)
    with transaction.atomic():
        result = save_records(
            provider=feed.provider,
            records=records,
            source="feed",
            feed=feed,
            valid_only=True,
            validator=validator,
        )
        # Items that failed validation are still listed by the feed: keep them, don't withdraw.
        withdrawn = withdraw_missing(feed=feed, seen_external_ids={r.external_id for r in records})
    _tally(run, result, records, items.labels)
    run.withdrawn += withdrawn


def _harvest_rpde(
    feed: Feed, run: HarvestRun, notes: list[str], *, from_start: bool, timeout: float | None
) -> None:
    url = feed.url if from_start or not feed.next_url else feed.next_url
    max_pages = int(getattr(settings, "SIGNPOST_RPDE_MAX_PAGES", DEFAULT_RPDE_MAX_PAGES))
    validator = RecordValidator()
    pages = 0
    with Fetcher(timeout=timeout) as fetcher:
        while True:
            if pages >= max_pages:
                notes.append(
                    f"Stopped after {pages} page{'s' if pages != 1 else ''}, the most one harvest reads; "
                    "the next harvest carries on from there."
                )
                return
            try:
                fetched = fetcher.get(url, kind=FeedKind.RPDE)
                page = rpde.parse_page(fetched.content, base_url=fetched.url)
            except (FetchError, FeedFormatError) as error:
                saved = (
                    f" The {pages} page{'s' if pages != 1 else ''} before it were saved, and the next "
                    "harvest starts again from this page."
                    if pages
                    else ""
                )
                raise HarvestError(f"Page {pages + 1} ({url}): {error}{saved}") from error
            pages += 1
            _prepare(page.records, validator)
            # A page's writes and the place to resume from are saved together.
            with transaction.atomic():
                result = (
                    save_records(
                        provider=feed.provider,
                        records=page.records,
                        source="feed",
                        feed=feed,
                        valid_only=True,
                        validator=validator,
                    )
                    if page.records
                    else SaveResult()
                )
                run.withdrawn += _withdraw_items(feed, page.deleted)
                feed.next_url = page.next_url or url
                Feed.objects.filter(pk=feed.pk).update(next_url=feed.next_url)
            _tally(run, result, page.records, [_rpde_label(r) for r in page.records])
            _log_errors(run, [_problem_entry(p) for p in page.problems])
            if page.item_count == 0:
                return  # caught up: the next harvest asks the same address for news
            if page.next_url == url:
                notes.append(
                    "The feed's last page pointed at itself while still listing items; stopped there."
                )
                return
            url = page.next_url


def _withdraw_items(feed: Feed, external_ids: Sequence[str]) -> int:
    """Withdraw the opportunities this feed created for the items it now says were deleted."""
    if not external_ids:
        return 0
    gone = Opportunity.objects.filter(feed=feed, external_id__in=list(external_ids)).exclude(
        status=Status.WITHDRAWN
    )
    count = 0
    for opportunity in gone:
        set_status(opportunity=opportunity, status=Status.WITHDRAWN)
        count += 1
    return count


def _prepare(records: Iterable[OpportunityRecord], validator: RecordValidator) -> None:
    """Make feed records fit to save: a stable identity each, and no vocabulary the feed cannot know.

    Feeds name categories and regions in their own words; a word that is not a lexicon concept
    or a known region is dropped rather than failing the item (files, typed by a person, are
    told about it instead).
    """
    for record in records:
        if not record.external_id.strip():
            first = (
                record.occurrences[0].start.isoformat()
                if record.occurrences and record.occurrences[0].start
                else ""
            )
            digest = hashlib.sha256(f"{record.title}|{first}|{record.url}".encode()).hexdigest()[:20]
            record.external_id = f"auto:{digest}"
        kept = []
        for tag in record.tags:
            try:
                validator.concepts.resolve(tag)
            except LookupError:
                continue
            if tag not in kept:
                kept.append(tag)
        record.tags = kept
        for occurrence in record.occurrences:
            if occurrence.region.strip():
                try:
                    validator.regions.resolve(occurrence.region, country=occurrence.country or "GB")
                except RegionNotFound:
                    occurrence.region = ""


def _tally(
    run: HarvestRun, result: SaveResult, records: Sequence[OpportunityRecord], labels: Sequence[str]
) -> None:
    run.created += result.created
    run.updated += result.updated
    run.unchanged += result.unchanged
    # Errors name their record by external id (the validator strips it, so look it up stripped).
    named = {r.external_id.strip(): (label, r.title) for r, label in zip(records, labels, strict=False)}
    entries = []
    for error in result.errors:
        label, title = named.get(error.external_id, (f"item {error.external_id}", ""))
        entries.append(
            _entry(item=error.external_id, label=label, title=title, field=error.field, message=error.message)
        )
    _log_errors(run, entries)


def _rpde_label(record: OpportunityRecord) -> str:
    return f"item {record.external_id} “{record.title}”" if record.title else f"item {record.external_id}"


def _problem_entry(problem: rpde.ItemProblem) -> dict[str, Any]:
    return _entry(
        item=problem.external_id,
        label=f"item {problem.external_id}",
        title="",
        field=problem.field,
        message=problem.message,
    )


def _entry(*, item: str, label: str, title: str, field: str, message: str) -> dict[str, Any]:
    """One line of the harvest log: which item, which field, what is wrong."""
    return {
        "item": item,
        "title": title,
        "field": field,
        "message": message,
        "text": f"{label[:1].upper()}{label[1:]}: {field}: {message}",
    }


def _log_errors(run: HarvestRun, entries: list[dict[str, Any]]) -> None:
    """Keep the first MAX_LOGGED_ERRORS errors, and count the rest."""
    if not entries:
        return
    errors = list(run.errors)
    if errors and errors[-1].get("field") == "more":
        errors[-1]["count"] += len(entries)
        errors[-1]["text"] = f"… and {errors[-1]['count']} more errors"
    else:
        room = MAX_LOGGED_ERRORS - len(errors)
        errors.extend(entries[:room])
        rest = len(entries) - max(room, 0)
        if rest > 0:
            errors.append(
                {
                    "item": "",
                    "title": "",
                    "field": "more",
                    "message": "",
                    "count": rest,
                    "text": f"… and {rest} more errors",
                }
            )
    run.errors = errors
