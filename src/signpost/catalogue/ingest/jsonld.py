"""schema.org JSON-LD (Course, CourseInstance, Event, ItemList), in a .json/.jsonld file or a web page.

- A Course becomes one opportunity and each of its hasCourseInstance one date; a CourseInstance
  or an Event (any …Event type) on its own becomes an opportunity with one date; an ItemList's
  items are read one by one; @graph and plain lists are read too. Web pages are read with extruct
  (JSON-LD scripts and microdata).
- The external id is the item's @id, else its url, identifier or courseCode, else its name.
- startDate/endDate are ISO 8601; a date alone runs 00:00 to 23:59. A time with an offset keeps it
  (its zone is UTC, Europe/London when the offset is the UK's, else Etc/GMT±N).
- location: a Place (name → venue; its PostalAddress → address, town, postcode, country), a
  PostalAddress or text, a VirtualLocation (url → joining link), or a list of them.
  addressRegion becomes the region outside the UK; in the UK (where it is often a county) it is
  kept in the address. eventAttendanceMode and courseMode say online, in person or blended.
- offers: the lowest price (and its currency) is the price; an offer named for members is the
  member price; all prices 0 means free.
- A url that is not a web address is left out with a notice.
Not read: eventSchedule (repeating schedules), keywords and about (tags come from the lexicon).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from signpost.catalogue.ingest.common import (
    IngestError,
    Notice,
    ParsedFile,
    RecordSource,
    as_end,
    as_start,
    clip_id,
    html_to_markdown,
    kind_from_words,
    plain_text,
    read_when,
    sounds_online,
    split_place,
    zone_for,
)
from signpost.catalogue.models import Format, Kind
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord

FIELD_NAMES = {
    "external_id": "@id", "title": "name", "summary": "abstract", "description": "description",
    "url": "url", "language": "inLanguage", "start": "startDate", "end": "endDate",
    "timezone": "startDate", "venue_name": "location", "address": "location", "town": "addressLocality",
    "postcode": "postalCode", "region": "addressRegion", "online_url": "location", "price": "offers",
    "member_price": "offers", "currency": "priceCurrency", "capacity": "maximumAttendeeCapacity",
    "places_left": "remainingAttendeeCapacity", "contact_name": "organizer", "contact_email": "organizer",
    "occurrences": "hasCourseInstance", "accessibility_notes": "accessibilitySummary", "kind": "@type",
    "registration_deadline": "offers.validThrough",
}  # fmt: skip
_PREFIXES = ("http://schema.org/", "https://schema.org/", "schema:")
UK = {"GB", "UK", "UNITED KINGDOM", "GREAT BRITAIN", "ENGLAND", "SCOTLAND", "WALES", "NORTHERN IRELAND"}
MAX_DEPTH = 20
_url = URLValidator(schemes=["http", "https"])


def read_jsonld(content: bytes, *, base_url: str = "") -> ParsedFile:
    """Read a JSON-LD document; raise IngestError if it is not JSON or holds no course or event."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError as problem:
        raise IngestError("This file is not text (UTF-8), so it is not JSON-LD.") from problem
    except json.JSONDecodeError as problem:
        raise IngestError(
            f"This is not valid JSON: line {problem.lineno}, column {problem.colno}: {problem.msg}."
        ) from problem
    except RecursionError as problem:
        raise IngestError("This JSON is nested too deeply to be a list of courses or events.") from problem
    return _read_nodes(_as_list(data), "jsonld")


def read_html(content: bytes, *, base_url: str = "") -> ParsedFile:
    """Read the schema.org JSON-LD and microdata embedded in a web page."""
    import extruct

    found: dict[str, list[Any]]
    reason = ""
    syntaxes = ["json-ld", "microdata"]
    try:
        found = extruct.extract(content, base_url=base_url or None, syntaxes=syntaxes, uniform=True)
    except Exception as problem:  # a JSON-LD block that is not valid JSON, usually
        reason = str(problem)[:200]
        try:
            found = extruct.extract(
                content, base_url=base_url or None, syntaxes=syntaxes, uniform=True, errors="ignore"
            )
        except (Exception, RecursionError) as again:
            raise IngestError(f"This web page cannot be read ({str(again)[:200]}).") from again
    nodes = [*found.get("json-ld", []), *found.get("microdata", [])]
    try:
        parsed = _read_nodes(nodes, "html")
    except IngestError as problem:
        if reason:
            raise IngestError(f"{problem} A JSON-LD block on the page could not be read: {reason}.") from None
        raise
    if reason:
        parsed.notices.append(
            Notice("", "", f"A JSON-LD block on the page could not be read and was skipped: {reason}.")
        )
    return parsed


# --- Finding the items --------------------------------------------------------------------


def _read_nodes(nodes: list[Any], file_format: str) -> ParsedFile:
    nodes = [_unprefix(n, 0) for n in nodes]
    index: dict[str, dict[str, Any]] = {}
    for node in _walk(nodes, 0):
        if isinstance(node, dict) and isinstance(node.get("@id"), str) and len(node) > 1:
            index.setdefault(node["@id"], node)
    parsed = ParsedFile(format=file_format, field_names=dict(FIELD_NAMES), row_noun="item")
    items = list(_items(nodes, index, parsed))
    # A CourseInstance that its Course lists is one of the Course's dates, not an item of its own.
    instance_ids = {
        _id(i, index)
        for item in items
        if "Course" in _types(item)
        for i in _as_list(item.get("hasCourseInstance"))
        if _id(i, index)
    }
    seen: set[str] = set()
    for item in items:
        if "Course" not in _types(item) and _id(item, index) in instance_ids:
            continue
        parsed.row_count += 1
        record, source = _record(item, index, parsed)
        if record.external_id in seen:
            parsed.notices.append(Notice(source.label, "@id", "is listed twice; the first was kept"))
            continue
        seen.add(record.external_id)
        parsed.add(record, source)
    if not parsed.records:
        types = sorted({t for n in _walk(nodes, 0) if isinstance(n, dict) for t in _types(n)})
        listed = f" (it has: {', '.join(types[:12])})" if types else ""
        raise IngestError(f"No schema.org Course, CourseInstance or Event was found{listed}.")
    return parsed


def _items(
    nodes: list[Any], index: dict[str, dict[str, Any]], parsed: ParsedFile
) -> Iterator[dict[str, Any]]:
    for node in nodes:
        if not isinstance(node, dict):
            continue
        if "@graph" in node:
            yield from _items(_as_list(node["@graph"]), index, parsed)
            continue
        types = _types(node)
        if "ItemList" in types:
            for number, element in enumerate(_as_list(node.get("itemListElement")), start=1):
                item = element.get("item", element) if isinstance(element, dict) else element
                item = _resolve(item, index)
                if isinstance(item, dict) and _is_offer(item):
                    yield item
                elif isinstance(item, dict | str):
                    link = item if isinstance(item, str) else item.get("url") or item.get("@id") or ""
                    parsed.notices.append(
                        Notice(
                            f"list item {number}", "", f"only points to {str(link)[:200]!r}; it was skipped"
                        )
                    )
        elif _is_offer(node):
            yield node


def _is_offer(node: dict[str, Any]) -> bool:
    return any(t in {"Course", "CourseInstance"} or t.endswith("Event") for t in _types(node))


def _walk(value: Any, depth: int) -> Iterator[Any]:
    if depth > MAX_DEPTH:
        return
    yield value
    if isinstance(value, dict):
        for inner in value.values():
            yield from _walk(inner, depth + 1)
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner, depth + 1)


def _unprefix(value: Any, depth: int) -> Any:
    """Keys and types without a schema.org prefix ("schema:name", "http://schema.org/name")."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, dict):
        return {_local(k): _unprefix(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_unprefix(v, depth + 1) for v in value]
    return value


def _local(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _types(node: dict[str, Any]) -> list[str]:
    return [_local(str(t)) for t in _as_list(node.get("@type"))]


def _resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) == {"@id"}:
        return index.get(value["@id"], value)
    if isinstance(value, str) and value in index:
        return index[value]
    return value


def _id(value: Any, index: dict[str, dict[str, Any]]) -> str:
    value = _resolve(value, index)
    if isinstance(value, dict):
        return str(value.get("@id") or "")
    return ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    """The first piece of text in a value ("x", ["x", "y"], {"@value": "x"}, {"name": "x"})."""
    for item in _as_list(value):
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            return str(item).strip()
        if isinstance(item, dict):
            for key in ("@value", "name", "alternateName", "value", "@id"):
                if key in item:
                    return _text(item[key])
    return ""


# --- One item -----------------------------------------------------------------------------


def _record(
    item: dict[str, Any], index: dict[str, dict[str, Any]], parsed: ParsedFile
) -> tuple[OpportunityRecord, RecordSource]:
    title = plain_text(_text(item.get("name")))
    identity = _text(item.get("@id")) or _text(item.get("url")) or _text(item.get("identifier"))
    identity = identity or _text(item.get("courseCode")) or title
    label = f"item “{title[:80]}”" if title else "item without a name"
    if item.get("@id") and _text(item.get("@id")) != title:
        label += f" ({_text(item['@id'])[:80]})"
    source = RecordSource(label=label)
    record = OpportunityRecord(title=title, external_id=clip_id(identity))
    record.summary = plain_text(_text(item.get("abstract")) or _text(item.get("disambiguatingDescription")))
    record.description = html_to_markdown(_text(item.get("description")))
    record.language = _text(item.get("inLanguage"))[:10] or "en"
    record.accessibility_notes = plain_text(_text(item.get("accessibilitySummary")))
    url = _text(item.get("url"))
    if url:
        try:
            _url(url)
            record.url = url
        except ValidationError:
            parsed.notices.append(Notice(label, "url", f"{url!r} is not a web address, so it was left out"))
    types = _types(item)
    record.kind = _kind(types, title, item)
    _contact(item, record)
    instances = [_resolve(i, index) for i in _as_list(item.get("hasCourseInstance"))]
    dated = [i for i in instances if isinstance(i, dict)]
    if "Course" not in types:
        dated = [item]
    offers = _as_list(item.get("offers")) or [o for i in dated for o in _as_list(i.get("offers"))]
    _prices(offers, record, index)
    for instance in dated:
        record.occurrences.append(_occurrence(instance, index, record))
        if _mixed(instance):
            record.format = Format.BLENDED
    return record, source


def _kind(types: list[str], title: str, item: dict[str, Any]) -> str:
    words = kind_from_words(" ".join(_text(t) for t in _as_list(item.get("eventType"))), title)
    if words:
        return words
    if "Course" in types or "CourseInstance" in types or "EducationEvent" in types:
        return Kind.COURSE
    return ""


def _contact(item: dict[str, Any], record: OpportunityRecord) -> None:
    for key in ("contactPoint", "organizer", "contributor"):
        for person in _as_list(item.get(key)):
            if not isinstance(person, dict):
                continue
            email = _text(person.get("email")).removeprefix("mailto:")
            if email and not record.contact_email and _is_email(email):
                record.contact_email = email
            if not record.contact_name and person.get("name"):
                record.contact_name = plain_text(_text(person.get("name")))[:150]
            phone = _text(person.get("telephone"))
            if phone and not record.contact_phone:
                record.contact_phone = phone[:40]
        if record.contact_email or record.contact_name:
            return


def _is_email(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def _prices(offers: list[Any], record: OpportunityRecord, index: dict[str, dict[str, Any]]) -> None:
    prices: list[tuple[Decimal, str]] = []
    for offer in (_resolve(o, index) for o in offers):
        if not isinstance(offer, dict):
            continue
        raw = offer.get("price", offer.get("lowPrice"))
        if raw is None:
            continue
        try:
            amount = Decimal(str(_text(raw)).replace(",", "").lstrip("£$€") or "x")
        except InvalidOperation:
            record.read_errors.append(("price", f"{_text(raw)!r} is not an amount such as 85 or 85.50"))
            continue
        if not amount.is_finite():
            record.read_errors.append(("price", f"{_text(raw)!r} is not an amount such as 85 or 85.50"))
            continue
        currency = _text(offer.get("priceCurrency")) or "GBP"
        name = " ".join([_text(offer.get("name")), _text(offer.get("eligibleCustomerType"))]).casefold()
        if "member" in name:
            record.member_price = amount
            continue
        prices.append((amount, currency))
    if prices:
        record.price, record.currency = min(prices)
    if record.price is None and record.member_price is not None:
        record.price, record.member_price = record.member_price, None


def _occurrence(
    item: dict[str, Any], index: dict[str, dict[str, Any]], record: OpportunityRecord
) -> OccurrenceRecord:
    occurrence = OccurrenceRecord()
    instance_id = _text(item.get("@id"))
    if instance_id and instance_id != record.external_id:
        occurrence.external_id = clip_id(instance_id)
    for name, key in (("start", "startDate"), ("end", "endDate")):
        raw = _text(item.get(key))
        if not raw:
            continue
        try:
            value = read_when(raw)
            moment = as_start(value) if name == "start" else as_end(value, occurrence.start)
        except ValueError as problem:
            record.read_errors.append((name, str(problem)))
            continue
        if moment.tzinfo is not None:
            moment, zone = zone_for(moment)
            if name == "start":
                occurrence.timezone = zone
        setattr(occurrence, name, moment)
    for name, key in (("capacity", "maximumAttendeeCapacity"), ("places_left", "remainingAttendeeCapacity")):
        raw = _text(item.get(key))
        if raw:
            try:
                setattr(occurrence, name, int(Decimal(raw)))
            except (InvalidOperation, ValueError):
                record.read_errors.append((name, f"{raw!r} is not a whole number"))
    if "cancelled" in _text(item.get("eventStatus")).casefold():
        occurrence.is_cancelled = True
    for location in _as_list(item.get("location")):
        _place(_resolve(location, index), occurrence, index)
    modes = " ".join(
        _text(m) for m in _as_list(item.get("eventAttendanceMode")) + _as_list(item.get("courseMode"))
    )
    if "online" in modes.casefold() and not (occurrence.venue_name or occurrence.address):
        occurrence.is_online = True
    return occurrence


def _mixed(item: dict[str, Any]) -> bool:
    modes = " ".join(
        _text(m) for m in _as_list(item.get("eventAttendanceMode")) + _as_list(item.get("courseMode"))
    )
    return any(word in modes.casefold() for word in ("mixed", "blended", "hybrid"))


def _place(location: Any, occurrence: OccurrenceRecord, index: dict[str, dict[str, Any]]) -> None:
    if isinstance(location, str):
        text = plain_text(location)
        if text.startswith(("http://", "https://")):
            occurrence.online_url, occurrence.is_online = text[:500], True
        elif sounds_online(text):
            occurrence.is_online = True
            occurrence.venue_name = occurrence.venue_name or text[:200]
        else:
            for name, value in split_place(text).items():
                if not getattr(occurrence, name):
                    setattr(occurrence, name, value)
        return
    if not isinstance(location, dict):
        return
    types = _types(location)
    if "VirtualLocation" in types:
        occurrence.is_online = True
        occurrence.online_url = occurrence.online_url or _text(location.get("url"))[:500]
        return
    if "PostalAddress" in types:
        _address(location, occurrence)
        return
    occurrence.venue_name = occurrence.venue_name or plain_text(_text(location.get("name")))
    address = _resolve(location.get("address"), index)
    if isinstance(address, dict):
        _address(address, occurrence)
    elif isinstance(address, str) and address.strip():
        for name, value in split_place(address).items():
            if name != "venue_name" and not getattr(occurrence, name):
                setattr(occurrence, name, value)
        if not occurrence.address:
            occurrence.address = plain_text(address)


def _address(address: dict[str, Any], occurrence: OccurrenceRecord) -> None:
    country = _text(address.get("addressCountry")).strip()
    code = "GB" if country.upper() in UK else country.upper() if len(country) == 2 else ""
    if code:
        occurrence.country = code
    street = plain_text(_text(address.get("streetAddress")))
    region = plain_text(_text(address.get("addressRegion")))
    if region and (code or "GB") == "GB":
        # UK pages often give a county here, which is not a region Signpost knows: keep it as address.
        street = ", ".join(p for p in (street, region) if p)
    elif region:
        occurrence.region = region
    occurrence.address = occurrence.address or street
    occurrence.town = occurrence.town or plain_text(_text(address.get("addressLocality")))
    occurrence.postcode = occurrence.postcode or plain_text(_text(address.get("postalCode")))
