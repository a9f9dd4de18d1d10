"""Plain records of opportunities as they arrive from a form, a file, the API or a feed.

Every way into the catalogue first turns its input into these records; one service
(services/opportunities.py) validates them and writes them. Values are raw text where a
person might have mistyped them (kind, region, tags), so errors can name the row and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass
class OccurrenceRecord:
    start: datetime | None = None
    end: datetime | None = None
    timezone: str = "Europe/London"
    registration_deadline: datetime | None = None
    is_online: bool = False
    online_url: str = ""
    venue_name: str = ""
    address: str = ""
    town: str = ""
    postcode: str = ""
    region: str = ""  # any way of writing a region; resolved by RegionResolver
    country: str = "GB"
    capacity: int | None = None
    places_left: int | None = None
    is_cancelled: bool = False
    external_id: str = ""


@dataclass
class OpportunityRecord:
    title: str = ""
    external_id: str = ""  # the provider's id, an iCalendar UID or a feed item id
    summary: str = ""
    description: str = ""
    kind: str = ""  # a Kind value or label; empty means "course"
    format: str = ""  # a Format value or label; empty means: derived from the occurrences
    sectors: list[str] = field(default_factory=list)
    career_stages: list[str] = field(default_factory=list)
    is_free: bool | None = None  # None: free when no price is given
    price: Decimal | None = None
    member_price: Decimal | None = None
    currency: str = "GBP"
    accessibility_notes: str = ""
    language: str = "en"
    url: str = ""
    contact_name: str = ""
    contact_role: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    tags: list[str] = field(default_factory=list)  # concept URIs, notations or labels
    status: str = "published"
    occurrences: list[OccurrenceRecord] = field(default_factory=list)
    # Where it came from, for error messages: a 1-based row number or a feed item's id.
    row: int | None = None
    # Errors found while reading the input (a bad date, say), reported with the validation errors.
    read_errors: list[tuple[str, str]] = field(default_factory=list)
