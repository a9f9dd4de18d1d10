"""RPDE change feeds (OpenActive's Realtime Paged Data Exchange) as opportunity records.

A page is {"items": [...], "next": url}. Each item is {"state": "updated"|"deleted", "kind",
"id", "modified", "data"}; `data` (updated items only) is a schema.org SessionSeries,
ScheduledSession, CourseInstance, Course or Event. A consumer follows `next` until a page has
no items, and keeps that last `next` to resume from. Items are identified by kind and id, so
a deleted item (which carries no data) withdraws the opportunity an updated one created.

Reading is tolerant: an item that cannot be read becomes a problem naming the item, and the
rest of the page is still read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urljoin

from signpost.catalogue.harvest.values import FeedFormatError, parse_datetime, plain_text, summarise
from signpost.catalogue.models import Kind
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord

COURSE_TYPES = {"Course", "CourseInstance", "EducationEvent"}
CANCELLED = {"EventCancelled", "https://schema.org/EventCancelled", "http://schema.org/EventCancelled"}
_KIND_BY_NAME = {label.casefold(): value for value, label in Kind.choices} | {
    value: value for value in Kind.values
}


@dataclass(frozen=True)
class ItemProblem:
    """An item the page could not be read for (bad state, no id, no data)."""

    external_id: str
    field: str
    message: str


@dataclass
class RpdePage:
    records: list[OpportunityRecord] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # external ids of deleted items
    problems: list[ItemProblem] = field(default_factory=list)
    next_url: str = ""
    item_count: int = 0


def external_id(kind: object, item_id: object) -> str:
    """How an RPDE item is known in the catalogue: its kind and id (ids are unique per kind)."""
    kind_text = str(kind or "").strip()
    return f"{kind_text}:{item_id}" if kind_text else str(item_id)


def parse_page(content: bytes, *, base_url: str = "") -> RpdePage:
    """Read one RPDE page; raise FeedFormatError if it is not one."""
    try:
        document = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FeedFormatError(f"This is not an RPDE page: it is not JSON ({error}).") from error
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise FeedFormatError('This is not an RPDE page: it has no "items" list.')
    next_url = document.get("next")
    if document["items"] and not (isinstance(next_url, str) and next_url.strip()):
        raise FeedFormatError('This RPDE page has items but no "next" address to continue from.')
    page = RpdePage(
        next_url=urljoin(base_url, next_url.strip()) if isinstance(next_url, str) and next_url else "",
        item_count=len(document["items"]),
    )
    # Within a page a later entry for the same item supersedes an earlier one.
    latest: dict[str, tuple[int, dict[str, Any]]] = {}
    for position, item in enumerate(document["items"], start=1):
        if not isinstance(item, dict) or item.get("id") in (None, ""):
            page.problems.append(ItemProblem(f"#{position}", "id", "the item has no id"))
            continue
        latest[external_id(item.get("kind"), item["id"])] = (position, item)
    for key, (_position, item) in sorted(latest.items(), key=lambda pair: pair[1][0]):
        state = str(item.get("state", "")).strip().lower()
        if state == "deleted":
            page.deleted.append(key)
        elif state != "updated":
            page.problems.append(
                ItemProblem(key, "state", f"{item.get('state')!r} is not updated or deleted")
            )
        elif not isinstance(item.get("data"), dict):
            page.problems.append(ItemProblem(key, "data", "an updated item must carry its data"))
        else:
            page.records.append(record_from_data(item["data"], external_id=key))
    return page


def record_from_data(data: dict[str, Any], *, external_id: str) -> OpportunityRecord:
    """One schema.org (OpenActive) event, series, session or course as a record."""
    errors: list[tuple[str, str]] = []
    parent: dict[str, Any] = data["superEvent"] if isinstance(data.get("superEvent"), dict) else {}
    description = plain_text(data.get("description") or parent.get("description"))
    record = OpportunityRecord(
        title=plain_text(data.get("name") or parent.get("name")),
        external_id=external_id,
        summary=summarise(plain_text(data.get("disambiguatingDescription")) or description),
        description=description,
        url=_text(data.get("url") or parent.get("url")),
        tags=_keywords(data) or _keywords(parent),
        accessibility_notes=plain_text(
            data.get("accessibilityInformation") or data.get("accessibilitySummary")
        ),
        read_errors=errors,
    )
    _offers(record, data.get("offers") or parent.get("offers"), errors)
    if data.get("isAccessibleForFree") is True:
        record.is_free = True
    _contact(record, data, parent)

    runs = _runs(data)
    default_place = data.get("location") or parent.get("location")
    record.occurrences = [_occurrence(run, default_place, errors) for run in runs] or [
        _occurrence({}, default_place, errors)
    ]
    record.kind = _kind(data, record.occurrences)
    return record


def _contact(record: OpportunityRecord, data: dict[str, Any], parent: dict[str, Any]) -> None:
    """A named contact point if there is one, else the organiser's (or provider's) email and phone."""
    organiser = next(
        (o for o in (data.get(k) or parent.get(k) for k in ("organizer", "provider")) if isinstance(o, dict)),
        {},
    )
    points = [
        p for p in _list(data.get("contactPoint") or organiser.get("contactPoint")) if isinstance(p, dict)
    ]
    for source in [*points, organiser]:
        record.contact_email = record.contact_email or _text(source.get("email")).removeprefix("mailto:")
        record.contact_phone = record.contact_phone or _text(source.get("telephone"))
    if points:
        record.contact_name = _text(points[0].get("name"))
    elif "Person" in _types(organiser):
        record.contact_name = _text(organiser.get("name"))


def _runs(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The dated runs of an offer: its sub-events or course instances, else the offer itself."""
    for name in ("subEvent", "hasCourseInstance"):
        found = [run for run in _list(data.get(name)) if isinstance(run, dict)]
        if found:
            return found
    if data.get("startDate") or data.get("endDate"):
        return [data]
    return []


def _occurrence(run: dict[str, Any], default_place: Any, errors: list[tuple[str, str]]) -> OccurrenceRecord:
    occurrence = OccurrenceRecord(
        start=_date("start", run.get("startDate"), errors),
        end=_date("end", run.get("endDate"), errors),
        external_id=_text(run.get("@id") or run.get("id") or run.get("identifier")),
        is_cancelled=_text(run.get("eventStatus")) in CANCELLED,
    )
    for name, source in (
        ("capacity", "maximumAttendeeCapacity"),
        ("places_left", "remainingAttendeeCapacity"),
    ):
        value = run.get(source)
        if value is None or value == "":
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            errors.append((name, f"{value!r} is not a whole number"))
        else:
            setattr(occurrence, name, number)
    mode = _text(run.get("eventAttendanceMode")).rsplit("/", 1)[-1]
    if "online" in _text(run.get("courseMode")).casefold():
        mode = "OnlineEventAttendanceMode"
    places = _list(run.get("location") or default_place)
    for place in places:
        if isinstance(place, str):
            occurrence.venue_name = occurrence.venue_name or plain_text(place)
        elif isinstance(place, dict) and "VirtualLocation" in _types(place):
            occurrence.is_online = True
            occurrence.online_url = _text(place.get("url"))
        elif isinstance(place, dict):
            _place(occurrence, place)
    if mode == "OnlineEventAttendanceMode":
        occurrence.is_online = True
    return occurrence


def _place(occurrence: OccurrenceRecord, place: dict[str, Any]) -> None:
    occurrence.venue_name = plain_text(place.get("name"))[:200]
    address = place.get("address")
    if isinstance(address, dict):
        occurrence.address = _text(address.get("streetAddress"))
        occurrence.town = _text(address.get("addressLocality"))
        occurrence.postcode = _text(address.get("postalCode"))
        occurrence.region = _text(address.get("addressRegion"))
        country = address.get("addressCountry")
        if isinstance(country, dict):
            country = country.get("name") or country.get("identifier")
        occurrence.country = _text(country) or "GB"
    elif address:
        occurrence.address = plain_text(address)


def _offers(record: OpportunityRecord, offers: Any, errors: list[tuple[str, str]]) -> None:
    """The cheapest offer's price; an offer of 0 makes the opportunity free."""
    prices: list[tuple[Decimal, str]] = []
    for offer in _list(offers):
        if not isinstance(offer, dict) or offer.get("price") in (None, ""):
            continue
        try:
            amount = Decimal(str(offer["price"]))
        except InvalidOperation:
            errors.append(("price", f"{offer['price']!r} is not a price"))
            continue
        prices.append((amount, _text(offer.get("priceCurrency")) or "GBP"))
    if prices:
        amount, currency = min(prices)
        record.price, record.currency = (None, currency) if amount == 0 else (amount, currency)
        record.is_free = amount == 0


def _kind(data: dict[str, Any], occurrences: list[OccurrenceRecord]) -> str:
    for extra in [*_list(data.get("additionalType")), *_list(data.get("learningResourceType"))]:
        name = _text(extra).rsplit("/", 1)[-1].replace("_", " ").casefold()
        if name in _KIND_BY_NAME:
            return _KIND_BY_NAME[name]
    types = _types(data)
    if types & COURSE_TYPES:
        return Kind.COURSE
    if "OnDemandEvent" in types:
        return Kind.ONLINE_SELF_STUDY
    online = bool(occurrences) and all(o.is_online for o in occurrences)
    return Kind.WEBINAR if online else Kind.WORKSHOP


def _keywords(data: dict[str, Any]) -> list[str]:
    words: list[str] = []
    for value in _list(data.get("keywords")):
        words.extend(w.strip() for w in str(value).split(",") if w.strip())
    # Lexicon concepts by URI (as Signpost's own feed gives them) or by name; unknown ones are dropped later.
    for term in _list(data.get("about")):
        if isinstance(term, dict) and (term.get("@id") or term.get("name")):
            words.append(_text(term.get("@id") or term.get("name")))
    for category in _list(data.get("category")):
        label = category.get("prefLabel") or category.get("name") if isinstance(category, dict) else category
        if label:
            words.append(_text(label))
    return words


def _date(name: str, value: Any, errors: list[tuple[str, str]]) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return parse_datetime(value)
    except ValueError as problem:
        errors.append((name, str(problem)))
        return None


def _types(node: dict[str, Any]) -> set[str]:
    return {
        str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in _list(node.get("@type") or node.get("type"))
    }


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name") or ""
    return str(value).strip() if value is not None else ""
