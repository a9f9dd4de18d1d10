"""Shared set-up for the search tests: both engines, and a small catalogue with known facets.

Test modules bind the fixtures by name (`engine = search_helpers.engine`) so pytest finds them.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.text import slugify

from signpost.accounts.models import Organisation, OrganisationKind
from signpost.catalogue.models import Opportunity, Status
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.search import SearchQuery, get_backend
from signpost.catalogue.search.base import SearchResult
from signpost.catalogue.services.indexing import rebuild_search_index
from signpost.catalogue.services.opportunities import save_records, set_status
from signpost.lexicon.models import BroaderLink, Label, LabelKind
from tests.factories import ConceptFactory, ConceptSchemeFactory, OrganisationFactory

ENGINES = ["tantivy", "database"]


@pytest.fixture(params=ENGINES)
def engine(request, settings, tmp_path) -> str:
    """Each test runs once per engine, with its own index directory."""
    settings.SIGNPOST_SEARCH_BACKEND = request.param
    settings.SIGNPOST_SEARCH_INDEX_DIR = tmp_path / "search-index"
    return request.param


@pytest.fixture
def tantivy_engine(settings, tmp_path) -> str:
    settings.SIGNPOST_SEARCH_BACKEND = "tantivy"
    settings.SIGNPOST_SEARCH_INDEX_DIR = tmp_path / "search-index"
    return "tantivy"


def days(n: float):
    """A moment n days from now, at 10:00 local time."""
    moment = timezone.localtime() + timedelta(days=n)
    return moment.replace(hour=10, minute=0, second=0, microsecond=0)


def occurrence(day: float | None, *, region: str = "", online: bool = False, **fields) -> OccurrenceRecord:
    start = days(day) if day is not None else None
    end = start + timedelta(hours=6) if start is not None else None
    if online:
        fields.setdefault("online_url", "https://meet.example.org/room")
    else:
        fields.setdefault("venue_name", "Town hall")
    return OccurrenceRecord(start=start, end=end, region=region, is_online=online, **fields)


def publish(provider: Organisation, title: str, *, status: str = "published", **fields) -> Opportunity:
    """Write one opportunity through the catalogue's one writer, as every way in does."""
    record = OpportunityRecord(
        title=title,
        external_id=slugify(title),
        contact_email="contact@example.org",
        status=status,
        **fields,
    )
    result = save_records(provider=provider, records=[record], source="api")
    assert result.ok, [str(e) for e in result.errors]
    return Opportunity.objects.get(pk=result.opportunity_ids[0])


def search(**kwargs) -> SearchResult:
    return get_backend().search(SearchQuery(**kwargs))


def lexicon() -> SimpleNamespace:
    """Two areas, each with a skill; the preservation skill has alt, hidden and French labels."""
    scheme = ConceptSchemeFactory(slug="search-test", uri="https://example.org/search-test")
    collections = ConceptFactory(scheme=scheme, pref_label="Collections care")
    leadership = ConceptFactory(scheme=scheme, pref_label="Leadership")
    collections.is_top_concept = leadership.is_top_concept = True
    collections.save()
    leadership.save()
    preservation = ConceptFactory(
        scheme=scheme, pref_label="Digital preservation", labels=["Keeping files alive"]
    )
    Label.objects.create(concept=preservation, kind=LabelKind.HIDDEN, language="en", text="digipres")
    Label.objects.create(
        concept=preservation, kind=LabelKind.PREFERRED, language="fr", text="Préservation numérique"
    )
    volunteers = ConceptFactory(scheme=scheme, pref_label="Managing volunteers")
    BroaderLink.objects.create(concept=preservation, broader=collections)
    BroaderLink.objects.create(concept=volunteers, broader=leadership)
    return SimpleNamespace(
        collections=collections, leadership=leadership, preservation=preservation, volunteers=volunteers
    )


@pytest.fixture
def catalogue(provider_org) -> SimpleNamespace:
    """Four searchable opportunities (A to D) and four that must never be found (E to H)."""
    terms = lexicon()
    trust = OrganisationFactory(
        name="Northern Archives Trust",
        slug="northern-archives-trust",
        kind=OrganisationKind.TRAINING_PROVIDER,
    )
    a = publish(
        provider_org,
        "Caring for born-digital archives",
        kind="course",
        summary="Practical steps for small teams.",
        price=Decimal("85.00"),
        sectors=["archives"],
        career_stages=["practitioner"],
        tags=[terms.preservation.uri],
        occurrences=[occurrence(10, region="London")],
    )
    b = publish(
        provider_org,
        "Volunteer management webinar",
        kind="webinar",
        is_free=True,
        sectors=["museums", "libraries"],
        career_stages=["manager"],
        tags=[terms.volunteers.uri],
        occurrences=[occurrence(5, online=True)],
    )
    c = publish(
        trust,
        "File formats workshop",
        kind="workshop",
        description="Which formats last, and **why** migration matters.",
        price=Decimal("40"),
        sectors=["archives"],
        tags=[terms.preservation.uri],
        occurrences=[occurrence(20, region="Wales")],
    )
    d = publish(provider_org, "Oral history toolkit", kind="toolkit", format="online", is_free=True)
    past = publish(
        provider_org, "Archives conference last month", occurrences=[occurrence(-30, region="London")]
    )
    withdrawn = publish(
        provider_org, "Withdrawn archives course", occurrences=[occurrence(12, region="London")]
    )
    set_status(opportunity=withdrawn, status=Status.WITHDRAWN)
    draft = publish(
        provider_org, "Draft archives course", status="draft", occurrences=[occurrence(12, region="London")]
    )
    cancelled = publish(
        provider_org,
        "Cancelled archives course",
        occurrences=[occurrence(12, region="London", is_cancelled=True)],
    )
    rebuild_search_index()
    return SimpleNamespace(
        terms=terms,
        trust=trust,
        a=a,
        b=b,
        c=c,
        d=d,
        past=past,
        withdrawn=withdrawn,
        draft=draft,
        cancelled=cancelled,
    )
