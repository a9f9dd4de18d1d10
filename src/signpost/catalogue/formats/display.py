"""How an opportunity's facts read on its page: dates in the venue's time zone, places left,
cost. Plain functions over model instances, so the template holds no rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import dateformat, timezone
from django.utils.translation import get_language_info

from signpost.catalogue.formats.common import in_venue_zone, location_text
from signpost.catalogue.formats.money import format_money
from signpost.catalogue.models import Occurrence, Opportunity

DAY = "l j F Y"
TIME = "H:i"


@dataclass(frozen=True)
class OccurrenceDisplay:
    occurrence: Occurrence
    when: str  # "Thursday 4 March 2027, 10:00-16:00 GMT", or "Any time" when undated
    start_iso: str
    deadline: str  # "Monday 1 March 2027, 17:00 GMT", or ""
    deadline_iso: str
    deadline_passed: bool
    where: str  # "Online", an address, or both
    region: str
    places: str  # "12 of 20 places left", "Fully booked", "20 places", or ""
    is_past: bool

    @property
    def is_cancelled(self) -> bool:
        return self.occurrence.is_cancelled


def _moment(moment: datetime) -> str:
    return f"{dateformat.format(moment, DAY)}, {dateformat.format(moment, TIME)}"


def describe_when(occurrence: Occurrence) -> str:
    start = in_venue_zone(occurrence, occurrence.start)
    end = in_venue_zone(occurrence, occurrence.end)
    if start is None:
        return "Any time (no fixed date)"
    zone = start.tzname() or ""
    if end is None:
        return f"{_moment(start)} {zone}".strip()
    if end.date() == start.date():
        return f"{_moment(start)}–{dateformat.format(end, TIME)} {zone}".strip()
    end_zone = end.tzname() or ""
    return f"{_moment(start)} {zone} to {_moment(end)} {end_zone}".strip()


def describe_places(occurrence: Occurrence) -> str:
    if occurrence.places_left is not None:
        if occurrence.places_left == 0:
            return "Fully booked"
        if occurrence.capacity is not None:
            return f"{occurrence.places_left} of {occurrence.capacity} places left"
        return f"{occurrence.places_left} places left"
    if occurrence.capacity is not None:
        return f"{occurrence.capacity} places"
    return ""


def occurrence_display(occurrence: Occurrence, *, now: datetime | None = None) -> OccurrenceDisplay:
    now = now or timezone.now()
    start = in_venue_zone(occurrence, occurrence.start)
    deadline = in_venue_zone(occurrence, occurrence.registration_deadline)
    finish = occurrence.end or occurrence.start
    return OccurrenceDisplay(
        occurrence=occurrence,
        when=describe_when(occurrence),
        start_iso=start.isoformat() if start else "",
        deadline=f"{_moment(deadline)} {deadline.tzname() or ''}".strip() if deadline else "",
        deadline_iso=deadline.isoformat() if deadline else "",
        deadline_passed=bool(occurrence.registration_deadline and occurrence.registration_deadline < now),
        where=location_text(occurrence) or "To be announced",
        region=occurrence.region.name if occurrence.region else "",
        places=describe_places(occurrence),
        is_past=bool(finish and finish < now),
    )


def describe_cost(opportunity: Opportunity) -> list[str]:
    """The cost as short lines: "Free", or the price and the members' price."""
    if opportunity.is_free:
        return ["Free"]
    lines = []
    if opportunity.price is not None:
        lines.append(format_money(opportunity.price, opportunity.currency))
    if opportunity.member_price is not None:
        member = format_money(opportunity.member_price, opportunity.currency)
        lines.append(f"{member} for members of {opportunity.provider.name}")
    return lines or ["Ask the contact below"]


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name"])
    except KeyError:
        return code
