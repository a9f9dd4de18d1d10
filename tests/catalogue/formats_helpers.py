"""Opportunities for the detail-page and formats-out tests, written through the one writer."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from signpost.accounts.models import Organisation
from signpost.catalogue.models import Opportunity
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services.opportunities import save_records

SCHEMA_CONTEXT = {"@vocab": "http://schema.org/"}


def days_ahead(days: int, hour: int = 10, minute: int = 0) -> datetime:
    """A naive wall-clock time `days` from today (the writer reads it in the venue's zone)."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, minute)  # noqa: DTZ001 (venue time, made aware by the writer)


def occurrence(days: int = 30, **overrides: Any) -> OccurrenceRecord:
    values: dict[str, Any] = {
        "start": days_ahead(days, 10),
        "end": days_ahead(days, 16),
        "registration_deadline": days_ahead(days - 7, 17),
        "venue_name": "Riverside Museum",
        "address": "1 Quay Street",
        "town": "Leeds",
        "postcode": "LS1 4AB",
        "region": "Yorkshire and the Humber",
        "capacity": 20,
        "places_left": 12,
    }
    values.update(overrides)
    return OccurrenceRecord(**values)


def make_opportunity(provider: Organisation, **overrides: Any) -> Opportunity:
    """One published opportunity (override status="draft" etc.), with one dated occurrence."""
    values: dict[str, Any] = {
        "title": "Caring for photographic collections",
        "summary": "Handle, store and display photographs safely.",
        "description": "## What you will learn\n\nHow to **handle** prints.",
        "kind": "course",
        "sectors": ["museums", "archives"],
        "career_stages": ["practitioner"],
        "price": Decimal("85.00"),
        "member_price": Decimal("60.00"),
        "contact_name": "Priya Raman",
        "contact_role": "Programme lead",
        "contact_email": "priya@example.org",
        "contact_phone": "0113 496 0000",
        "accessibility_notes": "Step-free access; hearing loop in the studio.",
        "url": "https://heritage-skills.example.org/courses/photo-care",
        "occurrences": [occurrence()],
    }
    values.update(overrides)
    result = save_records(provider=provider, records=[OpportunityRecord(**values)], source="form")
    assert result.ok, [str(e) for e in result.errors]
    return Opportunity.objects.get(pk=result.opportunity_ids[0])
