"""Choosing the reader for an uploaded file, and refusing files of the wrong type clearly."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from signpost.catalogue.ingest.common import IngestError
from signpost.catalogue.ingest.detect import detect_format, read_file
from tests.catalogue.import_helpers import csv_bytes, sample, xlsx_bytes


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "filename", "expected"),
    [
        (sample("tess_events_template_sample.csv"), "events.csv", "csv"),
        (csv_bytes("title", "A"), "", "csv"),
        (xlsx_bytes([["title"], ["A"]]), "programme.xlsx", "xlsx"),
        (xlsx_bytes([["title"], ["A"]]), "saved-wrongly.csv", "xlsx"),
        (sample("indico_events.ics"), "calendar.txt", "ics"),
        (sample("sib_bioschemas_course.json"), "course.jsonld", "jsonld"),
        (b"<!DOCTYPE html><html><body></body></html>", "page.htm", "html"),
    ],
)
def test_the_content_decides_the_format(content, filename, expected):
    assert detect_format(content, filename) == expected


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"%PDF-1.7 ...", "programme.pdf", "This file is a PDF document, not a list of opportunities."),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1",
            "programme.doc",
            "This file is an old-style Office file (.xls or .doc)",
        ),
        (
            b"anything",
            "programme.xls",
            "Old Excel files (.xls) cannot be read. Save the sheet as .xlsx or CSV",
        ),
        (b"\x89PNG\r\n", "logo.png", "This file is a PNG image, not a list of opportunities."),
        (_zip("word/document.xml"), "programme.docx", "This file is a Word document, not a spreadsheet."),
        (b"   \n", "empty.csv", "The file is empty."),
        (
            csv_bytes("title", "A"),
            "calendar.ics",
            "This file is named .ics but does not hold iCalendar (.ics).",
        ),
        (
            b"<?xml version='1.0'?><rss/>",
            "feed.xml",
            "This looks like an XML file, which Signpost does not read.",
        ),
        (b"\x00\x01\x02binary", "blob", "This file holds binary data Signpost cannot read."),
    ],
)
def test_files_of_the_wrong_type_are_refused_saying_what_they_are(content, filename, message):
    with pytest.raises(IngestError) as problem:
        detect_format(content, filename)

    assert str(problem.value).startswith(message)


def test_a_chosen_format_that_the_file_is_not_is_refused():
    with pytest.raises(IngestError, match=re.escape("You chose iCalendar (.ics), but this file is CSV.")):
        read_file(csv_bytes("title", "A"), filename="a.csv", file_format="ics")


def test_an_unknown_format_is_refused():
    with pytest.raises(IngestError, match="'pdf' is not a format Signpost reads"):
        read_file(csv_bytes("title", "A"), file_format="pdf")
