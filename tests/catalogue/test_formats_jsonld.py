"""schema.org JSON-LD: read back as RDF with rdflib's JSON-LD parser, the way a harvester would.

There is no network in tests, so the schema.org context is given inline as its @vocab
(http://schema.org/, as in schema.org's own context document).
"""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from signpost.catalogue.formats.jsonld import opportunity_jsonld, schema_type
from signpost.catalogue.formats.selectors import opportunity_for_page
from tests.catalogue.formats_helpers import SCHEMA_CONTEXT, make_opportunity, occurrence
from tests.factories import ConceptFactory, ConceptSchemeFactory

pytestmark = pytest.mark.django_db

SDO = Namespace("http://schema.org/")
SITE = "https://signpost.example.org"


def _absolute(path: str) -> str:
    return SITE + path


def _data(opportunity) -> dict:
    fetched = opportunity_for_page(pk=opportunity.pk)
    return opportunity_jsonld(fetched, absolute_url=_absolute)


def _graph(data: dict) -> Graph:
    assert data["@context"] == "https://schema.org"
    graph = Graph()
    graph.parse(data={**data, "@context": SCHEMA_CONTEXT}, format="json-ld")
    return graph


def _page(opportunity) -> URIRef:
    return URIRef(f"{SITE}/opportunities/{opportunity.pk}/")


def _one(graph: Graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{predicate} of {subject}: {values}"
    return values[0]


def test_a_course_has_a_course_instance_per_occurrence(provider_org):
    scheme = ConceptSchemeFactory(slug="starter", uri="https://w3id.org/signpost/starter", title="Starter")
    concept = ConceptFactory(scheme=scheme, pref_label="Preventive conservation", notation="CC.2")
    opportunity = make_opportunity(
        provider_org, tags=[concept.uri], occurrences=[occurrence(30), occurrence(60)]
    )

    graph = _graph(_data(opportunity))

    course = _page(opportunity)
    assert (course, RDF.type, SDO.Course) in graph
    assert _one(graph, course, SDO.name) == Literal("Caring for photographic collections")
    instances = list(graph.objects(course, SDO.hasCourseInstance))
    assert len(instances) == 2
    first = next(i for i in instances if str(i).endswith(f"#occurrence-{opportunity.occurrences.first().pk}"))
    assert (first, RDF.type, SDO.CourseInstance) in graph
    assert _one(graph, first, SDO.courseMode) == Literal("Onsite")
    start = opportunity.occurrences.first().start
    assert str(_one(graph, first, SDO.startDate)) == start.astimezone(ZoneInfo("Europe/London")).isoformat()
    assert _one(graph, first, SDO.eventStatus) == Literal("https://schema.org/EventScheduled")
    place = _one(graph, first, SDO.location)
    assert (place, RDF.type, SDO.Place) in graph
    address = _one(graph, place, SDO.address)
    assert _one(graph, address, SDO.postalCode) == Literal("LS1 4AB")
    assert _one(graph, address, SDO.addressRegion) == Literal("Yorkshire and The Humber")
    # Offers on the instance: price, currency, availability, and the deadline as validThrough.
    offers = list(graph.objects(first, SDO.offers))
    full = next(o for o in offers if not list(graph.objects(o, SDO.name)))
    assert _one(graph, full, SDO.price) == Literal("85.00")
    assert _one(graph, full, SDO.priceCurrency) == Literal("GBP")
    assert _one(graph, full, SDO.availability) == Literal("https://schema.org/InStock")
    assert str(_one(graph, full, SDO.validThrough)).endswith(("T17:00:00+00:00", "T17:00:00+01:00"))
    # Tags: DefinedTerms in their scheme's DefinedTermSet.
    term = _one(graph, course, SDO.about)
    assert term == URIRef(concept.uri)
    assert (term, RDF.type, SDO.DefinedTerm) in graph
    assert _one(graph, term, SDO.termCode) == Literal("CC.2")
    term_set = _one(graph, term, SDO.inDefinedTermSet)
    assert term_set == URIRef("https://w3id.org/signpost/starter")
    assert (term_set, RDF.type, SDO.DefinedTermSet) in graph
    # The provider, with the named contact as its contact point.
    provider = _one(graph, course, SDO.provider)
    assert provider == URIRef(f"{SITE}/organisations/heritage-skills-training/")
    contact = _one(graph, provider, SDO.contactPoint)
    assert _one(graph, contact, SDO.email) == Literal("priya@example.org")
    assert _one(graph, contact, SDO.contactType) == Literal("Programme lead")


def test_a_workshop_with_one_date_is_an_event(provider_org):
    opportunity = make_opportunity(provider_org, kind="workshop", is_free=True, price=None, member_price=None)

    data = _data(opportunity)
    graph = _graph(data)

    event = _page(opportunity)
    assert schema_type(opportunity_for_page(pk=opportunity.pk)) == "Event"
    assert (event, RDF.type, SDO.Event) in graph
    assert _one(graph, event, SDO.additionalType) == Literal("https://w3id.org/signpost/kind/workshop")
    assert _one(graph, event, SDO.eventAttendanceMode) == Literal(
        "https://schema.org/OfflineEventAttendanceMode"
    )
    assert _one(graph, event, SDO.organizer) == URIRef(f"{SITE}/organisations/heritage-skills-training/")
    assert _one(graph, event, SDO.maximumAttendeeCapacity) == Literal(20)
    assert _one(graph, event, SDO.remainingAttendeeCapacity) == Literal(12)
    assert _one(graph, event, SDO.isAccessibleForFree) == Literal(True)
    offer = _one(graph, event, SDO.offers)
    assert _one(graph, offer, SDO.price) == Literal("0")
    assert data["offers"][0]["category"] == "Free"


def test_a_webinar_with_several_dates_is_an_event_series_of_sub_events(provider_org):
    online = {"is_online": True, "venue_name": "", "address": "", "town": "", "postcode": "", "region": ""}
    opportunity = make_opportunity(
        provider_org,
        kind="webinar",
        occurrences=[
            occurrence(10, online_url="https://meet.example.org/a", **online),
            occurrence(20, is_cancelled=True, **online),
            occurrence(30, places_left=3, **online),
        ],
    )

    graph = _graph(_data(opportunity))

    series = _page(opportunity)
    assert (series, RDF.type, SDO.EventSeries) in graph
    assert _one(graph, series, SDO.eventAttendanceMode) == Literal(
        "https://schema.org/OnlineEventAttendanceMode"
    )
    sub_events = sorted(graph.objects(series, SDO.subEvent), key=lambda e: str(_one(graph, e, SDO.startDate)))
    assert len(sub_events) == 3
    assert [str(_one(graph, e, SDO.eventStatus)).rsplit("/", 1)[1] for e in sub_events] == [
        "EventScheduled",
        "EventCancelled",
        "EventScheduled",
    ]
    location = _one(graph, sub_events[0], SDO.location)
    assert (location, RDF.type, SDO.VirtualLocation) in graph
    assert _one(graph, location, SDO.url) == Literal("https://meet.example.org/a")
    availability = {
        str(_one(graph, o, SDO.availability)).rsplit("/", 1)[1]
        for e in sub_events
        for o in graph.objects(e, SDO.offers)
    }
    assert availability == {"InStock", "Discontinued", "LimitedAvailability"}


def test_a_hybrid_session_is_mixed_attendance_with_place_and_virtual_location(provider_org):
    opportunity = make_opportunity(
        provider_org,
        kind="conference",
        occurrences=[occurrence(15, is_online=True, online_url="https://x.example")],
    )

    data = _data(opportunity)

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_a_withdrawn_event_is_cancelled(provider_org):
    opportunity = make_opportunity(provider_org, kind="masterclass", status="withdrawn")

    data = _data(opportunity)

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["offers"][0]["availability"] == "https://schema.org/Discontinued"


def test_self_paced_study_is_a_course_with_an_undated_online_instance(provider_org):
    opportunity = make_opportunity(
        provider_org,
        kind="online-self-study",
        price=Decimal("20"),
        member_price=None,
        occurrences=[
            occurrence(
                0,
                start=None,
                end=None,
                registration_deadline=None,
                is_online=True,
                venue_name="",
                address="",
                town="",
                postcode="",
                region="",
            )
        ],
    )

    graph = _graph(_data(opportunity))

    course = _page(opportunity)
    instance = _one(graph, course, SDO.hasCourseInstance)
    assert _one(graph, instance, SDO.courseMode) == Literal("Online")
    assert list(graph.objects(instance, SDO.startDate)) == []
    assert _one(graph, course, SDO.learningResourceType) == Literal("Online self-study")


def test_no_empty_values_are_written(provider_org):
    opportunity = make_opportunity(
        provider_org,
        summary="",
        description="",
        url="",
        accessibility_notes="",
        contact_name="",
        contact_role="",
        contact_phone="",
        is_free=False,
        price=None,
        member_price=None,
        sectors=[],
        career_stages=[],
        occurrences=[],
    )

    data = _data(opportunity)

    assert "description" not in data
    assert "audience" not in data
    assert "hasCourseInstance" not in data
    assert "offers" not in data
    assert data["provider"]["contactPoint"] == {
        "@type": "ContactPoint",
        "contactType": "Enquiries",
        "email": "priya@example.org",
    }
