"""Catalogue reads. Each function stands alone; areas add theirs without changing the others.

Search: `facet_labels()` (the values each facet may take, with their labels) and
`search_catalogue(query=…)` (one page of results with facet counts, ready for a page or the API).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone

from signpost.catalogue.models import CareerStage, Format, Kind, Occurrence, Opportunity, Status
from signpost.catalogue.search import get_backend
from signpost.catalogue.search.base import FACETS, SearchQuery, SearchResult
from signpost.catalogue.services.indexing import ensure_search_index
from signpost.core.models import Region, Sector
from signpost.lexicon.models import Concept

# --- Search ---------------------------------------------------------------------------

FACET_TITLES = {
    "kind": "Kind",
    "format": "Format",
    "region": "Region",
    "sector": "Sector",
    "career_stage": "Career stage",
    "cost": "Cost",
    "area": "Area",
}
COST_LABELS = {"free": "Free", "paid": "Paid"}
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


@dataclass(frozen=True)
class FacetLabels:
    """Every value each facet may take, in display order, with its label; and which regions are ITL1."""

    values: Mapping[str, Mapping[str, str]]
    itl1_regions: frozenset[str]


def facet_labels() -> FacetLabels:
    """The facets' values and labels (four small queries: regions, sectors, stages, areas)."""
    regions = list(Region.objects.order_by("-is_itl1", "name").values_list("slug", "name", "is_itl1"))
    areas = (
        Concept.objects.filter(is_top_concept=True)
        .order_by("pref_label", "pk")
        .values_list("pk", "pref_label")
    )
    return FacetLabels(
        values={
            "kind": dict(Kind.choices),
            "format": dict(Format.choices),
            "region": {slug: name for slug, name, _ in regions},
            "sector": dict(Sector.objects.order_by("pk").values_list("slug", "name")),
            "career_stage": dict(CareerStage.objects.order_by("position").values_list("slug", "name")),
            "cost": COST_LABELS,
            "area": {str(pk): label for pk, label in areas},
        },
        itl1_regions=frozenset(slug for slug, _, itl1 in regions if itl1),
    )


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    title: str
    options: list[FacetOption]

    @property
    def selected(self) -> list[FacetOption]:
        return [o for o in self.options if o.selected]


@dataclass
class SearchHit:
    """One result as the page and the API show it."""

    opportunity: Opportunity
    next_occurrence: Occurrence | None
    online: bool
    place: str
    price: str
    tags: list[Concept]

    @property
    def next_start(self) -> datetime | None:
        return self.next_occurrence.start if self.next_occurrence else None


@dataclass
class CatalogueSearch:
    query: SearchQuery
    hits: list[SearchHit]
    total: int
    facets: list[Facet]
    backend: str
    page_count: int = field(init=False)

    def __post_init__(self) -> None:
        self.page_count = max(1, math.ceil(self.total / self.query.page_size))

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.page_count


def search_catalogue(*, query: SearchQuery, labels: FacetLabels | None = None) -> CatalogueSearch:
    """One page of searchable opportunities (published, still to come) with facet counts.

    A page past the end shows the last page. Builds the index first if it was never built.
    """
    labels = labels or facet_labels()
    ensure_search_index()
    backend = get_backend()
    result = backend.search(query)
    last_page = max(1, math.ceil(result.total / query.page_size))
    if query.page > last_page:
        query = replace(query, page=last_page)
        result = backend.search(query)
    return CatalogueSearch(
        query=query,
        hits=_hits(result.ids, now=query.now or timezone.now()),
        total=result.total,
        facets=_facets(result, query, labels),
        backend=backend.name,
    )


def _hits(ids: Sequence[int], *, now: datetime) -> list[SearchHit]:
    """The page's opportunities in the engine's order (three queries)."""
    if not ids:
        return []
    upcoming = (
        Occurrence.objects.filter(is_cancelled=False)
        .filter(Q(start__isnull=True) | Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .select_related("region")
        .order_by("start", "pk")
    )
    opportunities = (
        # Searchable ones only: the index may lag a withdrawal by a moment.
        Opportunity.objects.filter(pk__in=ids, status=Status.PUBLISHED)
        .select_related("provider")
        .prefetch_related(
            Prefetch("occurrences", queryset=upcoming, to_attr="upcoming"),
            Prefetch("tags", queryset=Concept.objects.order_by("pref_label")),
        )
    )
    by_id = {o.pk: o for o in opportunities}
    hits = []
    for pk in ids:
        opportunity = by_id.get(pk)
        if opportunity is None:
            continue
        occurrences: list[Occurrence] = getattr(opportunity, "upcoming", [])
        dated = [o for o in occurrences if o.start is not None]
        next_occurrence = dated[0] if dated else (occurrences[0] if occurrences else None)
        online = opportunity.format == Format.ONLINE or any(o.is_online for o in occurrences)
        hits.append(
            SearchHit(
                opportunity=opportunity,
                next_occurrence=next_occurrence,
                online=online,
                place=_place(next_occurrence, online=online),
                price=price_text(opportunity),
                tags=list(opportunity.tags.all()),
            )
        )
    return hits


def _place(occurrence: Occurrence | None, *, online: bool) -> str:
    if occurrence is None or occurrence.is_online:
        return "Online" if online else ""
    parts = [occurrence.venue_name, occurrence.town]
    if occurrence.region:
        parts.append(str(occurrence.region))
    return ", ".join(p for p in parts if p)


def price_text(opportunity: Opportunity) -> str:
    """The price as a person reads it: Free, £45.00, or £45.00 (£30.00 for members)."""
    if opportunity.is_free:
        return "Free"
    if opportunity.price is None:
        return "Paid (ask the provider)"
    text = _money(opportunity.price, opportunity.currency)
    if opportunity.member_price is not None:
        text += f" ({_money(opportunity.member_price, opportunity.currency)} for members)"
    return text


def _money(amount: Decimal, currency: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{amount:,.2f}" if symbol else f"{amount:,.2f} {currency}"


def _facets(result: SearchResult, query: SearchQuery, labels: FacetLabels) -> list[Facet]:
    """Each facet's options with counts: those with results, and the ones already chosen.

    Every ITL1 region is offered, since online opportunities count in every region.
    """
    facets = []
    for name in FACETS:
        chosen = set(query.filters.get(name, ()))
        counts = result.counts(name)
        options = []
        for value, label in labels.values[name].items():
            count = result.region_count(value) if name == "region" else counts.get(value, 0)
            if name == "region":
                # Other regions only where something is held there, or the list grows with every import.
                offered = value in labels.itl1_regions or value in counts or value in chosen
            else:
                offered = count > 0 or value in chosen
            if offered:
                options.append(FacetOption(value, label, count, value in chosen))
        facets.append(Facet(name, FACET_TITLES[name], options))
    return facets
