"""The import pages and API: upload, preview with per-row problems, confirm, progress, template."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from signpost.catalogue.models import ImportJob, Opportunity
from signpost.catalogue.services import imports
from tests.catalogue.import_helpers import csv_bytes, media_root, xlsx_bytes  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

HEADER = "external_id,title,start,venue,town,contact_email"
GOOD = "HST-1,Caring for photographs,04/03/2027 10:00,Riverside Museum,Leeds,training@example.org"
BAD = "HST-2,Digitising archives,31/02/2027,Archive,York,not-an-address"


def _upload(client, provider, content: bytes, name: str = "programme.csv", **extra):
    data = {"file": SimpleUploadedFile(name, content), **extra}
    return client.post(f"/publish/{provider.slug}/import/", data)


def test_the_upload_page_offers_the_template_and_the_form(client, priya, provider_org):
    client.force_login(priya)

    response = client.get(f"/publish/{provider_org.slug}/import/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Import opportunities for Heritage Skills Training" in page
    assert f'href="/publish/{provider_org.slug}/import/template.xlsx"' in page
    assert 'enctype="multipart/form-data"' in page


def test_a_file_with_problems_is_previewed_with_them_beside_their_rows(client, priya, provider_org):
    client.force_login(priya)

    response = _upload(client, provider_org, csv_bytes(HEADER, GOOD, BAD))

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/imports/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "2 rows read, making 2 opportunities" in page
    assert "row 3: start: &#x27;31/02/2027&#x27; is not a date and time" in page
    assert "row 3: contact_email: &#x27;not-an-address&#x27; is not an email address" in page
    assert "Row numbers are the spreadsheet’s, with the header as row 1." in page
    assert 'value="all"' not in page  # no "Import all" while there are problems
    assert "Import only the 1 valid row" in page
    assert Opportunity.objects.count() == 0


def test_importing_all_with_problems_is_refused_and_writes_nothing(client, priya, provider_org):
    client.force_login(priya)
    _upload(client, provider_org, csv_bytes(HEADER, GOOD, BAD))
    job = ImportJob.objects.get()

    response = client.post(f"/imports/{job.pk}/confirm/", {"mode": "all"}, follow=True)

    assert "1 of 2 rows has problems, so nothing was imported." in response.content.decode()
    assert Opportunity.objects.count() == 0


def test_importing_the_valid_rows_shows_the_outcome(client, priya, provider_org):
    client.force_login(priya)
    _upload(client, provider_org, csv_bytes(HEADER, GOOD, BAD))
    job = ImportJob.objects.get()

    response = client.post(f"/imports/{job.pk}/confirm/", {"mode": "valid"}, follow=True)

    page = response.content.decode()
    assert "Imported 1 opportunity: 1 new, 0 updated, 0 unchanged. Left out 1 row with problems." in page
    assert '<progress id="import-progress-bar" max="100" value="100">' in page
    assert list(Opportunity.objects.values_list("title", flat=True)) == ["Caring for photographs"]


def test_a_clean_file_offers_import_all(client, priya, provider_org):
    client.force_login(priya)
    _upload(client, provider_org, csv_bytes(HEADER, GOOD))
    job = ImportJob.objects.get()

    page = client.get(f"/imports/{job.pk}/").content.decode()
    assert 'name="mode" value="all">Import all 1 row</button>' in page

    client.post(f"/imports/{job.pk}/confirm/", {"mode": "all"})
    assert Opportunity.objects.count() == 1


def test_a_file_of_the_wrong_type_is_refused_on_the_form(client, priya, provider_org):
    client.force_login(priya)

    response = _upload(client, provider_org, b"%PDF-1.4 ...", name="programme.pdf")

    assert response.status_code == 400
    assert "This file is a PDF document, not a list of opportunities." in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_a_confirmation_without_a_choice_is_refused(client, priya, provider_org):
    client.force_login(priya)
    _upload(client, provider_org, csv_bytes(HEADER, GOOD))
    job = ImportJob.objects.get()

    response = client.post(f"/imports/{job.pk}/confirm/", {"mode": "everything"}, follow=True)

    assert "Choose whether to import every row or only the valid ones." in response.content.decode()
    assert Opportunity.objects.count() == 0


def test_the_preview_pages_through_rows_and_can_show_only_problems(client, priya, provider_org):
    client.force_login(priya)
    rows = [f"ID-{n},Course {n},04/03/2027 10:00,,,a@example.org" for n in range(60)]
    rows[55] = "ID-55,Course 55,soon,,,a@example.org"
    _upload(client, provider_org, csv_bytes(HEADER, *rows))
    job = ImportJob.objects.get()

    first = client.get(f"/imports/{job.pk}/").content.decode()
    second = client.get(f"/imports/{job.pk}/?page=2").content.decode()
    problems = client.get(f"/imports/{job.pk}/?show=problems").content.decode()

    assert "Course 0<" in first
    assert "Course 55<" not in first
    assert "Course 55<" in second
    assert "Page 2 of 2" in second
    assert "Course 55<" in problems
    assert "Course 0<" not in problems


def test_a_running_import_shows_a_progress_bar_refreshed_by_htmx(client, priya, provider_org):
    client.force_login(priya)
    _upload(client, provider_org, csv_bytes(HEADER, GOOD))
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.RUNNING, total_rows=4, processed_rows=1)

    page = client.get(f"/imports/{job.pk}/").content.decode()
    fragment = client.get(f"/imports/{job.pk}/progress/", headers={"HX-Request": "true"}).content.decode()

    assert f'hx-get="/imports/{job.pk}/progress/" hx-trigger="every 2s"' in page
    assert '<progress id="import-progress-bar" max="4" value="1">25%</progress>' in page
    assert f'<a href="/imports/{job.pk}/">Check the progress again</a>' in page  # without JavaScript
    assert fragment.lstrip().startswith('<div id="import-progress"')
    assert "<html" not in fragment


def test_the_template_is_a_workbook_with_the_lexicon(client, priya, provider_org):
    from django.core.management import call_command

    call_command("load_starter_lexicon", verbosity=0)
    client.force_login(priya)

    response = client.get(f"/publish/{provider_org.slug}/import/template.xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="signpost-opportunities-template.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Opportunities", "Columns", "Allowed values", "Lexicon"]
    assert workbook["Lexicon"].max_row > 300
    regions = [c.value for c in workbook["Allowed values"]["E"] if c.value]
    assert "Yorkshire and The Humber" in regions


def test_others_cannot_see_a_providers_import(client, oliver, priya, provider_org):
    client.force_login(priya)
    _upload(client, provider_org, csv_bytes(HEADER, GOOD))
    job = ImportJob.objects.get()
    client.force_login(oliver)

    assert client.get(f"/imports/{job.pk}/").status_code == 403
    assert client.get("/imports/99999/").status_code == 404


# --- API ------------------------------------------------------------------------------------


def test_the_api_previews_confirms_and_reports_an_import(client, priya, provider_org):
    client.force_login(priya)

    created = client.post(
        f"/api/providers/{provider_org.slug}/imports",
        {"file": SimpleUploadedFile("programme.csv", csv_bytes(HEADER, GOOD, BAD))},
    )

    assert created.status_code == 201
    body = created.json()
    assert (body["status"], body["total_rows"], body["valid_rows"], body["rows_with_errors"]) == (
        "previewed",
        2,
        1,
        1,
    )
    assert [e["text"] for e in body["errors"]] == [
        "row 3: start: '31/02/2027' is not a date and time (use 2027-03-04 10:00 or 04/03/2027 10:00)",
        "row 3: contact_email: 'not-an-address' is not an email address",
    ]
    assert body["errors"][0]["row"] == 3

    refused = client.post(
        f"/api/imports/{body['id']}/confirm",
        json.dumps({"valid_only": False}),
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert Opportunity.objects.count() == 0

    confirmed = client.post(
        f"/api/imports/{body['id']}/confirm",
        json.dumps({"valid_only": True}),
        content_type="application/json",
    )
    assert confirmed.status_code == 200
    assert (confirmed.json()["status"], confirmed.json()["created_count"]) == ("done", 1)
    assert client.get(f"/api/imports/{body['id']}").json()["skipped_count"] == 1


def test_the_api_refuses_an_unreadable_file_with_422(client, priya, provider_org):
    client.force_login(priya)

    response = client.post(
        f"/api/providers/{provider_org.slug}/imports", {"file": SimpleUploadedFile("x.png", b"\x89PNG\r\n")}
    )

    assert response.status_code == 422
    assert response.json()["errors"]["file"][0].startswith("This file is a PNG image")
    assert ImportJob.objects.count() == 0


def test_large_files_are_imported_in_the_background_from_the_page(
    client, priya, provider_org, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(imports, "BACKGROUND_ROWS", 1)
    client.force_login(priya)
    _upload(client, provider_org, csv_bytes(HEADER, GOOD, GOOD.replace("HST-1", "HST-3")))
    job = ImportJob.objects.get()
    assert "it will be imported in the background" in client.get(f"/imports/{job.pk}/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/imports/{job.pk}/confirm/", {"mode": "all"})

    job.refresh_from_db()
    assert (job.status, job.processed_rows) == ("done", 2)
    assert Opportunity.objects.count() == 2


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.xlsx", b"PK\x03\x04" + b"\x01" * 400, "This is not a readable XLSX workbook"),
        ("a.xlsx", _zip({"xl/workbook.xml": "<bad"}), "This XLSX workbook cannot be read"),
        (
            "a.csv",
            b"title,start\n" + b"x" * 200_000 + b",1\n",
            "Line 2 of the CSV file cannot be read: a cell is longer",
        ),
        (
            "a.csv",
            b'title,start\n"unclosed,04/03/2027\n',
            "Line 2 of the CSV file cannot be read: a quoted cell",
        ),
        ("a.json", b"[" * 5000 + b"]" * 5000, "This JSON is nested too deeply"),
        (
            "a.html",
            b"<html><body>nothing here</body></html>",
            "No schema.org Course, CourseInstance or Event",
        ),
        (
            "blob",
            b"\x01\x02\x03\x04\x05binary\x06\x07\x08",
            "This file holds binary data Signpost cannot read.",
        ),
    ],
)
def test_broken_files_get_a_message_never_a_server_error(client, priya, provider_org, name, content, message):
    client.force_login(priya)

    page = _upload(client, provider_org, content, name=name)
    api = client.post(
        f"/api/providers/{provider_org.slug}/imports", {"file": SimpleUploadedFile(name, content)}
    )

    assert page.status_code == 400
    assert message in page.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert api.status_code == 422
    assert ImportJob.objects.count() == 0


def _ics(lines: str) -> bytes:
    event = f"BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:S\r\n{lines}\r\nEND:VEVENT\r\n"
    return f"BEGIN:VCALENDAR\r\n{event}END:VCALENDAR\r\n".encode()


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("a.ics", _ics("DTSTART:garbage"), "event “S” (UID x): DTSTART: cannot be read as a date and time"),
        ("a.ics", _ics("DTSTART:20270101T100000Z\r\nRRULE:FREQ=NONSENSE"),
         "event “S” (UID x): RRULE: its repeat rule cannot be read"),
        ("a.json", b'{"@type": "Event", "name": ["a", {"x": 1}], "startDate": {"@value": 5}, '
         b'"offers": {"price": "abc"}}', "item “a”: offers: 'abc' is not an amount such as 85 or 85.50"),
        ("a.xlsx", xlsx_bytes([["title", "start", "capacity"], ["A", "=1/0", 3.7]]),
         "row 2: capacity: '3.7' is not a whole number"),
    ],
)  # fmt: skip
def test_bad_values_in_any_format_are_named_on_the_preview(
    client, priya, provider_org, name, content, problem
):
    client.force_login(priya)

    response = _upload(client, provider_org, content, name=name)

    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert any(p["text"].startswith(problem) for p in job.errors), [p["text"] for p in job.errors]
    assert client.get(response["Location"]).status_code == 200
    confirmed = client.post(f"/imports/{job.pk}/confirm/", {"mode": "all"}, follow=True)
    assert confirmed.status_code == 200
    assert Opportunity.objects.count() == 0
