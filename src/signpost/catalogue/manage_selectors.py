"""Reads for the providers' pages and the publishing API: what an editor may see and change.

Every query is scoped by the catalogue policy (permissions.py) and bounded, so a broker, who
may publish for every organisation, costs the same few queries as a provider's editor.
"""

from __future__ import annotations

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from signpost.accounts.models import Organisation
from signpost.accounts.selectors import AnyUser
from signpost.catalogue.models import Occurrence, Opportunity, OpportunityTag, Status
from signpost.catalogue.permissions import opportunities_editable_by, providers_for

# Brokers see at most this many providers listed at once; they search for the rest.
PROVIDER_LIST_LIMIT = 50


def _with_counts(providers: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return providers.annotate(
        opportunity_count=Count("opportunities", distinct=True),
        draft_count=Count("opportunities", filter=Q(opportunities__status=Status.DRAFT), distinct=True),
        published_count=Count(
            "opportunities", filter=Q(opportunities__status=Status.PUBLISHED), distinct=True
        ),
    ).order_by("name")


def providers_overview(*, user: AnyUser, everyone: bool, q: str = "") -> list[Organisation]:
    """The providers to show on the dashboard, with counts of their opportunities.

    A provider's editor sees each organisation they publish for. For brokers (`everyone`),
    who may publish for any organisation: those matching `q`, or else those that already
    have opportunities.
    """
    providers = providers_for(user)
    if everyone:
        q = " ".join(q.split())
        providers = (
            providers.filter(name__icontains=q) if q else providers.filter(opportunities__isnull=False)
        )
        return list(_with_counts(providers.distinct())[:PROVIDER_LIST_LIMIT])
    return list(_with_counts(providers))


def provider_for_publishing(*, slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()


def _next_occurrence() -> QuerySet[Occurrence]:
    return Occurrence.objects.filter(
        opportunity=OuterRef("pk"), start__gte=timezone.now(), is_cancelled=False
    ).order_by("start")


def editable_opportunities(
    *, user: AnyUser, provider: Organisation | None = None, status: str = "", q: str = ""
) -> QuerySet[Opportunity]:
    """The opportunities `user` may edit, with `next_start`/`next_timezone` (the next date that
    is not cancelled) and `occurrence_count`, newest changes first."""
    opportunities = opportunities_editable_by(user)
    if provider is not None:
        opportunities = opportunities.filter(provider=provider)
    if status:
        opportunities = opportunities.filter(status=status)
    if q.strip():
        opportunities = opportunities.filter(title__icontains=q.strip())
    return (
        opportunities.select_related("provider")
        .annotate(
            next_start=Subquery(_next_occurrence().values("start")[:1]),
            next_timezone=Subquery(_next_occurrence().values("timezone")[:1]),
            occurrence_count=Count("occurrences", distinct=True),
        )
        .order_by("-updated_at", "pk")
    )


def opportunity_for_editing(*, pk: int) -> Opportunity | None:
    return Opportunity.objects.select_related("provider").filter(pk=pk).first()


def opportunity_for_api(*, pk: int) -> Opportunity:
    """One opportunity with everything the publishing API answers about it, in a few queries."""
    return (
        Opportunity.objects.select_related("provider")
        .prefetch_related(
            "audience_sectors",
            "career_stages",
            Prefetch("tag_links", queryset=OpportunityTag.objects.select_related("concept__scheme")),
            Prefetch(
                "occurrences", queryset=Occurrence.objects.select_related("region").order_by("start", "pk")
            ),
        )
        .get(pk=pk)
    )


def occurrence_for_editing(*, pk: int) -> Occurrence | None:
    return Occurrence.objects.select_related("opportunity__provider", "region").filter(pk=pk).first()


def occurrences_of(*, opportunity: Opportunity) -> QuerySet[Occurrence]:
    return opportunity.occurrences.select_related("region").order_by("start", "pk")


def tags_of(*, opportunity: Opportunity) -> list[tuple[str, str, str]]:
    """(preferred label, URI, source) of each tag, for showing who said what."""
    return list(
        opportunity.tag_links.select_related("concept")
        .order_by("concept__pref_label")
        .values_list("concept__pref_label", "concept__uri", "source")
    )
