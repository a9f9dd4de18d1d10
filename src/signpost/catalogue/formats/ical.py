"""iCalendar (RFC 5545) calendars of occurrences: one opportunity's dates, or a provider's,
a region's or a lexicon area's, for "add to calendar" and for subscriptions.

Each occurrence is a VEVENT with a stable UID (`occurrence-<pk>@signpost`), so a subscribed
calendar updates it in place; its times carry the venue's TZID, and the calendar includes a
VTIMEZONE for each zone used. A registration deadline is a separate, timed VEVENT
(`deadline-<pk>@signpost`, "Registration closes: <title>", zero length and transparent so it
never shows as busy): an alarm (VALARM) would be dropped by most calendar apps on
subscription and would only warn people who had already added the event itself.
Cancelled occurrences stay in, with STATUS:CANCELLED, so subscribers see the cancellation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from icalendar import Calendar, Event, vDuration
from icalendar.enums import STATUS, TRANSP

from signpost.catalogue.formats.common import AbsoluteUrl, in_venue_zone, location_text, page_path
from signpost.catalogue.formats.markdown import markdown_to_text
from signpost.catalogue.models import Occurrence, Opportunity

PRODID = "-//Signpost//Learning catalogue//EN"
UID_DOMAIN = "signpost"
REFRESH = timedelta(hours=6)
DESCRIPTION_LIMIT = 1000


def occurrence_uid(occurrence: Occurrence) -> str:
    return f"occurrence-{occurrence.pk}@{UID_DOMAIN}"


def deadline_uid(occurrence: Occurrence) -> str:
    return f"deadline-{occurrence.pk}@{UID_DOMAIN}"


def build_calendar(
    *,
    name: str,
    uid: str,
    occurrences: Sequence[Occurrence],
    absolute_url: AbsoluteUrl,
    description: str = "",
) -> bytes:
    """A VCALENDAR with one VEVENT per occurrence and one per registration deadline.

    Occurrences must have `opportunity__provider` fetched (formats.selectors does this).
    """
    calendar = Calendar.new(
        name=name,
        description=description or None,
        prodid=PRODID,
        uid=uid,
        method="PUBLISH",
        refresh_interval=REFRESH,
    )
    # Older clients (Outlook, Apple Calendar) read the X-WR and X-PUBLISHED-TTL forms.
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    if description:
        calendar.add("X-WR-CALDESC", description)
    days: list[date] = []
    for occurrence in occurrences:
        if occurrence.start is None:
            continue  # self-paced: nothing to put in a calendar
        calendar.add_component(_event(occurrence, absolute_url))
        days.append(occurrence.start.date())
        if occurrence.end is not None:
            days.append(occurrence.end.date())
        if occurrence.registration_deadline is not None and not occurrence.is_cancelled:
            calendar.add_component(_deadline(occurrence, absolute_url))
            days.append(occurrence.registration_deadline.date())
    if days:
        # VTIMEZONEs only for the span the events cover (a day either side for zone offsets).
        calendar.add_missing_timezones(
            first_date=min(days) - timedelta(days=1), last_date=max(days) + timedelta(days=1)
        )
    return calendar.to_ical()


def _description(opportunity: Opportunity, page: str) -> str:
    text = opportunity.summary or markdown_to_text(opportunity.description)
    if len(text) > DESCRIPTION_LIMIT:
        text = text[: DESCRIPTION_LIMIT - 1].rstrip() + "…"
    parts = [text, f"Offered by {opportunity.provider.name}.", f"Details and booking: {page}"]
    return "\n\n".join(p for p in parts if p)


def _contact(opportunity: Opportunity) -> str:
    parts = (
        opportunity.contact_name,
        opportunity.contact_role,
        opportunity.contact_email,
        opportunity.contact_phone,
    )
    return ", ".join(p for p in parts if p)


def _event(occurrence: Occurrence, absolute_url: AbsoluteUrl) -> Event:
    opportunity = occurrence.opportunity
    page = absolute_url(page_path(opportunity))
    summary = opportunity.title
    if occurrence.is_cancelled:
        # Many apps ignore STATUS in subscribed calendars; the title says it plainly.
        summary = f"Cancelled: {summary}"
    event = Event.new(
        uid=occurrence_uid(occurrence),
        summary=summary,
        start=in_venue_zone(occurrence, occurrence.start),
        end=in_venue_zone(occurrence, occurrence.end),
        description=_description(opportunity, page),
        location=location_text(occurrence) or None,
        url=page,
        stamp=opportunity.updated_at,
        last_modified=opportunity.updated_at,
        status=STATUS.CANCELLED if occurrence.is_cancelled else STATUS.CONFIRMED,
        categories=[opportunity.get_kind_display()],
        contacts=_contact(opportunity) or None,
        # modified_seq only grows, so clients that compare SEQUENCE take the newer version.
        sequence=opportunity.modified_seq,
    )
    return event


def _deadline(occurrence: Occurrence, absolute_url: AbsoluteUrl) -> Event:
    opportunity = occurrence.opportunity
    page = absolute_url(page_path(opportunity))
    deadline = in_venue_zone(occurrence, occurrence.registration_deadline)
    start = in_venue_zone(occurrence, occurrence.start)
    assert deadline is not None  # the caller checked
    assert start is not None
    return Event.new(
        uid=deadline_uid(occurrence),
        summary=f"Registration closes: {opportunity.title}",
        start=deadline,
        description=(
            f"Last moment to register for {opportunity.title} "
            f"(starting {start.day} {start:%B %Y, %H:%M} {start.tzname()}).\n\n{page}"
        ),
        url=page,
        stamp=opportunity.updated_at,
        transparency=TRANSP.TRANSPARENT,
        related_to=occurrence_uid(occurrence),
        sequence=opportunity.modified_seq,
    )
