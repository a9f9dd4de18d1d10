"""Harvest providers' feeds: the command a cron job or systemd timer runs (see docs/catalogue-feeds.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signpost.catalogue.harvest.service import harvest_feed
from signpost.catalogue.harvest.tasks import harvest_feed_task
from signpost.catalogue.models import Feed, HarvestRun


class Command(BaseCommand):
    help = (
        "Harvest every active feed (or one feed, or one provider's), one line per feed. "
        "Each harvest is a background task: inline with the default task backend, queued for "
        "`manage.py db_worker` with SIGNPOST_TASK_BACKEND=database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--feed", type=int, help="only this feed (by id), even if paused")
        parser.add_argument("--provider", help="only this provider's feeds (organisation slug)")
        parser.add_argument(
            "--inline", action="store_true", help="harvest here and now, whatever the task backend"
        )
        parser.add_argument("--from-start", action="store_true", help="RPDE feeds: read from the first page")
        parser.add_argument("--dry-run", action="store_true", help="list the feeds that would be harvested")

    def handle(self, *args: Any, **options: Any) -> None:
        feeds = Feed.objects.select_related("provider").order_by("provider__slug", "pk")
        if options["feed"] is not None:
            feeds = feeds.filter(pk=options["feed"])
            if not feeds.exists():
                raise CommandError(f"There is no feed {options['feed']}.")
        else:
            feeds = feeds.filter(is_active=True)
        if options["provider"]:
            feeds = feeds.filter(provider__slug=options["provider"])
            if not feeds.exists():
                raise CommandError(
                    f"{options['provider']!r} has no active feeds (or is not a provider's slug)."
                )
        failed = 0
        for feed in feeds:
            label = f"feed {feed.pk} {feed.provider.slug} “{feed.name}” ({feed.kind})"
            if options["dry_run"]:
                self.stdout.write(f"{label}: would harvest {feed.url}")
                continue
            if options["inline"]:
                run: HarvestRun | None = harvest_feed(feed, from_start=options["from_start"])
            else:
                result = harvest_feed_task.enqueue(feed.pk, options["from_start"])
                if not result.is_finished:
                    self.stdout.write(f"{label}: queued (task {result.id})")
                    continue
                run_id = result.return_value if result.status == "SUCCESSFUL" else None
                run = HarvestRun.objects.filter(pk=run_id).first() if run_id else None
            if run is None:
                failed += 1
                self.stdout.write(f"{label}: the harvest task failed; see the worker's log")
                continue
            failed += run.status == HarvestRun.FAILED
            self.stdout.write(f"{label}: {_summary(run)}")
        if failed:
            self.stderr.write(f"{failed} feed(s) failed; their harvest logs say why.")


def _summary(run: HarvestRun) -> str:
    counts = (
        f"{run.created} created, {run.updated} updated, {run.unchanged} unchanged, {run.withdrawn} withdrawn"
    )
    text = f"{run.status}: {counts}"
    if run.errors:
        text += f", {len(run.errors)} item error(s)"
    if run.message:
        text += f" — {run.message}"
    return text
