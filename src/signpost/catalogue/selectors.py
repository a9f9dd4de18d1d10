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
from typing import Any

from django.db.models import CharField, F, QuerySet, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from signpost.catalogue.models import (
    CareerStage,
    Format,
    Kind,
    Occurrence,
    Opportunity,
    OpportunityTag,
    Status,
)
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
HIT_FIELDS = (
    "pk", "title", "summary", "kind", "format", "is_free", "price", "member_price", "currency",
    "provider__name", "provider__slug", "status",
)  # fmt: skip
OCCURRENCE_FIELDS = (
    "opportunity_id", "start", "is_online", "venue_name", "town",
    "region__name", "region__country", "region__is_itl1", "end",
)  # fmt: skip
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
_SENTINEL = 918273645


@dataclass(frozen=True)
class FacetLabels:
    """Every value each facet may take, in display order, with its label; and which regions are ITL1."""

    values: Mapping[str, Mapping[str, str]]
    itl1_regions: frozenset[str]


def facet_labels() -> FacetLabels:
    """The facets' values and labels: regions, sectors, career stages and areas in one query."""

    def rows(
        queryset: QuerySet[Any], facet: str, key: str, label: str, flag: Any, order: Any
    ) -> QuerySet[Any]:
        return (
            queryset.order_by()
            .annotate(
                _facet=Value(facet), _key=Cast(key, CharField()), _label=F(label), _flag=flag, _order=order
            )
            .values_list("_facet", "_key", "_label", "_flag", "_order")
        )

    found = rows(Region.objects.all(), "region", "slug", "name", F("is_itl1"), Value(0)).union(
        rows(Sector.objects.all(), "sector", "slug", "name", Value(False), F("pk")),
        rows(CareerStage.objects.all(), "career_stage", "slug", "name", Value(False), F("position")),
        rows(Concept.objects.filter(is_top_concept=True), "area", "pk", "pref_label", Value(False), F("pk")),
        all=True,
    )
    grouped: dict[str, list[tuple[str, str, bool, int]]] = {
        "region": [],
        "sector": [],
        "career_stage": [],
        "area": [],
    }
    for facet, key, label, flag, order in found:
        grouped[facet].append((key, label, bool(flag), order))
    # ITL1 regions first, then others by name; sectors and stages in their own order; areas by name.
    grouped["region"].sort(key=lambda r: (not r[2], r[1]))
    grouped["sector"].sort(key=lambda r: r[3])
    grouped["career_stage"].sort(key=lambda r: r[3])
    grouped["area"].sort(key=lambda r: (r[1], r[3]))
    return FacetLabels(
        values={
            "kind": dict(Kind.choices),
            "format": dict(Format.choices),
            "region": {key: label for key, label, _, _ in grouped["region"]},
            "sector": {key: label for key, label, _, _ in grouped["sector"]},
            "career_stage": {key: label for key, label, _, _ in grouped["career_stage"]},
            "cost": COST_LABELS,
            "area": {key: label for key, label, _, _ in grouped["area"]},
        },
        itl1_regions=frozenset(key for key, _, itl1, _ in grouped["region"] if itl1),
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


@dataclass(frozen=True)
class TagRef:
    id: int
    label: str
    uri: str


@dataclass
class SearchHit:
    """One result as the page and the API show it (plain values: a results page builds no models)."""

    id: int
    title: str
    summary: str
    url: str
    provider_name: str
    provider_slug: str
    kind: str
    kind_label: str
    format: str
    format_label: str
    is_free: bool
    price: str
    next_start: datetime | None
    place: str
    online: bool
    tags: list[TagRef]


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
    """The page's opportunities in the engine's order (three queries, no model instances)."""
    if not ids:
        return []
    # By primary key only, status checked below: filtering on status in SQL lets SQLite's planner
    # walk the (status, kind) index over every published row instead of looking up twenty.
    rows = Opportunity.objects.filter(pk__in=ids).order_by().values_list(*HIT_FIELDS)
    # Every date of these twenty, filtered and sorted here: a simple query compiles and runs in a
    # fraction of the time of one that says "still to come" in SQL.
    occurrences: dict[int, list[tuple[Any, ...]]] = {}
    for row in Occurrence.objects.filter(opportunity_id__in=ids, is_cancelled=False).values_list(
        *OCCURRENCE_FIELDS
    ):
        _, start, end = row[0], row[1], row[-1]
        if start is None or (end or start) >= now:
            occurrences.setdefault(row[0], []).append(row[1:-1])
    for dates in occurrences.values():
        dates.sort(key=lambda o: (o[0] is None, o[0] or now))
    tags: dict[int, list[TagRef]] = {}
    for opportunity_id, concept_id, label, uri in (
        OpportunityTag.objects.filter(opportunity_id__in=ids)
        .order_by("concept__pref_label")
        .values_list("opportunity_id", "concept_id", "concept__pref_label", "concept__uri")
    ):
        tags.setdefault(opportunity_id, []).append(TagRef(concept_id, label, uri))
    kinds, formats = dict(Kind.choices), dict(Format.choices)
    # One reverse() for the page, not one per result (a twentieth of the page's time otherwise).
    url_pattern = reverse("catalogue:opportunity_detail", args=[_SENTINEL])
    # Searchable ones only: the index may lag a withdrawal by a moment.
    by_id = {row[0]: row[:-1] for row in rows if row[-1] == Status.PUBLISHED}
    hits = []
    for pk in ids:
        if pk not in by_id:
            continue
        _, title, summary, kind, fmt, is_free, price, member_price, currency, provider, slug = by_id[pk]
        upcoming = occurrences.get(pk, [])
        # Dated ones first (databases disagree on where NULLs sort); undated ones are "any time".
        dated = [o for o in upcoming if o[0] is not None]
        following = dated[0] if dated else (upcoming[0] if upcoming else None)
        online = fmt == Format.ONLINE or any(o[1] for o in upcoming)
        hits.append(
            SearchHit(
                id=pk,
                title=title,
                summary=summary,
                url=url_pattern.replace(str(_SENTINEL), str(pk)),
                provider_name=provider,
                provider_slug=slug,
                kind=kind,
                kind_label=kinds.get(kind, kind),
                format=fmt,
                format_label=formats.get(fmt, fmt),
                is_free=is_free,
                price=_price(is_free, price, member_price, currency),
                next_start=following[0] if following else None,
                place=_place(following, online=online),
                online=online,
                tags=tags.get(pk, []),
            )
        )
    return hits


def _place(occurrence: tuple[Any, ...] | None, *, online: bool) -> str:
    if occurrence is None or occurrence[1]:
        return "Online" if online else ""
    _, _, venue, town, region, country, itl1 = occurrence
    if region and not itl1 and country:
        region = f"{region} ({country})"
    return ", ".join(p for p in (venue, town, region) if p)


def price_text(opportunity: Opportunity) -> str:
    """The price as a person reads it: Free, £45.00, or £45.00 (£30.00 for members)."""
    return _price(opportunity.is_free, opportunity.price, opportunity.member_price, opportunity.currency)


def _price(is_free: bool, price: Decimal | None, member_price: Decimal | None, currency: str) -> str:
    if is_free:
        return "Free"
    if price is None:
        return "Paid (ask the provider)"
    text = _money(price, currency)
    if member_price is not None:
        text += f" ({_money(member_price, currency)} for members)"
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
