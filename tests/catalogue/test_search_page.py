"""The catalogue page (/opportunities/): a GET form with facets and counts, htmx partials, pages."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from signpost.catalogue.records import OpportunityRecord
from signpost.catalogue.services.indexing import rebuild_search_index
from signpost.catalogue.services.opportunities import save_records
from tests.catalogue import search_helpers
from tests.catalogue.search_helpers import occurrence

# The shared fixtures: each test runs on both engines over the same small catalogue.
engine = search_helpers.engine
catalogue = search_helpers.catalogue
tantivy_engine = search_helpers.tantivy_engine

pytestmark = pytest.mark.django_db


def test_the_page_lists_results_with_what_a_person_needs_to_choose(client, engine, catalogue):
    response = client.get("/opportunities/", {"q": "born digital"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/opportunities/{catalogue.a.pk}/"' in html
    assert "Caring for born-digital archives" in html
    assert "Heritage Skills Training · Course · In person" in html
    assert "Town hall, London" in html
    assert "£85.00" in html
    assert '<li class="tag">Digital preservation</li>' in html
    assert "1 opportunity</h2>" in html


def test_facet_options_show_their_counts_and_what_is_chosen(client, engine, catalogue):
    html = client.get("/opportunities/?kind=webinar&region=wales").content.decode()

    assert re.search(
        r'id="facet-kind-webinar" checked>\s*<label for="facet-kind-webinar">Webinar '
        r'<span class="count">\(1\)</span>',
        html,
    )
    assert re.search(r'<label for="facet-kind-course">Course <span class="count">\(0\)</span>', html) is None
    assert '<option value="wales" selected>Wales (1)</option>' in html
    assert '<option value="scotland">Scotland (1)</option>' in html  # the webinar is online
    assert "Online opportunities count in every region." in html


def test_an_htmx_request_gets_only_the_results_and_the_announced_count(client, engine, catalogue):
    response = client.get("/opportunities/?q=archives", HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "<html" not in html
    assert '<div id="catalogue-results" class="layout-sidebar">' in html
    assert '<p id="result-status" hx-swap-oob="innerHTML">2 opportunities found</p>' in html


def test_the_form_works_without_javascript_and_asks_htmx_to_update_in_place(client, engine, catalogue):
    html = client.get("/opportunities/").content.decode()

    assert '<form id="catalogue-search" method="get" action="/opportunities/"' in html
    assert 'hx-get="/opportunities/" hx-target="#catalogue-results"' in html
    assert 'hx-push-url="true"' in html
    assert '<button type="submit">Search</button>' in html
    assert '<button type="submit" class="button-secondary">Apply filters</button>' in html


def test_page_links_keep_the_filters(client, tantivy_engine, provider_org):
    records = [
        OpportunityRecord(
            title=f"Archive skills session {n}",
            external_id=f"session-{n}",
            kind="workshop",
            contact_email="contact@example.org",
            occurrences=[occurrence(n + 1, region="London")],
        )
        for n in range(23)
    ]
    assert save_records(provider=provider_org, records=records, source="file").ok
    rebuild_search_index()

    first = client.get("/opportunities/?q=archive&kind=workshop&sort=date&date_from=")
    second = client.get("/opportunities/?q=archive&kind=workshop&sort=date&page=2")

    html = first.content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?q=archive&amp;kind=workshop&amp;sort=date&amp;page=2"' in html
    assert [h.title for h in second.context["search"].hits] == [
        "Archive skills session 20",
        "Archive skills session 21",
        "Archive skills session 22",
    ]
    assert 'href="?q=archive&amp;kind=workshop&amp;sort=date&amp;page=1"' in second.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "kind=lecture",
        "date_from=someday",
        "date_from=2030-02-02&date_to=2030-01-01",
        "page=abc",
        "page=-3",
        "sort=cheapest",
        "area=not-a-number",
        "q=" + "x" * 300,
    ],
)
def test_bad_input_is_explained_on_the_page_and_never_an_error(client, engine, catalogue, query):
    response = client.get(f"/opportunities/?{query}")

    assert response.status_code == 200
    assert "Some of the search was not understood and has been left out" in response.content.decode()


def test_the_page_costs_a_bounded_number_of_queries(client, engine, catalogue, django_assert_max_num_queries):
    client.get("/opportunities/")  # the first search may build the index
    # Four for the page (the facets' labels; the results, their dates and their tags); the
    # database engine adds three: is it built, the page of results, and every count at once (and
    # on PostgreSQL a savepoint around them that switches its JIT off).
    limit = 4 if engine == "tantivy" else 7 if connection.vendor == "sqlite" else 10

    with django_assert_max_num_queries(limit):
        response = client.get("/opportunities/?q=archives&kind=course&region=london")
    assert response.status_code == 200
