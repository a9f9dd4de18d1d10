"""Finding learning in the catalogue, in a real browser: with htmx, and without JavaScript; axe-checked."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from signpost.accounts.models import OrganisationKind
from signpost.catalogue.records import OpportunityRecord
from signpost.catalogue.services.indexing import rebuild_search_index
from signpost.catalogue.services.opportunities import save_records
from tests.catalogue import search_helpers
from tests.catalogue.search_helpers import occurrence
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)

tantivy_engine = search_helpers.tantivy_engine


@pytest.fixture
def catalogue(tantivy_engine) -> SimpleNamespace:
    provider = OrganisationFactory(
        name="Heritage Skills Training", slug="heritage-skills", kind=OrganisationKind.TRAINING_PROVIDER
    )

    def record(title: str, **fields) -> OpportunityRecord:
        return OpportunityRecord(
            title=title, external_id=title, contact_email="contact@example.org", **fields
        )

    records = [
        record(
            "Caring for born-digital archives", kind="course", occurrences=[occurrence(10, region="London")]
        ),
        record(
            "Volunteer management webinar",
            kind="webinar",
            is_free=True,
            occurrences=[occurrence(5, online=True)],
        ),
        record("File formats workshop", kind="workshop", occurrences=[occurrence(20, region="Wales")]),
    ] + [
        record(
            f"Archive skills session {n}",
            kind="workshop",
            occurrences=[occurrence(30 + n, region="Scotland")],
        )
        for n in range(22)
    ]
    assert save_records(provider=provider, records=records, source="file").ok
    rebuild_search_index()
    return SimpleNamespace(provider=provider)


def test_search_and_filter_with_javascript_updates_in_place(page, catalogue, assert_accessible):
    page.goto("/opportunities/")
    page.get_by_role("heading", name="25 opportunities").wait_for()
    assert_accessible(page)

    page.get_by_label("Webinar").check()
    page.get_by_role("heading", name="1 opportunity", exact=True).wait_for()
    assert page.get_by_role("link", name="Volunteer management webinar").is_visible()
    assert "kind=webinar" in page.url  # htmx pushed the address, so it can be shared
    assert page.get_by_label("Webinar").is_checked()  # the facets were redrawn, the choice kept

    page.get_by_label("Webinar").uncheck()
    page.get_by_role("heading", name="25 opportunities").wait_for()
    page.get_by_label("Search titles, descriptions, skills and providers").fill("born digital")
    page.get_by_role("heading", name="1 opportunity", exact=True).wait_for()  # typing searches
    assert page.get_by_role("link", name="Caring for born-digital archives").is_visible()
    assert_accessible(page)


def test_online_counts_in_every_region(page, catalogue):
    page.goto("/opportunities/")
    page.get_by_label("Region").select_option("wales")

    page.get_by_role("heading", name="2 opportunities").wait_for()
    assert page.get_by_role("link", name="File formats workshop").is_visible()
    assert page.get_by_role("link", name="Volunteer management webinar").is_visible()
    assert page.get_by_role("option", name="Scotland (23)").count() == 1


def test_pages_with_javascript_keep_the_filters(page, catalogue):
    page.goto("/opportunities/?kind=workshop&sort=date")
    page.get_by_role("heading", name="23 opportunities").wait_for()

    page.get_by_role("link", name="Next page").click()
    page.get_by_text("Page 2 of 2").wait_for()
    assert re.search(r"kind=workshop.*page=2", page.url)
    assert page.get_by_role("link", name="Archive skills session 21").is_visible()


def test_search_and_filter_without_javascript(page_without_js, page, catalogue, assert_accessible):
    browser = page_without_js
    browser.goto("/opportunities/")
    browser.get_by_label("Search titles, descriptions, skills and providers").fill("workshop")
    browser.get_by_role("button", name="Search", exact=True).click()
    browser.get_by_role("heading", name="23 opportunities").wait_for()

    browser.get_by_label("Region").select_option("wales")
    browser.get_by_role("button", name="Apply filters").click()
    browser.get_by_role("heading", name="1 opportunity", exact=True).wait_for()
    assert browser.get_by_role("link", name="File formats workshop").is_visible()
    assert "q=workshop" in browser.url
    assert "region=wales" in browser.url
    # axe-core is JavaScript, so it checks the same filtered page in a JavaScript-enabled tab.
    page.goto(browser.url)
    assert_accessible(page)


def test_next_page_without_javascript(page_without_js, catalogue):
    page_without_js.goto("/opportunities/?q=archive&sort=date")
    page_without_js.get_by_role("link", name="Next page").click()

    page_without_js.get_by_text("Page 2 of 2").wait_for()
    assert "q=archive" in page_without_js.url
    assert "sort=date" in page_without_js.url
