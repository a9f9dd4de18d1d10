"""Which reader a file needs: by what its bytes say first, then by its name.

The content wins over the extension when it is conclusive (a workbook saved as ".csv" is
still read as XLSX); files that are none of the supported kinds (PDF, Word, images, old .xls)
are refused with a message saying what they are and what to upload instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from signpost.catalogue.ingest.common import IngestError, ParsedFile
from signpost.catalogue.ingest.csv_xlsx import read_csv, read_xlsx
from signpost.catalogue.ingest.ical import read_ical
from signpost.catalogue.ingest.jsonld import read_html, read_jsonld

FORMATS: dict[str, str] = {
    "csv": "CSV",
    "xlsx": "Excel workbook (XLSX)",
    "ics": "iCalendar (.ics)",
    "jsonld": "schema.org JSON-LD",
    "html": "web page with schema.org data",
}
READERS: dict[str, Callable[[bytes], ParsedFile]] = {
    "csv": read_csv,
    "xlsx": read_xlsx,
    "ics": read_ical,
    "jsonld": read_jsonld,
    "html": read_html,
}
EXTENSIONS = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".ics": "ics",
    ".ical": "ics", ".ifb": "ics", ".icalendar": "ics", ".json": "jsonld", ".jsonld": "jsonld",
    ".html": "html", ".htm": "html",
}  # fmt: skip
ACCEPT = ",".join([*EXTENSIONS, "text/csv", "text/calendar", "application/ld+json"])
SUPPORTED = "CSV, XLSX, iCalendar (.ics) or schema.org JSON-LD (.json, .jsonld or a saved web page)"

# Kinds of file people upload by mistake, by their first bytes.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office file (.xls or .doc)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "a rich-text (RTF) document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
_OFFICE_OTHER = {"word/document.xml": "a Word document", "ppt/presentation.xml": "a PowerPoint file"}
_ODS = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def detect_format(content: bytes, filename: str = "") -> str:
    """csv, xlsx, ics, jsonld or html; raises IngestError naming what the file is otherwise."""
    if not content.strip():
        raise IngestError("The file is empty.")
    head = content[:2048]
    extension = PurePath(filename or "").suffix.lower()
    if extension == ".xls":
        raise IngestError(
            "Old Excel files (.xls) cannot be read. Save the sheet as .xlsx or CSV and upload that."
        )
    if extension in {".ods", ".numbers"} or _ODS in content[:100]:
        raise IngestError(
            "Spreadsheets from LibreOffice or Numbers cannot be read as they are: save as .xlsx or CSV."
        )
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise IngestError(f"This file is {what}, not a list of opportunities. Upload {SUPPORTED}.")
    if head.startswith(b"PK\x03\x04"):
        for member, what in _OFFICE_OTHER.items():
            if member.encode() in content:
                raise IngestError(f"This file is {what}, not a spreadsheet. Upload {SUPPORTED}.")
        return "xlsx"
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if text.upper().startswith("BEGIN:VCALENDAR"):
        return "ics"
    if text.startswith(("{", "[")):
        return "jsonld"
    if re.match(r"(?is)<(!doctype html|html|head|body|script|meta|div)\b", text):
        return "html"
    if text.startswith("<"):
        raise IngestError(f"This looks like an XML file, which Signpost does not read. Upload {SUPPORTED}.")
    if _looks_binary(head):
        raise IngestError(f"This file holds binary data Signpost cannot read. Upload {SUPPORTED}.")
    if extension in EXTENSIONS and EXTENSIONS[extension] in {"csv"}:
        return "csv"
    if extension in EXTENSIONS:
        # Named .ics, .json … but its content is not that: say so rather than misreading it.
        expected = FORMATS[EXTENSIONS[extension]]
        raise IngestError(f"This file is named {extension} but does not hold {expected}. Upload {SUPPORTED}.")
    return "csv"


def _looks_binary(head: bytes) -> bool:
    """NUL bytes, or many control characters: not text in any encoding a spreadsheet would use."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text, which has NULs of its own
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return controls > max(len(head) // 20, 2)


def read_file(content: bytes, *, filename: str = "", file_format: str = "") -> ParsedFile:
    """Read an uploaded file with the reader its content (or the format asked for) needs."""
    if file_format and file_format not in READERS:
        raise IngestError(f"{file_format!r} is not a format Signpost reads: use one of {', '.join(READERS)}.")
    detected = detect_format(content, filename)
    chosen = file_format or detected
    if file_format and file_format != detected and not (file_format == "jsonld" and detected == "html"):
        raise IngestError(
            f"You chose {FORMATS[file_format]}, but this file is {FORMATS[detected]}. "
            "Choose “detect from the file”, or upload the right file."
        )
    return READERS[chosen](content)
