"""RSS and Atom feeds (read by feedparser) as opportunity records.

An entry's guid or id (else its link) is its identity, so a re-harvest updates it. Its date
comes from the event namespaces when the feed uses them (the RSS event module's ev:startdate,
or schema.org's startDate under any prefix), else from the entry's published date; an entry
with no date at all is a self-paced offer. Categories become tag candidates (kept only when
they name a lexicon concept).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from signpost.catalogue.harvest.values import FeedFormatError, parse_datetime, plain_text, summarise
from signpost.catalogue.models import Kind
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord

EVENT_NAMESPACES = {"http://purl.org/rss/1.0/modules/event/"}
SCHEMA_NAMESPACES = {"http://schema.org/", "https://schema.org/", "http://schema.org", "https://schema.org"}


def parse(content: bytes, *, base_url: str = "") -> list[OpportunityRecord]:
    """Read an RSS 0.9x/1.0/2.0 or Atom document; raise FeedFormatError if it is neither."""
    # A file-like object, never a string: feedparser would treat a string as an address to fetch.
    # No base address either: feedparser would then rewrite relative guids into links, and an
    # item's identity must not change when the feed moves. Links are resolved below instead.
    document = feedparser.parse(io.BytesIO(content))
    if not document.get("version") and not document.entries:
        reason = document.get("bozo_exception")
        raise FeedFormatError("This is not an RSS or Atom feed" + (f" ({reason})." if reason else "."))
    prefixes = _event_prefixes(document.get("namespaces", {}))
    return [
        _record(entry, number, prefixes, base_url) for number, entry in enumerate(document.entries, start=1)
    ]


def _event_prefixes(namespaces: dict[str, str]) -> list[str]:
    """The key prefixes feedparser gives event and schema.org elements in this document."""
    found = ["ev", "schema"]  # feedparser's own name for the event module; the usual schema.org prefix
    for prefix, uri in namespaces.items():
        if prefix and (uri in EVENT_NAMESPACES or uri in SCHEMA_NAMESPACES) and prefix not in found:
            found.append(prefix.lower())
    return found


def _namespaced(entry: Any, prefixes: list[str], *names: str) -> str:
    for prefix in prefixes:
        for name in names:
            value = entry.get(f"{prefix}_{name}")
            if value:
                return str(value).strip()
    return ""


def _record(entry: Any, number: int, prefixes: list[str], base_url: str) -> OpportunityRecord:
    link = str(entry.get("link", "") or "").strip()
    if link and base_url:
        link = urljoin(base_url, link)
    external_id = str(entry.get("id", "") or "").strip() or link
    description = _description(entry)
    errors: list[tuple[str, str]] = []

    start_text = _namespaced(entry, prefixes, "startdate", "dtstart")
    end_text = _namespaced(entry, prefixes, "enddate", "dtend")
    start = _when("start", start_text, errors)
    end = _when("end", end_text, errors)
    if not start_text and not end_text:
        start = _published(entry, errors)
    location = plain_text(_namespaced(entry, prefixes, "location"))

    record = OpportunityRecord(
        title=plain_text(entry.get("title", "")),
        external_id=external_id,
        summary=summarise(description),
        description=description,
        url=link,
        tags=[str(tag.get("term", "")).strip() for tag in entry.get("tags", []) if tag.get("term")],
        row=number,
        read_errors=errors,
    )
    if start is None and end is None and not errors:
        # No date: a self-paced offer, open any time (online unless the feed names a place).
        record.kind = Kind.COURSE if location else Kind.ONLINE_SELF_STUDY
        record.occurrences = [
            OccurrenceRecord(is_online=not location, online_url="" if location else link, venue_name=location)
        ]
    else:
        record.occurrences = [OccurrenceRecord(start=start, end=end, venue_name=location)]
    return record


def _description(entry: Any) -> str:
    """The fullest text the entry carries: Atom content if present, else its summary."""
    texts = [str(part.get("value", "")) for part in entry.get("content", []) or []]
    texts.append(str(entry.get("summary", "") or ""))
    return max((plain_text(t) for t in texts), key=len, default="")


def _when(field: str, text: str, errors: list[tuple[str, str]]) -> datetime | None:
    if not text:
        return None
    try:
        return parse_datetime(text)
    except ValueError as problem:
        errors.append((field, str(problem)))
        return None


def _published(entry: Any, errors: list[tuple[str, str]]) -> datetime | None:
    raw = str(entry.get("published", "") or "").strip()
    if not raw:
        return None
    try:
        return parse_datetime(raw)
    except ValueError:
        parsed = entry.get("published_parsed")
        if parsed:
            # feedparser reads many more date styles than ISO 8601 and RFC 822; it gives UTC.
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        errors.append(("start", f"the published date {raw[:60]!r} is not a date"))
        return None
