"""A provider registers a feed, harvests it and reads the log: with htmx, and without JavaScript.
Errors sit beside their fields; every page passes axe-core."""

from __future__ import annotations

import pytest

from signpost.catalogue.models import Feed, Opportunity
from tests.browser.conftest import log_in
from tests.catalogue.feed_server import FIXTURES, RunningServer
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def feed_server(settings):
    settings.SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS = True
    settings.SIGNPOST_FEED_TIMEOUT = 2
    with RunningServer() as running:
        yield running


def test_priya_registers_a_feed_harvests_it_and_reads_the_log(page, priya, feed_server, assert_accessible):
    url = feed_server.serve("/bad.rss", (FIXTURES / "bad_dates.rss").read_bytes(), "application/rss+xml")
    log_in(page, "priya@example.org", PASSWORD)
    page.goto("/publish/heritage-skills-training/feeds/")
    page.get_by_role("heading", name="Feeds of Heritage Skills Training").wait_for()
    assert_accessible(page)

    page.get_by_label("Address", exact=True).fill("ftp://example.org/feed")
    page.get_by_role("button", name="Register the feed").click()
    page.locator("#id_url_errors").wait_for()
    assert page.locator("#id_url_errors").inner_text() == (
        "'ftp://example.org/feed' is not a web address starting http:// or https://."
    )
    assert page.locator("#id_name_errors").inner_text() == "This field is required."
    assert_accessible(page)

    page.get_by_label("Name", exact=True).fill("Courses with date trouble")
    page.get_by_label("Address", exact=True).fill(url)
    page.get_by_role("radio", name="RSS or Atom").check()
    page.get_by_role("button", name="Register the feed").click()
    page.get_by_role("heading", name="Courses with date trouble").wait_for()
    assert_accessible(page)

    page.get_by_role("button", name="Harvest now").click()
    page.get_by_text("Harvested: 1 new, 0 updated, 0 unchanged, 0 withdrawn; 2 items skipped.").wait_for()
    page.get_by_text("2 items skipped", exact=False).last.click()
    page.get_by_text("Entry 3 “Collections care refresher”: end: is before the start").wait_for()
    assert_accessible(page)
    assert Opportunity.objects.filter(feed__name="Courses with date trouble").count() == 1

    page.get_by_role("link", name="Delete “Courses with date trouble”").click()
    page.get_by_role("heading", name="Delete the feed “Courses with date trouble”?").wait_for()
    assert_accessible(page)


def test_harvest_now_works_without_javascript(page_without_js, priya, provider_org, feed_server):
    url = feed_server.serve("/c.rss", (FIXTURES / "courses.rss").read_bytes(), "application/rss+xml")
    feed = Feed.objects.create(provider=provider_org, name="Courses", url=url, kind="rss")
    page = page_without_js
    log_in(page, "priya@example.org", PASSWORD)
    page.goto(f"/feeds/{feed.pk}/")

    page.get_by_role("button", name="Harvest now").click()

    page.get_by_text("Harvested: 3 new, 0 updated, 0 unchanged, 0 withdrawn.").wait_for()
    assert not page.get_by_text("Harvesting…").is_visible()
