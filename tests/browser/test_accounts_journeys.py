"""Sign-up, log-in and the organisation directory, in a real browser, each page checked by axe-core."""

from __future__ import annotations

import pytest

from signpost.accounts.models import OrganisationKind, User
from signpost.core.models import Region, Sector
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up(page, assert_accessible):
    page.goto("/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("Full name").fill("Robin Archivist")
    page.get_by_label("Email address").fill("robin@example.org")
    page.get_by_label("Password", exact=True).fill("a long pass phrase")
    page.get_by_label("Password again").fill("a long pass phrase")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/accounts/profile/")
    assert page.get_by_role("heading", name="Your account").is_visible()
    assert_accessible(page)
    assert User.objects.filter(email="robin@example.org").exists()


def test_sign_up_errors_are_announced_beside_fields(page, assert_accessible):
    page.goto("/accounts/signup/")
    page.get_by_label("Full name").fill("Robin")
    page.get_by_label("Email address").fill("robin@example.org")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Password again").fill("different")
    page.get_by_role("button", name="Create account").click()
    assert page.get_by_text("The two passwords do not match.").is_visible()
    assert_accessible(page)
    assert not User.objects.filter(email="robin@example.org").exists()


def test_log_in_and_out(page, maya, assert_accessible):
    page.goto("/accounts/login/")
    assert_accessible(page)
    log_in(page, "maya@example.org", PASSWORD)
    page.goto("/accounts/profile/")
    assert page.get_by_text("maya@example.org").first.is_visible()
    page.get_by_role("button", name="Log out").click()
    page.goto("/accounts/profile/")
    assert "/accounts/login/" in page.url


def _directory() -> None:
    london = Region.objects.get(slug="london")
    wales = Region.objects.get(slug="wales")
    museums = Sector.objects.get(slug="museums")
    libraries = Sector.objects.get(slug="libraries")
    OrganisationFactory(name="Cardiff Story Museum", kind=OrganisationKind.MUSEUM, region=wales).sectors.add(
        museums
    )
    OrganisationFactory(
        name="Camden Libraries", kind=OrganisationKind.PUBLIC_LIBRARY_SERVICE, region=london
    ).sectors.add(libraries)
    OrganisationFactory(
        name="Museum of London Docklands", kind=OrganisationKind.MUSEUM, region=london
    ).sectors.add(museums)


def test_directory_filters_with_javascript(page, assert_accessible):
    _directory()
    page.goto("/organisations/")
    assert_accessible(page)
    assert page.get_by_text("3 organisations").is_visible()
    page.get_by_label("Region").select_option(label="Wales")
    page.get_by_text("1 organisation", exact=True).wait_for()
    assert page.get_by_role("link", name="Cardiff Story Museum").is_visible()
    assert page.get_by_role("link", name="Camden Libraries").count() == 0
    assert "region=wales" in page.url  # htmx pushed the filtered address, so it can be shared
    page.get_by_role("link", name="Cardiff Story Museum").click()
    page.get_by_role("heading", name="Cardiff Story Museum").wait_for()
    assert_accessible(page)


def test_directory_filters_without_javascript(page_without_js, page, assert_accessible):
    _directory()
    page_without_js.goto("/organisations/")
    page_without_js.get_by_label("Kind").select_option(label="Museum")
    page_without_js.get_by_label("Region").select_option(label="London")
    page_without_js.get_by_role("button", name="Filter").click()
    page_without_js.get_by_text("1 organisation", exact=True).wait_for()
    assert page_without_js.get_by_role("link", name="Museum of London Docklands").is_visible()
    # axe-core is JavaScript, so it checks the same filtered page in a JavaScript-enabled tab.
    page.goto(page_without_js.url)
    assert_accessible(page)
