"""iCalendar out: files and subscriptions parsed back with the icalendar library."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from signpost.accounts.models import OrganisationKind
from signpost.lexicon.models import BroaderLink
from tests.catalogue.formats_helpers import days_ahead, make_opportunity, occurrence
from tests.factories import ConceptFactory, ConceptSchemeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ONLINE = {"is_online": True, "venue_name": "", "address": "", "town": "", "postcode": "", "region": ""}


def _calendar(client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _titles(calendar: Calendar) -> list[str]:
    return sorted(
        str(e["SUMMARY"]) for e in calendar.walk("VEVENT") if not str(e["UID"]).startswith("deadline")
    )


def test_an_opportunitys_calendar_has_its_upcoming_dates_and_deadlines(client, provider_org):
    opportunity = make_opportunity(
        provider_org,
        occurrences=[
            occurrence(30),
            occurrence(-5, registration_deadline=None),  # ended: left out
            occurrence(45, is_cancelled=True),
            occurrence(0, start=None, end=None, registration_deadline=None, **ONLINE),  # undated
        ],
    )
    upcoming, _, cancelled, _ = opportunity.occurrences.order_by("pk")

    response = client.get(f"/opportunities/{opportunity.pk}/calendar.ics")
    calendar = Calendar.from_ical(response.content)

    assert (
        response["Content-Disposition"] == f'attachment; filename="signpost-opportunity-{opportunity.pk}.ics"'
    )
    assert str(calendar["X-WR-CALNAME"]) == "Caring for photographic collections"
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = _events(calendar)
    assert sorted(events) == sorted(
        [
            f"occurrence-{upcoming.pk}@signpost",
            f"deadline-{upcoming.pk}@signpost",
            f"occurrence-{cancelled.pk}@signpost",
        ]
    )
    event = events[f"occurrence-{upcoming.pk}@signpost"]
    assert str(event["SUMMARY"]) == "Caring for photographic collections"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTSTART") == upcoming.start
    assert event.decoded("DTEND") == upcoming.end
    assert str(event["LOCATION"]) == "Riverside Museum, 1 Quay Street, Leeds, LS1 4AB"
    page = f"http://testserver/opportunities/{opportunity.pk}/"
    assert str(event["URL"]) == page
    assert str(event["DESCRIPTION"]) == (
        "Handle, store and display photographs safely.\n\n"
        "Offered by Heritage Skills Training.\n\n"
        f"Details and booking: {page}"
    )
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["CONTACT"]) == "Priya Raman, Programme lead, priya@example.org, 0113 496 0000"
    # The deadline: its own timed, transparent event, pointing at the occurrence.
    deadline = events[f"deadline-{upcoming.pk}@signpost"]
    assert str(deadline["SUMMARY"]) == "Registration closes: Caring for photographic collections"
    assert deadline.decoded("DTSTART") == upcoming.registration_deadline
    assert str(deadline["TRANSP"]) == "TRANSPARENT"
    assert str(deadline["RELATED-TO"]) == f"occurrence-{upcoming.pk}@signpost"
    # A cancelled date stays, marked, and its deadline goes.
    gone = events[f"occurrence-{cancelled.pk}@signpost"]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert str(gone["SUMMARY"]) == "Cancelled: Caring for photographic collections"
    # One VTIMEZONE for the zone used.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_times_keep_the_venues_own_time_zone(client, provider_org):
    start = days_ahead(50, 9)
    opportunity = make_opportunity(
        provider_org,
        occurrences=[
            occurrence(50, start=start, end=start.replace(hour=17), timezone="America/New_York", region=""),
            occurrence(51),
        ],
    )

    calendar = _calendar(client, f"/opportunities/{opportunity.pk}/calendar.ics")

    starts = {
        e["DTSTART"].params["TZID"]: e.decoded("DTSTART")
        for e in calendar.walk("VEVENT")
        if str(e["UID"]).startswith("occurrence")
    }
    assert starts["America/New_York"].astimezone(ZoneInfo("America/New_York")).hour == 9
    assert sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")) == [
        "America/New_York",
        "Europe/London",
    ]


def test_draft_and_withdrawn_opportunities_have_empty_calendars_for_their_editors(
    client, provider_org, priya
):
    draft = make_opportunity(provider_org, status="draft")
    withdrawn = make_opportunity(provider_org, status="withdrawn")
    client.force_login(priya)

    assert _events(_calendar(client, f"/opportunities/{draft.pk}/calendar.ics")) == {}
    client.logout()
    assert _events(_calendar(client, f"/opportunities/{withdrawn.pk}/calendar.ics")) == {}


def test_a_providers_calendar_has_only_its_published_upcoming_dates(client, provider_org):
    other = OrganisationFactory(name="Archive Skills", kind=OrganisationKind.TRAINING_PROVIDER)
    make_opportunity(provider_org, title="Mounting prints", occurrences=[occurrence(10), occurrence(20)])
    make_opportunity(provider_org, title="Unpublished", status="draft")
    make_opportunity(provider_org, title="Withdrawn", status="withdrawn")
    make_opportunity(provider_org, title="Long ago", occurrences=[occurrence(-30)])
    make_opportunity(other, title="Someone else's")

    calendar = _calendar(client, "/calendars/providers/heritage-skills-training.ics")

    assert str(calendar["X-WR-CALNAME"]) == "Heritage Skills Training on Signpost"
    assert _titles(calendar) == ["Mounting prints", "Mounting prints"]
    assert "Content-Disposition" not in client.get("/calendars/providers/heritage-skills-training.ics")


def test_a_regions_calendar_adds_online_dates_to_its_own(client, provider_org):
    make_opportunity(provider_org, title="In Leeds")
    make_opportunity(
        provider_org, title="In Cardiff", occurrences=[occurrence(12, region="Wales", town="Cardiff")]
    )
    make_opportunity(provider_org, title="Online", occurrences=[occurrence(14, **ONLINE)])

    calendar = _calendar(client, "/calendars/regions/yorkshire-and-the-humber.ics")

    assert _titles(calendar) == ["In Leeds", "Online"]
    assert str(calendar["X-WR-CALNAME"]) == "Learning in Yorkshire and The Humber on Signpost"


def test_an_areas_calendar_takes_opportunities_tagged_anywhere_below_it(client, provider_org):
    scheme = ConceptSchemeFactory(slug="starter")
    area = ConceptFactory(scheme=scheme, pref_label="Collections care", is_top_concept=True)
    skill = ConceptFactory(scheme=scheme, pref_label="Preventive conservation")
    deeper = ConceptFactory(scheme=scheme, pref_label="Pest management")
    elsewhere = ConceptFactory(scheme=scheme, pref_label="Fundraising", is_top_concept=True)
    BroaderLink.objects.create(concept=skill, broader=area)
    BroaderLink.objects.create(concept=deeper, broader=skill)
    make_opportunity(provider_org, title="Area itself", tags=[area.uri])
    make_opportunity(provider_org, title="Pests", tags=[deeper.uri])
    make_opportunity(provider_org, title="Money", tags=[elsewhere.uri])
    make_opportunity(provider_org, title="Both", tags=[skill.uri, deeper.uri])

    calendar = _calendar(client, f"/calendars/areas/{area.pk}.ics")

    assert _titles(calendar) == ["Area itself", "Both", "Pests"]
    assert str(calendar["X-WR-CALNAME"]) == "Collections care on Signpost"


def test_unknown_provider_region_or_area_is_not_found(client):
    assert client.get("/calendars/providers/nobody.ics").status_code == 404
    assert client.get("/calendars/regions/atlantis.ics").status_code == 404
    assert client.get("/calendars/areas/999999.ics").status_code == 404
    assert client.get("/opportunities/999999/calendar.ics").status_code == 404


def test_an_empty_calendar_still_parses(client, provider_org):
    calendar = _calendar(client, "/calendars/providers/heritage-skills-training.ics")

    assert calendar.walk("VEVENT") == []
    assert str(calendar["PRODID"]) == "-//Signpost//Learning catalogue//EN"


def test_a_subscriber_polling_gets_304_until_the_catalogue_changes(client, provider_org):
    from signpost.catalogue.models import Status
    from signpost.catalogue.services.opportunities import set_status

    first = make_opportunity(provider_org, title="First")
    path = "/calendars/providers/heritage-skills-training.ics"
    response = client.get(path)
    etag = response["ETag"]

    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304

    set_status(opportunity=first, status=Status.WITHDRAWN)
    make_opportunity(provider_org, title="Second")
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert _titles(Calendar.from_ical(changed.content)) == ["Second"]
