"""The demo catalogue: about 300 believable opportunities from about 25 providers, the same every run."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from functools import cache
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from rdflib import SKOS, Graph

from signpost.accounts.demo import seed_demo
from signpost.accounts.models import Organisation
from signpost.catalogue.demo import (
    DATA_DIR,
    KNOWN_NEAR_DUPLICATES,
    SOURCE,
    load_specs,
    seed_catalogue_demo,
)
from signpost.catalogue.models import Format, Kind, Occurrence, Opportunity, OpportunityTag, Status

STARTER_LEXICON = DATA_DIR.parents[2] / "lexicon" / "data" / "starter-lexicon.ttl"


@cache
def _preferred_labels() -> frozenset[str]:
    graph = Graph().parse(STARTER_LEXICON, format="turtle")
    return frozenset(str(label) for label in graph.objects(None, SKOS.prefLabel))


def _items() -> list[tuple[str, dict]]:
    return [(spec.file, item) for spec in load_specs() for item in spec.opportunities]


# The data files, without a database.


def test_every_opportunity_has_a_unique_id_and_the_fields_a_listing_needs():
    items = _items()

    ids = Counter(item["id"] for _, item in items)
    assert [i for i, n in ids.items() if n > 1] == []
    incomplete = [
        (file, item["id"], name)
        for file, item in items
        for name in ("title", "summary", "about", "learn", "for", "format", "sectors", "stages", "tags")
        if not item.get(name)
    ]
    assert incomplete == []
    assert [item["id"] for _, item in items if len(item["summary"]) > 600] == []


def test_every_opportunity_has_one_to_four_tags_that_are_preferred_labels_of_the_starter_lexicon():
    labels = _preferred_labels()

    unknown = [(item["id"], tag) for _, item in _items() for tag in item["tags"] if tag not in labels]
    counts = {item["id"]: len(item["tags"]) for _, item in _items()}

    assert unknown == []
    assert set(counts.values()) <= {1, 2, 3, 4}


def test_the_opportunities_cover_every_kind_and_format():
    items = [item for _, item in _items()]

    assert {item.get("kind", Kind.COURSE) for item in items} == set(Kind.values)
    assert {item["format"] for item in items} == set(Format.values)


def test_known_near_duplicates_name_existing_opportunities_of_different_providers():
    provider_of = {item["id"]: file for file, item in _items()}

    missing = [i for family in KNOWN_NEAR_DUPLICATES for i in family if i not in provider_of]
    same_provider = [f for f in KNOWN_NEAR_DUPLICATES if len({provider_of.get(i) for i in f}) < len(f)]

    assert missing == []
    assert same_provider == []
    assert len(KNOWN_NEAR_DUPLICATES) >= 10


# Seeded into a database.


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for the read-only tests below (seeding takes seconds), and roll it back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_demo()
        yield seed_catalogue_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, db) -> dict[str, int]:
    return seeded


def test_the_demo_has_about_300_opportunities_from_about_25_providers(demo):
    expected = len(_items())

    assert 280 <= expected <= 320
    assert demo["opportunities"] == expected
    assert demo["created"] == expected
    assert 25 <= demo["providers"] <= 30
    assert (
        Opportunity.objects.filter(source=SOURCE).values("provider").distinct().count() == demo["providers"]
    )
    # The accounts demo's invented bodies are among them, and priya's organisation publishes.
    assert Opportunity.objects.filter(provider__slug="heritage-skills-exchange").count() == 16


def test_the_demo_has_past_and_upcoming_dates_in_many_regions_and_online(demo):
    now = timezone.now()
    occurrences = Occurrence.objects.filter(opportunity__source=SOURCE)
    past = Opportunity.objects.filter(source=SOURCE, status=Status.PAST)

    assert occurrences.filter(start__lt=now).exists()
    assert occurrences.filter(start__gte=now).count() == demo["upcoming"] > 300
    assert occurrences.filter(is_online=True).count() > 100
    regions = set(occurrences.exclude(region=None).values_list("region__slug", flat=True))
    assert len(regions) == 12  # the nine English regions and the three nations
    # About one in seven is over; none of those has a date still to come.
    assert 30 <= past.count() <= 60
    assert not Occurrence.objects.filter(opportunity__in=past, start__gte=now).exists()
    # Every published opportunity with dates has one still to come.
    published = Opportunity.objects.filter(
        source=SOURCE, status=Status.PUBLISHED, occurrences__start__isnull=False
    )
    assert published.exclude(occurrences__start__gte=now).distinct().count() == 0


def test_every_demo_opportunity_has_a_named_contact_and_lexicon_tags(demo):
    opportunities = Opportunity.objects.filter(source=SOURCE)

    assert opportunities.filter(contact_name="").count() == 0
    assert opportunities.exclude(contact_email__endswith=".example").count() == 0
    untagged = opportunities.exclude(
        pk__in=OpportunityTag.objects.filter(concept__scheme__slug="starter").values("opportunity")
    )
    assert untagged.count() == 0
    free = opportunities.filter(is_free=True).count()
    assert 0.3 <= free / opportunities.count() <= 0.5


def test_seed_demo_loads_the_catalogue_and_running_it_again_changes_nothing(db):
    first = StringIO()
    call_command("seed_demo", stdout=first)
    counts = (
        Organisation.objects.count(),
        Opportunity.objects.count(),
        Occurrence.objects.count(),
        OpportunityTag.objects.count(),
    )

    again = StringIO()
    call_command("seed_demo", stdout=again)
    tomorrow = seed_catalogue_demo(today=timezone.localdate() + timedelta(days=1))

    total = len(_items())
    assert f"Demo catalogue: {total} opportunities from 27 providers" in first.getvalue()
    assert f"(0 new, 0 updated, {total} unchanged)" in again.getvalue()
    assert (
        Organisation.objects.count(),
        Opportunity.objects.count(),
        Occurrence.objects.count(),
        OpportunityTag.objects.count(),
    ) == counts
    # A day later only the dates move (most of them): the undated offers stay as they were.
    undated = Opportunity.objects.filter(source=SOURCE, occurrences__isnull=True).count()
    assert (tomorrow["created"], tomorrow["updated"] + tomorrow["unchanged"]) == (0, total)
    assert tomorrow["updated"] > total / 2
    assert tomorrow["unchanged"] >= undated > 0
