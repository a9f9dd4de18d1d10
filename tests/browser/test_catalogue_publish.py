"""A provider lists an opportunity: priya creates it with a date, tags it by picking a lexicon
suggestion as she types, and publishes it. Errors sit beside their fields; every page passes
axe-core; the create form also works without JavaScript."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from signpost.catalogue.models import Occurrence, Opportunity
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def starter_lexicon(transactional_db):
    call_command("load_starter_lexicon", verbosity=0)


def test_priya_creates_tags_and_publishes_an_opportunity(page, priya, starter_lexicon, assert_accessible):
    log_in(page, "priya@example.org", PASSWORD)
    page.goto("/publish/")
    assert_accessible(page)
    page.get_by_role("link", name="New opportunity for Heritage Skills Training").click()
    page.get_by_role("heading", name="New opportunity for Heritage Skills Training").wait_for()
    assert_accessible(page)

    page.get_by_label("Title").fill("Rationalising museum collections")
    page.get_by_label("Kind").select_option(label="Workshop")
    page.get_by_label("In person").check()
    page.get_by_label("Museums").check()
    page.get_by_label("Paid").check()
    page.get_by_label("Price", exact=True).fill("85")
    # Part of an alternative label ("Rationalisation and disposal") brings the concept up.
    tags = page.get_by_label("Lexicon tags")
    tags.press_sequentially("rationalis", delay=30)
    suggestion = page.get_by_role("button", name="Accession and deaccession procedures")
    suggestion.wait_for()
    assert "Rationalisation and disposal" in suggestion.inner_text()
    assert_accessible(page)
    suggestion.click()
    page.get_by_text("Added “Accession and deaccession procedures”.").wait_for()
    assert page.get_by_label("Lexicon tags").input_value() == "Accession and deaccession procedures; "
    page.get_by_label("Date", exact=True).fill("2027-03-04")
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("16:00")
    page.get_by_label("Venue").fill("Riverside Museum")
    page.get_by_label("Town or city").fill("Leeds")
    page.get_by_label("Region").select_option(label="Yorkshire and The Humber")
    page.get_by_label("Places", exact=True).fill("20")
    page.get_by_role("button", name="Save draft").click()

    page.get_by_text("as a draft").wait_for()
    assert_accessible(page)
    opportunity = Opportunity.objects.get()
    assert opportunity.status == "draft"
    assert list(opportunity.tags.values_list("pref_label", flat=True)) == [
        "Accession and deaccession procedures"
    ]
    assert Occurrence.objects.get().start == datetime(2027, 3, 4, 10, 0, tzinfo=LONDON)
    assert page.get_by_text("Thu 4 Mar 2027, 10:00").is_visible()

    # The contact is the person to ask: without it, publishing is refused beside that field.
    page.get_by_label("Contact email").fill("")
    page.get_by_role("button", name="Save and publish").click()
    error = page.locator("#id_contact_email_errors")
    error.wait_for()
    assert error.inner_text() == "Give a contact email or phone before publishing: a person to ask."
    assert page.get_by_label("Contact email").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    assert Opportunity.objects.get().status == "draft"

    page.get_by_label("Contact email").fill("priya@example.org")
    page.get_by_role("button", name="Save and publish").click()
    page.get_by_text("it is now in the catalogue").wait_for()
    assert_accessible(page)
    assert Opportunity.objects.get().status == "published"

    page.get_by_role("link", name="Add a date").click()
    page.get_by_role("heading", name="Add a date to “Rationalising museum collections”").wait_for()
    assert_accessible(page)


def test_a_field_error_is_shown_beside_its_field(page, priya, starter_lexicon, assert_accessible):
    log_in(page, "priya@example.org", PASSWORD)
    page.goto("/publish/heritage-skills-training/new/")
    page.get_by_label("Title").fill("Oral history")
    page.get_by_label("Lexicon tags").fill("Underwater basket weaving")
    page.get_by_label("End time").fill("09:00")
    page.get_by_role("button", name="Save draft").click()

    page.get_by_text("There are problems with what you entered").wait_for()
    assert page.locator("#id_tags_errors").inner_text() == "No concept is called 'Underwater basket weaving'."
    assert page.locator("#id_first-date_errors").inner_text() == (
        "Give the date, or clear the times for a self-paced offer."
    )
    assert_accessible(page)
    assert not Opportunity.objects.exists()


def test_the_create_form_works_without_javascript(
    page_without_js, page, priya, starter_lexicon, assert_accessible
):
    log_in(page_without_js, "priya@example.org", PASSWORD)
    page_without_js.goto("/publish/heritage-skills-training/new/")
    page_without_js.get_by_label("Title").fill("Weeding the reference stock")
    page_without_js.get_by_label("Lexicon tags").fill("Weeding; A01.02")
    page_without_js.get_by_label("Date", exact=True).fill("2027-05-01")
    page_without_js.get_by_label("Start time").fill("14:00")
    page_without_js.get_by_label("Online joining address").fill("https://meet.example.org/weeding")
    page_without_js.get_by_role("button", name="Save draft").click()

    page_without_js.get_by_text("as a draft").wait_for()
    opportunity = Opportunity.objects.get()
    assert sorted(opportunity.tags.values_list("pref_label", flat=True)) == [
        "Accession and deaccession procedures",
        "Stock weeding and withdrawal",
    ]
    assert Occurrence.objects.get().is_online is True
    page_without_js.get_by_role("button", name="Publish", exact=True).click()
    page_without_js.get_by_text("it is now in the catalogue").wait_for()
    assert Opportunity.objects.get().status == "published"
    # axe-core is JavaScript, so it checks the same pages in a JavaScript-enabled tab.
    log_in(page, "priya@example.org", PASSWORD)
    page.goto(f"/opportunities/{opportunity.pk}/edit/")
    assert_accessible(page)
    page.goto(f"/occurrences/{Occurrence.objects.get().pk}/delete/")
    assert_accessible(page)
    page.goto("/concepts/suggest/?q=weed")
    assert_accessible(page)
