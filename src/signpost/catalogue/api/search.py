"""Catalogue API: search. The same form, selector and engine as the catalogue page."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from signpost.api_auth import anyone
from signpost.catalogue import selectors
from signpost.catalogue.search.forms import CatalogueSearchForm

router = Router(tags=["catalogue"])


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class ProviderRefOut(Schema):
    name: str
    slug: str


class TagRefOut(Schema):
    id: int
    label: str
    uri: str


class OpportunityHitOut(Schema):
    id: int
    title: str
    summary: str
    url: str
    provider: ProviderRefOut
    kind: str
    format: str
    next_start: datetime | None
    place: str
    online: bool
    is_free: bool
    price: str
    tags: list[TagRefOut]


class OpportunitySearchOut(Schema):
    count: int
    page: int
    page_size: int
    page_count: int
    results: list[OpportunityHitOut]
    facets: dict[str, list[FacetOptionOut]]


def _hit(hit: selectors.SearchHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "summary": hit.summary,
        "url": hit.url,
        "provider": {"name": hit.provider_name, "slug": hit.provider_slug},
        "kind": hit.kind,
        "format": hit.format,
        "next_start": hit.next_start,
        "place": hit.place,
        "online": hit.online,
        "is_free": hit.is_free,
        "price": hit.price,
        "tags": [{"id": t.id, "label": t.label, "uri": t.uri} for t in hit.tags],
    }


class SearchParams(Schema):
    q: str = Field("", description="Words that must all occur: title, summary, description, tags, provider")
    kind: list[str] = Field([], description="Kinds (any of), e.g. course, webinar")
    format: list[str] = Field([], description="online, in-person or blended (any of)")
    region: list[str] = Field([], description="Region slugs (any of); online ones match every region")
    sector: list[str] = Field([], description="Sector slugs (any of)")
    career_stage: list[str] = Field([], description="Career stage slugs (any of)")
    cost: list[str] = Field([], description="free or paid")
    area: list[str] = Field([], description="Lexicon areas: ids of top concepts (any of)")
    date_from: date | None = Field(None, description="Starting on or after this day (YYYY-MM-DD)")
    date_to: date | None = Field(None, description="Starting on or before this day")
    sort: str = Field("relevance", description="relevance, or date (soonest first)")
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=100)


@router.get("/opportunities", response=OpportunitySearchOut, auth=anyone)
def search_opportunities(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    """Search the catalogue's upcoming opportunities, with facet counts.

    Filters are ANDed across facets and ORed within one (repeat a parameter for several
    values). Each facet's counts apply every other filter, so a count says how many results
    choosing that value would give. Undated (self-paced) opportunities pass any date range.
    """
    labels = selectors.facet_labels()
    form = CatalogueSearchForm(request.GET, labels=labels.values)
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    search = selectors.search_catalogue(query=form.to_query(page_size=params.page_size), labels=labels)
    return {
        "count": search.total,
        "page": search.page,
        "page_size": search.query.page_size,
        "page_count": search.page_count,
        "results": [_hit(hit) for hit in search.hits],
        "facets": {
            facet.name: [
                {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected}
                for o in facet.options
            ]
            for facet in search.facets
        },
    }
