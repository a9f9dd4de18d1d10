"""Editing one opportunity by hand: the services behind the providers' pages and the API."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from signpost.catalogue.models import Occurrence, Opportunity, OpportunityTag, Status, TagSource
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services import editing
from tests.architecture.permission_walk import database_fingerprint
from tests.catalogue.publishing_helpers import draft_opportunity, occurrence_of, tagging_lexicon

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def lex(db):
    return tagging_lexicon()


def _wall(text: str) -> datetime:
    """A naive time: records carry wall-clock times in their date's `timezone`."""
    return datetime.fromisoformat(text)


def _record(**overrides) -> OpportunityRecord:
    values = {
        "title": "Caring for photographic collections",
        "kind": "workshop",
        "format": "in-person",
        "sectors": ["museums"],
        "career_stages": ["practitioner", "experienced"],
        "is_free": False,
        "price": Decimal("85.00"),
        "member_price": Decimal("60.00"),
        "contact_name": "Priya Raman",
        "contact_role": "Programme lead",
        "contact_email": "priya@example.org",
        "status": Status.DRAFT,
    }
    values.update(overrides)
    return OpportunityRecord(**values)


def _date(**overrides) -> OccurrenceRecord:
    values = {
        "start": _wall("2027-03-04T10:00"),
        "end": _wall("2027-03-04T16:00"),
        "timezone": "Europe/London",
        "venue_name": "Riverside Museum",
        "town": "Leeds",
        "region": "Yorkshire and the Humber",
        "capacity": 20,
    }
    values.update(overrides)
    return OccurrenceRecord(**values)


def test_a_provider_editor_creates_a_draft_with_its_date_and_tags(priya, provider_org, lex):
    opportunity = editing.create_opportunity(
        provider=provider_org,
        actor=priya,
        data=_record(occurrences=[_date()], tags=["Catalogue creation", "CM.2"]),
    )

    assert opportunity.provider == provider_org
    assert (opportunity.status, opportunity.source, opportunity.published_at) == ("draft", "form", None)
    assert (opportunity.price, opportunity.member_price, opportunity.is_free) == (
        Decimal("85.00"),
        Decimal("60.00"),
        False,
    )
    assert sorted(opportunity.career_stages.values_list("slug", flat=True)) == ["experienced", "practitioner"]
    assert list(opportunity.audience_sectors.values_list("slug", flat=True)) == ["museums"]
    tags = sorted(opportunity.tag_links.values_list("concept__pref_label", "source"))
    assert tags == [("Cataloguing", "provider"), ("Digital preservation", "provider")]
    occurrence = Occurrence.objects.get(opportunity=opportunity)
    assert occurrence.start == datetime(2027, 3, 4, 10, 0, tzinfo=LONDON)
    assert occurrence.end == datetime(2027, 3, 4, 16, 0, tzinfo=LONDON)
    assert occurrence.region.slug == "yorkshire-and-the-humber"
    assert (occurrence.capacity, occurrence.places_left) == (20, 20)


def test_a_brokers_tags_are_the_brokers(bea, provider_org, lex):
    opportunity = editing.create_opportunity(
        provider=provider_org, actor=bea, data=_record(tags=["Cataloguing"])
    )

    assert list(opportunity.tag_links.values_list("source", flat=True)) == ["broker"]


def test_an_admin_tags_as_a_broker(ada, provider_org, lex):
    opportunity = editing.create_opportunity(
        provider=provider_org, actor=ada, data=_record(tags=["Cataloguing"])
    )

    assert list(opportunity.tag_links.values_list("source", flat=True)) == ["broker"]


@pytest.mark.parametrize("persona", ["maya", "oliver"])
def test_people_who_do_not_publish_for_the_provider_are_refused_and_nothing_is_written(
    request, persona, provider_org, lex
):
    actor = request.getfixturevalue(persona)
    before = database_fingerprint()

    with pytest.raises(PermissionDenied):
        editing.create_opportunity(provider=provider_org, actor=actor, data=_record(occurrences=[_date()]))

    assert database_fingerprint() == before


def test_every_error_names_its_field_in_a_sentence_and_nothing_is_written(priya, provider_org, lex):
    bad = _record(
        title="",
        kind="lecture series",
        contact_email="not-an-email",
        url="ftp://example.org",
        tags=["Cataloguing", "catalog"],
        occurrences=[
            _date(),
            _date(end=_wall("2027-03-03T16:00"), region="Atlantis", timezone="Mars/Base"),
        ],
    )

    with pytest.raises(ValidationError) as caught:
        editing.create_opportunity(provider=provider_org, actor=priya, data=bad)

    assert caught.value.message_dict == {
        "title": ["Title is required."],
        "kind": [
            "'lecture series' is not one of: course, webinar, workshop, masterclass, conference, "
            "sector-forum, peer-review, mentoring, apprenticeship, secondment, funding-call, toolkit, "
            "online-self-study."
        ],
        "contact_email": ["'not-an-email' is not an email address."],
        "url": ["'ftp://example.org' is not a web address (http or https)."],
        "tags": ["No concept is called 'catalog'; did you mean “Cataloguing”?"],
        "occurrences.1.timezone": ["'Mars/Base' is not a time zone such as Europe/London."],
        "occurrences.1.end": ["The end is before the start."],
        "occurrences.1.region": ["'Atlantis' is not a UK ITL1 region or nation."],
    }
    assert not Opportunity.objects.exists()


def test_a_mistyped_tag_suggests_the_nearest_labels(priya, provider_org, lex):
    with pytest.raises(ValidationError) as caught:
        editing.create_opportunity(
            provider=provider_org, actor=priya, data=_record(tags=["Digital curaton", "Zzzz"])
        )

    assert caught.value.message_dict == {
        "tags": [
            "No concept is called 'Digital curaton'; did you mean “Digital preservation”?",
            "No concept is called 'Zzzz'.",
        ]
    }


def test_your_reference_cannot_be_used_twice_by_one_provider(priya, provider_org, lex):
    existing = draft_opportunity(provider_org, external_id="HST-1")

    with pytest.raises(ValidationError) as caught:
        editing.create_opportunity(provider=provider_org, actor=priya, data=_record(external_id="HST-1"))

    assert caught.value.message_dict == {
        "external_id": [
            "Your reference 'HST-1' is already used by “Caring for photographic collections” "
            f"(id {existing.pk})."
        ]
    }
    assert Opportunity.objects.count() == 1


def test_a_price_and_free_must_agree(priya, provider_org, lex):
    with pytest.raises(ValidationError) as free_with_price:
        editing.create_opportunity(provider=provider_org, actor=priya, data=_record(is_free=True))
    with pytest.raises(ValidationError) as paid_without_price:
        editing.create_opportunity(
            provider=provider_org, actor=priya, data=_record(price=None, member_price=None)
        )

    assert free_with_price.value.message_dict == {
        "price": ["An opportunity marked free has no price: clear the price, or say it is paid."]
    }
    assert paid_without_price.value.message_dict == {"price": ["Give the price, or say that it is free."]}


def test_publishing_on_creation_needs_a_contact_email_or_phone(priya, provider_org, lex):
    with pytest.raises(ValidationError) as caught:
        editing.create_opportunity(
            provider=provider_org,
            actor=priya,
            data=_record(status="published", contact_email="", contact_phone=""),
        )
    published = editing.create_opportunity(
        provider=provider_org,
        actor=priya,
        data=_record(status="published", contact_email="", contact_phone="0113 496 0000"),
    )

    assert caught.value.message_dict == {
        "contact_email": ["Give a contact email or phone before publishing: a person to ask."]
    }
    assert published.status == "published"
    assert published.published_at is not None


def test_a_tag_from_another_scheme_is_accepted_by_its_uri(priya, provider_org, lex):
    opportunity = editing.create_opportunity(
        provider=provider_org, actor=priya, data=_record(tags=[lex.esco_skill.uri])
    )

    assert list(opportunity.tags.all()) == [lex.esco_skill]
    assert editing.tag_texts([lex.esco_skill.pk, lex.cataloguing.pk]) == [lex.esco_skill.uri, "Cataloguing"]


def test_updating_changes_the_fields_and_keeps_the_dates_and_the_status(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    occurrence_of(opportunity)
    seq = opportunity.modified_seq

    editing.update_opportunity(
        opportunity=opportunity,
        actor=priya,
        data=_record(title="Caring for photographs", status="published"),
    )

    opportunity.refresh_from_db()
    assert (opportunity.title, opportunity.status, opportunity.price) == (
        "Caring for photographs",
        "draft",
        Decimal("85.00"),
    )
    assert opportunity.occurrences.count() == 1
    assert opportunity.modified_seq > seq


def test_saving_unchanged_values_does_not_move_the_change_feed(priya, provider_org, lex):
    opportunity = editing.create_opportunity(provider=provider_org, actor=priya, data=_record())
    seq = Opportunity.objects.get(pk=opportunity.pk).modified_seq

    editing.update_opportunity(opportunity=opportunity, actor=priya, data=_record(), tags=[])

    assert Opportunity.objects.get(pk=opportunity.pk).modified_seq == seq


def test_tags_given_on_update_replace_the_set_and_kept_tags_keep_their_source(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    OpportunityTag.objects.create(
        opportunity=opportunity, concept=lex.cataloguing, source=TagSource.AUTOMATIC
    )
    OpportunityTag.objects.create(opportunity=opportunity, concept=lex.outreach, source=TagSource.BROKER)

    editing.update_opportunity(
        opportunity=opportunity,
        actor=priya,
        data=_record(),
        tags=["Cataloguing", "Digital curation"],
    )

    assert sorted(opportunity.tag_links.values_list("concept__pref_label", "source")) == [
        ("Cataloguing", "automatic"),
        ("Digital preservation", "provider"),
    ]


def test_save_and_publish_checks_the_contact_before_writing_anything(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)

    with pytest.raises(ValidationError) as caught:
        editing.update_opportunity(
            opportunity=opportunity,
            actor=priya,
            data=_record(title="A new title", contact_email=""),
            status="published",
        )

    assert caught.value.message_dict == {
        "contact_email": ["Give a contact email or phone before publishing: a person to ask."]
    }
    opportunity.refresh_from_db()
    assert (opportunity.title, opportunity.status) == ("Caring for photographic collections", "draft")


def test_a_published_opportunity_keeps_needing_a_contact(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org, status=Status.PUBLISHED)

    with pytest.raises(ValidationError) as caught:
        editing.update_opportunity(opportunity=opportunity, actor=priya, data=_record(contact_email=""))

    assert list(caught.value.message_dict) == ["contact_email"]


def test_occurrences_given_on_update_replace_the_dates(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    occurrence_of(opportunity)

    editing.update_opportunity(
        opportunity=opportunity,
        actor=priya,
        data=_record(format=""),
        occurrences=[_date(venue_name="", town="", region="", online_url="https://meet.example.org/a")],
    )

    opportunity.refresh_from_db()
    occurrence = opportunity.occurrences.get()
    assert (occurrence.is_online, occurrence.online_url) == (True, "https://meet.example.org/a")
    assert opportunity.format == "online"


def test_set_tags_records_who_tagged(bea, priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    editing.set_tags(opportunity=opportunity, actor=priya, concept_ids=[lex.cataloguing.pk])

    editing.set_tags(opportunity=opportunity, actor=bea, concept_ids=[lex.cataloguing.pk, lex.outreach.pk])

    assert sorted(opportunity.tag_links.values_list("concept__pref_label", "source")) == [
        ("Cataloguing", "provider"),
        ("Community outreach", "broker"),
    ]


def test_set_tags_refuses_unknown_concepts_and_other_providers_people(maya, priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)

    with pytest.raises(ValidationError) as caught:
        editing.set_tags(opportunity=opportunity, actor=priya, concept_ids=[999_999])
    with pytest.raises(PermissionDenied):
        editing.set_tags(opportunity=opportunity, actor=maya, concept_ids=[lex.cataloguing.pk])

    assert caught.value.message_dict == {"tags": ["No concept has the id 999999."]}
    assert not OpportunityTag.objects.exists()


def test_a_date_is_stored_in_its_time_zone_and_starts_with_every_place_free(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    seq = opportunity.modified_seq

    occurrence = editing.add_occurrence(
        opportunity=opportunity,
        actor=priya,
        data=_date(timezone="America/New_York", region="", town="New York", capacity=30),
    )

    occurrence.refresh_from_db()
    assert occurrence.start == datetime(2027, 3, 4, 10, 0, tzinfo=NEW_YORK)
    assert occurrence.start.astimezone(LONDON).hour == 15
    assert (occurrence.timezone, occurrence.capacity, occurrence.places_left) == ("America/New_York", 30, 30)
    opportunity.refresh_from_db()
    assert opportunity.modified_seq > seq


def test_a_bad_date_names_its_field_and_writes_nothing(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)

    with pytest.raises(ValidationError) as caught:
        editing.add_occurrence(
            opportunity=opportunity,
            actor=priya,
            data=_date(end=_wall("2027-03-04T09:00"), capacity=10, places_left=12),
        )

    assert caught.value.message_dict == {
        "end": ["The end is before the start."],
        "places_left": ["Places left is more than the capacity."],
    }
    assert not Occurrence.objects.exists()


def test_a_date_is_changed_and_removed(priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    occurrence = occurrence_of(opportunity)

    editing.update_occurrence(
        occurrence=occurrence, actor=priya, data=_date(places_left=3, is_cancelled=True)
    )
    occurrence.refresh_from_db()
    assert (occurrence.places_left, occurrence.is_cancelled, occurrence.region.code) == (3, True, "TLE")

    editing.delete_occurrence(occurrence=occurrence, actor=priya)
    assert not Occurrence.objects.exists()


def test_other_peoples_dates_are_refused(oliver, provider_org, lex):
    occurrence = occurrence_of(draft_opportunity(provider_org))

    with pytest.raises(PermissionDenied):
        editing.update_occurrence(occurrence=occurrence, actor=oliver, data=_date(places_left=0))
    with pytest.raises(PermissionDenied):
        editing.delete_occurrence(occurrence=occurrence, actor=oliver)
    with pytest.raises(PermissionDenied):
        editing.add_occurrence(opportunity=occurrence.opportunity, actor=oliver, data=_date())

    occurrence.refresh_from_db()
    assert occurrence.places_left == 12


def test_publishing_needs_a_contact_and_withdrawing_keeps_the_opportunity(priya, provider_org, lex):
    nameless = draft_opportunity(provider_org, contact_email="", contact_phone="")
    named = draft_opportunity(provider_org, title="Oral history")

    with pytest.raises(ValidationError) as caught:
        editing.change_status(opportunity=nameless, actor=priya, status="published")
    editing.change_status(opportunity=named, actor=priya, status="published")
    editing.change_status(opportunity=named, actor=priya, status="withdrawn")

    assert list(caught.value.message_dict) == ["contact_email"]
    assert Opportunity.objects.get(pk=nameless.pk).status == "draft"
    named.refresh_from_db()
    assert (named.status, named.published_at is not None) == ("withdrawn", True)


def test_only_drafts_are_deleted(priya, provider_org, lex):
    draft = draft_opportunity(provider_org)
    occurrence_of(draft)
    published = draft_opportunity(provider_org, title="Oral history", status=Status.PUBLISHED)

    editing.delete_opportunity(opportunity=draft, actor=priya)
    with pytest.raises(ValidationError) as caught:
        editing.delete_opportunity(opportunity=published, actor=priya)

    assert list(Opportunity.objects.values_list("title", flat=True)) == ["Oral history"]
    assert caught.value.message_dict == {
        "status": [
            "Only a draft can be deleted, and this opportunity is published. Withdraw it instead: people "
            "who saw it can then still find out that it is no longer offered."
        ]
    }


def test_suggestions_match_any_label_of_the_tagging_scheme_only(lex):
    by_alt = editing.suggest_concepts(q="curation")
    by_part = editing.suggest_concepts(q="catal")

    assert [(c.pref_label, c.matched_text) for c in by_alt] == [("Digital preservation", "Digital curation")]
    assert [c.pref_label for c in by_part] == ["Cataloguing"]  # not ESCO's "catalogue collections"


def test_a_draft_that_was_once_published_is_withdrawn_not_deleted(priya, provider_org, lex):
    once_published = draft_opportunity(provider_org, title="Oral history")
    editing.change_status(opportunity=once_published, actor=priya, status=Status.PUBLISHED)
    editing.change_status(opportunity=once_published, actor=priya, status=Status.DRAFT)

    with pytest.raises(ValidationError) as caught:
        editing.delete_opportunity(opportunity=once_published, actor=priya)

    assert Opportunity.objects.filter(pk=once_published.pk).exists()
    assert caught.value.message_dict["status"][0].startswith("This draft was published before")
