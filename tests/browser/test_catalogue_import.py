"""priya imports her spring programme from a spreadsheet, in a real browser, with axe-core checks."""

from __future__ import annotations

import pytest

from signpost.catalogue.models import ImportJob, Opportunity
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "external_id,title,start,end,venue,town,region,price,contact_email"
ROWS = [
    "HST-1,Caring for photographs,04/03/2027 10:00,04/03/2027 16:00,Riverside Museum,Leeds,"
    "Yorkshire and the Humber,85,training@example.org",
    "HST-2,Digitising archives,31/02/2027 10:00,,Archive Centre,York,Yorkshire and the Humber,60,"
    "training@example.org",
    "HST-3,Oral history for beginners,11/03/2027 10:00,11/03/2027 13:00,Civic Hall,Bradford,Atlantis,0,"
    "training@example.org",
]


def _csv(rows: list[str]) -> dict[str, object]:
    return {
        "name": "spring-programme.csv",
        "mimeType": "text/csv",
        "buffer": "\n".join([HEADER, *rows]).encode(),
    }


def test_priya_corrects_two_rows_previews_and_imports(page, priya, provider_org, assert_accessible):
    log_in(page, "priya@example.org", PASSWORD)
    page.goto(f"/publish/{provider_org.slug}/import/")
    assert_accessible(page)

    page.get_by_label("File").set_input_files(_csv(ROWS))
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("heading", name="Check the import of spring-programme.csv").wait_for()

    problems = page.get_by_role("alert")
    assert problems.get_by_text(
        "row 3: start: '31/02/2027 10:00' is not a date and time (use 2027-03-04 10:00 or 04/03/2027 10:00)"
    ).is_visible()
    assert problems.get_by_text("row 4: region: 'Atlantis' is not a UK ITL1 region or nation").is_visible()
    bad_row = page.get_by_role("row", name="row 3")
    assert bad_row.get_by_text("start: '31/02/2027 10:00' is not a date and time").is_visible()
    assert page.get_by_role("button", name="Import all 3 rows").count() == 0
    assert page.get_by_role("button", name="Import only the 1 valid row").is_visible()
    assert_accessible(page)
    assert Opportunity.objects.count() == 0

    page.get_by_role("link", name="Upload another file").click()
    fixed = [
        ROWS[0],
        ROWS[1].replace("31/02/2027", "28/02/2027"),
        ROWS[2].replace("Atlantis", "Yorkshire and the Humber"),
    ]
    page.get_by_label("File").set_input_files(_csv(fixed))
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("heading", name="Check the import of spring-programme.csv").wait_for()
    assert page.get_by_text("3 ready to import").is_visible()
    assert page.get_by_role("alert").count() == 0
    assert_accessible(page)

    page.get_by_role("button", name="Import all 3 rows").click()
    page.get_by_role("heading", name="Import of spring-programme.csv").wait_for()
    assert page.get_by_text("Imported 3 opportunities: 3 new, 0 updated, 0 unchanged.").is_visible()
    assert page.get_by_role("progressbar").get_attribute("value") == "100"
    assert_accessible(page)
    assert sorted(Opportunity.objects.values_list("title", flat=True)) == [
        "Caring for photographs",
        "Digitising archives",
        "Oral history for beginners",
    ]
    assert list(ImportJob.objects.order_by("pk").values_list("status", flat=True)) == ["previewed", "done"]


def test_a_running_import_refreshes_its_progress_bar(page, priya, provider_org, assert_accessible):
    from signpost.catalogue.services.imports import create_import

    job = create_import(
        provider=provider_org,
        uploaded_by=priya,
        content="\n".join([HEADER, ROWS[0]]).encode(),
        filename="a.csv",
    )
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.RUNNING, total_rows=10, processed_rows=3)
    log_in(page, "priya@example.org", PASSWORD)

    page.goto(f"/imports/{job.pk}/")
    assert page.get_by_role("progressbar").get_attribute("value") == "3"
    assert_accessible(page)

    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.DONE,
        processed_rows=10,
        created_count=10,
        message="Imported 10 opportunities: 10 new.",
    )
    page.get_by_text("Imported 10 opportunities: 10 new.").wait_for()  # htmx polled and swapped it in
    assert page.get_by_role("progressbar").get_attribute("value") == "100"
