"""Harvesting feeds served from a local HTTP server: creates, updates, withdrawals and the log."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from signpost.catalogue.harvest import service
from signpost.catalogue.harvest.service import harvest_all_feeds, harvest_feed
from signpost.catalogue.harvest.tasks import harvest_feed_task
from signpost.catalogue.models import Feed, FeedKind, HarvestRun, Kind, Opportunity, Status
from tests.catalogue.feed_server import FIXTURES, FeedServer, RunningServer
from tests.factories import ConceptFactory

ICS = "text/calendar; charset=utf-8"
RSS = "application/rss+xml"
ATOM = "application/atom+xml"
JSON = "application/json"
HTML = "text/html; charset=utf-8"


@pytest.fixture
def server():
    with RunningServer() as running:
        yield running


@pytest.fixture(autouse=True)
def _feed_settings(settings):
    settings.SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS = True  # the test server is on 127.0.0.1
    settings.SIGNPOST_FEED_TIMEOUT = 2


def make_feed(provider, url: str, kind: str, name: str = "Test feed") -> Feed:
    return Feed.objects.create(provider=provider, name=name, url=url, kind=kind)


def titles(feed: Feed, status: str = Status.PUBLISHED) -> list[str]:
    return sorted(Opportunity.objects.filter(feed=feed, status=status).values_list("title", flat=True))


# --- RSS and Atom -------------------------------------------------------------------------


def test_rss_feed_creates_opportunities_with_dates_places_and_known_tags(server: FeedServer, provider_org):
    concept = ConceptFactory(pref_label="Digital preservation")
    feed = make_feed(provider_org, server.serve_file("/courses.rss", "courses.rss", RSS), FeedKind.RSS)

    run = harvest_feed(feed)

    assert (run.status, run.created, run.updated, run.withdrawn, run.errors) == ("ok", 3, 0, 0, [])
    photographs = Opportunity.objects.get(provider=provider_org, external_id="hst-course-101")
    assert photographs.title == "Caring for photographic collections"
    assert (
        photographs.description == "A day on handling, storing and digitising photographs.\n\nLunch provided."
    )
    assert photographs.source == "feed"
    assert photographs.feed == feed
    assert photographs.status == Status.PUBLISHED
    assert list(photographs.tags.all()) == [concept]  # "Photographs" is no concept: dropped, not an error
    occurrence = photographs.occurrences.get()
    assert occurrence.start == datetime(2030, 5, 12, 9, 0, tzinfo=UTC)
    assert occurrence.end == datetime(2030, 5, 12, 15, 0, tzinfo=UTC)
    assert occurrence.venue_name == "Riverside Museum, Bristol"
    # No event dates: the published date is the start.
    oral = Opportunity.objects.get(external_id="https://training.example.org/courses/oral-history")
    assert oral.occurrences.get().start == datetime(2030, 6, 4, 9, 0, tzinfo=UTC)
    # No date at all: a self-paced offer, online at its link.
    guide = Opportunity.objects.get(external_id="https://training.example.org/guides/copyright")
    assert guide.kind == Kind.ONLINE_SELF_STUDY
    assert guide.format == "online"
    assert list(guide.occurrences.values_list("start", "online_url")) == [
        (None, "https://training.example.org/guides/copyright")
    ]
    feed.refresh_from_db()
    assert feed.last_status == "ok"
    assert feed.last_harvested_at == run.finished_at


def test_atom_feed_reads_schema_org_dates_under_any_prefix_and_resolves_links(
    server: FeedServer, provider_org
):
    feed = make_feed(provider_org, server.serve_file("/events.atom", "courses.atom", ATOM), FeedKind.RSS)

    run = harvest_feed(feed)

    assert (run.status, run.created) == ("ok", 2)
    masterclass = Opportunity.objects.get(title="Volunteer management masterclass")
    assert masterclass.external_id == "urn:uuid:6f1c2a0e-2f8b-4d6e-9d1a-5b0c6a1e0002"
    assert masterclass.url == server.url("/events/volunteers")  # relative to the feed's own address
    assert list(masterclass.occurrences.values_list("start", "end")) == [
        (datetime(2030, 9, 15, 13, 0, tzinfo=UTC), datetime(2030, 9, 15, 15, 0, tzinfo=UTC))
    ]
    assert masterclass.description.startswith("Recruiting, supporting and keeping volunteers, with case")
    webinar = Opportunity.objects.get(title="Metadata standards webinar")
    assert webinar.occurrences.get().start == datetime(2030, 10, 1, 13, 0, tzinfo=UTC)


def test_rss_reharvest_updates_changed_items_and_withdraws_vanished_ones(server: FeedServer, provider_org):
    original = (FIXTURES / "courses.rss").read_text()
    url = server.serve("/courses.rss", original, RSS)
    feed = make_feed(provider_org, url, FeedKind.RSS)
    harvest_feed(feed)
    changed = original.replace("Introduction to oral history", "Oral history: an introduction")
    start, end = changed.index("<item>"), changed.index("</item>") + len("</item>")
    server.serve("/courses.rss", changed[:start] + changed[end:], RSS)  # the first item is gone

    run = harvest_feed(feed)

    assert (run.status, run.created, run.updated, run.unchanged, run.withdrawn) == ("ok", 0, 1, 1, 1)
    assert titles(feed) == ["Copyright for archivists: an online guide", "Oral history: an introduction"]
    assert titles(feed, Status.WITHDRAWN) == ["Caring for photographic collections"]
    assert Opportunity.objects.count() == 3


def test_a_withdrawn_item_that_reappears_is_published_again(server: FeedServer, provider_org):
    original = (FIXTURES / "courses.rss").read_text()
    url = server.serve("/courses.rss", original, RSS)
    feed = make_feed(provider_org, url, FeedKind.RSS)
    harvest_feed(feed)
    start, end = original.index("<item>"), original.index("</item>") + len("</item>")
    server.serve("/courses.rss", original[:start] + original[end:], RSS)
    harvest_feed(feed)
    server.serve("/courses.rss", original, RSS)

    run = harvest_feed(feed)

    assert (run.created, run.updated, run.unchanged) == (0, 1, 2)
    assert Opportunity.objects.get(external_id="hst-course-101").status == Status.PUBLISHED


def test_bad_dates_skip_only_their_items_and_are_logged_by_item_and_field(server: FeedServer, provider_org):
    feed = make_feed(provider_org, server.serve_file("/bad.rss", "bad_dates.rss", RSS), FeedKind.RSS)

    run = harvest_feed(feed)

    assert (run.status, run.created) == ("partial", 1)
    assert titles(feed) == ["Exhibition design basics"]
    assert [(e["title"], e["field"], e["message"]) for e in run.errors] == [
        (
            "Fundraising for small museums",
            "start",
            "'next Tuesday-ish' is not a date and time (write it as ISO 8601, e.g. 2026-03-01T10:00:00Z)",
        ),
        ("Collections care refresher", "end", "is before the start"),
    ]
    assert [e["text"] for e in run.errors] == [
        "Entry 2 “Fundraising for small museums”: start: 'next Tuesday-ish' is not a date and time "
        "(write it as ISO 8601, e.g. 2026-03-01T10:00:00Z)",
        "Entry 3 “Collections care refresher”: end: is before the start",
    ]
    assert run.errors[1]["item"] == "hst-care"
    feed.refresh_from_db()
    assert feed.last_status == "partial"


def test_an_empty_snapshot_withdraws_nothing(server: FeedServer, provider_org):
    url = server.serve_file("/courses.rss", "courses.rss", RSS)
    feed = make_feed(provider_org, url, FeedKind.RSS)
    harvest_feed(feed)
    server.serve("/courses.rss", '<rss version="2.0"><channel><title>x</title></channel></rss>', RSS)

    run = harvest_feed(feed)

    assert (run.status, run.withdrawn) == ("ok", 0)
    assert run.message.startswith("The feed listed no items, so nothing was withdrawn")
    assert len(titles(feed)) == 3


# --- iCalendar and JSON-LD (read by catalogue.ingest) --------------------------------------


def test_ical_feed_creates_then_updates_and_withdraws(server: FeedServer, provider_org):
    original = (FIXTURES / "indico_events.ics").read_text()
    feed = make_feed(provider_org, server.serve("/events.ics", original, ICS), FeedKind.ICAL)

    first = harvest_feed(feed)

    assert (first.status, first.created, first.errors) == ("ok", 2, [])
    course = Opportunity.objects.get(external_id="indico-event-1617123@indico.cern.ch")
    assert course.title == "14th HEP C++ Course and Hands-on Training - The Essentials"
    assert course.occurrences.get().start == datetime(2026, 3, 9, 8, 0, tzinfo=UTC)

    second = harvest_feed(feed)
    assert (second.created, second.updated, second.unchanged, second.withdrawn) == (0, 0, 2, 0)

    renamed = original.replace("The Essentials", "Essentials").split("BEGIN:VEVENT")
    server.serve("/events.ics", "BEGIN:VEVENT".join(renamed[:2]) + "END:VCALENDAR\n", ICS)
    third = harvest_feed(feed)

    assert (third.status, third.created, third.updated, third.withdrawn) == ("ok", 0, 1, 1)
    assert titles(feed) == ["14th HEP C++ Course and Hands-on Training - Essentials"]
    assert titles(feed, Status.WITHDRAWN) == ["HEP C++ Course and Hands-on Training - Stay Informed"]


def test_jsonld_list_creates_each_event(server: FeedServer, provider_org):
    feed = make_feed(
        provider_org, server.serve_file("/events.json", "courses.jsonld", "application/ld+json"), "jsonld"
    )

    run = harvest_feed(feed)

    assert (run.status, run.created, run.errors) == ("ok", 2, [])
    assert titles(feed) == ["Cataloguing 101", "Digitisation on a shoestring"]
    cataloguing = Opportunity.objects.get(title="Cataloguing 101")
    assert cataloguing.external_id == "https://training.example.org/events/cataloguing-101"
    assert cataloguing.occurrences.get().town == "Leeds"


def test_jsonld_page_with_a_course_creates_it(server: FeedServer, provider_org):
    body = (FIXTURES / "sib_bioschemas_course.json").read_text()
    page = f'<!doctype html><html><head><script type="application/ld+json">{body}</script></head></html>'
    feed = make_feed(provider_org, server.serve("/course.html", page, HTML), FeedKind.JSONLD)

    run = harvest_feed(feed)

    assert (run.status, run.created) == ("ok", 1)
    assert titles(feed) == ["First steps with R in Life Sciences"]


# --- RPDE ----------------------------------------------------------------------------------


def session_series(item_id: int, name: str, start: str, *, modified: int) -> dict:
    return {
        "state": "updated",
        "kind": "SessionSeries",
        "id": str(item_id),
        "modified": modified,
        "data": {
            "@context": ["https://openactive.io/"],
            "@type": "SessionSeries",
            "@id": f"https://training.example.org/series/{item_id}",
            "name": name,
            "description": f"<p>{name}, weekly.</p>",
            "url": f"https://training.example.org/series/{item_id}",
            "organizer": {
                "@type": "Organization",
                "name": "Heritage Skills Training",
                "email": "hi@example.org",
            },
            "offers": [{"@type": "Offer", "price": 12.5, "priceCurrency": "GBP"}],
            "location": {
                "@type": "Place",
                "name": "Riverside Museum",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": "1 Quay Street",
                    "addressLocality": "Bristol",
                    "addressRegion": "South West",
                    "postalCode": "BS1 1AA",
                    "addressCountry": "GB",
                },
            },
            "subEvent": [
                {
                    "@type": "ScheduledSession",
                    "startDate": start,
                    "endDate": start.replace("T10", "T12"),
                    "maximumAttendeeCapacity": 12,
                    "remainingAttendeeCapacity": 5,
                }
            ],
        },
    }


def deleted(item_id: int, *, modified: int) -> dict:
    return {"state": "deleted", "kind": "SessionSeries", "id": str(item_id), "modified": modified}


def rpde_page(server: FeedServer, path: str, items: list, next_path: str) -> str:
    return server.serve(path, json.dumps({"items": items, "next": server.url(next_path)}), JSON)


@pytest.fixture
def rpde_feed(server: FeedServer, provider_org) -> Feed:
    """Three pages: two new series; one changed and one deleted; then no more items."""
    rpde_page(
        server,
        "/rpde",
        [
            session_series(1, "Handling objects", "2030-02-01T10:00:00Z", modified=1),
            session_series(2, "Writing labels", "2030-02-02T10:00:00Z", modified=2),
        ],
        "/rpde?afterId=2",
    )
    rpde_page(
        server,
        "/rpde?afterId=2",
        [
            session_series(1, "Handling museum objects", "2030-02-01T10:00:00Z", modified=3),
            deleted(2, modified=4),
        ],
        "/rpde?afterId=4",
    )
    rpde_page(server, "/rpde?afterId=4", [], "/rpde?afterId=4")
    return make_feed(provider_org, server.url("/rpde"), FeedKind.RPDE)


def test_rpde_follows_next_until_a_page_has_no_items(server: FeedServer, rpde_feed: Feed):
    run = harvest_feed(rpde_feed)

    assert (run.status, run.created, run.updated, run.withdrawn, run.errors) == ("ok", 2, 1, 1, [])
    assert server.hits == ["/rpde", "/rpde?afterId=2", "/rpde?afterId=4"]
    assert titles(rpde_feed) == ["Handling museum objects"]
    assert titles(rpde_feed, Status.WITHDRAWN) == ["Writing labels"]
    series = Opportunity.objects.get(external_id="SessionSeries:1")
    assert (series.kind, series.format, series.price, series.currency) == (
        "workshop",
        "in-person",
        12.5,
        "GBP",
    )
    assert series.description == "Handling museum objects, weekly."
    assert series.contact_email == "hi@example.org"
    occurrence = series.occurrences.get()
    assert (occurrence.start, occurrence.capacity, occurrence.places_left) == (
        datetime(2030, 2, 1, 10, 0, tzinfo=UTC),
        12,
        5,
    )
    assert (occurrence.venue_name, occurrence.town, occurrence.postcode, occurrence.region.code) == (
        "Riverside Museum",
        "Bristol",
        "BS1 1AA",
        "TLK",
    )
    rpde_feed.refresh_from_db()
    assert rpde_feed.next_url == server.url("/rpde?afterId=4")


def test_rpde_resumes_from_where_the_last_harvest_stopped(server: FeedServer, rpde_feed: Feed):
    harvest_feed(rpde_feed)
    server.hits.clear()
    rpde_page(
        server,
        "/rpde?afterId=4",
        [session_series(3, "Conservation basics", "2030-03-01T10:00:00Z", modified=5)],
        "/rpde?afterId=5",
    )
    rpde_page(server, "/rpde?afterId=5", [], "/rpde?afterId=5")

    run = harvest_feed(rpde_feed)

    assert server.hits == ["/rpde?afterId=4", "/rpde?afterId=5"]
    assert (run.created, run.updated, run.withdrawn) == (1, 0, 0)
    assert titles(rpde_feed) == ["Conservation basics", "Handling museum objects"]
    rpde_feed.refresh_from_db()
    assert rpde_feed.next_url == server.url("/rpde?afterId=5")


def test_rpde_harvest_from_start_reads_the_first_page_again(server: FeedServer, rpde_feed: Feed):
    harvest_feed(rpde_feed)
    server.hits.clear()

    run = harvest_feed(rpde_feed, from_start=True)

    assert server.hits == ["/rpde", "/rpde?afterId=2", "/rpde?afterId=4"]
    # Replayed in order: both series back as on page 1, then page 2's change and deletion again.
    assert (run.created, run.updated, run.unchanged, run.withdrawn) == (0, 3, 0, 1)
    assert titles(rpde_feed) == ["Handling museum objects"]
    assert titles(rpde_feed, Status.WITHDRAWN) == ["Writing labels"]


def test_rpde_failure_on_a_later_page_keeps_earlier_pages_and_resumes_there(server: FeedServer, rpde_feed):
    server.serve("/rpde?afterId=2", "<html><body>Service unavailable</body></html>", HTML)

    run = harvest_feed(rpde_feed)

    assert (run.status, run.created) == ("failed", 2)
    page_two = server.url("/rpde?afterId=2")
    assert run.message == (
        f"Page 2 ({page_two}): The address answered with a web page (HTML), not an RPDE page (JSON). "
        "Check that it is the feed's own address, not the page that links to it. "
        "The 1 page before it were saved, and the next harvest starts again from this page."
    )
    assert titles(rpde_feed) == ["Handling objects", "Writing labels"]
    rpde_feed.refresh_from_db()
    assert rpde_feed.next_url == page_two


def test_rpde_items_that_cannot_be_read_are_logged_and_the_rest_saved(server: FeedServer, provider_org):
    bad_date = session_series(2, "Writing labels", "2030-02-02T10:00:00Z", modified=2)
    bad_date["data"]["subEvent"][0]["startDate"] = "02/02/2030"
    items = [
        session_series(1, "Handling objects", "2030-02-01T10:00:00Z", modified=1),
        bad_date,
        {"state": "updated", "kind": "SessionSeries", "id": "3", "modified": 3},
        {"state": "paused", "kind": "SessionSeries", "id": "4", "modified": 4},
    ]
    rpde_page(server, "/rpde", items, "/rpde?afterId=4")
    rpde_page(server, "/rpde?afterId=4", [], "/rpde?afterId=4")
    feed = make_feed(provider_org, server.url("/rpde"), FeedKind.RPDE)

    run = harvest_feed(feed)

    assert (run.status, run.created) == ("partial", 1)
    assert [e["text"] for e in run.errors] == [
        "Item SessionSeries:2 “Writing labels”: start: '02/02/2030' is not a date and time "
        "(write it as ISO 8601, e.g. 2026-03-01T10:00:00Z)",
        "Item SessionSeries:3: data: an updated item must carry its data",
        "Item SessionSeries:4: state: 'paused' is not updated or deleted",
    ]


def test_rpde_page_that_is_not_json_fails_clearly(server: FeedServer, provider_org):
    feed = make_feed(provider_org, server.serve("/rpde", "items: none", JSON), FeedKind.RPDE)

    run = harvest_feed(feed)

    assert run.status == "failed"
    assert run.message.startswith(f"Page 1 ({server.url('/rpde')}): This is not an RPDE page: it is not JSON")
    assert Opportunity.objects.count() == 0


# --- Broken feeds ----------------------------------------------------------------------------


def test_a_feed_that_times_out_fails_with_a_clear_message_and_writes_nothing(
    server: FeedServer, provider_org, settings
):
    settings.SIGNPOST_FEED_TIMEOUT = 0.3
    url = server.serve("/slow.ics", (FIXTURES / "indico_events.ics").read_bytes(), ICS, delay=2)
    feed = make_feed(provider_org, url, FeedKind.ICAL)

    run = harvest_feed(feed)

    assert (run.status, run.message) == ("failed", "The server did not answer within 0.3 seconds.")
    assert (run.created, run.errors) == (0, [])
    assert Opportunity.objects.count() == 0
    feed.refresh_from_db()
    assert feed.last_status == "failed"


def test_timeout_can_be_given_per_harvest(server: FeedServer, provider_org):
    url = server.serve("/slow.rss", (FIXTURES / "courses.rss").read_bytes(), RSS, delay=1)
    feed = make_feed(provider_org, url, FeedKind.RSS)

    run = harvest_feed(feed, timeout=0.2)

    assert run.message == "The server did not answer within 0.2 seconds."


def test_a_feed_answering_html_fails_with_a_clear_message(server: FeedServer, provider_org):
    url = server.serve("/calendar", "<!DOCTYPE html><html><body>Our events</body></html>", HTML)
    feed = make_feed(provider_org, url, FeedKind.ICAL)

    run = harvest_feed(feed)

    assert run.status == "failed"
    assert run.message == (
        "The address answered with a web page (HTML), not iCalendar data. "
        "Check that it is the feed's own address, not the page that links to it."
    )


def test_html_sent_as_plain_text_is_recognised(server: FeedServer, provider_org):
    url = server.serve("/feed", "\n  <html><body>Moved</body></html>", "text/plain")
    feed = make_feed(provider_org, url, FeedKind.RSS)

    run = harvest_feed(feed)

    assert run.message.startswith("The address answered with a web page (HTML), not an RSS or Atom feed.")


def test_not_found_and_server_errors_are_named(server: FeedServer, provider_org):
    server.serve("/broken", "oops", "text/plain", status=500)
    missing = make_feed(provider_org, server.url("/missing.ics"), FeedKind.ICAL, name="Missing")
    broken = make_feed(provider_org, server.url("/broken"), FeedKind.ICAL, name="Broken")

    assert harvest_feed(missing).message == "The server answered 404 Not Found."
    assert harvest_feed(broken).message == "The server answered 500 Internal Server Error."


def test_a_document_that_is_no_feed_fails_with_the_reason(server: FeedServer, provider_org):
    feed = make_feed(provider_org, server.serve("/feed.xml", '{"hello": "world"}', JSON), FeedKind.RSS)

    run = harvest_feed(feed)

    assert run.status == "failed"
    assert run.message.startswith(
        "The feed could not be read as an RSS or Atom feed: This is not an RSS or Atom feed"
    )


def test_a_feed_larger_than_the_limit_is_refused(server: FeedServer, provider_org, settings):
    settings.SIGNPOST_FEED_MAX_BYTES = 1024
    feed = make_feed(provider_org, server.serve("/big.rss", b"<rss>" + b" " * 4096 + b"</rss>", RSS), "rss")

    run = harvest_feed(feed)

    assert run.message == "The feed is larger than 1 KB, the most Signpost harvests."


def test_redirects_are_followed_but_only_to_http(server: FeedServer, provider_org):
    server.serve_file("/courses.rss", "courses.rss", RSS)
    moved = make_feed(provider_org, server.redirect("/old.rss", "/courses.rss", 301), "rss", name="Moved")
    ftp = make_feed(
        provider_org, server.redirect("/ftp.rss", "ftp://example.org/courses.rss"), "rss", name="F"
    )

    assert (harvest_feed(moved).status, Opportunity.objects.filter(feed=moved).count()) == ("ok", 3)
    assert harvest_feed(ftp).message == "Only http and https addresses can be harvested."


def test_endless_redirects_stop(server: FeedServer, provider_org):
    feed = make_feed(provider_org, server.redirect("/loop", "/loop"), FeedKind.RSS)

    run = harvest_feed(feed)

    assert run.message == "The address redirected more than 5 times."
    assert server.hits == ["/loop"] * 6


def test_private_addresses_are_refused_unless_allowed(server: FeedServer, provider_org, settings):
    settings.SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS = False
    feed = make_feed(provider_org, server.serve_file("/courses.rss", "courses.rss", RSS), FeedKind.RSS)

    run = harvest_feed(feed)

    assert run.message == "Signpost does not harvest private or local network addresses (127.0.0.1)."
    assert server.hits == []


def test_an_unexpected_error_is_logged_on_the_run_and_nothing_is_half_written(
    server: FeedServer, provider_org, monkeypatch
):
    feed = make_feed(provider_org, server.serve_file("/courses.rss", "courses.rss", RSS), FeedKind.RSS)

    def explode(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "withdraw_missing", explode)

    run = harvest_feed(feed)

    assert run.status == "failed"
    assert run.message.startswith("The harvest stopped on an unexpected error (RuntimeError: disk full).")
    assert Opportunity.objects.count() == 0  # the saved items were rolled back with the failure


def test_one_broken_feed_never_stops_the_others(server: FeedServer, provider_org, settings):
    settings.SIGNPOST_FEED_TIMEOUT = 0.3
    slow = make_feed(provider_org, server.serve("/slow.ics", "x", ICS, delay=2), FeedKind.ICAL, name="Slow")
    page = make_feed(provider_org, server.serve("/page", "<html></html>", HTML), FeedKind.RSS, name="Page")
    good = make_feed(provider_org, server.serve_file("/c.rss", "courses.rss", RSS), FeedKind.RSS, name="Good")
    paused = make_feed(
        provider_org, server.serve_file("/p.rss", "courses.rss", RSS), FeedKind.RSS, name="Off"
    )
    paused.is_active = False
    paused.save()

    runs = harvest_all_feeds()

    assert [(r.feed.name, r.status) for r in runs] == [("Slow", "failed"), ("Page", "failed"), ("Good", "ok")]
    assert titles(good) == [
        "Caring for photographic collections",
        "Copyright for archivists: an online guide",
        "Introduction to oral history",
    ]
    assert HarvestRun.objects.filter(feed=paused).count() == 0
    assert [slow.runs.count(), page.runs.count()] == [1, 1]


# --- The task and the command ----------------------------------------------------------------


def test_the_task_harvests_and_returns_the_run(server: FeedServer, provider_org):
    feed = make_feed(provider_org, server.serve_file("/courses.rss", "courses.rss", RSS), FeedKind.RSS)

    result = harvest_feed_task.enqueue(feed.pk)

    run = HarvestRun.objects.get(feed=feed)
    assert result.return_value == run.pk
    assert run.created == 3


def test_the_task_ignores_a_deleted_feed(db):
    assert harvest_feed_task.enqueue(999_999).return_value is None


def test_command_prints_one_line_per_feed(server: FeedServer, provider_org, settings):
    settings.SIGNPOST_FEED_TIMEOUT = 0.3
    good = make_feed(provider_org, server.serve_file("/c.rss", "courses.rss", RSS), FeedKind.RSS, name="Good")
    page = make_feed(provider_org, server.serve("/page", "<html></html>", HTML), FeedKind.RSS, name="Page")
    out, err = StringIO(), StringIO()

    call_command("harvest_feeds", stdout=out, stderr=err)

    assert out.getvalue().splitlines() == [
        f"feed {good.pk} heritage-skills-training “Good” (rss): ok: 3 created, 0 updated, 0 unchanged, "
        "0 withdrawn",
        f"feed {page.pk} heritage-skills-training “Page” (rss): failed: 0 created, 0 updated, 0 unchanged, "
        "0 withdrawn — The address answered with a web page (HTML), not an RSS or Atom feed. "
        "Check that it is the feed's own address, not the page that links to it.",
    ]
    assert err.getvalue() == "1 feed(s) failed; their harvest logs say why.\n"


def test_command_filters_by_feed_and_provider_and_dry_run_fetches_nothing(server: FeedServer, provider_org):
    feed = make_feed(provider_org, server.serve_file("/c.rss", "courses.rss", RSS), FeedKind.RSS, name="Good")
    out = StringIO()

    call_command(
        "harvest_feeds",
        "--feed",
        str(feed.pk),
        "--provider",
        "heritage-skills-training",
        "--dry-run",
        stdout=out,
    )

    assert (
        out.getvalue() == f"feed {feed.pk} heritage-skills-training “Good” (rss): would harvest {feed.url}\n"
    )
    assert server.hits == []
    assert HarvestRun.objects.count() == 0


def test_signpost_harvests_another_signposts_rpde_feed(server: FeedServer, provider_org, museum):
    """Signpost's own change feed (api/rpde) read back: kinds, dates, places, contact and tags survive."""
    from signpost.catalogue.formats.rpde import rpde_page as signpost_rpde_page
    from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
    from signpost.catalogue.services.opportunities import save_records

    concept = ConceptFactory(pref_label="Digital preservation")
    workshop = OpportunityRecord(
        title="Caring for photographs",
        external_id="p1",
        kind="workshop",
        contact_email="learning@riverside.example.org",
        tags=[concept.uri],
        occurrences=[
            OccurrenceRecord(
                start=datetime(2030, 5, 1, 10, tzinfo=UTC),
                end=datetime(2030, 5, 1, 16, tzinfo=UTC),
                venue_name="Riverside Museum",
                town="Bristol",
                capacity=10,
            )
        ],
    )
    course = OpportunityRecord(
        title="Cataloguing online",
        external_id="p2",
        kind="course",
        occurrences=[
            OccurrenceRecord(
                start=datetime(2030, 6, 1, 9, tzinfo=UTC), is_online=True, online_url="https://e.org/live"
            )
        ],
    )
    assert save_records(provider=museum, records=[workshop, course], source="form").created == 2
    first = signpost_rpde_page(
        after_timestamp=None, after_id=None, feed_path="/rpde", absolute_url=server.url
    )
    server.serve("/rpde", json.dumps(first), JSON)
    last = first["items"][-1]
    second = signpost_rpde_page(
        after_timestamp=last["modified"], after_id=last["id"], feed_path="/rpde", absolute_url=server.url
    )
    server.serve(first["next"].removeprefix(server.url("")), json.dumps(second), JSON)
    feed = make_feed(provider_org, server.url("/rpde"), FeedKind.RPDE)

    run = harvest_feed(feed)

    assert (run.status, run.created, run.errors) == ("ok", 2, [])
    copy = Opportunity.objects.get(provider=provider_org, title="Caring for photographs")
    assert (copy.kind, copy.format, copy.contact_email) == (
        "workshop",
        "in-person",
        "learning@riverside.example.org",
    )
    assert list(copy.tags.all()) == [concept]
    assert list(copy.occurrences.values_list("start", "end", "venue_name", "town", "capacity")) == [
        (
            datetime(2030, 5, 1, 10, tzinfo=UTC),
            datetime(2030, 5, 1, 16, tzinfo=UTC),
            "Riverside Museum",
            "Bristol",
            10,
        )
    ]
    online = Opportunity.objects.get(provider=provider_org, title="Cataloguing online")
    assert (online.kind, online.format) == ("course", "online")
    assert online.occurrences.get().online_url == "https://e.org/live"


def test_rpde_reads_at_most_the_page_limit_and_carries_on_next_time(server: FeedServer, rpde_feed, settings):
    settings.SIGNPOST_RPDE_MAX_PAGES = 1

    first = harvest_feed(rpde_feed)
    second = harvest_feed(rpde_feed)

    assert (first.status, first.created, first.message) == (
        "ok",
        2,
        "Stopped after 1 page, the most one harvest reads; the next harvest carries on from there.",
    )
    assert (second.updated, second.withdrawn) == (1, 1)
    assert server.hits == ["/rpde", "/rpde?afterId=2"]


def test_a_jsonld_feed_whose_page_carries_no_courses_fails_clearly(server: FeedServer, provider_org):
    url = server.serve("/events", "<!doctype html><html><body><h1>Our events</h1></body></html>", HTML)
    feed = make_feed(provider_org, url, FeedKind.JSONLD)

    run = harvest_feed(feed)

    assert (run.status, run.message) == (
        "failed",
        "The feed could not be read as schema.org JSON-LD: "
        "No schema.org Course, CourseInstance or Event was found.",
    )
