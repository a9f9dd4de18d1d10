"""Reading schema.org JSON-LD (files and web pages) into records."""

# ruff: noqa: DTZ001 (readers give wall-clock times; the validator applies the time zone)

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

import pytest

from signpost.catalogue.ingest.common import IngestError
from signpost.catalogue.ingest.jsonld import read_html, read_jsonld
from tests.catalogue.import_helpers import sample


def _json(data: object) -> bytes:
    return json.dumps(data).encode()


EVENT = {
    "@context": "https://schema.org",
    "@type": "EducationEvent",
    "@id": "https://example.org/events/42",
    "name": "Caring for photographs",
    "url": "https://example.org/events/42",
    "startDate": "2027-07-04T10:00:00+01:00",
    "endDate": "2027-07-04T16:00:00+01:00",
    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    "eventStatus": "https://schema.org/EventScheduled",
    "maximumAttendeeCapacity": 20,
    "remainingAttendeeCapacity": "12",
    "location": {
        "@type": "Place",
        "name": "Riverside Museum",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1 Quay Street",
            "addressLocality": "Leeds",
            "addressRegion": "West Yorkshire",
            "postalCode": "LS1 4AP",
            "addressCountry": "GB",
        },
    },
    "offers": [
        {"@type": "Offer", "price": "85.00", "priceCurrency": "GBP"},
        {"@type": "Offer", "name": "Members", "price": 60, "priceCurrency": "GBP"},
    ],
    "organizer": {"@type": "Person", "name": "Priya Raman", "email": "mailto:priya@example.org"},
}


def test_the_sib_course_keeps_its_title_dates_places_and_price():
    parsed = read_jsonld(sample("sib_bioschemas_course.json"))

    [record] = parsed.records
    assert record.title == "First steps with R in Life Sciences"
    assert record.external_id == "First steps with R in Life Sciences"  # no @id or url: the name
    assert record.kind == "course"
    assert record.summary.startswith("This 2-day course will introduce participants to R syntax")
    assert record.description.startswith("**This course is now full.**")
    assert (record.price, record.currency, record.language) == (Decimal("120"), "CHF", "en-GB")
    assert [(o.start, o.end, o.venue_name) for o in record.occurrences] == [
        (datetime(2022, 6, 8, 0, 0), datetime(2022, 6, 9, 23, 59), "Lausanne"),
        (datetime(2022, 10, 10, 0, 0), datetime(2022, 10, 11, 23, 59), "Zürich"),
    ]
    assert (
        record.occurrences[0].external_id
        == "https://webapp2.vital-it.ch/courseadmin/website/course/20220608_XXX12"
    )
    assert parsed.sources[0].label == "item “First steps with R in Life Sciences”"


def test_an_event_with_a_place_offers_and_organiser():
    parsed = read_jsonld(_json(EVENT))

    [record] = parsed.records
    assert (record.external_id, record.url, record.kind) == (
        "https://example.org/events/42", "https://example.org/events/42", "course",
    )  # fmt: skip
    assert (record.price, record.member_price, record.currency) == (Decimal("85.00"), Decimal("60"), "GBP")
    assert (record.contact_name, record.contact_email) == ("Priya Raman", "priya@example.org")
    [occurrence] = record.occurrences
    assert occurrence.start.isoformat() == "2027-07-04T10:00:00+01:00"
    assert occurrence.timezone == "Europe/London"  # +01:00 in July is the UK's own offset
    assert (occurrence.venue_name, occurrence.address, occurrence.town, occurrence.postcode) == (
        "Riverside Museum", "1 Quay Street, West Yorkshire", "Leeds", "LS1 4AP",
    )  # fmt: skip
    assert (occurrence.region, occurrence.capacity, occurrence.places_left) == ("", 20, 12)
    assert occurrence.is_online is False


def test_a_graph_of_a_course_and_its_instances_by_reference():
    document = {
        "@context": {"schema": "http://schema.org/"},
        "@graph": [
            {
                "@id": "https://example.org/c/1",
                "@type": "schema:Course",
                "schema:name": "Digitising archives",
                "schema:hasCourseInstance": [
                    {"@id": "https://example.org/c/1/a"},
                    {"@id": "https://example.org/c/1/b"},
                ],
            },
            {
                "@id": "https://example.org/c/1/a",
                "@type": "schema:CourseInstance",
                "schema:startDate": "2027-03-04",
                "schema:courseMode": "online",
                "schema:location": {
                    "@type": "schema:VirtualLocation",
                    "schema:url": "https://zoom.example/j/1",
                },
            },
            {
                "@id": "https://example.org/c/1/b",
                "@type": "schema:CourseInstance",
                "schema:startDate": "2027-04-04T09:30:00Z",
                "schema:eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
                "schema:location": "Cardiff",
            },
        ],
    }

    parsed = read_jsonld(_json(document))

    [record] = parsed.records
    assert record.title == "Digitising archives"
    assert record.format == "blended"
    online, mixed = record.occurrences
    assert (online.is_online, online.online_url) == (True, "https://zoom.example/j/1")
    assert (mixed.venue_name, mixed.timezone) == ("Cardiff", "UTC")


def test_an_item_list_reads_each_item_and_notes_the_links_it_skips():
    document = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": 1,
                "item": {"@type": "Event", "name": "Webinar: cataloguing", "startDate": "2027-05-01T13:00"},
            },
            {"@type": "ListItem", "position": 2, "url": "https://example.org/elsewhere"},
            {
                "@type": "ListItem",
                "position": 3,
                "item": {"@type": "Event", "name": "Bad", "startDate": "next week"},
            },
        ],
    }

    parsed = read_jsonld(_json(document))

    first, bad = parsed.records
    assert (first.title, first.kind) == ("Webinar: cataloguing", "webinar")
    assert bad.read_errors == [
        ("start", "'next week' is not a date and time (use 2027-03-04 10:00 or 04/03/2027 10:00)")
    ]
    assert [str(n) for n in parsed.notices] == [
        "list item 2: only points to 'https://example.org/elsewhere'; it was skipped"
    ]
    assert parsed.field_name("start") == "startDate"


def test_a_web_page_with_json_ld_and_microdata():
    page = f"""<!doctype html><html><head><title>Events</title>
    <script type="application/ld+json">{json.dumps(EVENT)}</script></head><body>
    <div itemscope itemtype="https://schema.org/Event"><h2 itemprop="name">Forum on archives</h2>
    <meta itemprop="startDate" content="2027-09-01T10:00"></div></body></html>""".encode()

    parsed = read_html(page)

    assert parsed.format == "html"
    assert [r.title for r in parsed.records] == ["Caring for photographs", "Forum on archives"]
    assert parsed.records[1].kind == "sector-forum"


def test_a_page_with_broken_json_ld_says_so():
    page = b'<html><body><script type="application/ld+json">{"@type": "Event", </script></body></html>'

    with pytest.raises(IngestError, match="A JSON-LD block on the page could not be read"):
        read_html(page)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"@type": "Course", "name": }', "This is not valid JSON: line 1, column 29: Expecting value."),
        (
            _json({"@type": "Person", "name": "Ada"}),
            "No schema.org Course, CourseInstance or Event was found (it has: Person).",
        ),
        (b"\xff\xfe\x00", "This file is not text (UTF-8), so it is not JSON-LD."),
    ],
)
def test_documents_without_courses_or_events_say_why(content, message):
    with pytest.raises(IngestError) as problem:
        read_jsonld(content)

    assert str(problem.value) == message
