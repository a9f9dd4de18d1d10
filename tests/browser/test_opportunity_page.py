"""The opportunity page in a real browser: accessible (axe-core), with its JSON-LD, and usable
without JavaScript."""

from __future__ import annotations

import json

import pytest

from signpost.catalogue.models import CAREER_STAGES, CareerStage
from tests.catalogue.formats_helpers import make_opportunity, occurrence
from tests.factories import ConceptFactory, ConceptSchemeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def career_stages(reference_rows):
    """Transactional tests flush the migration's career stages; the writer needs them."""
    for position, (slug, name) in enumerate(CAREER_STAGES):
        CareerStage.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


def _opportunity(provider_org):
    scheme = ConceptSchemeFactory(slug="starter", title="Starter lexicon")
    concept = ConceptFactory(scheme=scheme, pref_label="Preventive conservation")
    return make_opportunity(
        provider_org,
        kind="workshop",
        description="## Programme\n\n- Handling\n- Storage\n\nSee [the reading list](https://example.org/list).",
        tags=[concept.uri],
        occurrences=[occurrence(20), occurrence(-20), occurrence(40, is_cancelled=True)],
    )


def test_a_published_opportunity_page_is_accessible_and_carries_json_ld(
    page, assert_accessible, provider_org
):
    opportunity = _opportunity(provider_org)

    page.goto(f"/opportunities/{opportunity.pk}/")

    assert page.get_by_role("heading", level=1, name="Caring for photographic collections").is_visible()
    assert_accessible(page)
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "EventSeries"
    assert data["name"] == "Caring for photographic collections"
    assert len(data["subEvent"]) == 3
    assert page.get_by_role("link", name="Preventive conservation").is_visible()
    assert page.get_by_role("link", name="Add to calendar").get_attribute("href") == (
        f"/opportunities/{opportunity.pk}/calendar.ics"
    )


def test_the_earlier_dates_open_without_javascript(page_without_js, provider_org):
    opportunity = _opportunity(provider_org)
    page = page_without_js
    page.goto(f"/opportunities/{opportunity.pk}/")

    page.get_by_text("Earlier dates (1)").click()

    assert page.locator("details[open] li").count() == 1


def test_the_draft_page_is_accessible_for_its_editor(page, assert_accessible, provider_org, priya):
    from tests.browser.conftest import log_in
    from tests.conftest import PASSWORD

    draft = make_opportunity(provider_org, status="draft", occurrences=[occurrence(10)])
    log_in(page, "priya@example.org", PASSWORD)

    page.goto(f"/opportunities/{draft.pk}/")

    assert page.get_by_text("This is a draft").is_visible()
    assert page.get_by_role("link", name="Edit this opportunity").is_visible()
    assert_accessible(page)
