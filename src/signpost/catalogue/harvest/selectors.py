"""Reads for the feeds pages and API: a provider's feeds, a feed's harvest log, a run in words."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from signpost.accounts.models import Organisation
from signpost.catalogue.models import Feed, HarvestRun, Status

STATUS_WORDS = {
    HarvestRun.OK: "Harvested",
    HarvestRun.PARTIAL: "Harvested; some items skipped",
    HarvestRun.FAILED: "Failed",
    "running": "Running",
}


def feeds_of(*, provider: Organisation) -> QuerySet[Feed]:
    """The provider's feeds, each with how many published opportunities it brought in."""
    return (
        Feed.objects.filter(provider=provider)
        .select_related("provider")
        .annotate(published_count=Count("opportunities", filter=Q(opportunities__status=Status.PUBLISHED)))
        .order_by("name", "pk")
    )


def feed_for_managing(*, pk: int) -> Feed | None:
    return (
        Feed.objects.select_related("provider")
        .annotate(published_count=Count("opportunities", filter=Q(opportunities__status=Status.PUBLISHED)))
        .filter(pk=pk)
        .first()
    )


def runs_of(*, feed: Feed) -> QuerySet[HarvestRun]:
    return HarvestRun.objects.filter(feed=feed).order_by("-started_at", "-pk")


def describe_run(run: HarvestRun) -> str:
    """One sentence for a run: what changed, or why it failed."""
    if run.status == HarvestRun.FAILED:
        return f"The harvest failed: {run.message}"
    counts = f"{run.created} new, {run.updated} updated, {run.unchanged} unchanged, {run.withdrawn} withdrawn"
    errors = error_count(run)
    skipped = f"; {errors} item{'s' if errors != 1 else ''} skipped" if errors else ""
    return f"Harvested: {counts}{skipped}."


def error_count(run: HarvestRun) -> int:
    """How many item errors the run met (the log keeps the first 200 and counts the rest)."""
    return sum(int(e.get("count", 0)) if e.get("field") == "more" else 1 for e in run.errors)
