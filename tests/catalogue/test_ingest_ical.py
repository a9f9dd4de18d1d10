"""Reading iCalendar files into records: UIDs, time zones, all-day and repeating events, places."""

# ruff: noqa: DTZ001 (readers give wall-clock times; the validator applies the time zone)

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from signpost.catalogue.ingest.common import IngestError
from signpost.catalogue.ingest.ical import read_ical
from tests.catalogue.import_helpers import sample

NOW = datetime(2027, 1, 1, tzinfo=UTC)


def _calendar(*events: str, header: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{header}{body}END:VCALENDAR\r\n"
    return text.replace("\n    ", "\n").encode()


def test_the_pawsey_session_keeps_its_title_times_zone_and_place():
    parsed = read_ical(sample("pawsey_nvidia_session.ics"))

    [record] = parsed.records
    assert (record.title, record.external_id) == (
        "NVIDIA cuQuantum Session",
        "16193-1625216400-1625220000@pawsey.org.au",
    )
    [occurrence] = record.occurrences
    assert occurrence.start.isoformat() == "2021-07-02T09:00:00+08:00"
    assert occurrence.end.isoformat() == "2021-07-02T10:00:00+08:00"
    assert occurrence.timezone == "Australia/Perth"
    assert occurrence.venue_name == "Australia"
    assert record.kind == "workshop"  # CATEGORIES: Training,Workshop
    assert record.description.startswith(
        "Speakers: Tom Gibbs, Manager, Developer Relations, NVIDIA; and Shinya"
    )
    assert "\n\nNVIDIA cuQuantum is an SDK" in record.description
    # URL:123 is not a web address: left out, and said so.
    assert record.url == ""
    assert [str(n) for n in parsed.notices] == [
        "event “NVIDIA cuQuantum Session” (UID 16193-1625216400-1625220000@pawsey.org.au): URL: "
        "'123' is not a web address, so it was left out"
    ]


def test_an_online_location_makes_an_online_date_and_keeps_its_words():
    parsed = read_ical(sample("pawsey_pacer_seminar.ics"))

    occurrence = parsed.records[0].occurrences[0]
    assert (occurrence.is_online, occurrence.venue_name) == (True, "Online, Virtual, Australia")


def test_indico_events_are_in_utc_with_contact_and_url():
    parsed = read_ical(sample("indico_events.ics"))

    first, second = parsed.records
    assert first.title == "14th HEP C++ Course and Hands-on Training - The Essentials"
    assert (first.url, first.contact_email, first.kind) == (
        "https://indico.cern.ch/event/1617123/", "name.surname@test.com", "course",
    )  # fmt: skip
    occurrence = first.occurrences[0]
    assert (occurrence.start.isoformat(), occurrence.end.isoformat()) == (
        "2026-03-09T08:00:00+00:00", "2026-03-13T16:15:00+00:00",
    )  # fmt: skip
    assert (occurrence.timezone, occurrence.venue_name) == ("UTC", "CERN")
    assert second.occurrences[0].start.year == 2099
    assert parsed.row_count == 2
    assert parsed.row_noun == "event"


def test_a_link_in_the_location_is_the_joining_link():
    parsed = read_ical(sample("grayscott_event.ics"))

    occurrence = parsed.records[0].occurrences[0]
    assert (occurrence.online_url, occurrence.is_online) == ("https://teratec.webex.com/blabla", True)
    assert (occurrence.start.isoformat(), occurrence.timezone) == (
        "2026-02-26T10:00:00+01:00",
        "Europe/Paris",
    )


def test_an_all_day_event_runs_from_midnight_to_the_end_of_its_last_day():
    parsed = read_ical(
        _calendar("UID:a\nSUMMARY:Fair\nDTSTART;VALUE=DATE:20270304\nDTEND;VALUE=DATE:20270306")
    )

    occurrence = parsed.records[0].occurrences[0]
    assert (occurrence.start, occurrence.end) == (datetime(2027, 3, 4, 0, 0), datetime(2027, 3, 5, 23, 59))


def test_floating_times_are_in_the_calendars_time_zone():
    parsed = read_ical(
        _calendar(
            "UID:a\nSUMMARY:Talk\nDTSTART:20270304T100000\nDTEND:20270304T110000",
            header="X-WR-TIMEZONE:Europe/Dublin\r\n",
        )
    )

    occurrence = parsed.records[0].occurrences[0]
    assert occurrence.timezone == "Europe/Dublin"
    assert occurrence.start.hour == 10


def test_a_repeating_event_becomes_one_opportunity_with_a_date_for_each_repeat():
    parsed = read_ical(
        _calendar(
            "UID:weekly\nSUMMARY:Weekly webinar\nDTSTART;TZID=Europe/London:20270304T100000\n"
            "DTEND;TZID=Europe/London:20270304T110000\nRRULE:FREQ=WEEKLY;COUNT=4\n"
            "EXDATE;TZID=Europe/London:20270311T100000",
            "UID:weekly\nRECURRENCE-ID;TZID=Europe/London:20270318T100000\nSUMMARY:Weekly webinar\n"
            "DTSTART;TZID=Europe/London:20270318T140000\nDTEND;TZID=Europe/London:20270318T150000",
        ),
        now=NOW,
    )

    [record] = parsed.records
    assert record.kind == "webinar"
    starts = [o.start.strftime("%d %b %H:%M") for o in record.occurrences]
    assert starts == ["04 Mar 10:00", "18 Mar 14:00", "25 Mar 10:00"]


def test_a_never_ending_repeat_is_bounded_to_two_years_ahead():
    parsed = read_ical(
        _calendar("UID:daily\nSUMMARY:Drop-in\nDTSTART:20260101T100000Z\nRRULE:FREQ=DAILY"), now=NOW
    )

    occurrences = parsed.records[0].occurrences
    assert len(occurrences) == 500
    assert occurrences[0].start.date().isoformat() == "2026-01-01"


def test_a_place_line_is_split_into_venue_address_and_postcode():
    parsed = read_ical(
        _calendar(
            "UID:a\nSUMMARY:Talk\nDTSTART:20270304T100000Z\n"
            "LOCATION:British Library\\, 96 Euston Road\\, London NW1 2DB"
        )
    )

    occurrence = parsed.records[0].occurrences[0]
    assert (occurrence.venue_name, occurrence.address, occurrence.postcode) == (
        "British Library", "96 Euston Road, London NW1 2DB", "NW1 2DB",
    )  # fmt: skip


def test_cancelled_events_organisers_and_html_descriptions():
    parsed = read_ical(
        _calendar(
            "UID:a\nSUMMARY:Talk\nDTSTART:20270304T100000Z\nSTATUS:CANCELLED\n"
            "ORGANIZER;CN=Priya Raman:mailto:priya@example.org\n"
            "DESCRIPTION:<p>Learn <strong>a lot</strong></p><script>alert(1)</script>"
        )
    )

    record = parsed.records[0]
    assert record.occurrences[0].is_cancelled is True
    assert (record.contact_name, record.contact_email) == ("Priya Raman", "priya@example.org")
    assert record.description == "Learn **a lot**"


def test_an_event_without_a_uid_gets_one_from_its_title_and_start():
    parsed = read_ical(_calendar("SUMMARY:Talk\nDTSTART:20270304T100000Z"))

    assert parsed.records[0].external_id == "Talk|20270304T100000Z"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"BEGIN:VCALENDAR\r\nthis is not ical", "This is not a readable iCalendar file"),
        (_calendar().replace(b"BEGIN:VEVENT", b""), "This calendar has no events (no VEVENT) to import."),
        (b"title,start\r\n", "This is not a readable iCalendar file"),
    ],
)
def test_files_that_are_not_calendars_say_so(content, message):
    with pytest.raises(IngestError) as problem:
        read_ical(content)

    assert str(problem.value).startswith(message)
