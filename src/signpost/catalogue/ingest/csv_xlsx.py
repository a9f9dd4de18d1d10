"""Spreadsheets (CSV and XLSX): one column spec for both, and the downloadable XLSX template.

Row 1 names the columns (any order, any case; several spellings are accepted, including the
ELIXIR TeSS template's); every later row is one occurrence. Rows that share an external_id are
several dates of one opportunity: its own columns (title, price …) may be left blank after the
first of them. Rows without an external_id are grouped by title, so re-importing a file updates
the opportunities it made instead of adding them again. Row numbers in messages are the ones a
spreadsheet shows, with the header as row 1.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from signpost.catalogue.ingest.common import (
    DATE_HELP,
    IngestError,
    Notice,
    ParsedFile,
    RecordSource,
    as_end,
    as_start,
    clip_id,
    html_to_markdown,
    read_when,
)
from signpost.catalogue.models import CAREER_STAGES, Format, Kind, Status
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord

MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # an XLSX is a zip: refuse "zip bombs" before opening
SHEET_NAME = "Opportunities"
EXAMPLE_ID = "EXAMPLE"  # the template's example row: skipped with a notice if left in


@dataclass(frozen=True)
class Column:
    name: str
    field: str  # attribute of OpportunityRecord (level "opportunity") or OccurrenceRecord
    level: str
    kind: str  # text, markdown, list, tags, price, yesno, when, time, whole, status
    meaning: str
    example: str = ""
    allowed: str = ""
    aliases: tuple[str, ...] = ()
    required: bool = False


OPPORTUNITY = "opportunity"
OCCURRENCE = "occurrence"

COLUMNS: tuple[Column, ...] = (
    Column("external_id", "external_id", OPPORTUNITY, "text",
           "Your own id for the opportunity. Importing again updates the opportunity with this id; "
           "several rows with the same id are several dates of one opportunity.",
           "HST-2027-01", "up to 300 characters",
           ("id", "code", "course code", "course id", "event id", "reference", "ref", "uid")),
    Column("title", "title", OPPORTUNITY, "text", "The opportunity's name.",
           "Caring for photographic collections", "up to 300 characters",
           ("name", "course title", "course name", "event title", "event name"), required=True),
    Column("summary", "summary", OPPORTUNITY, "text", "One or two sentences shown in lists.",
           "A practical day on handling, storing and displaying photographs.", "up to 600 characters",
           ("abstract", "short description", "teaser")),
    Column("description", "description", OPPORTUNITY, "markdown",
           "The full description. Markdown; HTML is turned into Markdown.",
           "You will learn to identify photographic processes and plan their care.", "",
           ("details", "long description", "full description")),
    Column("kind", "kind", OPPORTUNITY, "text", "What sort of opportunity it is (course if blank).",
           "workshop", ", ".join(Kind.values), ("type", "opportunity type", "kind of opportunity")),
    Column("format", "format", OPPORTUNITY, "text",
           "Online, in person or blended (worked out from the dates' places if blank).",
           "in-person", ", ".join(Format.values), ("delivery", "delivery mode", "mode", "attendance mode")),
    Column("sectors", "sectors", OPPORTUNITY, "list", "The sectors it is meant for, separated by ;",
           "museums; archives", "see the Allowed values sheet", ("sector", "audience sectors")),
    Column("career_stages", "career_stages", OPPORTUNITY, "list",
           "The career stages it suits, separated by ;", "practitioner; experienced",
           ", ".join(slug for slug, _ in CAREER_STAGES), ("career stage", "stage", "stages")),
    Column("price", "price", OPPORTUNITY, "price", "The full price, in the currency below.",
           "85.00", "a number; blank or 0 means free", ("cost", "fee", "full price")),
    Column("member_price", "member_price", OPPORTUNITY, "price", "The price for your members, if lower.",
           "60.00", "a number", ("member price", "members price", "member cost")),
    Column("currency", "currency", OPPORTUNITY, "text", "The prices' currency (GBP if blank).",
           "GBP", "a three-letter code"),
    Column("free", "is_free", OPPORTUNITY, "yesno",
           "Whether it is free (worked out from the price if blank).", "no", "yes or no",
           ("is free", "free of charge")),
    Column("language", "language", OPPORTUNITY, "text", "The language it is given in (en if blank).",
           "en", "a language code such as en or cy", ("lang", "in language")),
    Column("url", "url", OPPORTUNITY, "text", "Its web page, for details and booking.",
           "https://example.org/courses/photographs", "a web address (http or https)",
           ("link", "web address", "website", "web page", "booking url", "booking link")),
    Column("contact_name", "contact_name", OPPORTUNITY, "text", "A person to ask.", "Priya Raman",
           "up to 150 characters", ("contact", "contact person")),
    Column("contact_role", "contact_role", OPPORTUNITY, "text", "Their role.", "Training coordinator",
           "up to 150 characters", ("contact job title",)),
    Column("contact_email", "contact_email", OPPORTUNITY, "text", "Their email address.",
           "training@example.org", "an email address", ("email", "contact e-mail", "e-mail")),
    Column("contact_phone", "contact_phone", OPPORTUNITY, "text", "Their telephone number.",
           "0113 496 0000", "up to 40 characters", ("phone", "telephone", "contact telephone")),
    Column("accessibility_notes", "accessibility_notes", OPPORTUNITY, "text",
           "Access: step-free, hearing loop, captions, quiet room …",
           "Step-free access; hearing loop in the studio.", "", ("accessibility", "access")),
    Column("tags", "tags", OPPORTUNITY, "tags",
           "Skills and topics from the lexicon, separated by ; (a label or the concept's URI).",
           "Collections care; Preventive conservation", "see the Lexicon sheet",
           ("skills", "lexicon tags", "topics")),
    Column("status", "status", OPPORTUNITY, "status", "Published (the default) or draft.",
           "published", "published, draft, withdrawn", ("publish",)),
    Column("start", "start", OCCURRENCE, "when", "When it starts (blank: self-paced, any time).",
           "04/03/2027 10:00", "a date and time, day first, or ISO 8601",
           ("start date", "starts", "start datetime", "date", "from", "begins")),
    Column("start_time", "start_time", OCCURRENCE, "time", "The start time, if start holds only the date.",
           "", "a time such as 10:00", ("start time", "time")),
    Column("end", "end", OCCURRENCE, "when", "When it ends (a time alone means the start's day).",
           "04/03/2027 16:00", "a date and time, or a time", ("end date", "ends", "finish", "until")),
    Column("end_time", "end_time", OCCURRENCE, "time", "The end time, if end holds only the date.",
           "", "a time such as 16:00", ("end time", "finish time")),
    Column("timezone", "timezone", OCCURRENCE, "text", "The venue's time zone (Europe/London if blank).",
           "Europe/London", "an IANA time zone name", ("time zone", "tz")),
    Column("registration_deadline", "registration_deadline", OCCURRENCE, "when", "The last day to book.",
           "25/02/2027", "a date, or a date and time",
           ("booking deadline", "deadline", "closing date", "registration closes", "book by")),
    Column("venue", "venue_name", OCCURRENCE, "text", "The venue's name.", "Riverside Museum",
           "up to 200 characters", ("venue name", "location", "place")),
    Column("address", "address", OCCURRENCE, "text", "The street address.", "1 Quay Street",
           "up to 500 characters", ("street address", "street", "address line 1")),
    Column("town", "town", OCCURRENCE, "text", "The town or city.", "Leeds", "up to 120 characters",
           ("city", "town or city", "town/city", "locality")),
    Column("postcode", "postcode", OCCURRENCE, "text", "The postcode.", "LS1 4AP", "up to 20 characters",
           ("post code", "postal code", "zip", "zip code")),
    Column("region", "region", OCCURRENCE, "text", "The UK nation or English region of the venue.",
           "Yorkshire and the Humber", "see the Allowed values sheet", ("nation", "english region")),
    Column("country", "country", OCCURRENCE, "text", "The venue's country (GB if blank).", "GB",
           "a two-letter country code", ("country code",)),
    Column("online", "is_online", OCCURRENCE, "yesno", "Whether this date is online.", "no", "yes or no",
           ("is online", "virtual")),
    Column("online_url", "online_url", OCCURRENCE, "text", "The joining link, for online dates.", "",
           "a web address", ("online url", "joining link", "meeting link", "meeting url", "webinar link")),
    Column("capacity", "capacity", OCCURRENCE, "whole", "How many places there are.", "20",
           "a whole number", ("places", "spaces", "max participants", "maximum participants")),
    Column("places_left", "places_left", OCCURRENCE, "whole", "How many places are still free.", "12",
           "a whole number", ("places left", "spaces left", "remaining places", "available places")),
    Column("cancelled", "is_cancelled", OCCURRENCE, "yesno", "Whether this date is cancelled.", "no",
           "yes or no", ("is cancelled", "canceled")),
)  # fmt: skip

# Values other systems write in a status column (the TeSS materials template, for one).
STATUS_ALIASES = {
    "active": Status.PUBLISHED, "live": Status.PUBLISHED, "public": Status.PUBLISHED,
    "archived": Status.WITHDRAWN, "cancelled": Status.WITHDRAWN,
    "development": Status.DRAFT, "in development": Status.DRAFT, "hidden": Status.DRAFT,
}  # fmt: skip
YES = {"yes", "y", "true", "t", "1", "x", "✓", "✔"}
NO = {"no", "n", "false", "f", "0", ""}
_LIST_SPLIT = re.compile(r"[;|\n]")
_LIST_SPLIT_COMMAS = re.compile(r"[;|\n,]")


def normalise_header(text: str) -> str:
    return " ".join(re.sub(r"[_\-\s]+", " ", str(text)).casefold().split())


_BY_HEADER: dict[str, Column] = {}
for _column in COLUMNS:
    for _name in (_column.name, *_column.aliases):
        _BY_HEADER.setdefault(normalise_header(_name), _column)
FIELD_NAMES = {c.field: c.name for c in COLUMNS}


# --- Reading ------------------------------------------------------------------------------


def read_csv(content: bytes) -> ParsedFile:
    """Read a CSV (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1252)."""
    text, notices = _decode(content)
    header = text[:8192].split("\n", 1)[0]
    try:
        # Only the separator is sniffed (from the header); quoting is always Excel's.
        delimiter = csv.Sniffer().sniff(header, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    # strict: an unclosed quote is an error to show, not a row that swallows the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter, strict=True)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for values in reader:
                yield reader.line_num, values
        except csv.Error as problem:
            reason = str(problem)
            if "end of data" in reason:
                reason = 'a quoted cell is never closed (a " without its partner)'
            elif "field limit" in reason:
                reason = f"a cell is longer than {csv.field_size_limit():,} characters"
            raise IngestError(
                f"Line {reader.line_num} of the CSV file cannot be read: {reason}."
            ) from problem

    parsed = _read_table(_numbered(rows()), "csv")
    parsed.notices[:0] = notices
    return parsed


def _numbered(rows: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    """Number records as a spreadsheet shows rows: a quoted cell holding line breaks is one row."""
    for number, (_, values) in enumerate(rows, start=1):
        yield number, values


def _decode(content: bytes) -> tuple[str, list[Notice]]:
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16"), []
    if b"\x00" in content[:4096]:
        raise IngestError("This file holds binary data, not text: it is not a CSV file.")
    try:
        return content.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the Windows code page, not UTF-8.
        notice = Notice("", "", "The file is not UTF-8; it was read as Windows-1252 (Excel's CSV).")
        return content.removeprefix(codecs.BOM_UTF8).decode("cp1252", errors="replace"), [notice]


def read_xlsx(content: bytes) -> ParsedFile:
    """Read the "Opportunities" sheet of an XLSX workbook (else its first sheet)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except zipfile.BadZipFile as problem:
        raise IngestError(
            "This is not a readable XLSX workbook (the file is damaged or not XLSX)."
        ) from problem
    if "xl/workbook.xml" not in names:
        raise IngestError("This zip file is not an XLSX workbook. Save the spreadsheet as .xlsx or CSV.")
    if unzipped > MAX_UNZIPPED_BYTES:
        raise IngestError("This workbook unpacks to more than 200 MB; split it or save it as CSV.")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile) as problem:
        raise IngestError(f"This XLSX workbook cannot be read ({problem}).") from problem
    try:
        sheet = workbook[SHEET_NAME] if SHEET_NAME in workbook.sheetnames else workbook.worksheets[0]

        def rows() -> Iterator[tuple[int, list[Any]]]:
            for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
                yield number, [_cell_value(cell) for cell in cells]

        return _read_table(rows(), "xlsx")
    except IngestError:
        raise
    except Exception as problem:  # openpyxl raises many kinds of error on damaged sheets
        raise IngestError(
            f"This XLSX workbook cannot be read ({type(problem).__name__}: {problem})."
        ) from problem
    finally:
        workbook.close()


def _cell_value(cell: Any) -> Any:
    value = getattr(cell, "value", None)
    # A date-formatted cell holds midnight; say "a date" so that an end means the whole day.
    if (
        isinstance(value, datetime)
        and value.time() == time(0, 0)
        and "h" not in str(getattr(cell, "number_format", "")).lower()
    ):
        return value.date()
    return value


def _read_table(rows: Iterator[tuple[int, list[Any]]], file_format: str) -> ParsedFile:
    parsed = ParsedFile(format=file_format, row_noun="row")
    builder: _Builder | None = None
    for number, values in rows:
        if builder is None:
            if number != 1 or not any(_text(v) for v in values):
                raise IngestError(
                    "Row 1 must name the columns (title, start, venue …); it is empty. "
                    "Download the template to see the columns."
                )
            builder = _Builder(parsed, _match_header(values, parsed))
            continue
        if number > MAX_ROWS + 1:
            raise IngestError(f"The file has more than {MAX_ROWS:,} rows; split it into smaller files.")
        builder.add_row(number, values)
    if builder is None:
        raise IngestError("The file is empty.")
    builder.finish()
    if not parsed.records:
        raise IngestError("The file has a header row but no rows of opportunities under it.")
    return parsed


def _match_header(headers: Sequence[Any], parsed: ParsedFile) -> dict[int, Column]:
    columns: dict[int, Column] = {}
    seen: dict[str, str] = {}
    ignored: list[str] = []
    for index, raw in enumerate(headers):
        header = _text(raw)
        if not header:
            continue
        column = _BY_HEADER.get(normalise_header(header))
        if column is None:
            ignored.append(header)
            continue
        if column.name in seen:
            raise IngestError(
                f"Columns {seen[column.name]!r} and {header!r} both give the {column.name}; keep one of them."
            )
        seen[column.name] = header
        columns[index] = column
        parsed.field_names[column.field] = header
    if "title" not in seen:
        known = ", ".join(c.name for c in COLUMNS[:6])
        raise IngestError(
            "Row 1 must name the columns, and one of them must be the title. "
            f"Row 1 has: {', '.join(repr(_text(h)) for h in headers if _text(h))[:300] or 'nothing'}. "
            f"Columns are named like this: {known} … (download the template to see them all)."
        )
    if ignored:
        parsed.notices.append(
            Notice(
                "row 1",
                "",
                f"These columns are not ones Signpost reads and were ignored: {', '.join(ignored)}.",
            )
        )
    # Time columns only make sense beside a date column.
    for time_name, date_name in (("start_time", "start"), ("end_time", "end")):
        if time_name in seen and date_name not in seen:
            raise IngestError(f"The file has a {seen[time_name]!r} column but no {date_name} date column.")
    return columns


@dataclass
class _Group:
    record: OpportunityRecord
    source: RecordSource
    first_values: dict[str, Any] = field(default_factory=dict)


class _Builder:
    """Turns rows into records, grouping rows that share an external id (or, lacking one, a title)."""

    def __init__(self, parsed: ParsedFile, columns: dict[int, Column]) -> None:
        self.parsed = parsed
        self.columns = columns
        self.groups: dict[str, _Group] = {}

    def add_row(self, number: int, values: Sequence[Any]) -> None:
        cells = {c: values[i] if i < len(values) else None for i, c in self.columns.items()}
        if not any(_text(v) for v in cells.values()):
            return  # blank rows are skipped
        self.parsed.row_count += 1
        errors: list[tuple[str, str]] = []
        opportunity: dict[str, Any] = {}
        occurrence: dict[str, Any] = {}
        for column, raw in cells.items():
            target = opportunity if column.level == OPPORTUNITY else occurrence
            try:
                value = _convert(column, raw)
            except ValueError as problem:
                errors.append((column.field, str(problem)))
                continue
            if value is not None:
                target[column.field] = value
        if str(opportunity.get("external_id", "")).upper() == EXAMPLE_ID:
            self.parsed.notices.append(
                Notice(f"row {number}", "", "This is the template's example row; it was skipped.")
            )
            self.parsed.row_count -= 1
            return
        _contact_email_in_name(opportunity)
        key = self._key(opportunity, number)
        group = self.groups.get(key)
        if group is None:
            group = self._start(key, number, opportunity)
        else:
            self._compare(group, number, opportunity, errors)
        group.source.rows.append(number)
        self._occurrence(group, number, occurrence, errors)
        for name, message in errors:
            group.record.read_errors.append((name, message))
            group.source.read_errors.append((name, message, number))

    @staticmethod
    def _key(opportunity: dict[str, Any], number: int) -> str:
        external_id = opportunity.get("external_id", "")
        if external_id:
            return f"id:{external_id}"
        title = " ".join(str(opportunity.get("title", "")).casefold().split())
        return f"title:{title}" if title else f"row:{number}"

    def _start(self, key: str, number: int, opportunity: dict[str, Any]) -> _Group:
        values = dict(opportunity)
        if not values.get("external_id") and key.startswith("title:"):
            # No id given: the title is the identity, so importing the file again updates.
            values["external_id"] = clip_id(f"title:{key.removeprefix('title:')}")
        record = OpportunityRecord(row=number, **values)
        group = _Group(record, RecordSource(label=f"row {number}"), first_values=opportunity)
        self.groups[key] = group
        self.parsed.add(record, group.source)
        return group

    def _compare(
        self, group: _Group, number: int, opportunity: dict[str, Any], errors: list[tuple[str, str]]
    ) -> None:
        first_row = group.source.rows[0]
        for name, value in opportunity.items():
            if name == "external_id":
                continue
            earlier = group.first_values.get(name)
            if earlier is None:
                errors.append((name, f"is blank in row {first_row} for the same opportunity; give it there"))
            elif value != earlier:
                errors.append(
                    (
                        name,
                        f"differs from row {first_row} for the same opportunity; leave it blank or repeat it",
                    )
                )

    def _occurrence(
        self, group: _Group, number: int, values: dict[str, Any], errors: list[tuple[str, str]]
    ) -> None:
        if not any(v not in (None, False, "") for v in values.values()):
            return  # no date, place or link: nothing to say about a run of it
        start_time = values.pop("start_time", None)
        end_time = values.pop("end_time", None)
        start = values.pop("start", None)
        end = values.pop("end", None)
        deadline = values.pop("registration_deadline", None)
        occurrence = OccurrenceRecord(**values)
        try:
            if start is not None:
                occurrence.start = as_start(_with_time(start, start_time))
            elif start_time is not None:
                raise ValueError("has a start time but no start date")
        except ValueError as problem:
            errors.append(("start", str(problem)))
        try:
            if end is not None:
                occurrence.end = as_end(_with_time(end, end_time), occurrence.start)
            elif end_time is not None and occurrence.start is not None:
                occurrence.end = as_end(end_time, occurrence.start)
        except ValueError as problem:
            errors.append(("end", str(problem)))
        try:
            if deadline is not None:
                occurrence.registration_deadline = as_end(deadline, occurrence.start)
        except ValueError as problem:
            errors.append(("registration_deadline", str(problem)))
        group.record.occurrences.append(occurrence)

    def finish(self) -> None:
        for group in self.groups.values():
            rows = group.source.rows
            if len(rows) > 1:
                group.source.label = _rows_label(rows)


def _with_time(day: datetime | date | time, moment: time | None) -> datetime | date | time:
    if moment is None:
        return day
    if isinstance(day, datetime):
        if day.time() != time(0, 0):
            raise ValueError(
                f"already has a time ({day:%H:%M}); leave the time column blank or give only the date"
            )
        day = day.date()
    if isinstance(day, date):
        return datetime.combine(day, moment)
    raise ValueError(f"is a time ({day:%H:%M}), not a date ({DATE_HELP})")


def _rows_label(rows: list[int]) -> str:
    if len(rows) == 1:
        return f"row {rows[0]}"
    shown = [str(r) for r in rows[:6]]
    more = f" and {len(rows) - 6} more" if len(rows) > 6 else ""
    if more:
        return f"rows {', '.join(shown)}{more}"
    return f"rows {', '.join(shown[:-1])} and {shown[-1]}"


def _contact_email_in_name(values: dict[str, Any]) -> None:
    """A "Contact" column often holds an address (the TeSS template's does)."""
    name = values.get("contact_name", "")
    if "@" in name and " " not in name.strip() and not values.get("contact_email"):
        values["contact_email"] = values.pop("contact_name")


# --- Values -------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 101.0 from a spreadsheet cell is the id "101"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _convert(column: Column, raw: Any) -> Any:
    """The record value of a cell; None when blank. Raises ValueError with a message to show."""
    if column.kind in {"when", "time"}:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        value = read_when(raw)
        if column.kind == "time" and not isinstance(value, time):
            raise ValueError(f"{_text(raw)!r} is not a time such as 10:00")
        return value
    text = _text(raw)
    if not text:
        return None
    if column.kind == "markdown":
        if len(text) > 1 and text[0] == text[-1] == '"' and '"' not in text[1:-1]:
            text = text[1:-1]  # the TeSS template wraps descriptions in quotes
        return html_to_markdown(text)
    if column.kind == "list":
        return _split(text, _LIST_SPLIT_COMMAS)
    if column.kind == "tags":
        return _split(text, _LIST_SPLIT)
    if column.kind == "status":
        return STATUS_ALIASES.get(text.casefold(), text)
    if column.kind == "yesno":
        lowered = text.casefold()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        raise ValueError(f"{text!r} is not yes or no")
    if column.kind == "price":
        return _price(raw, text)
    if column.kind == "whole":
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or number != number.to_integral_value() or abs(number) > 10**9:
            raise ValueError(f"{text!r} is not a whole number")
        return int(number)
    return text


def _price(raw: Any, text: str) -> Decimal:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return Decimal(str(raw)).quantize(Decimal("0.01"))
    if text.casefold() in {"free", "nil", "none", "-"}:
        return Decimal("0")
    cleaned = re.sub(r"^(GBP|EUR|USD)\s*|\s*(GBP|EUR|USD)$|[£$€,\s]", "", text, flags=re.IGNORECASE)
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount such as 85 or 85.50") from None
    if not amount.is_finite():
        raise ValueError(f"{text!r} is not an amount such as 85 or 85.50")
    return amount.quantize(Decimal("0.01")) if abs(amount) < Decimal("1e12") else amount


def _split(text: str, pattern: re.Pattern[str]) -> list[str]:
    return [part.strip() for part in pattern.split(text) if part.strip()]


# --- The template -------------------------------------------------------------------------


def build_template(
    *, sectors: Iterable[tuple[str, str]], regions: Iterable[str], concepts: Iterable[tuple[str, str, str]]
) -> bytes:
    """An XLSX workbook: the Opportunities sheet (header and an example row) and sheets that explain it.

    :param concepts: (area, label, URI) for the Lexicon sheet.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.table import Table, TableStyleInfo

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    sheet.append([c.name for c in COLUMNS])
    example = {c.name: c.example for c in COLUMNS}
    example["external_id"] = EXAMPLE_ID
    sheet.append([example[c.name] for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    for index, column in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(14, min(40, len(column.example) + 2))

    guide = workbook.create_sheet("Columns")
    guide.append(["column", "required", "what it holds", "allowed values", "example", "also accepted as"])
    for column in COLUMNS:
        guide.append([
            column.name, "yes" if column.required else "", column.meaning, column.allowed, column.example,
            ", ".join(column.aliases),
        ])  # fmt: skip
    notes = [
        "",
        "Row 1 names the columns; the order does not matter. Replace the example in row 2 "
        f"(its external_id {EXAMPLE_ID} is skipped if you leave it).",
        "Several rows with the same external_id are several dates of one opportunity; its own "
        "columns (title to status) may be left blank after the first.",
        "Dates are day first: 04/03/2027 10:00 is 4 March 2027 at 10am; 2027-03-04 10:00 works too.",
        "Lists (sectors, career_stages, tags) are separated by semicolons.",
        "Importing the same file again updates what it imported; nothing is duplicated.",
    ]
    for note in notes:
        guide.append([note])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEF", (22, 9, 60, 40, 30, 40), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    allowed = workbook.create_sheet("Allowed values")
    allowed.append(["kind", "format", "sectors", "career_stages", "region", "status"])
    lists: list[list[str]] = [
        list(Kind.values),
        list(Format.values),
        [slug for slug, _ in sectors],
        [slug for slug, _ in CAREER_STAGES],
        list(regions),
        [str(Status.PUBLISHED), str(Status.DRAFT), str(Status.WITHDRAWN)],
    ]
    for index in range(max(len(values) for values in lists)):
        allowed.append([values[index] if index < len(values) else None for values in lists])
    for cell in allowed[1]:
        cell.font = Font(bold=True)
    for letter in "ABCDEF":
        allowed.column_dimensions[letter].width = 28

    lexicon = workbook.create_sheet("Lexicon")
    lexicon.append(["area", "label (write this in tags)", "URI"])
    count = 1
    for area, label, uri in concepts:
        lexicon.append([area, label, uri])
        count += 1
    for letter, width in zip("ABC", (36, 48, 60), strict=True):
        lexicon.column_dimensions[letter].width = width
    if count > 1:
        table = Table(displayName="Lexicon", ref=f"A1:C{count}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        lexicon.add_table(table)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
