"""The one writer every way into the catalogue uses: validation, all-or-nothing, re-import updates.

Records carry wall-clock times as files and feeds give them; the writer makes them aware in the
occurrence's time zone, so the naive datetimes here are deliberate.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from signpost.catalogue.models import Occurrence, Opportunity, Status
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services.opportunities import save_records, set_status
from tests.factories import ConceptFactory

pytestmark = pytest.mark.django_db


def _record(**overrides) -> OpportunityRecord:
    values = {
        "title": "Caring for photographic collections",
        "external_id": "HSE-101",
        "kind": "Workshop",
        "sectors": ["museums", "Archives"],
        "career_stages": ["practitioner"],
        "price": Decimal("85.00"),
        "contact_name": "Priya Raman",
        "contact_email": "priya@example.org",
        "occurrences": [
            OccurrenceRecord(
                start=datetime(2027, 3, 4, 10, 0),
                end=datetime(2027, 3, 4, 16, 0),
                venue_name="Riverside Museum",
                town="Leeds",
                region="Yorkshire and the Humber",
                capacity=20,
                places_left=12,
            )
        ],
    }
    values.update(overrides)
    return OpportunityRecord(**values)


def test_a_valid_record_is_written_with_its_occurrence_and_reference_data(provider_org):
    result = save_records(provider=provider_org, records=[_record(row=1)], source="file")

    assert (result.created, result.updated, result.errors) == (1, 0, [])
    opportunity = Opportunity.objects.get()
    assert opportunity.kind == "workshop"
    assert opportunity.format == "in-person"
    assert opportunity.is_free is False
    assert opportunity.status == Status.PUBLISHED
    assert sorted(opportunity.audience_sectors.values_list("slug", flat=True)) == ["archives", "museums"]
    occurrence = Occurrence.objects.get()
    assert occurrence.region.slug == "yorkshire-and-the-humber"
    assert str(occurrence.start.tzinfo) in {"UTC", "Europe/London"}
    assert occurrence.start.isoformat().startswith("2027-03-04T10:00")


def test_re_importing_updates_and_does_not_duplicate(provider_org):
    save_records(provider=provider_org, records=[_record()], source="file")
    result = save_records(
        provider=provider_org, records=[_record(title="Caring for photographs")], source="file"
    )
    assert (result.created, result.updated) == (0, 1)
    assert Opportunity.objects.get().title == "Caring for photographs"
    assert Occurrence.objects.count() == 1

    again = save_records(
        provider=provider_org, records=[_record(title="Caring for photographs")], source="file"
    )
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_errors_name_the_row_and_field_and_nothing_is_written(provider_org):
    good = _record(row=1)
    bad = _record(
        row=2,
        external_id="HSE-102",
        title="x" * 301,
        kind="lecture series",
        contact_email="not-an-email",
        tags=["no such skill"],
        occurrences=[
            OccurrenceRecord(start=datetime(2027, 3, 4, 10), end=datetime(2027, 3, 3, 10), region="Atlantis")
        ],
    )
    result = save_records(provider=provider_org, records=[good, bad], source="file")

    assert Opportunity.objects.count() == 0
    messages = [str(e) for e in result.errors]
    assert "row 2: title: is 301 characters long; the most allowed is 300" in messages
    assert any(m.startswith("row 2: kind: 'lecture series' is not one of:") for m in messages)
    assert "row 2: contact_email: 'not-an-email' is not an email address" in messages
    assert "row 2: tags: no concept is called 'no such skill'" in messages
    assert "row 2: end: is before the start" in messages
    assert "row 2: region: 'Atlantis' is not a UK ITL1 region or nation" in messages


def test_valid_only_keeps_the_good_rows(provider_org):
    result = save_records(
        provider=provider_org,
        records=[_record(row=1), _record(row=2, external_id="B", kind="??")],
        source="file",
        valid_only=True,
    )
    assert (result.created, result.skipped, len(result.errors)) == (1, 1, 1)


def test_duplicate_external_ids_in_one_batch_are_an_error(provider_org):
    result = save_records(provider=provider_org, records=[_record(row=1), _record(row=2)], source="file")
    assert [str(e) for e in result.errors] == ["row 2: external_id: 'HSE-101' appears twice (also row 1)"]


def test_tags_by_alternative_label(provider_org):
    concept = ConceptFactory(pref_label="Preventive conservation", labels=["Collections care"])
    save_records(provider=provider_org, records=[_record(tags=["collections CARE"])], source="file")
    assert list(Opportunity.objects.get().tags.all()) == [concept]


def test_publishing_needs_a_human_contact(provider_org):
    save_records(provider=provider_org, records=[_record(contact_email="", status="draft")], source="form")
    opportunity = Opportunity.objects.get()
    with pytest.raises(Exception, match="contact"):
        set_status(opportunity=opportunity, status=Status.PUBLISHED)
    opportunity.contact_phone = "0113 496 0000"
    set_status(opportunity=opportunity, status=Status.PUBLISHED)
    assert opportunity.status == Status.PUBLISHED


def test_change_numbers_are_handed_out_in_order(provider_org):
    from django.db import transaction

    from signpost.catalogue.services.opportunities import reserve_change_numbers

    save_records(provider=provider_org, records=[_record()], source="file")
    last = Opportunity.objects.get().modified_seq
    with transaction.atomic():
        first = reserve_change_numbers(3)
        after = reserve_change_numbers()
    assert (first, after) == (last + 1, last + 4)
