"""Small pieces every format shares: which kinds are events, venue time zones, addresses, URLs."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

from signpost.catalogue.models import Kind, Occurrence, Opportunity

# Kinds people attend at a time (schema.org Event); the others are learned over time (Course).
EVENT_KINDS = frozenset({Kind.WEBINAR, Kind.WORKSHOP, Kind.MASTERCLASS, Kind.CONFERENCE, Kind.SECTOR_FORUM})

# Turns a site path into an absolute URL: request.build_absolute_uri, or SITE_URL + path.
AbsoluteUrl = Callable[[str], str]


def is_event_kind(kind: str) -> bool:
    return kind in EVENT_KINDS


@lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        # The writer validates time zones; a bad one in old data must not break a page or feed.
        return zoneinfo.ZoneInfo("UTC")


def venue_zone(occurrence: Occurrence) -> zoneinfo.ZoneInfo:
    return _zone(occurrence.timezone or "Europe/London")


def in_venue_zone(occurrence: Occurrence, moment: datetime | None) -> datetime | None:
    """A stored (UTC) moment as the venue's clock shows it."""
    return moment.astimezone(venue_zone(occurrence)) if moment is not None else None


def has_venue(occurrence: Occurrence) -> bool:
    return bool(occurrence.venue_name or occurrence.address or occurrence.town or occurrence.postcode)


def street_address(occurrence: Occurrence) -> str:
    """Venue, address, town and postcode on one line, without empty parts or repeats."""
    parts: list[str] = []
    for part in (occurrence.venue_name, occurrence.address, occurrence.town, occurrence.postcode):
        part = part.strip()
        if part and part not in parts:
            parts.append(part)
    return ", ".join(parts)


def location_text(occurrence: Occurrence) -> str:
    """Where, as a person reads it: "Online", an address, or both for a hybrid session."""
    place = street_address(occurrence)
    if occurrence.is_online:
        return f"{place}, and online" if place else "Online"
    return place


_PK_SENTINEL = 987654321


def cached_path(name: str, *args: str | int) -> str:
    """reverse(), remembered: a change-feed page or a calendar names the same few providers and
    concepts hundreds of times, and reverse() is slow enough to show."""
    return _cached_reverse(name, args, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=4096)
def _cached_reverse(name: str, args: tuple[str | int, ...], prefix: str, urlconf: str | None) -> str:
    return reverse(name, args=args, urlconf=urlconf)


def page_path(opportunity: Opportunity) -> str:
    # Every opportunity has its own page: fill the pk into one reversed pattern.
    template = cached_path("catalogue:opportunity_detail", _PK_SENTINEL)
    return template.replace(str(_PK_SENTINEL), str(opportunity.pk))


def provider_path(opportunity: Opportunity) -> str:
    return cached_path("accounts:organisation_detail", opportunity.provider.slug)


def concept_path(scheme_slug: str, concept_pk: int) -> str:
    return cached_path("lexicon:concept_detail", scheme_slug, concept_pk)
