"""The import service and command: preview, all-or-nothing, valid rows only, re-imports, background."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from signpost.catalogue.models import ImportJob, Occurrence, Opportunity
from signpost.catalogue.services import imports
from tests.catalogue.import_helpers import SAMPLES, csv_bytes, media_root, sample  # noqa: F401 (fixture)
from tests.factories import ConceptFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

GOOD = (
    "HST-1,Caring for photographs,04/03/2027 10:00,04/03/2027 16:00,Riverside Museum,Leeds,"
    "Yorkshire and the Humber"
)
HEADER = "external_id,title,Start Date,end,venue,town,region"


def _preview(provider, content: bytes, *, user=None, filename: str = "programme.csv") -> ImportJob:
    return imports.create_import(provider=provider, uploaded_by=user, content=content, filename=filename)


def test_a_preview_keeps_the_file_and_its_problems_and_writes_no_opportunity(provider_org, priya):
    content = csv_bytes(
        HEADER,
        GOOD,
        "HST-2,Digitising archives,31/02/2027,,Archive,York,Atlantis",
        "HST-3," + "x" * 301 + ",05/03/2027 10:00,,,,",
    )

    job = _preview(provider_org, content, user=priya)

    assert (job.status, job.file_format, job.total_rows, job.uploaded_by) == ("previewed", "csv", 3, priya)
    assert job.file.read() == content
    assert [p["text"] for p in job.errors] == [
        "row 3: Start Date: '31/02/2027' is not a date and time (use 2027-03-04 10:00 or 04/03/2027 10:00)",
        "row 3: region: 'Atlantis' is not a UK ITL1 region or nation",
        "row 4: title: is 301 characters long; the most allowed is 300",
    ]
    summary = imports.summarise(job)
    assert (summary.total_rows, summary.rows_with_errors, summary.valid_rows) == (3, 2, 1)
    assert Opportunity.objects.count() == 0


def test_all_or_nothing_refuses_a_file_with_problems_and_writes_nothing(provider_org):
    job = _preview(provider_org, csv_bytes(HEADER, GOOD, "HST-2,Digitising archives,soon,,,,"))

    with pytest.raises(ValidationError) as problem:
        imports.confirm_import(job=job, valid_only=False)

    assert problem.value.messages == [
        "1 of 2 rows has problems, so nothing was imported. Correct them and upload the file again, "
        "or import only the valid rows."
    ]
    assert Opportunity.objects.count() == 0
    job.refresh_from_db()
    assert job.status == "previewed"


def test_valid_only_imports_the_valid_rows_and_counts_the_others(provider_org):
    job = _preview(provider_org, csv_bytes(HEADER, GOOD, "HST-2,Digitising archives,soon,,,,"))

    job = imports.confirm_import(job=job, valid_only=True)

    assert (job.status, job.created_count, job.updated_count, job.skipped_count) == ("done", 1, 0, 1)
    assert (
        job.message == "Imported 1 opportunity: 1 new, 0 updated, 0 unchanged. Left out 1 row with problems."
    )
    assert list(Opportunity.objects.values_list("external_id", flat=True)) == ["HST-1"]
    occurrence = Occurrence.objects.get()
    assert (occurrence.venue_name, occurrence.town, occurrence.region.slug) == (
        "Riverside Museum", "Leeds", "yorkshire-and-the-humber",
    )  # fmt: skip


def test_re_importing_the_same_file_updates_and_never_duplicates(provider_org):
    content = csv_bytes(
        HEADER, GOOD, "HST-1,,11/03/2027 10:00,,Riverside Museum,Leeds,", "HST-2,Digitising archives,,,,,"
    )
    imports.confirm_import(job=_preview(provider_org, content), valid_only=False)

    again = imports.confirm_import(job=_preview(provider_org, content), valid_only=False)
    changed = imports.confirm_import(
        job=_preview(provider_org, content.replace(b"Digitising archives", b"Digitising old archives")),
        valid_only=False,
    )

    assert (again.created_count, again.updated_count) == (0, 0)
    assert again.message == "Imported 2 opportunities: 0 new, 0 updated, 2 unchanged."
    assert (changed.created_count, changed.updated_count) == (0, 1)
    assert Opportunity.objects.count() == 2
    assert Occurrence.objects.filter(opportunity__external_id="HST-1").count() == 2


def test_an_error_in_one_of_several_rows_of_an_opportunity_names_that_row(provider_org):
    job = _preview(
        provider_org,
        csv_bytes(
            HEADER,
            GOOD,
            "HST-1,,11/03/2027 10:00,11/03/2027 16:00,,,",
            "HST-1,,18/03/2027 10:00,17/03/2027 16:00,,,",
            "HST-1,,25/03/2027 10:00,,,,Narnia",
        ),
    )

    assert [p["text"] for p in job.errors] == [
        "row 4: end: is before the start",
        "row 5: region: 'Narnia' is not a UK ITL1 region or nation",
    ]
    assert imports.summarise(job).rows_with_errors == 4  # the opportunity's rows go or stay together


def test_unknown_concepts_and_kinds_are_errors_naming_the_column(provider_org):
    ConceptFactory(pref_label="Collections care")
    job = _preview(
        provider_org,
        csv_bytes(
            "title,Type,Skills", 'Course,workshop,"Collections care; Basket weaving"', "Other,lecture series,"
        ),
    )

    assert [p["text"] for p in job.errors] == [
        "row 2: Skills: no concept is called 'Basket weaving'",
        "row 3: Type: 'lecture series' is not one of: " + ", ".join(
            ["course", "webinar", "workshop", "masterclass", "conference", "sector-forum", "peer-review",
             "mentoring", "apprenticeship", "secondment", "funding-call", "toolkit", "online-self-study"]
        ),
    ]  # fmt: skip


def test_a_file_that_cannot_be_read_is_a_file_error_and_writes_nothing(provider_org):
    with pytest.raises(ValidationError) as problem:
        _preview(provider_org, b"%PDF-1.4", filename="programme.pdf")

    assert problem.value.message_dict == {
        "file": [
            "This file is a PDF document, not a list of opportunities. Upload CSV, XLSX, iCalendar (.ics) "
            "or schema.org JSON-LD (.json, .jsonld or a saved web page)."
        ]
    }
    assert ImportJob.objects.count() == 0


def test_files_over_20_mb_are_refused(provider_org, monkeypatch):
    monkeypatch.setattr(imports, "MAX_UPLOAD_BYTES", 100)

    with pytest.raises(ValidationError, match="the most Signpost takes is 0 MB"):
        _preview(provider_org, csv_bytes("title", "A" * 200))


def test_a_confirmed_import_cannot_be_started_twice(provider_org):
    job = imports.confirm_import(job=_preview(provider_org, csv_bytes(HEADER, GOOD)), valid_only=False)

    with pytest.raises(ValidationError, match="already been started"):
        imports.confirm_import(job=job, valid_only=False)
    assert imports.run_import(job_id=job.pk).status == "done"  # a second delivery of the task does nothing
    assert Opportunity.objects.count() == 1


def test_large_files_run_in_the_background_task(
    provider_org, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(imports, "BACKGROUND_ROWS", 1)
    job = _preview(provider_org, csv_bytes(HEADER, GOOD, "HST-2,Digitising archives,,,,,"))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queued = imports.confirm_import(job=job, valid_only=False)
    assert (queued.status, Opportunity.objects.count()) == ("queued", 0)

    for callback in callbacks:  # the commit: the task is enqueued (and, immediate backend, run)
        callback()
    job.refresh_from_db()
    assert (job.status, job.processed_rows, job.created_count) == ("done", 2, 2)


def test_when_the_catalogue_changed_since_the_preview_nothing_is_imported(provider_org):
    concept = ConceptFactory(pref_label="Collections care")
    job = _preview(provider_org, csv_bytes("external_id,title,tags", "A,Course,Collections care", "B,Other,"))
    concept.delete()

    job = imports.confirm_import(job=job, valid_only=False)

    assert job.status == "failed"
    assert job.message.startswith("Nothing was imported: 1 row now has problems (the catalogue changed")
    assert [p["text"] for p in job.errors] == ["row 2: tags: no concept is called 'Collections care'"]
    assert Opportunity.objects.count() == 0


def test_preview_rows_carry_their_problems(provider_org):
    job = _preview(provider_org, csv_bytes(HEADER, GOOD, "HST-2,Digitising archives,soon,,,,"))
    parsed = imports.load_parsed(job)

    rows = imports.preview_rows(job, parsed)
    only_problems = imports.preview_rows(job, parsed, problems_only=True)

    assert [(r.where, r.record.title, r.place, len(r.problems)) for r in rows] == [
        ("row 2", "Caring for photographs", "Riverside Museum, Leeds", 0),
        ("row 3", "Digitising archives", "", 1),
    ]
    assert [r.where for r in only_problems] == ["row 3"]


# --- The format samples, through the command (the "done" test) -----------------------------


# (title, start in UTC, venue or joining link, town) of every date each sample gives.
EXPECTED = {
    "pawsey_pacer_seminar.ics": [
        ("PaCER Seminar: Radio astronomy", "2018-06-29T02:00:00+00:00", "Online, Virtual, Australia", "")
    ],
    "pawsey_nvidia_session.ics": [("NVIDIA cuQuantum Session", "2021-07-02T01:00:00+00:00", "Australia", "")],
    "indico_events.ics": [
        (
            "14th HEP C++ Course and Hands-on Training - The Essentials",
            "2026-03-09T08:00:00+00:00",
            "CERN",
            "",
        ),
        ("HEP C++ Course and Hands-on Training - Stay Informed", "2099-12-31T22:58:00+00:00", "", ""),
    ],
    "grayscott_event.ics": [
        (
            "Memory allocation, why and how to profile applications",
            "2026-02-26T09:00:00+00:00",
            "https://teratec.webex.com/blabla",
            "",
        )
    ],
    "sib_bioschemas_course.json": [
        ("First steps with R in Life Sciences", "2022-06-07T23:00:00+00:00", "Lausanne", ""),
        ("First steps with R in Life Sciences", "2022-10-09T23:00:00+00:00", "Zürich", ""),
    ],
    "tess_events_template_sample.csv": [
        ("Another Event", "2022-03-15T02:00:00+00:00", "100 Lygon Street", "Melbourne"),
        ("Awesome Training Day", "2022-02-12T00:00:00+00:00", "100 Lygon Street", "Melbourne"),
        ("First Event", "2022-01-12T00:00:00+00:00", "", ""),
    ],
}


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir() if p.suffix != ".md"))
def test_every_format_sample_imports_without_losing_title_dates_or_place(provider_org, name):
    out = StringIO()

    call_command("import_opportunities", str(SAMPLES / name), provider=provider_org.slug, stdout=out)

    assert "Imported" in out.getvalue()
    if name == "tess_materials_template_sample.csv":
        assert sorted(Opportunity.objects.values_list("title", flat=True)) == [
            "Another Material", "My First Material", "The Final Draft",
        ]  # fmt: skip
        return
    found = sorted(
        (o.opportunity.title, o.start.isoformat(), o.venue_name or o.online_url, o.town)
        for o in Occurrence.objects.select_related("opportunity")
    )
    assert found == sorted(EXPECTED[name])
    assert all(o.end is not None and o.end > o.start for o in Occurrence.objects.all())


def test_the_command_reports_problems_by_row_and_exits_with_an_error(provider_org, tmp_path):
    path = tmp_path / "programme.csv"
    path.write_bytes(csv_bytes(HEADER, GOOD, "HST-2,Digitising archives,soon,,,,"))
    errors = StringIO()

    with pytest.raises(CommandError, match="1 of 2 rows has problems, so nothing was imported"):
        call_command("import_opportunities", str(path), provider=provider_org.slug, stderr=errors)

    assert errors.getvalue().splitlines() == [
        "row 3: Start Date: 'soon' is not a date and time (use 2027-03-04 10:00 or 04/03/2027 10:00)"
    ]
    assert (Opportunity.objects.count(), ImportJob.objects.count()) == (0, 0)


def test_the_command_valid_only_and_dry_run(provider_org, tmp_path):
    path = tmp_path / "programme.csv"
    path.write_bytes(csv_bytes(HEADER, GOOD, "HST-2,Digitising archives,soon,,,,"))
    out = StringIO()

    with pytest.raises(CommandError, match="1 problems found"):
        call_command(
            "import_opportunities",
            str(path),
            provider=provider_org.slug,
            dry_run=True,
            stdout=out,
            stderr=StringIO(),
        )
    assert out.getvalue().startswith("Dry run: nothing was written. programme.csv: 2 rows, 2 opportunities;")
    assert Opportunity.objects.count() == 0

    call_command(
        "import_opportunities",
        str(path),
        provider=provider_org.slug,
        valid_only=True,
        stdout=out,
        stderr=StringIO(),
    )
    assert Opportunity.objects.count() == 1


def test_the_command_refuses_an_unknown_provider_or_file(tmp_path, provider_org):
    with pytest.raises(CommandError, match="No organisation has the slug 'nobody'"):
        call_command("import_opportunities", str(tmp_path / "x.csv"), provider="nobody")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_opportunities", str(tmp_path / "x.csv"), provider=provider_org.slug)
