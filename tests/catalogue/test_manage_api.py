"""The publishing API: create, change, publish, withdraw and delete opportunities as JSON."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from signpost.accounts.services.tokens import issue_token
from signpost.catalogue.models import Occurrence, Opportunity, OpportunityTag, Status, TagSource
from tests.architecture.permission_walk import database_fingerprint
from tests.catalogue.publishing_helpers import draft_opportunity, occurrence_of, tagging_lexicon

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def lex(db):
    return tagging_lexicon()


def _bearer(user) -> dict[str, str]:
    _, secret = issue_token(user=user, name="programme sync")
    return {"Authorization": f"Bearer {secret}"}


def _send(client, method: str, path: str, body=None, headers=None):
    call = getattr(client, method)
    if body is None:
        return call(path, headers=headers or {})
    return call(path, data=json.dumps(body), content_type="application/json", headers=headers or {})


def _payload(**overrides) -> dict:
    body = {
        "title": "Caring for photographic collections",
        "summary": "Handling, storage and display.",
        "kind": "workshop",
        "sectors": ["museums"],
        "career_stages": ["practitioner"],
        "price": "85.00",
        "member_price": "60.00",
        "contact_name": "Priya Raman",
        "contact_email": "priya@example.org",
        "external_id": "HST-2027-01",
        "tags": ["Catalogue creation", "https://w3id.org/signpost/starter/digital-preservation"],
        "occurrences": [
            {
                "start": "2027-03-04T10:00:00",
                "end": "2027-03-04T16:00:00",
                "timezone": "America/New_York",
                "venue_name": "Brooklyn Historical Society",
                "town": "New York",
                "country": "US",
                "region": "Mid East",
                "capacity": 20,
            },
            {"start": "2027-04-01T09:00:00+01:00", "online_url": "https://meet.example.org/hst"},
        ],
    }
    body.update(overrides)
    return body


def test_an_editor_creates_a_draft_with_dates_and_tags_by_token(client, priya, provider_org, lex):
    response = _send(
        client, "post", f"/api/providers/{provider_org.slug}/opportunities", _payload(), _bearer(priya)
    )

    assert response.status_code == 201
    body = response.json()
    opportunity = Opportunity.objects.get()
    assert body["id"] == opportunity.pk
    assert (body["provider"], body["status"], body["source"]) == ("heritage-skills-training", "draft", "api")
    assert (body["format"], body["is_free"], body["price"], body["member_price"]) == (
        "blended",
        False,
        "85.00",
        "60.00",
    )
    assert [(t["pref_label"], t["source"], t["scheme"]) for t in body["tags"]] == [
        ("Cataloguing", "provider", "starter"),
        ("Digital preservation", "provider", "starter"),
    ]
    first, second = body["occurrences"]
    # Times come back in the date's own zone.
    assert first["start"] == "2027-03-04T10:00:00-05:00"
    assert (first["timezone"], first["region"], first["places_left"]) == (
        "America/New_York",
        "us-mid-east",
        20,
    )
    assert second["start"] == "2027-04-01T09:00:00+01:00"
    assert second["is_online"] is True
    assert Occurrence.objects.get(venue_name="Brooklyn Historical Society").start == datetime(
        2027, 3, 4, 10, 0, tzinfo=NEW_YORK
    )


def test_creating_published_needs_a_contact(client, priya, provider_org, lex):
    client.force_login(priya)

    refused = _send(
        client,
        "post",
        f"/api/providers/{provider_org.slug}/opportunities",
        _payload(status="published", contact_email=""),
    )
    accepted = _send(
        client, "post", f"/api/providers/{provider_org.slug}/opportunities", _payload(status="published")
    )

    assert refused.status_code == 422
    assert refused.json() == {
        "detail": "Invalid input",
        "errors": {"contact_email": ["Give a contact email or phone before publishing: a person to ask."]},
    }
    assert accepted.status_code == 201
    assert accepted.json()["status"] == "published"
    assert accepted.json()["published_at"] is not None


def test_errors_name_the_field_and_the_date_and_nothing_is_written(client, priya, provider_org, lex):
    client.force_login(priya)
    body = _payload(kind="lecture", tags=["Nonsense"])
    body["occurrences"][1]["end"] = "2027-03-01T09:00:00+01:00"

    response = _send(client, "post", f"/api/providers/{provider_org.slug}/opportunities", body)

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert sorted(errors) == ["kind", "occurrences.1.end", "tags"]
    assert errors["occurrences.1.end"] == ["The end is before the start."]
    assert errors["tags"] == ["No concept is called 'Nonsense'."]
    assert not Opportunity.objects.exists()


def test_your_reference_must_be_new_on_create(client, priya, provider_org, lex):
    existing = draft_opportunity(provider_org, external_id="HST-2027-01")
    client.force_login(priya)

    response = _send(client, "post", f"/api/providers/{provider_org.slug}/opportunities", _payload())

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "external_id": [
            f"Your reference 'HST-2027-01' is already used by “Caring for photographic collections” "
            f"(id {existing.pk})."
        ]
    }


def test_malformed_json_is_a_422_not_a_500(client, priya, provider_org):
    client.force_login(priya)

    response = client.post(
        f"/api/providers/{provider_org.slug}/opportunities", data="{not json", content_type="application/json"
    )
    wrong_type = _send(
        client, "post", f"/api/providers/{provider_org.slug}/opportunities", {"title": "x", "price": "lots"}
    )

    assert response.status_code in {400, 422}
    assert wrong_type.status_code == 422


@pytest.mark.parametrize("persona", ["maya", "oliver"])
def test_others_are_refused_and_nothing_is_written(client, request, persona, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    headers = _bearer(request.getfixturevalue(persona))
    before = database_fingerprint()

    created = _send(client, "post", f"/api/providers/{provider_org.slug}/opportunities", _payload(), headers)
    patched = _send(client, "patch", f"/api/opportunities/{opportunity.pk}", {"title": "Mine now"}, headers)
    status = _send(
        client, "post", f"/api/opportunities/{opportunity.pk}/status", {"status": "published"}, headers
    )
    deleted = _send(client, "delete", f"/api/opportunities/{opportunity.pk}", None, headers)
    listed = _send(client, "get", f"/api/providers/{provider_org.slug}/opportunities", None, headers)

    assert [r.status_code for r in (created, patched, status, deleted, listed)] == [403] * 5
    assert database_fingerprint() == before


def test_visitors_must_sign_in(client, provider_org):
    opportunity = draft_opportunity(provider_org)

    assert _send(client, "get", f"/api/providers/{provider_org.slug}/opportunities").status_code == 401
    assert _send(client, "patch", f"/api/opportunities/{opportunity.pk}", {"title": "x"}).status_code == 401


def test_unknown_things_are_404(client, priya):
    client.force_login(priya)

    assert _send(client, "get", "/api/providers/nobody/opportunities").status_code == 404
    assert _send(client, "patch", "/api/opportunities/999999", {"title": "x"}).status_code == 404


def test_patch_changes_only_what_is_sent(client, priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org, summary="Kept", external_id="HST-1")
    occurrence_of(opportunity)
    OpportunityTag.objects.create(opportunity=opportunity, concept=lex.outreach, source=TagSource.BROKER)
    client.force_login(priya)

    response = _send(
        client, "patch", f"/api/opportunities/{opportunity.pk}", {"title": "Caring for photographs"}
    )

    body = response.json()
    assert response.status_code == 200
    assert (body["title"], body["summary"], body["external_id"], body["status"]) == (
        "Caring for photographs",
        "Kept",
        "HST-1",
        "draft",
    )
    assert len(body["occurrences"]) == 1
    assert [t["pref_label"] for t in body["tags"]] == ["Community outreach"]


def test_patch_replaces_tags_and_dates_when_sent(client, bea, provider_org, lex):
    opportunity = draft_opportunity(provider_org)
    occurrence_of(opportunity)
    client.force_login(bea)

    response = _send(
        client,
        "patch",
        f"/api/opportunities/{opportunity.pk}",
        {"tags": ["CM.1"], "occurrences": [{"online_url": "https://meet.example.org/any-time"}]},
    )

    body = response.json()
    assert [(t["pref_label"], t["source"]) for t in body["tags"]] == [("Cataloguing", "broker")]
    assert [(o["start"], o["is_online"]) for o in body["occurrences"]] == [(None, True)]
    assert body["format"] == "in-person"  # sent formats stay; only an empty one is worked out


def test_fields_the_api_does_not_know_are_refused(client, priya, provider_org):
    opportunity = draft_opportunity(provider_org)
    client.force_login(priya)

    response = _send(client, "patch", f"/api/opportunities/{opportunity.pk}", {"status": "published"})

    assert response.status_code == 422
    assert [(e["loc"][-1], e["msg"]) for e in response.json()["detail"]] == [
        ("status", "Extra inputs are not permitted")
    ]
    assert Opportunity.objects.get().status == "draft"


def test_patch_errors_are_422_and_write_nothing(client, priya, provider_org, lex):
    opportunity = draft_opportunity(provider_org, status=Status.PUBLISHED)
    client.force_login(priya)

    response = _send(
        client, "patch", f"/api/opportunities/{opportunity.pk}", {"contact_email": "", "title": "Renamed"}
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["contact_email"]
    assert Opportunity.objects.get().title == "Caring for photographic collections"


def test_publish_withdraw_and_the_contact_rule(client, priya, provider_org):
    nameless = draft_opportunity(provider_org, contact_email="")
    named = draft_opportunity(provider_org, title="Oral history")
    client.force_login(priya)

    refused = _send(client, "post", f"/api/opportunities/{nameless.pk}/status", {"status": "published"})
    published = _send(client, "post", f"/api/opportunities/{named.pk}/status", {"status": "published"})
    withdrawn = _send(client, "post", f"/api/opportunities/{named.pk}/status", {"status": "withdrawn"})
    nonsense = _send(client, "post", f"/api/opportunities/{named.pk}/status", {"status": "hidden"})

    assert refused.status_code == 422
    assert list(refused.json()["errors"]) == ["contact_email"]
    assert published.json()["status"] == "published"
    assert withdrawn.json()["status"] == "withdrawn"
    assert nonsense.status_code == 422
    assert nonsense.json()["errors"] == {
        "status": ["'hidden' is not one of: draft, published, withdrawn, past"]
    }


def test_only_drafts_are_deleted_the_rest_are_withdrawn(client, priya, provider_org):
    draft = draft_opportunity(provider_org)
    published = draft_opportunity(provider_org, title="Oral history", status=Status.PUBLISHED)
    client.force_login(priya)

    deleted = _send(client, "delete", f"/api/opportunities/{draft.pk}")
    refused = _send(client, "delete", f"/api/opportunities/{published.pk}")

    assert deleted.status_code == 204
    assert refused.status_code == 422
    assert "Withdraw it instead" in refused.json()["errors"]["status"][0]
    assert list(Opportunity.objects.values_list("title", flat=True)) == ["Oral history"]


def test_the_providers_list_includes_drafts_for_its_editors(
    client, priya, provider_org, django_assert_max_num_queries
):
    published = draft_opportunity(provider_org, title="Oral history", status=Status.PUBLISHED)
    occurrence_of(
        published, start=datetime(2030, 5, 6, 9, 30, tzinfo=NEW_YORK), end=None, timezone="America/New_York"
    )
    for n in range(5):
        draft_opportunity(provider_org, title=f"Draft {n}")
    client.force_login(priya)

    with django_assert_max_num_queries(8):
        everything = _send(client, "get", f"/api/providers/{provider_org.slug}/opportunities").json()
    published_only = _send(
        client, "get", f"/api/providers/{provider_org.slug}/opportunities?status=published"
    )

    assert everything["count"] == 6
    assert published_only.json()["count"] == 1
    item = published_only.json()["items"][0]
    assert (item["title"], item["next_start"], item["occurrence_count"]) == (
        "Oral history",
        "2030-05-06T09:30:00-04:00",
        1,
    )
