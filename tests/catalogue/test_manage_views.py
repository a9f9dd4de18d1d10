"""Providers' pages: the dashboard, the opportunity form with its dates, status changes, tags."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from signpost.catalogue.models import Occurrence, Opportunity, OpportunityTag, Status, TagSource
from tests.architecture.permission_walk import database_fingerprint
from tests.catalogue.publishing_helpers import draft_opportunity, occurrence_of, tagging_lexicon
from tests.factories import ConceptFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def lex(db):
    return tagging_lexicon()


def _errors_of(html: str, field_id: str) -> str:
    """The error block rendered beside a field (empty when there is none)."""
    match = re.search(rf'<div class="field-errors" id="{field_id}_errors">(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip() if match else ""


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def _form_data(**overrides) -> dict:
    data = {
        "title": "Caring for photographic collections",
        "summary": "Handling, storage and display.",
        "description": "A day at the *museum*.",
        "kind": "workshop",
        "format": "in-person",
        "audience_sectors": ["museums"],
        "career_stages": ["practitioner"],
        "cost": "paid",
        "price": "85.00",
        "member_price": "60",
        "currency": "GBP",
        "accessibility_notes": "Step-free access.",
        "language": "en",
        "url": "https://heritage.example.org/photos",
        "contact_name": "Priya Raman",
        "contact_role": "Programme lead",
        "contact_email": "priya@example.org",
        "contact_phone": "",
        "external_id": "",
        "tags": "Catalogue creation; Digital preservation",
        "first-timezone": "Europe/London",
    }
    data.update(overrides)
    return data


def _date_data(**overrides) -> dict:
    data = {
        "date": "2027-03-04",
        "start_time": "10:00",
        "end_time": "16:00",
        "end_date": "",
        "timezone": "Europe/London",
        "registration_deadline": "2027-02-25",
        "venue_name": "Riverside Museum",
        "address": "1 River Street",
        "town": "Leeds",
        "postcode": "LS1 1AA",
        "region": "",
        "online_url": "",
        "capacity": "20",
        "places_left": "",
    }
    data.update(overrides)
    return data


# The dashboard


def test_the_dashboard_asks_visitors_to_log_in(client):
    response = client.get("/publish/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/publish/"


@pytest.mark.parametrize("persona", ["maya", "oliver"])
def test_the_dashboard_refuses_people_who_publish_for_nobody(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get("/publish/").status_code == 403


def test_the_dashboard_lists_the_editors_providers_and_their_opportunities(client, priya, provider_org):
    draft = draft_opportunity(provider_org, title="Oral history")
    published = draft_opportunity(provider_org, title="Caring for photographs", status=Status.PUBLISHED)
    occurrence_of(
        published, start=datetime(2030, 5, 6, 9, 30, tzinfo=NEW_YORK), end=None, timezone="America/New_York"
    )
    draft_opportunity(OrganisationFactory(name="Another Provider"), title="Not hers")
    client.force_login(priya)

    response = client.get("/publish/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Heritage Skills Training" in html
    assert reverse("catalogue:opportunity_create", args=[provider_org.slug]) in html
    assert reverse("catalogue:import_upload", args=[provider_org.slug]) in html
    assert reverse("catalogue:feed_list", args=[provider_org.slug]) in html
    assert "2 opportunities: 1 published, 1 draft." in html
    assert reverse("catalogue:opportunity_edit", args=[draft.pk]) in html
    assert "Not hers" not in html
    # The next date is shown as the venue's clock shows it.
    assert "Mon 6 May 2030, 09:30" in html


def test_the_dashboard_filters_by_status_and_answers_htmx_with_the_results_alone(client, priya, provider_org):
    draft_opportunity(provider_org, title="Oral history")
    draft_opportunity(provider_org, title="Caring for photographs", status=Status.PUBLISHED)
    client.force_login(priya)

    response = client.get("/publish/?status=published", headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "Caring for photographs" in html
    assert "Oral history" not in html


def test_a_broker_finds_any_organisation_to_publish_for(client, bea, provider_org):
    OrganisationFactory(name="Quiet Library")
    client.force_login(bea)

    listed = client.get("/publish/").content.decode()
    found = client.get("/publish/?provider_q=quiet").content.decode()

    assert "Quiet Library" not in listed  # it has no opportunities yet
    assert "Quiet Library" in found


def test_the_dashboard_costs_the_same_queries_for_many_opportunities(
    client, priya, provider_org, django_assert_max_num_queries
):
    for n in range(30):
        occurrence_of(draft_opportunity(provider_org, title=f"Course {n}"))
    client.force_login(priya)

    with django_assert_max_num_queries(12):
        response = client.get("/publish/")

    assert response.status_code == 200


# Creating an opportunity


def test_the_create_form_suggests_the_editor_as_the_contact(client, priya, provider_org):
    client.force_login(priya)

    response = client.get(f"/publish/{provider_org.slug}/new/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="priya@example.org"' in html
    assert 'value="Priya Provider"' in html


def test_an_editor_creates_a_draft_with_its_first_date_and_tags(client, priya, provider_org, lex):
    client.force_login(priya)

    response = client.post(
        f"/publish/{provider_org.slug}/new/",
        _form_data(**{f"first-{k}": v for k, v in _date_data(timezone="America/New_York").items()}),
    )

    opportunity = Opportunity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/{opportunity.pk}/edit/"
    assert (opportunity.status, opportunity.source, opportunity.provider) == ("draft", "form", provider_org)
    assert str(opportunity.price) == "85.00"
    assert sorted(opportunity.tag_links.values_list("concept__pref_label", "source")) == [
        ("Cataloguing", "provider"),
        ("Digital preservation", "provider"),
    ]
    occurrence = Occurrence.objects.get()
    assert occurrence.start == datetime(2027, 3, 4, 10, 0, tzinfo=NEW_YORK)
    assert occurrence.end == datetime(2027, 3, 4, 16, 0, tzinfo=NEW_YORK)
    assert occurrence.registration_deadline == datetime(2027, 2, 25, 23, 59, tzinfo=NEW_YORK)
    assert (occurrence.timezone, occurrence.capacity, occurrence.places_left) == ("America/New_York", 20, 20)


def test_an_empty_first_date_is_left_out(client, priya, provider_org, lex):
    client.force_login(priya)

    client.post(f"/publish/{provider_org.slug}/new/", _form_data(cost="free", price=""))

    assert Opportunity.objects.get().is_free is True
    assert not Occurrence.objects.exists()


def test_every_error_is_shown_beside_its_field_and_nothing_is_written(client, priya, provider_org, lex):
    client.force_login(priya)

    response = client.post(
        f"/publish/{provider_org.slug}/new/",
        _form_data(
            title="",
            contact_email="not-an-email",
            url="nowhere",
            price="",
            tags="Cataloguing; catalog",
            **{f"first-{k}": v for k, v in _date_data(end_time="09:00").items()},
        ),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert _errors_of(html, "id_title") == "Enter a title."
    assert _errors_of(html, "id_first-end_time") == ""  # the form's own errors come first
    assert not Opportunity.objects.exists()

    response = client.post(
        f"/publish/{provider_org.slug}/new/",
        _form_data(
            contact_email="not-an-email",
            url="nowhere",
            price="",
            tags="Cataloguing; catalog",
            **{f"first-{k}": v for k, v in _date_data(end_time="09:00").items()},
        ),
    )

    html = response.content.decode()
    assert _errors_of(html, "id_contact_email") == "&#x27;not-an-email&#x27; is not an email address."
    assert _errors_of(html, "id_url") == "&#x27;nowhere&#x27; is not a web address (http or https)."
    assert _errors_of(html, "id_price") == "Give the price, or say that it is free."
    assert (
        _errors_of(html, "id_tags") == "No concept is called &#x27;catalog&#x27;; did you mean “Cataloguing”?"
    )
    assert _errors_of(html, "id_first-end_time") == "The end is before the start."
    assert "There are problems with what you entered" in html
    assert not Opportunity.objects.exists()


def test_a_time_without_a_date_is_an_error_beside_the_date(client, priya, provider_org, lex):
    client.force_login(priya)

    response = client.post(
        f"/publish/{provider_org.slug}/new/",
        _form_data(**{f"first-{k}": v for k, v in _date_data(date="").items()}),
    )

    html = response.content.decode()
    assert _errors_of(html, "id_first-date") == "Give the date, or clear the times for a self-paced offer."
    assert not Opportunity.objects.exists()


def test_someone_else_cannot_create_for_the_provider(client, oliver, provider_org):
    client.force_login(oliver)
    before = database_fingerprint()

    response = client.post(f"/publish/{provider_org.slug}/new/", _form_data())

    assert response.status_code == 403
    assert database_fingerprint() == before


def test_an_unknown_provider_is_404(client, priya):
    client.force_login(priya)

    assert client.get("/publish/no-such-org/new/").status_code == 404


# Editing


def test_the_edit_form_shows_the_saved_values_tags_and_dates_in_the_venues_zone(
    client, priya, provider_org, lex
):
    opportunity = draft_opportunity(provider_org)
    OpportunityTag.objects.create(
        opportunity=opportunity, concept=lex.cataloguing, source=TagSource.AUTOMATIC
    )
    OpportunityTag.objects.create(opportunity=opportunity, concept=lex.esco_skill, source=TagSource.BROKER)
    occurrence_of(
        opportunity,
        start=datetime(2027, 3, 4, 10, 0, tzinfo=NEW_YORK),
        end=datetime(2027, 3, 4, 16, 0, tzinfo=NEW_YORK),
        timezone="America/New_York",
    )
    client.force_login(priya)

    html = client.get(f"/opportunities/{opportunity.pk}/edit/").content.decode()

    assert f'value="Cataloguing; {lex.esco_skill.uri}"' in html
    assert "Thu 4 Mar 2027, 10:00–16:00 (America/New_York)" in _text(html)
    assert "America/New_York" in html
    assert 'Cataloguing <span class="hint-inline">(automatic)</span>' in html


def test_editing_saves_the_fields_and_tags(client, bea, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    client.force_login(bea)

    response = client.post(
        f"/opportunities/{opportunity.pk}/edit/", _form_data(title="Caring for photographs", tags="CM.1")
    )

    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.title == "Caring for photographs"
    assert list(opportunity.tag_links.values_list("concept__pref_label", "source")) == [
        ("Cataloguing", "broker")
    ]


def test_save_and_publish_without_a_contact_shows_the_error_beside_the_contact(client, priya, provider_org):
    opportunity = draft_opportunity(provider_org)
    client.force_login(priya)

    response = client.post(
        f"/opportunities/{opportunity.pk}/edit/",
        _form_data(title="Renamed", contact_email="", tags="", publish="1"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert _errors_of(html, "id_contact_email") == (
        "Give a contact email or phone before publishing: a person to ask."
    )
    opportunity.refresh_from_db()
    assert (opportunity.title, opportunity.status) == ("Caring for photographic collections", "draft")


def test_save_and_publish(client, priya, provider_org):
    opportunity = draft_opportunity(provider_org)
    client.force_login(priya)

    client.post(f"/opportunities/{opportunity.pk}/edit/", _form_data(tags="", publish="1"))

    opportunity.refresh_from_db()
    assert opportunity.status == "published"


def test_publishing_without_a_contact_shows_why_beside_the_contact_field(client, priya, provider_org):
    opportunity = draft_opportunity(provider_org, contact_email="")
    client.force_login(priya)

    response = client.post(f"/opportunities/{opportunity.pk}/status/", {"status": "published"})

    html = response.content.decode()
    assert response.status_code == 200
    assert _errors_of(html, "id_contact_email") == (
        "Give a contact email or phone before publishing: a person to ask."
    )
    assert _errors_of(html, "id_title") == ""
    assert Opportunity.objects.get().status == "draft"


def test_publishing_and_withdrawing(client, priya, provider_org):
    opportunity = draft_opportunity(provider_org)
    client.force_login(priya)

    published = client.post(f"/opportunities/{opportunity.pk}/status/", {"status": "published"})
    assert Opportunity.objects.get().status == "published"
    withdrawn = client.post(f"/opportunities/{opportunity.pk}/status/", {"status": "withdrawn"})

    assert published.status_code == withdrawn.status_code == 302
    assert Opportunity.objects.get().status == "withdrawn"


def test_a_draft_is_deleted_after_asking_but_a_published_one_is_not(client, priya, provider_org):
    draft = draft_opportunity(provider_org)
    published = draft_opportunity(provider_org, title="Oral history", status=Status.PUBLISHED)
    client.force_login(priya)

    question = client.get(f"/opportunities/{draft.pk}/delete/")
    deleted = client.post(f"/opportunities/{draft.pk}/delete/")
    refused = client.post(f"/opportunities/{published.pk}/delete/", follow=True)

    assert "Delete the draft “Caring for photographic collections”?" in question.content.decode()
    assert deleted.status_code == 302
    assert "Only a draft can be deleted" in refused.content.decode()
    assert list(Opportunity.objects.values_list("title", flat=True)) == ["Oral history"]


def test_someone_else_cannot_edit_and_nothing_is_written(client, oliver, provider_org):
    opportunity = draft_opportunity(provider_org)
    client.force_login(oliver)
    before = database_fingerprint()

    assert client.get(f"/opportunities/{opportunity.pk}/edit/").status_code == 403
    assert client.post(f"/opportunities/{opportunity.pk}/edit/", _form_data()).status_code == 403
    assert client.post(f"/opportunities/{opportunity.pk}/status/", {"status": "published"}).status_code == 403
    assert database_fingerprint() == before


# Dates


def test_a_date_is_added_in_its_time_zone(client, priya, provider_org):
    opportunity = draft_opportunity(provider_org)
    client.force_login(priya)

    response = client.post(
        f"/opportunities/{opportunity.pk}/occurrences/new/",
        _date_data(
            venue_name="",
            address="",
            town="",
            postcode="",
            online_url="https://meet.example.org/x",
            timezone="Europe/Paris",
            end_date="2027-03-05",
            end_time="12:00",
            registration_deadline="2027-03-04",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/{opportunity.pk}/edit/#dates"
    occurrence = Occurrence.objects.get()
    paris = ZoneInfo("Europe/Paris")
    assert occurrence.start == datetime(2027, 3, 4, 10, 0, tzinfo=paris)
    assert occurrence.end == datetime(2027, 3, 5, 12, 0, tzinfo=paris)
    # "Book by" the day itself means before it begins.
    assert occurrence.registration_deadline == occurrence.start
    assert occurrence.is_online is True


def test_a_bad_date_shows_each_error_beside_its_field(client, priya, provider_org):
    opportunity = draft_opportunity(provider_org)
    client.force_login(priya)

    response = client.post(
        f"/opportunities/{opportunity.pk}/occurrences/new/",
        _date_data(end_time="09:00", capacity="10", places_left="12", online_url="meet.example.org"),
    )

    html = response.content.decode()
    assert _errors_of(html, "id_end_time") == "The end is before the start."
    assert _errors_of(html, "id_places_left") == "Places left is more than the capacity."
    assert _errors_of(html, "id_online_url") == (
        "&#x27;meet.example.org&#x27; is not a web address (http or https)."
    )
    assert not Occurrence.objects.exists()


def test_a_date_is_shown_back_in_its_zone_changed_and_removed(client, priya, provider_org):
    occurrence = occurrence_of(
        draft_opportunity(provider_org),
        start=datetime(2027, 7, 1, 18, 0, tzinfo=NEW_YORK),
        end=datetime(2027, 7, 1, 19, 30, tzinfo=NEW_YORK),
        timezone="America/New_York",
    )
    client.force_login(priya)

    form = client.get(f"/occurrences/{occurrence.pk}/edit/").content.decode()
    assert 'value="2027-07-01"' in form
    assert 'value="18:00"' in form
    assert 'value="19:30"' in form
    assert '<option value="America/New_York" selected>' in form

    client.post(
        f"/occurrences/{occurrence.pk}/edit/",
        _date_data(date="2027-07-02", start_time="18:00", end_time="19:30", timezone="America/New_York",
                   registration_deadline="", is_cancelled="on"),
    )  # fmt: skip
    occurrence.refresh_from_db()
    assert occurrence.start == datetime(2027, 7, 2, 18, 0, tzinfo=NEW_YORK)
    assert occurrence.is_cancelled is True

    question = client.get(f"/occurrences/{occurrence.pk}/delete/")
    assert "Remove this date?" in question.content.decode()
    client.post(f"/occurrences/{occurrence.pk}/delete/")
    assert not Occurrence.objects.exists()


def test_someone_else_cannot_change_the_dates(client, maya, provider_org):
    occurrence = occurrence_of(draft_opportunity(provider_org))
    client.force_login(maya)
    before = database_fingerprint()

    assert client.post(f"/occurrences/{occurrence.pk}/edit/", _date_data()).status_code == 403
    assert client.post(f"/occurrences/{occurrence.pk}/delete/").status_code == 403
    assert (
        client.post(f"/opportunities/{occurrence.opportunity_id}/occurrences/new/", _date_data()).status_code
        == 403
    )
    assert database_fingerprint() == before


# Tag suggestions


def test_suggestions_as_you_type_come_as_an_htmx_fragment(client, lex):
    response = client.get(
        "/concepts/suggest/?tags=Cataloguing;%20digital%20cur", headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert f"?pick={lex.preservation.pk}" in html
    assert 'Digital preservation <span class="hint-inline">(also called Digital curation)</span>' in html
    assert "Cataloguing" not in html.split("<ul", 1)[1]


def test_suggestions_as_json_for_scripts(client, lex):
    response = client.get("/concepts/suggest/?q=catal&format=json")

    assert response.json() == {
        "q": "catal",
        "results": [
            {
                "id": lex.cataloguing.pk,
                "uri": lex.cataloguing.uri,
                "notation": "CM.1",
                "pref_label": "Cataloguing",
                "matched_label": "Cataloguing",
                "scheme": "starter",
            }
        ],
    }


def test_suggestions_are_the_top_ten_and_need_two_letters(client, lex, django_assert_max_num_queries):
    for n in range(15):
        ConceptFactory(scheme=lex.starter, pref_label=f"Exhibition skill {n:02d}")

    with django_assert_max_num_queries(4):
        many = client.get("/concepts/suggest/?q=exhibition&format=json").json()
    one_letter = client.get("/concepts/suggest/?q=e&format=json").json()

    assert len(many["results"]) == 10
    assert one_letter["results"] == []


def test_picking_a_suggestion_puts_it_in_place_of_the_typed_text(client, lex):
    response = client.get(
        f"/concepts/suggest/?pick={lex.preservation.pk}&tags=Cataloguing;%20digi",
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert 'value="Cataloguing; Digital preservation; "' in html
    assert 'id="id_tags"' in html
    assert "autofocus" in html
    assert 'hx-swap-oob="true"' in html


def test_picking_an_unknown_concept_is_404(client, lex):
    assert client.get("/concepts/suggest/?pick=999999&tags=x").status_code == 404
    assert client.get("/concepts/suggest/?pick=abc&tags=x").status_code == 404


def test_without_javascript_the_suggestion_address_is_a_page(client, lex):
    response = client.get("/concepts/suggest/?q=curation")

    html = response.content.decode()
    assert "<html" in html
    assert f"/lexicon/starter/c/{lex.preservation.pk}/" in html
