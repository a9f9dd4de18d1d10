"""The RPDE change feed: paging by (modified, id), changes moving items later, deletions, no drafts.

A consumer is simulated the way OpenActive's harvesters work: start at the feed's URL,
follow `next`, keep the latest state of every item, stop when a page comes back empty.
"""

from __future__ import annotations

import pytest

from signpost.catalogue.formats import rpde
from signpost.catalogue.models import Opportunity, Status
from signpost.catalogue.services.opportunities import mark_past, set_status
from tests.catalogue.formats_helpers import make_opportunity, occurrence

pytestmark = pytest.mark.django_db

FEED = "/api/rpde/opportunities"


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(rpde, "PAGE_SIZE", 2)


def _get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def _path(url: str) -> str:
    return url.removeprefix("http://testserver")


def _harvest(client, url: str, store: dict[int, dict]) -> str:
    """Follow `next` until an empty page; return the URL to poll next time."""
    while True:
        page = _get(client, url)
        for item in page["items"]:
            store[item["id"]] = item
        if not page["items"]:
            return url
        url = _path(page["next"])


def _rename(opportunity: Opportunity, title: str) -> None:
    """A change through the one writer's status bump (every change moves the item to the end)."""
    Opportunity.objects.filter(pk=opportunity.pk).update(title=title)
    set_status(opportunity=Opportunity.objects.get(pk=opportunity.pk), status=Status.PUBLISHED)


def test_a_page_has_items_in_modified_then_id_order_with_the_next_url(client, provider_org, small_pages):
    first = make_opportunity(provider_org, title="A")
    second = make_opportunity(provider_org, title="B", kind="webinar")
    third = make_opportunity(provider_org, title="C")

    page = _get(client, FEED)

    assert page["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [(i["id"], i["state"], i["kind"]) for i in page["items"]] == [
        (first.pk, "updated", "Course"),
        (second.pk, "updated", "Event"),
    ]
    modified = [i["modified"] for i in page["items"]]
    assert modified == sorted(modified)
    assert modified[0] == Opportunity.objects.get(pk=first.pk).modified_seq
    assert page["next"] == f"http://testserver{FEED}?afterTimestamp={modified[1]}&afterId={second.pk}"
    assert page["items"][1]["data"]["@type"] == "Event"
    assert page["items"][1]["data"]["name"] == "B"

    rest = _get(client, _path(page["next"]))
    assert [i["id"] for i in rest["items"]] == [third.pk]
    last = _get(client, _path(rest["next"]))
    assert last["items"] == []
    assert last["next"] == rest["next"]  # the end: poll the same place again


def test_a_change_moves_an_item_to_a_later_page_and_nothing_is_lost(client, provider_org, small_pages):
    a, b, c, d = (make_opportunity(provider_org, title=t) for t in "ABCD")
    page = _get(client, FEED)
    assert [i["id"] for i in page["items"]] == [a.pk, b.pk]

    # While the consumer is between pages, one seen item and one unseen item change.
    _rename(a, "A, revised")
    _rename(c, "C, revised")
    store = {i["id"]: i for i in page["items"]}
    _harvest(client, _path(page["next"]), store)

    assert sorted(store) == sorted([a.pk, b.pk, c.pk, d.pk])
    assert store[a.pk]["data"]["name"] == "A, revised"
    assert store[c.pk]["data"]["name"] == "C, revised"


def test_the_position_is_by_modified_and_id_together(client, provider_org):
    a, b, c = (make_opportunity(provider_org, title=t) for t in "ABC")
    # Items sharing a modified value are told apart by id.
    Opportunity.objects.filter(pk__in=[a.pk, b.pk, c.pk]).update(modified_seq=7)

    page = _get(client, f"{FEED}?afterTimestamp=7&afterId={a.pk}")

    assert [i["id"] for i in page["items"]] == [b.pk, c.pk]
    assert _get(client, f"{FEED}?afterTimestamp=7&afterId={c.pk}")["items"] == []
    assert [i["id"] for i in _get(client, f"{FEED}?afterTimestamp=6")["items"]] == [a.pk, b.pk, c.pk]


def test_withdrawn_past_and_unpublished_items_are_deleted_without_data(client, provider_org):
    withdrawn = make_opportunity(provider_org, title="Withdrawn later")
    ended = make_opportunity(provider_org, title="Ended", occurrences=[occurrence(-3)])
    unpublished = make_opportunity(provider_org, title="Back to draft")
    kept = make_opportunity(provider_org, title="Still on")
    store: dict[int, dict] = {}
    poll = _harvest(client, FEED, store)
    assert {store[pk]["state"] for pk in store} == {"updated"}

    set_status(opportunity=withdrawn, status=Status.WITHDRAWN)
    set_status(opportunity=unpublished, status=Status.DRAFT)
    assert mark_past() == 1
    _harvest(client, poll, store)

    assert {pk: store[pk]["state"] for pk in store} == {
        withdrawn.pk: "deleted",
        ended.pk: "deleted",
        unpublished.pk: "deleted",
        kept.pk: "updated",
    }
    assert "data" not in store[withdrawn.pk]
    assert store[ended.pk]["kind"] == "Course"


def test_drafts_that_were_never_published_never_appear(client, provider_org):
    draft = make_opportunity(provider_org, title="Secret plans", status="draft")
    published = make_opportunity(provider_org, title="Public")

    page = _get(client, FEED)

    assert [i["id"] for i in page["items"]] == [published.pk]
    assert b"Secret plans" not in client.get(FEED).content
    # Once published, it enters the feed at its new position.
    set_status(opportunity=draft, status=Status.PUBLISHED)
    later = _get(client, _path(page["next"]))
    assert [(i["id"], i["state"]) for i in later["items"]] == [(draft.pk, "updated")]


def test_an_id_without_a_timestamp_is_refused_by_name(client):
    response = client.get(f"{FEED}?afterId=3")

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "afterId": ["Give afterTimestamp as well: an id alone is no position."]
    }
    assert client.get(f"{FEED}?afterTimestamp=soon").status_code == 422


def test_a_full_page_may_be_cached_longer_than_the_last(client, provider_org, small_pages):
    make_opportunity(provider_org, title="A")
    make_opportunity(provider_org, title="B")

    assert client.get(FEED)["Cache-Control"] == "public, max-age=3600"
    assert client.get(f"{FEED}?afterTimestamp=999999")["Cache-Control"] == "public, max-age=10"


def test_a_page_of_many_items_costs_a_fixed_number_of_queries(
    client, provider_org, django_assert_max_num_queries
):
    for n in range(30):
        make_opportunity(
            provider_org, title=f"Course {n}", occurrences=[occurrence(10 + n), occurrence(40 + n)]
        )

    with django_assert_max_num_queries(8):
        page = _get(client, FEED)

    assert len(page["items"]) == 30


def test_signposts_own_harvester_reads_the_feed_back(client, provider_org):
    """Another Signpost harvesting this one gets the same opportunity back (feeds in, harvest/rpde.py)."""
    from signpost.catalogue.harvest.rpde import parse_page
    from tests.factories import ConceptFactory

    concept = ConceptFactory(pref_label="Preventive conservation")
    online = {"is_online": True, "venue_name": "", "address": "", "town": "", "postcode": "", "region": ""}
    webinar = make_opportunity(
        provider_org,
        title="Pests in stores",
        kind="masterclass",
        tags=[concept.uri],
        occurrences=[occurrence(10, **online), occurrence(20)],
    )

    page = parse_page(client.get(FEED).content, base_url="http://testserver")

    assert page.problems == []
    (record,) = page.records
    assert record.external_id == f"Event:{webinar.pk}"
    assert (record.title, record.kind) == ("Pests in stores", "masterclass")
    assert record.tags == [concept.uri]
    assert (record.contact_name, record.contact_email) == ("Priya Raman", "priya@example.org")
    assert [(o.is_online, o.town, o.region) for o in record.occurrences] == [
        (True, "", ""),
        (False, "Leeds", "Yorkshire and The Humber"),
    ]
    assert [o.start for o in record.occurrences] == list(webinar.occurrences.values_list("start", flat=True))


@pytest.mark.parametrize(
    "query", ["afterTimestamp=-1", "afterTimestamp=99999999999999999999", "afterTimestamp=1&afterId=-5"]
)
def test_a_position_out_of_range_is_refused(client, query):
    response = client.get(f"{FEED}?{query}")

    assert response.status_code == 422
