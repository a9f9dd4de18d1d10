"""Browser tests: Playwright drives Debian's chromium against a live server; axe-core checks pages.

No browser is downloaded: the launch uses /usr/bin/chromium with the flags this machine needs.
Every test here is marked `browser`, so `-m "not browser"` leaves them out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("SIGNPOST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# WCAG 2.0/2.1/2.2 A and AA rules.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def reference_rows(transactional_db: Any) -> None:
    """Browser tests run in flushed transactional databases, which lose the migration's rows."""
    from signpost.catalogue.models import CAREER_STAGES, CareerStage
    from signpost.core.models import Region, Sector
    from signpost.core.reference_data import ensure_reference_rows

    ensure_reference_rows(Sector, Region)
    for position, (slug, name) in enumerate(CAREER_STAGES):
        CareerStage.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe: Any):
    """Run axe-core on the page and fail with a readable list of any WCAG A/AA violations."""

    def check(page: Any) -> None:
        results = axe.run(page, options=AXE_OPTIONS)
        violations = results.response["violations"]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in violations
        )
        assert not violations, f"axe-core found violations on {page.url}:\n{report}"

    return check


def log_in(page: Any, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
