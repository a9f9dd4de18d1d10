"""Reads behind the opportunity page and the formats out (calendars, feeds, the change feed).

Each returns opportunities or occurrences with everything the builders in this package touch
already fetched, so a page of 500 change-feed items costs a handful of queries, not thousands.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from signpost.accounts.models import Organisation
from signpost.catalogue.models import Occurrence, Opportunity, OpportunityTag, Status
from signpost.core.models import Region
from signpost.lexicon.models import BroaderLink, Concept

# Calendars list the soonest occurrences first and stop here: a subscription is for planning,
# not an archive, and calendar apps struggle with very large feeds.
CALENDAR_LIMIT = 1000
NEW_OPPORTUNITIES_LIMIT = 50


def with_format_relations(opportunities: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    """Fetch what JSON-LD, the page and the feeds read: provider, occurrences, tags, audience."""
    return opportunities.select_related("provider").prefetch_related(
        Prefetch(
            "occurrences",
            queryset=Occurrence.objects.select_related("region").order_by(
                F("start").asc(nulls_last=True), "pk"
            ),
        ),
        Prefetch(
            "tag_links",
            queryset=OpportunityTag.objects.select_related("concept__scheme").order_by(
                "-weight", "concept__pref_label"
            ),
        ),
        "audience_sectors",
        "career_stages",
    )


def opportunity_for_page(*, pk: int) -> Opportunity | None:
    """The opportunity with everything its page shows; None when there is no such row."""
    return with_format_relations(Opportunity.objects.filter(pk=pk)).first()


def upcoming_occurrences(*, now: datetime | None = None) -> QuerySet[Occurrence]:
    """Dated occurrences of published opportunities that have not yet ended, soonest first."""
    now = now or timezone.now()
    return (
        Occurrence.objects.filter(opportunity__status=Status.PUBLISHED, start__isnull=False)
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .select_related("opportunity__provider", "region")
        .order_by("start", "pk")
    )


def calendar_for_opportunity(*, opportunity: Opportunity) -> list[Occurrence]:
    return list(upcoming_occurrences().filter(opportunity=opportunity)[:CALENDAR_LIMIT])


def calendar_for_provider(*, provider: Organisation) -> list[Occurrence]:
    return list(upcoming_occurrences().filter(opportunity__provider=provider)[:CALENDAR_LIMIT])


def calendar_for_region(*, region: Region) -> list[Occurrence]:
    """Occurrences held in the region, and the online ones anyone there can join."""
    return list(upcoming_occurrences().filter(Q(region=region) | Q(is_online=True))[:CALENDAR_LIMIT])


def calendar_for_area(*, concept: Concept) -> list[Occurrence]:
    """Occurrences of opportunities tagged with the concept or any concept below it."""
    tagged = Opportunity.objects.filter(tag_links__concept_id__in=concept_and_narrower_ids(concept=concept))
    return list(upcoming_occurrences().filter(opportunity__in=tagged)[:CALENDAR_LIMIT])


def concept_and_narrower_ids(*, concept: Concept) -> set[int]:
    """The concept and everything narrower, at any depth (one query per level; lexicons are shallow)."""
    found = {concept.pk}
    frontier = {concept.pk}
    while frontier:
        children = set(
            BroaderLink.objects.filter(broader_id__in=frontier).values_list("concept_id", flat=True)
        )
        frontier = children - found
        found |= frontier
    return found


def catalogue_version() -> str:
    """A value that changes whenever an opportunity (or one of its dates) is written or deleted,
    for keying caches of calendars. Every writer bumps modified_seq and updated_at; the count
    catches a deletion of the newest row."""
    stats = Opportunity.objects.aggregate(
        seq=Max("modified_seq"), count=Count("pk"), updated=Max("updated_at")
    )
    updated = stats["updated"].timestamp() if stats["updated"] else 0
    return f"{stats['seq'] or 0}-{stats['count']}-{updated}"


def recently_published(*, limit: int = NEW_OPPORTUNITIES_LIMIT) -> list[Opportunity]:
    """Published opportunities, newest first by when they were first published."""
    opportunities = Opportunity.objects.filter(status=Status.PUBLISHED, published_at__isnull=False).order_by(
        "-published_at", "-pk"
    )
    return list(with_format_relations(opportunities)[:limit])


def change_feed(*, after_seq: int | None, after_id: int | None, limit: int) -> list[Opportunity]:
    """The RPDE page after (after_seq, after_id), ordered by (modified_seq, id).

    Drafts that were never published are left out: nobody outside has seen them. A draft
    that was once published (it has a published_at) stays in, so consumers can delete it.
    """
    opportunities = Opportunity.objects.exclude(status=Status.DRAFT, published_at__isnull=True)
    if after_seq is not None:
        after = Q(modified_seq__gt=after_seq)
        if after_id is not None:
            after |= Q(modified_seq=after_seq, pk__gt=after_id)
        opportunities = opportunities.filter(after)
    opportunities = opportunities.order_by("modified_seq", "pk")
    return list(with_format_relations(opportunities)[:limit])
