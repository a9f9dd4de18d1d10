"""Shared set-up for the providers' pages, the publishing API and the editing services' tests."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from signpost.catalogue.models import Occurrence, Opportunity, Status
from signpost.lexicon.models import Concept
from tests.factories import ConceptFactory, ConceptSchemeFactory

LONDON = ZoneInfo("Europe/London")


def tagging_lexicon() -> SimpleNamespace:
    """A small "starter" scheme (the scheme people tag with) and an ESCO-like one beside it."""
    starter = ConceptSchemeFactory(
        slug="starter", title="Starter lexicon", uri="https://w3id.org/signpost/starter"
    )
    cataloguing = ConceptFactory(
        scheme=starter, pref_label="Cataloguing", notation="CM.1", labels=["Catalogue creation"]
    )
    preservation = ConceptFactory(
        scheme=starter, pref_label="Digital preservation", notation="CM.2", labels=["Digital curation"]
    )
    outreach = ConceptFactory(scheme=starter, pref_label="Community outreach", notation="AE.1")
    esco = ConceptSchemeFactory(slug="esco", title="ESCO skills", uri="http://data.europa.eu/esco/skills")
    esco_skill: Concept = ConceptFactory(
        scheme=esco, pref_label="catalogue collections", uri="http://data.europa.eu/esco/skill/0a1b"
    )
    return SimpleNamespace(
        starter=starter,
        cataloguing=cataloguing,
        preservation=preservation,
        outreach=outreach,
        esco_skill=esco_skill,
    )


def draft_opportunity(provider, **overrides) -> Opportunity:
    values = {
        "provider": provider,
        "title": "Caring for photographic collections",
        "kind": "workshop",
        "format": "in-person",
        "status": Status.DRAFT,
        "is_free": True,
        "contact_name": "Priya Raman",
        "contact_email": "priya@example.org",
        "source": "form",
    }
    values.update(overrides)
    return Opportunity.objects.create(**values)


def occurrence_of(opportunity: Opportunity, **overrides) -> Occurrence:
    values = {
        "opportunity": opportunity,
        "start": datetime(2027, 3, 4, 10, 0, tzinfo=LONDON),
        "end": datetime(2027, 3, 4, 16, 0, tzinfo=LONDON),
        "venue_name": "Riverside Museum",
        "town": "Leeds",
        "capacity": 20,
        "places_left": 12,
    }
    values.update(overrides)
    return Occurrence.objects.create(**values)
