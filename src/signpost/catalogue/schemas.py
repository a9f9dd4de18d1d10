"""Shapes of the catalogue API: `…In` for what callers send, `…Out` for what they get back.

Times: a `start` sent with an offset ("2027-03-04T10:00:00+00:00") is that instant; one sent
without ("2027-03-04T10:00:00") is a wall-clock time in the date's `timezone`. Times come back
in the date's own time zone, with its offset.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from decimal import Decimal
from typing import Any

from ninja import Field, Schema
from pydantic import ConfigDict

from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord


def _in_zone(moment: datetime | None, zone_name: str) -> datetime | None:
    if moment is None:
        return None
    try:
        return moment.astimezone(zoneinfo.ZoneInfo(zone_name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return moment


class _StrictIn(Schema):
    # A misspelt or misplaced field (say "status" in a PATCH) is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid")


class OccurrenceIn(_StrictIn):
    start: datetime | None = Field(None, description="Empty for self-paced or always-open offers")
    end: datetime | None = None
    timezone: str = Field("Europe/London", description="IANA time zone of the venue, e.g. Europe/London")
    registration_deadline: datetime | None = None
    is_online: bool = Field(False, description="Joined online (set for you when only online_url is given)")
    online_url: str = Field("", description="The joining address, for online sessions")
    venue_name: str = ""
    address: str = ""
    town: str = ""
    postcode: str = ""
    region: str = Field("", description='Any way of writing it: "London", "TLI", "E12000007", "Wales"…')
    country: str = Field("GB", description="ISO 3166-1 alpha-2 code of the venue's country")
    capacity: int | None = None
    places_left: int | None = Field(None, description="Empty: the capacity (every place free)")
    is_cancelled: bool = False
    external_id: str = Field("", description="Your id for this date, if you have one")

    def to_record(self) -> OccurrenceRecord:
        return OccurrenceRecord(**self.model_dump())


class _OpportunityFields(Schema):
    summary: str = ""
    description: str = Field("", description="Markdown")
    kind: str = Field(
        "course", description="course, webinar, workshop, … (or the label, e.g. “Sector forum”)"
    )
    format: str = Field("", description="online, in-person or blended; empty: worked out from the dates")
    sectors: list[str] = Field([], description="Audience sector slugs: libraries, archives, museums, …")
    career_stages: list[str] = Field(
        [], description="new-entrant, practitioner, experienced, manager, senior-leader"
    )
    is_free: bool | None = Field(None, description="Empty: free when no price is given")
    price: Decimal | None = None
    member_price: Decimal | None = Field(None, description="The price for members of the provider")
    currency: str = "GBP"
    accessibility_notes: str = ""
    language: str = Field("en", description="Language code, e.g. en, cy")
    url: str = Field("", description="The opportunity's own web page (http or https)")
    contact_name: str = Field("", description="A named person to ask")
    contact_role: str = ""
    contact_email: str = Field("", description="Publishing needs an email or a phone number")
    contact_phone: str = ""
    external_id: str = Field("", description="Your own id for it: unique among your opportunities")


class OpportunityIn(_OpportunityFields, _StrictIn):
    title: str
    status: str = Field("draft", description="draft (the default) or published")
    tags: list[str] = Field([], description="Lexicon concepts: URIs, notations or labels")
    occurrences: list[OccurrenceIn] = Field([], description="Its dates (at most 500)")

    def to_record(self) -> OpportunityRecord:
        values = self.model_dump(exclude={"occurrences"})
        return OpportunityRecord(**values, occurrences=[o.to_record() for o in self.occurrences])


class OpportunityPatchIn(_StrictIn):
    """Only the fields sent change. `tags` and `occurrences`, when sent, replace the whole set."""

    title: str | None = None
    summary: str | None = None
    description: str | None = None
    kind: str | None = None
    format: str | None = None
    sectors: list[str] | None = None
    career_stages: list[str] | None = None
    is_free: bool | None = None
    price: Decimal | None = None
    member_price: Decimal | None = None
    currency: str | None = None
    accessibility_notes: str | None = None
    language: str | None = None
    url: str | None = None
    contact_name: str | None = None
    contact_role: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    external_id: str | None = None
    tags: list[str] | None = Field(None, description="Replaces every tag: URIs, notations or labels")
    occurrences: list[OccurrenceIn] | None = Field(None, description="Replaces every date")


class StatusIn(_StrictIn):
    status: str = Field(description="published, withdrawn, draft or past")


class TagOut(Schema):
    id: int = Field(description="The concept's id")
    uri: str
    pref_label: str
    scheme: str = Field(description="The concept's scheme (slug)")
    weight: float
    source: str = Field(description="provider, automatic or broker: who said so")

    @staticmethod
    def resolve_id(obj: Any) -> int:
        return int(obj.concept_id)

    @staticmethod
    def resolve_uri(obj: Any) -> str:
        return str(obj.concept.uri)

    @staticmethod
    def resolve_pref_label(obj: Any) -> str:
        return str(obj.concept.pref_label)

    @staticmethod
    def resolve_scheme(obj: Any) -> str:
        return str(obj.concept.scheme.slug)


class OccurrenceOut(Schema):
    id: int
    start: datetime | None = Field(description="In the date's time zone")
    end: datetime | None
    timezone: str
    registration_deadline: datetime | None
    is_online: bool
    online_url: str
    venue_name: str
    address: str
    town: str
    postcode: str
    region: str | None = Field(description="Region slug")
    capacity: int | None
    places_left: int | None
    is_cancelled: bool
    external_id: str

    @staticmethod
    def resolve_start(obj: Any) -> datetime | None:
        return _in_zone(obj.start, obj.timezone)

    @staticmethod
    def resolve_end(obj: Any) -> datetime | None:
        return _in_zone(obj.end, obj.timezone)

    @staticmethod
    def resolve_registration_deadline(obj: Any) -> datetime | None:
        return _in_zone(obj.registration_deadline, obj.timezone)

    @staticmethod
    def resolve_region(obj: Any) -> str | None:
        return obj.region.slug if obj.region_id else None


class EditableOpportunityOut(_OpportunityFields):
    """An opportunity as its editors see it: every field, its status, tags and dates."""

    id: int
    provider: str = Field(description="The provider's slug")
    title: str
    status: str
    published_at: datetime | None
    source: str = Field(description="How it arrived: form, file, api or feed")
    created_at: datetime
    updated_at: datetime
    tags: list[TagOut]
    occurrences: list[OccurrenceOut]

    @staticmethod
    def resolve_provider(obj: Any) -> str:
        return str(obj.provider.slug)

    @staticmethod
    def resolve_sectors(obj: Any) -> list[str]:
        return [s.slug for s in obj.audience_sectors.all()]

    @staticmethod
    def resolve_career_stages(obj: Any) -> list[str]:
        return [s.slug for s in obj.career_stages.all()]

    @staticmethod
    def resolve_tags(obj: Any) -> list[Any]:
        return list(obj.tag_links.all())

    @staticmethod
    def resolve_occurrences(obj: Any) -> list[Any]:
        return list(obj.occurrences.all())


class EditableOpportunitySummaryOut(Schema):
    id: int
    title: str
    status: str
    kind: str
    format: str
    external_id: str
    next_start: datetime | None = Field(description="The next date that is not cancelled, in its time zone")
    occurrence_count: int
    updated_at: datetime

    @staticmethod
    def resolve_next_start(obj: Any) -> datetime | None:
        return _in_zone(obj.next_start, obj.next_timezone or "Europe/London")
