"""save_records writes imports in bulk: what it replaces on a re-import, what it keeps, how few queries."""

# ruff: noqa: DTZ001 (records carry wall-clock times; the validator applies the time zone)

from __future__ import annotations

from datetime import datetime

import pytest

from signpost.catalogue.models import Occurrence, Opportunity, OpportunityTag, TagSource
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services.opportunities import save_records
from tests.factories import ConceptFactory

pytestmark = pytest.mark.django_db


def _record(number: int, **overrides) -> OpportunityRecord:
    values = {
        "title": f"Course {number}",
        "external_id": f"C-{number}",
        "sectors": ["museums"],
        "career_stages": ["practitioner"],
        "contact_email": "training@example.org",
        "occurrences": [
            OccurrenceRecord(start=datetime(2027, 3, 4, 10), end=datetime(2027, 3, 4, 16), region="Wales")
        ],
    }
    values.update(overrides)
    return OpportunityRecord(**values)


def test_a_re_import_replaces_audiences_dates_and_the_providers_tags_but_keeps_a_brokers(provider_org):
    care, digitising, oral = (
        ConceptFactory(pref_label=label) for label in ("Care", "Digitising", "Oral history")
    )
    save_records(provider=provider_org, records=[_record(1, tags=["Care", "Digitising"])], source="file")
    opportunity = Opportunity.objects.get()
    OpportunityTag.objects.create(opportunity=opportunity, concept=oral, source=TagSource.BROKER)

    result = save_records(
        provider=provider_org,
        records=[
            _record(
                1,
                sectors=["archives", "libraries"],
                career_stages=["manager"],
                tags=["Care"],
                occurrences=[
                    OccurrenceRecord(start=datetime(2027, 5, 1, 9), town="Hull"),
                    OccurrenceRecord(),
                ],
            )
        ],
        source="file",
    )

    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    assert sorted(opportunity.audience_sectors.values_list("slug", flat=True)) == ["archives", "libraries"]
    assert list(opportunity.career_stages.values_list("slug", flat=True)) == ["manager"]
    assert sorted(opportunity.tag_links.values_list("concept__pref_label", "source")) == [
        ("Care", "provider"),
        ("Oral history", "broker"),
    ]
    assert sorted(str(o.town) for o in Occurrence.objects.all()) == ["", "Hull"]
    assert digitising.tag_links.count() == 0
    assert care.tag_links.count() == 1


def test_a_record_without_tags_leaves_the_tags_alone_and_unchanged_records_are_not_touched(provider_org):
    ConceptFactory(pref_label="Care")
    save_records(provider=provider_org, records=[_record(1, tags=["Care"]), _record(2)], source="file")
    before = dict(Opportunity.objects.values_list("external_id", "modified_seq"))

    result = save_records(
        provider=provider_org, records=[_record(1), _record(2, title="Course two")], source="file"
    )

    assert (result.updated, result.unchanged) == (1, 1)
    assert Opportunity.objects.get(external_id="C-1").tag_links.count() == 1
    after = dict(Opportunity.objects.values_list("external_id", "modified_seq"))
    assert after["C-1"] == before["C-1"]
    assert after["C-2"] > before["C-2"]


def test_a_batch_is_written_in_a_few_queries_not_a_few_per_record(
    provider_org, django_assert_max_num_queries
):
    ConceptFactory(pref_label="Care")
    records = [_record(n, tags=["Care"]) for n in range(200)]

    with django_assert_max_num_queries(40):
        result = save_records(provider=provider_org, records=records, source="file")

    assert result.created == 200
    assert Occurrence.objects.count() == 200
    assert OpportunityTag.objects.count() == 200
    with django_assert_max_num_queries(40):
        again = save_records(provider=provider_org, records=records, source="file")
    assert again.unchanged == 200
