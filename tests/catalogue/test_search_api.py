"""GET /api/opportunities: the catalogue search for programs, with facet counts."""

from __future__ import annotations

import pytest

from tests.catalogue import search_helpers

# The shared fixtures: each test runs on both engines over the same small catalogue.
engine = search_helpers.engine
catalogue = search_helpers.catalogue

pytestmark = pytest.mark.django_db


def _options(body, facet: str) -> dict[str, tuple[int, bool]]:
    return {o["value"]: (o["count"], o["selected"]) for o in body["facets"][facet]}


def test_search_returns_results_and_facet_counts(client, engine, catalogue):
    response = client.get("/api/opportunities", {"q": "digital preservation", "sort": "date"})

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["page_size"], body["page_count"]) == (2, 1, 20, 1)
    first = body["results"][0]
    assert first == {
        "id": catalogue.a.pk,
        "title": "Caring for born-digital archives",
        "summary": "Practical steps for small teams.",
        "url": f"/opportunities/{catalogue.a.pk}/",
        "provider": {"name": "Heritage Skills Training", "slug": "heritage-skills-training"},
        "kind": "course",
        "format": "in-person",
        "next_start": first["next_start"],
        "place": "Town hall, London",
        "online": False,
        "is_free": False,
        "price": "£85.00",
        "tags": [
            {
                "id": catalogue.terms.preservation.pk,
                "label": "Digital preservation",
                "uri": catalogue.terms.preservation.uri,
            }
        ],
    }
    assert [r["id"] for r in body["results"]] == [catalogue.a.pk, catalogue.c.pk]
    assert _options(body, "kind") == {"course": (1, False), "workshop": (1, False)}
    assert body["facets"]["sector"] == [
        {"value": "archives", "label": "Archives", "count": 2, "selected": False}
    ]


def test_repeated_parameters_are_any_of_and_counts_say_what_choosing_would_give(client, engine, catalogue):
    body = client.get("/api/opportunities?kind=course&kind=workshop&region=wales").json()

    assert [r["id"] for r in body["results"]] == [catalogue.c.pk]
    kinds = _options(body, "kind")
    assert kinds["course"] == (0, True)  # chosen, though none is in Wales (or online)
    assert kinds["workshop"] == (1, True)
    assert kinds["webinar"] == (1, False)  # online: it would be found in Wales
    regions = _options(body, "region")
    assert regions["wales"] == (1, True)
    assert regions["london"] == (1, False)
    assert regions["scotland"] == (0, False)  # every ITL1 region is listed


def test_online_opportunities_count_in_every_region(client, engine, catalogue):
    body = client.get("/api/opportunities?region=scotland").json()

    assert sorted(r["id"] for r in body["results"]) == sorted([catalogue.b.pk, catalogue.d.pk])
    assert {r["place"] for r in body["results"]} == {"Online"}
    assert _options(body, "region")["scotland"] == (2, True)
    assert _options(body, "region")["london"] == (3, False)


def test_pages(client, engine, catalogue):
    second = client.get("/api/opportunities?page_size=3&page=2").json()
    beyond = client.get("/api/opportunities?page_size=3&page=7").json()

    assert (second["count"], second["page"], second["page_count"]) == (4, 2, 2)
    assert [r["id"] for r in second["results"]] == [catalogue.d.pk]
    assert beyond["page"] == 2  # past the end: the last page


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("kind=lecture", "kind", "Select a valid choice. lecture is not one of the available choices."),
        ("cost=cheap", "cost", "Select a valid choice. cheap is not one of the available choices."),
        ("area=999999", "area", "Select a valid choice. 999999 is not one of the available choices."),
        ("sort=price", "sort", "Select a valid choice. price is not one of the available choices."),
        ("date_from=2030-05-02&date_to=2030-05-01", "date_to", "The end date is before the start date."),
    ],
)
def test_bad_input_is_refused_naming_the_field(client, engine, catalogue, query, field, message):
    response = client.get(f"/api/opportunities?{query}")

    assert response.status_code == 422
    assert response.json() == {"detail": "Invalid input", "errors": {field: [message]}}


@pytest.mark.parametrize("query", ["page=0", "page_size=500", "date_from=someday", "page=abc"])
def test_malformed_parameters_are_422_not_500(client, engine, query):
    assert client.get(f"/api/opportunities?{query}").status_code == 422


def test_the_api_and_the_page_agree(client, engine, catalogue):
    api = client.get("/api/opportunities?q=archives&sort=date").json()
    page = client.get("/opportunities/?q=archives&sort=date")

    assert api["count"] == page.context["search"].total == 2
    assert [r["id"] for r in api["results"]] == [h.id for h in page.context["search"].hits]
