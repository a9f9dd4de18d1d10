"""Providers' pages and the publishing API, for the permission walk.

priya edits for her provider; brokers (bea) and admins (ada) for any; maya (a member) and
oliver (who leads a museum, not the provider) are refused, and their refused writes write
nothing. Anyone may ask the tag picker for lexicon suggestions: the lexicon is public.
"""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from signpost.accounts.models import Organisation
from signpost.catalogue.models import Occurrence, Opportunity, Status
from tests.architecture.permission_walk import EVERYONE, Operation

PUBLISHERS = frozenset({"priya", "bea", "ada"})


def _opportunity_form() -> dict[str, Any]:
    return {
        "title": "Walked opportunity",
        "kind": "course",
        "format": "online",
        "cost": "free",
        "currency": "GBP",
        "language": "en",
        "contact_email": "priya@example.org",
        "tags": "",
        "first-timezone": "Europe/London",
    }


def _date_form() -> dict[str, Any]:
    return {
        "date": "2027-05-01",
        "start_time": "10:00",
        "end_time": "12:00",
        "timezone": "Europe/London",
        "online_url": "https://meet.example.org/walk",
    }


OPERATIONS: list[Operation] = [
    Operation("catalogue:manage_dashboard", "get", lambda w: "/publish/", PUBLISHERS),
    Operation(
        "catalogue:opportunity_create", "get", lambda w: f"/publish/{w.publisher.slug}/new/", PUBLISHERS
    ),
    Operation(
        "catalogue:opportunity_create",
        "post",
        lambda w: f"/publish/{w.publisher.slug}/new/",
        PUBLISHERS,
        data=lambda w: _opportunity_form(),
    ),
    Operation(
        "catalogue:opportunity_edit", "get", lambda w: f"/opportunities/{w.walk_draft.pk}/edit/", PUBLISHERS
    ),
    Operation(
        "catalogue:opportunity_edit",
        "post",
        lambda w: f"/opportunities/{w.walk_draft.pk}/edit/",
        PUBLISHERS,
        data=lambda w: _opportunity_form(),
    ),
    Operation(
        "catalogue:opportunity_status",
        "post",
        lambda w: f"/opportunities/{w.walk_draft.pk}/status/",
        PUBLISHERS,
        data=lambda w: {"status": "published"},
    ),
    Operation(
        "catalogue:opportunity_delete",
        "get",
        lambda w: f"/opportunities/{w.walk_draft.pk}/delete/",
        PUBLISHERS,
    ),
    Operation(
        "catalogue:opportunity_delete",
        "post",
        lambda w: f"/opportunities/{w.walk_draft.pk}/delete/",
        PUBLISHERS,
    ),
    Operation(
        "catalogue:occurrence_create",
        "get",
        lambda w: f"/opportunities/{w.walk_draft.pk}/occurrences/new/",
        PUBLISHERS,
    ),
    Operation(
        "catalogue:occurrence_create",
        "post",
        lambda w: f"/opportunities/{w.walk_draft.pk}/occurrences/new/",
        PUBLISHERS,
        data=lambda w: _date_form(),
    ),
    Operation(
        "catalogue:occurrence_edit", "get", lambda w: f"/occurrences/{w.walk_date.pk}/edit/", PUBLISHERS
    ),
    Operation(
        "catalogue:occurrence_edit",
        "post",
        lambda w: f"/occurrences/{w.walk_date.pk}/edit/",
        PUBLISHERS,
        data=lambda w: _date_form(),
    ),
    Operation(
        "catalogue:occurrence_delete", "get", lambda w: f"/occurrences/{w.walk_date.pk}/delete/", PUBLISHERS
    ),
    Operation(
        "catalogue:occurrence_delete", "post", lambda w: f"/occurrences/{w.walk_date.pk}/delete/", PUBLISHERS
    ),
    Operation("catalogue:concept_suggest", "get", lambda w: "/concepts/suggest/?q=catal", EVERYONE),
    Operation(
        "GET /api/providers/{slug}/opportunities",
        "get",
        lambda w: f"/api/providers/{w.publisher.slug}/opportunities",
        PUBLISHERS,
    ),
    Operation(
        "POST /api/providers/{slug}/opportunities",
        "post",
        lambda w: f"/api/providers/{w.publisher.slug}/opportunities",
        PUBLISHERS,
        data=lambda w: {"title": "Walked by API", "contact_email": "priya@example.org"},
        json=True,
    ),
    Operation(
        "PATCH /api/opportunities/{opportunity_id}",
        "patch",
        lambda w: f"/api/opportunities/{w.walk_draft.pk}",
        PUBLISHERS,
        data=lambda w: {"title": "Renamed by API"},
        json=True,
    ),
    Operation(
        "POST /api/opportunities/{opportunity_id}/status",
        "post",
        lambda w: f"/api/opportunities/{w.walk_draft.pk}/status",
        PUBLISHERS,
        data=lambda w: {"status": "published"},
        json=True,
    ),
    Operation(
        "DELETE /api/opportunities/{opportunity_id}",
        "delete",
        lambda w: f"/api/opportunities/{w.walk_draft.pk}",
        PUBLISHERS,
    ),
]


def world(base: SimpleNamespace) -> dict[str, Any]:
    """priya's provider, a draft of it with one date."""
    publisher = Organisation.objects.get(slug="heritage-skills-training")
    draft = Opportunity.objects.create(
        provider=publisher,
        title="Walked draft",
        kind="course",
        format="in-person",
        status=Status.DRAFT,
        is_free=True,
        contact_email="priya@example.org",
    )
    london = ZoneInfo("Europe/London")
    date = Occurrence.objects.create(
        opportunity=draft,
        start=datetime(2027, 5, 1, 10, 0, tzinfo=london),
        end=datetime(2027, 5, 1, 12, 0, tzinfo=london),
        venue_name="Riverside Museum",
    )
    return {"publisher": publisher, "walk_draft": draft, "walk_date": date}
