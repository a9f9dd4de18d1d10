"""iCalendar (.ics) files and feeds: each event (VEVENT, by UID) becomes one opportunity.

- UID is the external id, so importing or harvesting the calendar again updates the events.
- DTSTART/DTEND with a TZID keep that time zone; UTC times stay UTC; floating times take the
  calendar's X-WR-TIMEZONE (else Europe/London). An all-day event runs from 00:00 on its first
  day to 23:59 on its last (DTEND of an all-day event is the day after, as RFC 5545 says).
- A repeating event (RRULE, RDATE, EXDATE, moved dates by RECURRENCE-ID) becomes one opportunity
  with a date for each repeat from a year ago to two years ahead (at most 500), expanded by
  recurring-ical-events; a series wholly in the past keeps its first 500.
- LOCATION becomes the venue and address ("Venue, street, town, postcode" is split at commas),
  or an online date when it is a link or says online/virtual/Zoom/Teams.
- DESCRIPTION (or X-ALT-DESC in HTML) becomes Markdown; URL the web page; CONTACT or
  ORGANIZER the contact; CATEGORIES and SUMMARY suggest the kind (webinar, workshop …).
- A URL that is not a web address is left out with a notice rather than refusing the event,
  since the calendar usually comes from another system the provider cannot correct.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import recurring_ical_events
import x_wr_timezone
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from icalendar import Calendar, Component

from signpost.catalogue.ingest.common import (
    URL_IN_TEXT,
    IngestError,
    Notice,
    ParsedFile,
    RecordSource,
    clip_id,
    html_to_markdown,
    kind_from_words,
    looks_like_html,
    plain_text,
    sounds_online,
    split_place,
)
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord

MAX_DATES = 500  # services.opportunities.MAX_OCCURRENCES
DEFAULT_TIMEZONE = "Europe/London"
FIELD_NAMES = {
    "external_id": "UID", "title": "SUMMARY", "description": "DESCRIPTION", "url": "URL",
    "start": "DTSTART", "end": "DTEND", "timezone": "DTSTART", "venue_name": "LOCATION",
    "address": "LOCATION", "postcode": "LOCATION", "town": "LOCATION", "online_url": "LOCATION",
    "contact_name": "CONTACT", "contact_email": "CONTACT", "kind": "CATEGORIES", "occurrences": "RRULE",
}  # fmt: skip
_url = URLValidator(schemes=["http", "https"])


def read_ical(content: bytes, *, now: datetime | None = None) -> ParsedFile:
    """Read every VEVENT of one or more VCALENDARs; raise IngestError if it is not iCalendar."""
    now = now or datetime.now(UTC)
    try:
        calendars = Calendar.from_ical(content, multiple=True)
    except Exception as problem:  # icalendar raises ValueError, KeyError, IndexError on bad input
        raise IngestError(f"This is not a readable iCalendar file ({_reason(problem)}).") from problem
    parsed = ParsedFile(format="ics", field_names=dict(FIELD_NAMES), row_noun="event")
    for calendar in calendars if isinstance(calendars, list) else [calendars]:
        _read_calendar(calendar, parsed, now)
    if not parsed.records:
        raise IngestError("This calendar has no events (no VEVENT) to import.")
    return parsed


def _reason(problem: Exception) -> str:
    text = str(problem).strip() or type(problem).__name__
    return text if len(text) < 200 else f"{text[:200]}…"


def _read_calendar(calendar: Component, parsed: ParsedFile, now: datetime) -> None:
    try:
        # Floating times in a calendar that names its zone (X-WR-TIMEZONE) are in that zone.
        calendar = x_wr_timezone.to_standard(calendar)
    except Exception as problem:
        parsed.notices.append(Notice("", "X-WR-TIMEZONE", f"could not be applied ({_reason(problem)})"))
    default_zone = str(calendar.get("X-WR-TIMEZONE") or "").strip() or DEFAULT_TIMEZONE
    by_uid: dict[str, list[Component]] = {}
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        uid = str(event.get("UID") or "").strip()
        if not uid:
            summary = plain_text(str(event.get("SUMMARY") or ""))
            start = event.get("DTSTART")
            uid = f"{summary}|{start.to_ical().decode() if start else number}"
        by_uid.setdefault(uid, []).append(event)
    timezones = list(calendar.walk("VTIMEZONE"))
    for uid, events in by_uid.items():
        parsed.row_count += 1
        master = next((e for e in events if e.get("RECURRENCE-ID") is None), events[0])
        record, source = _record(uid, master, parsed)
        if master.get("RRULE") is not None or master.get("RDATE") is not None:
            components = _expand(uid, events, timezones, now, record)
        else:
            components = events
        for component in components:
            try:
                record.occurrences.append(_occurrence(component, default_zone, record, parsed, source.label))
            except (ValueError, TypeError) as problem:
                # icalendar keeps a property it cannot read and raises when its value is asked for.
                record.read_errors.append(
                    ("start", f"cannot be read as a date and time ({_reason(problem)})")
                )
        parsed.add(record, source)


def _record(uid: str, event: Component, parsed: ParsedFile) -> tuple[OpportunityRecord, RecordSource]:
    title = plain_text(_text(event.get("SUMMARY")))
    label = (
        f"event “{_short(title)}” (UID {_short(uid, 60)})" if title else f"event with UID {_short(uid, 60)}"
    )
    record = OpportunityRecord(title=title, external_id=clip_id(uid))
    record.description = _description(event)
    url = _text(event.get("URL")).strip()
    if url:
        try:
            _url(url)
            record.url = url
        except ValidationError:
            parsed.notices.append(Notice(label, "URL", f"{url!r} is not a web address, so it was left out"))
    _contact(event, record)
    categories = ", ".join(_categories(event))
    record.kind = kind_from_words(categories, title)
    return record, RecordSource(label=label)


def _expand(
    uid: str, events: list[Component], timezones: list[Component], now: datetime, record: OpportunityRecord
) -> list[Component]:
    series = Calendar()
    for component in [*timezones, *events]:
        series.add_component(component)
    try:
        query = recurring_ical_events.of(series)
        found = list(
            itertools.islice(query.between(now - timedelta(days=366), now + timedelta(days=731)), MAX_DATES)
        )
        if not found:
            found = list(itertools.islice(query.all(), MAX_DATES))
    except Exception as problem:  # a broken RRULE: report it against the event
        record.read_errors.append(("occurrences", f"its repeat rule cannot be read ({_reason(problem)})"))
        return []
    return found


def _occurrence(
    event: Component, default_zone: str, record: OpportunityRecord, parsed: ParsedFile, label: str
) -> OccurrenceRecord:
    occurrence = OccurrenceRecord(timezone=default_zone)
    start_prop, end_prop = event.get("DTSTART"), event.get("DTEND")
    start = start_prop.dt if start_prop is not None else None
    end = end_prop.dt if end_prop is not None else None
    if end is None and start is not None and event.get("DURATION") is not None:
        end = start + event.get("DURATION").dt
    if isinstance(start, datetime):
        occurrence.start, occurrence.timezone = _moment(start, default_zone)
        if isinstance(end, datetime):
            occurrence.end, _ = _moment(end, default_zone)
    elif isinstance(start, date):
        occurrence.start = datetime.combine(start, time(0, 0))
        last_day = end - timedelta(days=1) if isinstance(end, date) and end > start else start
        occurrence.end = datetime.combine(last_day, time(23, 59))
    if str(event.get("STATUS") or "").upper() == "CANCELLED":
        occurrence.is_cancelled = True
    if event.get("RECURRENCE-ID") is not None or event.get("RRULE") is not None:
        occurrence.external_id = start.isoformat() if start is not None else ""
    _place(event, occurrence, parsed, label)
    return occurrence


def _moment(value: datetime, default_zone: str) -> tuple[datetime, str]:
    """The time, and the IANA zone it is in (naive times are the calendar's zone)."""
    zone: tzinfo | None = value.tzinfo
    if zone is None:
        return value, default_zone
    key = getattr(zone, "key", None) or getattr(zone, "zone", None)
    if key and key != "UTC":
        return value, str(key)
    if value.utcoffset() == timedelta(0):
        return value, "UTC"
    return value.astimezone(UTC), "UTC"  # a zone without an IANA name: keep the instant


def _place(event: Component, occurrence: OccurrenceRecord, parsed: ParsedFile, label: str) -> None:
    raw = _text(event.get("LOCATION"))
    links = [u for u in (_text(event.get("CONFERENCE")), *URL_IN_TEXT.findall(raw)) if u]
    for link in links:
        link = link.rstrip(".,;)")
        try:
            _url(link)
        except ValidationError:
            continue
        occurrence.online_url, occurrence.is_online = link, True
        break
    text = plain_text(URL_IN_TEXT.sub(" ", raw)).strip(" :-–,")
    if not text or text.casefold().rstrip(" :") in {"registration", "register", "link", "join"}:
        return
    if occurrence.is_online or sounds_online(text):
        occurrence.is_online = True
        occurrence.venue_name = text[:200]
        return
    for name, value in split_place(text).items():
        setattr(occurrence, name, value)


def _description(event: Component) -> str:
    alternative = event.get("X-ALT-DESC")
    if alternative is not None and "html" in str(alternative.params.get("FMTTYPE", "")).lower():
        return html_to_markdown(_text(alternative))
    text = _text(event.get("DESCRIPTION")).replace("\r\n", "\n").replace("\xa0", " ")
    if looks_like_html(text):
        return html_to_markdown(text)
    # Plain text: each line is a paragraph (Markdown would run single lines together).
    lines = [line.strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


def _contact(event: Component, record: OpportunityRecord) -> None:
    contact = _text(event.get("CONTACT")).strip()
    if contact:
        address = contact.removeprefix("mailto:").removeprefix("MAILTO:")
        if _is_email(address):
            record.contact_email = address
        else:
            record.contact_name = plain_text(contact)[:150]
    organizer = event.get("ORGANIZER")
    if organizer is not None:
        address = str(organizer).split(":", 1)[-1] if ":" in str(organizer) else str(organizer)
        if not record.contact_email and _is_email(address):
            record.contact_email = address
        name = str(organizer.params.get("CN", "")).strip() if hasattr(organizer, "params") else ""
        if name and not record.contact_name:
            record.contact_name = plain_text(name)[:150]


def _is_email(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def _categories(event: Component) -> Iterable[str]:
    values = event.get("CATEGORIES")
    if values is None:
        return
    for item in values if isinstance(values, list) else [values]:
        categories = getattr(item, "cats", None)
        if categories is None:
            yield str(item)
        else:
            yield from (str(c) for c in categories)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
