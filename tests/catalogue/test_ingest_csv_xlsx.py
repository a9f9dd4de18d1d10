"""Reading spreadsheets (CSV and XLSX) into records: columns, grouping, dates, values, errors."""

# ruff: noqa: DTZ001 (readers give wall-clock times; the validator applies the time zone)

from __future__ import annotations

import io
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from signpost.catalogue.ingest.common import IngestError
from signpost.catalogue.ingest.csv_xlsx import COLUMNS, build_template, read_csv, read_xlsx
from tests.catalogue.import_helpers import csv_bytes, sample, xlsx_bytes

HEADER = (
    "external_id,title,kind,price,free,sectors,tags,start,end,venue,address,town,postcode,region,capacity"
)


def test_a_row_becomes_a_record_with_one_occurrence():
    parsed = read_csv(
        csv_bytes(
            HEADER,
            "HST-1,Caring for photographs,Workshop,£85.50,no,museums; archives,"
            '"Collections care; Digitisation",'
            "04/03/2027 10:00,04/03/2027 16:00,Riverside Museum,1 Quay Street,Leeds,LS1 4AP,"
            "Yorkshire and the Humber,20",
        )
    )

    assert parsed.format == "csv"
    assert parsed.row_count == 1
    [record] = parsed.records
    assert (record.external_id, record.title, record.kind, record.row) == (
        "HST-1",
        "Caring for photographs",
        "Workshop",
        2,
    )
    assert (record.price, record.is_free) == (Decimal("85.50"), False)
    assert record.sectors == ["museums", "archives"]
    assert record.tags == ["Collections care", "Digitisation"]
    [occurrence] = record.occurrences
    assert (occurrence.start, occurrence.end) == (datetime(2027, 3, 4, 10, 0), datetime(2027, 3, 4, 16, 0))
    assert (occurrence.venue_name, occurrence.address, occurrence.town, occurrence.postcode) == (
        "Riverside Museum", "1 Quay Street", "Leeds", "LS1 4AP",
    )  # fmt: skip
    assert (occurrence.region, occurrence.capacity) == ("Yorkshire and the Humber", 20)
    assert parsed.sources[0].label == "row 2"
    assert parsed.notices == []


def test_rows_sharing_an_external_id_are_dates_of_one_opportunity():
    parsed = read_csv(
        csv_bytes(
            "external_id,title,price,start,town",
            "HST-1,Caring for photographs,85,04/03/2027 10:00,Leeds",
            "HST-2,Digitising archives,,05/03/2027 10:00,York",
            "HST-1,,,11/03/2027 10:00,Hull",
            "HST-1,Caring for photographs,85,18/03/2027 10:00,Leeds",
        )
    )

    assert [r.external_id for r in parsed.records] == ["HST-1", "HST-2"]
    first = parsed.records[0]
    assert [o.town for o in first.occurrences] == ["Leeds", "Hull", "Leeds"]
    assert first.read_errors == []
    assert parsed.sources[0].rows == [2, 4, 5]
    assert parsed.sources[0].label == "rows 2, 4 and 5"


def test_a_later_row_that_contradicts_the_first_is_an_error_on_that_row():
    parsed = read_csv(
        csv_bytes(
            "external_id,title,price,start",
            "HST-1,Caring for photographs,85,04/03/2027 10:00",
            "HST-1,Caring for photos,,11/03/2027 10:00",
        )
    )

    [record] = parsed.records
    message = "differs from row 2 for the same opportunity; leave it blank or repeat it"
    assert record.read_errors == [("title", message)]
    assert parsed.sources[0].read_errors == [("title", message, 3)]


def test_rows_without_an_id_are_known_by_their_title_so_a_re_import_updates():
    parsed = read_csv(
        csv_bytes(
            "title,start",
            "Caring for photographs,04/03/2027 10:00",
            "Caring  for Photographs,11/03/2027 10:00",
        )
    )

    [record] = parsed.records
    assert record.external_id == "title:caring for photographs"
    assert len(record.occurrences) == 2


@pytest.mark.parametrize(
    ("start", "end", "expected_start", "expected_end"),
    [
        ("04/03/2027 10:00", "04/03/2027 16:30", datetime(2027, 3, 4, 10), datetime(2027, 3, 4, 16, 30)),
        ("2027-03-04 10:00", "2027-03-04T16:30:00", datetime(2027, 3, 4, 10), datetime(2027, 3, 4, 16, 30)),
        ("20220112T110000", "20220112T120000", datetime(2022, 1, 12, 11), datetime(2022, 1, 12, 12)),
        ("4 March 2027 10am", "4pm", datetime(2027, 3, 4, 10), datetime(2027, 3, 4, 16)),
        ("Thursday 4th March 2027, 10:00", "16:00", datetime(2027, 3, 4, 10), datetime(2027, 3, 4, 16)),
        ("04/03/2027", "05/03/2027", datetime(2027, 3, 4, 0, 0), datetime(2027, 3, 5, 23, 59)),
        ("4.3.2027 9:15", "", datetime(2027, 3, 4, 9, 15), None),
    ],
)
def test_dates_are_read_day_first_or_as_iso_8601(start, end, expected_start, expected_end):
    parsed = read_csv(csv_bytes("title,start,end", f'Course,"{start}",{end}'))

    [occurrence] = parsed.records[0].occurrences
    assert (occurrence.start, occurrence.end) == (expected_start, expected_end)
    assert parsed.records[0].read_errors == []


def test_an_offset_in_a_date_is_kept():
    parsed = read_csv(csv_bytes("title,start", "Course,2027-03-04T10:00:00Z"))

    assert parsed.records[0].occurrences[0].start.isoformat() == "2027-03-04T10:00:00+00:00"


def test_separate_date_and_time_columns_are_combined():
    parsed = read_csv(
        csv_bytes("Title,Start date,Start time,End date,End time", "Course,04/03/2027,10:00,04/03/2027,16:00")
    )

    [occurrence] = parsed.records[0].occurrences
    assert (occurrence.start, occurrence.end) == (datetime(2027, 3, 4, 10), datetime(2027, 3, 4, 16))


def test_a_date_that_cannot_be_read_is_an_error_naming_the_value_and_the_way_to_write_it():
    parsed = read_csv(csv_bytes("title,start", "Good,04/03/2027 10:00", "Bad,31/02/2027"))

    assert parsed.records[1].read_errors == [
        ("start", "'31/02/2027' is not a date and time (use 2027-03-04 10:00 or 04/03/2027 10:00)")
    ]
    assert parsed.sources[1].read_errors[0][2] == 3


def test_us_style_month_first_dates_are_read_day_first():
    parsed = read_csv(csv_bytes("title,start", "Course,03/04/2027 10:00", "Other,12/31/2027"))

    assert parsed.records[0].occurrences[0].start == datetime(2027, 4, 3, 10)
    assert parsed.records[1].read_errors[0][0] == "start"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("price", "eighty", "'eighty' is not an amount such as 85 or 85.50"),
        ("free", "maybe", "'maybe' is not yes or no"),
        ("capacity", "20.5", "'20.5' is not a whole number"),
        ("capacity", "lots", "'lots' is not a whole number"),
        ("start_time", "04/03/2027", "'04/03/2027' is not a time such as 10:00"),
    ],
)
def test_values_that_cannot_be_read_are_errors_on_their_column(column, value, message):
    parsed = read_csv(csv_bytes(f"title,start,{column}", f"Course,04/03/2027,{value}"))

    field = {"free": "is_free"}.get(column, column)
    assert parsed.records[0].read_errors == [(field, message)]


@pytest.mark.parametrize(
    ("value", "price", "free"),
    [
        ("£1,200.00", Decimal("1200.00"), None),
        ("free", Decimal("0"), None),
        ("GBP 40", Decimal("40.00"), None),
    ],
)
def test_prices_may_carry_a_currency_sign_or_say_free(value, price, free):
    parsed = read_csv(csv_bytes("title,price", f'Course,"{value}"'))

    assert (parsed.records[0].price, parsed.records[0].is_free) == (price, free)


def test_tess_columns_are_understood_and_others_are_reported_as_ignored():
    parsed = read_csv(sample("tess_events_template_sample.csv"))

    assert parsed.field_names["town"] == "City"
    assert parsed.field_names["venue_name"] == "Venue"
    assert [str(n) for n in parsed.notices] == [
        "row 1: These columns are not ones Signpost reads and were ignored: "
        "Organizer, Eligibility, Host Institutions."
    ]
    awesome = parsed.records[1]
    assert awesome.title == "Awesome Training Day"
    assert awesome.description.startswith("# Awesome Training\n\nThis event already exists. You will learn:")
    assert "* a thing" in awesome.description
    assert "<" not in awesome.description
    occurrence = awesome.occurrences[0]
    assert (occurrence.timezone, occurrence.venue_name, occurrence.town, occurrence.country) == (
        "Australia/Melbourne", "100 Lygon Street", "Melbourne", "AU",
    )  # fmt: skip
    assert parsed.records[2].description == "This is another event, which includes a comma."


def test_tess_materials_statuses_and_contact_addresses_are_translated():
    parsed = read_csv(sample("tess_materials_template_sample.csv"))

    assert [r.status for r in parsed.records] == ["published", "withdrawn", "draft"]
    assert parsed.records[0].contact_email == "support@app.com"
    assert parsed.records[0].contact_name == ""


def test_header_names_are_matched_loosely():
    parsed = read_csv(
        csv_bytes("Course Title,Start Date,Post Code,Booking URL", "Course,04/03/2027,LS1 4AP,https://x.org")
    )

    assert parsed.field_names == {
        "title": "Course Title",
        "start": "Start Date",
        "postcode": "Post Code",
        "url": "Booking URL",
    }
    assert parsed.records[0].url == "https://x.org"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (csv_bytes("name_of_thing,when"), "Row 1 must name the columns, and one of them must be the title."),
        (csv_bytes("title,start"), "The file has a header row but no rows of opportunities under it."),
        (csv_bytes("title,name", "a,b"), "Columns 'title' and 'name' both give the title; keep one of them."),
        (csv_bytes(",,", "title,start"), "Row 1 must name the columns (title, start, venue …); it is empty."),
        (
            csv_bytes("title,start_time", "a,10:00"),
            "The file has a 'start_time' column but no start date column.",
        ),
    ],
)
def test_files_that_cannot_be_read_say_why(content, message):
    with pytest.raises(IngestError) as problem:
        read_csv(content)

    assert str(problem.value).startswith(message)


def test_blank_rows_are_skipped_and_row_numbers_count_a_multi_line_cell_as_one_row():
    parsed = read_csv(
        csv_bytes("title,description,start", 'A,"line one', 'line two",04/03/2027', ",,", "B,,bad date")
    )

    assert [r.title for r in parsed.records] == ["A", "B"]
    assert parsed.records[0].description == "line one\nline two"
    assert parsed.sources[1].label == "row 4"
    assert parsed.row_count == 2


def test_semicolons_windows_1252_and_utf_16_are_read():
    semicolons = read_csv("title;town\nCafé course;Leeds\n".encode("cp1252"))
    utf16 = read_csv("title\tstart\nCafé course\t04/03/2027\n".encode("utf-16"))

    assert semicolons.records[0].title == "Café course"
    assert [str(n) for n in semicolons.notices] == [
        "The file is not UTF-8; it was read as Windows-1252 (Excel's CSV)."
    ]
    assert utf16.records[0].title == "Café course"


def test_xlsx_cells_keep_their_types():
    content = xlsx_bytes(
        [
            ["external_id", "title", "start", "end", "capacity", "price", "online"],
            [101, "Caring for photographs", datetime(2027, 3, 4, 10), date(2027, 3, 5), 20, 85.5, True],
            [102, "Time only end", datetime(2027, 3, 4, 10), time(16, 0), 20.0, 0, False],
        ],
        sheet="Opportunities",
        number_formats={"D2": "yyyy-mm-dd"},
    )

    parsed = read_xlsx(content)

    assert parsed.format == "xlsx"
    first, second = parsed.records
    assert (first.external_id, first.price) == ("101", Decimal("85.50"))
    assert (first.occurrences[0].start, first.occurrences[0].end) == (
        datetime(2027, 3, 4, 10),
        datetime(2027, 3, 5, 23, 59),
    )
    assert first.occurrences[0].capacity == 20
    assert second.occurrences[0].end == datetime(2027, 3, 4, 16)
    assert second.price == Decimal("0.00")


def test_an_xlsx_error_names_the_spreadsheet_row():
    parsed = read_xlsx(
        xlsx_bytes([["title", "start"], ["Good", "04/03/2027"], [None, None], ["Bad", "soon"]])
    )

    assert parsed.sources[1].read_errors == [
        ("start", "'soon' is not a date and time (use 2027-03-04 10:00 or 04/03/2027 10:00)", 4)
    ]


def test_a_damaged_or_foreign_zip_is_refused():
    with pytest.raises(IngestError, match="not a readable XLSX workbook"):
        read_xlsx(b"PK\x03\x04 not really a zip")


def test_the_template_has_the_columns_an_example_and_explanations_and_reads_back():
    content = build_template(
        sectors=[("museums", "Museums")],
        regions=["London", "Wales"],
        concepts=[("Collections", "Collections care", "https://example.org/c/1")],
    )

    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Opportunities", "Columns", "Allowed values", "Lexicon"]
    header = [c.value for c in workbook["Opportunities"][1]]
    assert header == [c.name for c in COLUMNS]
    assert workbook["Lexicon"]["B2"].value == "Collections care"
    assert "museums" in [c.value for c in workbook["Allowed values"]["C"]]
    # Left as it is, the example row is skipped: there is nothing to import.
    with pytest.raises(IngestError, match="no rows of opportunities"):
        read_xlsx(content)


def test_every_column_and_spelling_is_documented():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "catalogue-import.md").read_text()

    for column in COLUMNS:
        assert f"| {column.name} |" in docs or f"| **{column.name}** |" in docs
        assert ", ".join(column.aliases) in docs
