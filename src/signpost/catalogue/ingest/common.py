"""What every reader shares: the parsed-file shape, whole-file errors and small value readers.

Dates are read strictly, never guessed: ISO 8601 (2027-03-04 10:00, 2027-03-04T10:00:00Z,
20270304T100000) or British day-first (04/03/2027 10:00, 4 March 2027 10am). "03/04/2027" is
the 3rd of April. A date without a time starts at 00:00 and, as an end, ends at 23:59.
"""

from __future__ import annotations

import html
import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

import nh3
from markdownify import markdownify

from signpost.catalogue.models import Kind
from signpost.catalogue.records import OpportunityRecord

if TYPE_CHECKING:
    from signpost.catalogue.services.opportunities import RecordError

DATE_HELP = "use 2027-03-04 10:00 or 04/03/2027 10:00"
MAX_ID = 300  # Opportunity.external_id


class IngestError(ValueError):
    """The file as a whole cannot be read (wrong type, malformed, too large); the message says why."""


@dataclass
class RecordSource:
    """Where one record came from, so that a message can point at it."""

    label: str  # "row 5", "rows 5, 6 and 9", "event “PaCER Seminar” (UID 16002-…)"
    rows: list[int] = field(default_factory=list)  # spreadsheet rows, one per occurrence
    # Problems met while reading, with the exact row each was on: (field, message, row).
    read_errors: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Notice:
    """Something a person should know that does not stop the import (an ignored column, say)."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [p for p in (self.where, self.field) if p]
        return ": ".join([*parts, self.message])


@dataclass
class ParsedFile:
    """The records read from one file, each with its source, plus notices about the whole file."""

    format: str  # csv, xlsx, ics, jsonld, html
    records: list[OpportunityRecord] = field(default_factory=list)
    sources: list[RecordSource] = field(default_factory=list)  # one per record, same order
    # Record field -> the name this file gives it (a column header, an iCalendar property...).
    field_names: dict[str, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    row_count: int = 0  # data rows, events or items read
    row_noun: str = "row"

    def add(self, record: OpportunityRecord, source: RecordSource) -> None:
        self.records.append(record)
        self.sources.append(source)

    def source_for(self, error: RecordError) -> tuple[int, RecordSource] | None:
        """The index and source of the record an error is about (by row, else by external id)."""
        if not hasattr(self, "_by_row"):
            self._by_row = {r.row: i for i, r in enumerate(self.records) if r.row is not None}
            self._by_id = {r.external_id.strip()[:MAX_ID]: i for i, r in enumerate(self.records)}
        index = self._by_row.get(error.row) if error.row is not None else self._by_id.get(error.external_id)
        return None if index is None else (index, self.sources[index])

    def field_name(self, name: str) -> str:
        return self.field_names.get(name, name)


# --- Dates and times ----------------------------------------------------------------------

_DATE_FORMATS = (
    "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y",
    "%a %d %b %Y", "%a %d %B %Y", "%A %d %b %Y", "%Y-%m-%d", "%Y/%m/%d",
)  # fmt: skip
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%H.%M", "%I:%M %p", "%I:%M%p", "%I %p", "%I%p", "%I.%M%p", "%I.%M %p")
_ISO = re.compile(r"^\d{4}-?\d{2}-?\d{2}")
_ISO_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{8}$")
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.IGNORECASE)


# The usual spreadsheet forms, read without trying every pattern: 04/03/2027, 4.3.27 9:15.
_NUMERIC = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$"
)


def read_when(value: object) -> datetime | date | time:
    """A date and time, a date alone or a time alone; raises ValueError with a message to show."""
    if isinstance(value, datetime | date | time):
        return value
    text = " ".join(str(value).split())
    numeric = _NUMERIC.match(text)
    if numeric:
        day, month, year, hour, minute, second = numeric.groups()
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        try:
            if hour is None:
                return date(full_year, int(month), int(day))
            return datetime(full_year, int(month), int(day), int(hour), int(minute), int(second or 0))  # noqa: DTZ001
        except ValueError:
            raise ValueError(f"{str(value).strip()[:60]!r} is not a date and time ({DATE_HELP})") from None
    if _ISO.match(text):
        try:
            moment = datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError:
            pass
        else:
            return moment.date() if _ISO_DATE_ONLY.match(text) else moment
    words = _ORDINAL.sub("", text.replace(",", " ")).split()
    words = [w for w in words if w.lower() not in {"at", "from"}]
    cleaned = " ".join(words)
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()  # noqa: DTZ007 (zone applied by the validator)
        except ValueError:
            continue
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(cleaned.upper(), pattern).time()  # noqa: DTZ007
        except ValueError:
            continue
    for split in (1, 2):
        if len(words) <= split:
            continue
        day_text, time_text = " ".join(words[:-split]), " ".join(words[-split:]).upper()
        for day_pattern in _DATE_FORMATS:
            for time_pattern in _TIME_FORMATS:
                try:
                    return datetime.strptime(f"{day_text}|{time_text}", f"{day_pattern}|{time_pattern}")  # noqa: DTZ007
                except ValueError:
                    continue
    raise ValueError(f"{str(value).strip()[:60]!r} is not a date and time ({DATE_HELP})")


def as_start(value: datetime | date | time) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0))
    raise ValueError(f"'{value:%H:%M}' is a time without a date ({DATE_HELP})")


def as_end(value: datetime | date | time, start: datetime | None) -> datetime:
    """An end: a date alone ends at 23:59; a time alone is on the start's day."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59))
    if start is None:
        raise ValueError(
            f"'{value:%H:%M}' is a time without a date, and there is no start date ({DATE_HELP})"
        )
    return datetime.combine(start.date(), value, tzinfo=start.tzinfo)


def zone_for(moment: datetime) -> tuple[datetime, str]:
    """An IANA zone for a time given with a UTC offset but no zone name.

    UTC stays UTC; the UK's own offset at that moment is Europe/London; other whole hours are
    Etc/GMT±N (whose sign is, by POSIX convention, reversed); anything else becomes UTC.
    """
    offset = moment.utcoffset()
    if offset is None:
        return moment, "Europe/London"
    if offset == timedelta(0):
        return moment, "UTC"
    if moment.astimezone(_LONDON).utcoffset() == offset:
        return moment, "Europe/London"
    hours, remainder = divmod(offset, timedelta(hours=1))
    if not remainder and -12 <= hours <= 14:
        return moment, f"Etc/GMT{-hours:+d}"
    return moment.astimezone(UTC), "UTC"


_LONDON = zoneinfo.ZoneInfo("Europe/London")


# --- Text ---------------------------------------------------------------------------------

_HTML_TAG = re.compile(
    r"<(p|br|div|span|h[1-6]|ul|ol|li|a|strong|em|b|i|u|table|tr|td|th|img|font)\b[^>]*>", re.I
)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_MARKDOWN_TAGS = {
    "a", "b", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip


def looks_like_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text))


def html_to_markdown(text: str) -> str:
    """Markdown from text that may be HTML (descriptions are stored as Markdown)."""
    if not looks_like_html(text):
        return text.strip()
    # nh3 first: scripts and styles go with their content, unknown tags keep their text.
    safe = nh3.clean(text, tags=_MARKDOWN_TAGS, attributes={"a": {"href"}}, link_rel=None)
    converted = markdownify(safe, heading_style="ATX", bullets="*")
    return _MANY_BLANK_LINES.sub("\n\n", converted).strip()


def plain_text(text: str) -> str:
    """One line of text from something that may hold HTML (a location, a title)."""
    if "<" in text and ">" in text:
        text = nh3.clean(text, tags=set())
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


def clip_id(value: str) -> str:
    """An identifier that fits external_id: long ones keep their start and a digest of the whole."""
    value = value.strip()
    if len(value) <= MAX_ID:
        return value
    import hashlib

    digest = hashlib.sha256(value.encode()).hexdigest()[:16]
    return f"{value[: MAX_ID - 17]}~{digest}"


# --- Kinds from words ---------------------------------------------------------------------

# Checked in order: the first word found decides. Used when a format has no explicit kind
# (iCalendar categories and titles, schema.org types and names); spreadsheets say it in a column.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    (r"webinars?", Kind.WEBINAR),
    (r"master ?class(es)?", Kind.MASTERCLASS),
    (r"conferences?|symposi(um|a)|summits?", Kind.CONFERENCE),
    (r"forums?", Kind.SECTOR_FORUM),
    (r"peer reviews?", Kind.PEER_REVIEW),
    (r"mentor(ing|ship)?", Kind.MENTORING),
    (r"apprenticeships?", Kind.APPRENTICESHIP),
    (r"secondments?", Kind.SECONDMENT),
    (r"funding|grants?", Kind.FUNDING_CALL),
    (r"toolkits?", Kind.TOOLKIT),
    (r"self[- ]?(study|paced)|e-?learning", Kind.ONLINE_SELF_STUDY),
    (r"workshops?", Kind.WORKSHOP),
    (r"courses?|training", Kind.COURSE),
)


def kind_from_words(*texts: str) -> str:
    """The kind that the first text naming one names (categories first, then the title); else ""."""
    for text in texts:
        for pattern, kind in _KIND_WORDS:
            if re.search(rf"\b({pattern})\b", text or "", re.IGNORECASE):
                return str(kind)
    return ""


_UK_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b", re.IGNORECASE)
_ONLINE_WORDS = re.compile(r"\b(online|virtual|zoom|teams|webex|remote|webinar)\b", re.IGNORECASE)
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")


def split_place(text: str) -> dict[str, str]:
    """Venue, address and postcode from one line such as "British Library, 96 Euston Road, NW1 2DB"."""
    text = plain_text(text)
    if not text:
        return {}
    place: dict[str, str] = {}
    postcode = _UK_POSTCODE.search(text)
    if postcode:
        place["postcode"] = postcode.group(1).upper()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1 and not parts[0][:1].isdigit():
        place["venue_name"] = parts[0]
        place["address"] = ", ".join(parts[1:])
    elif len(parts) > 1 or len(text) > 200 or postcode:
        place["address"] = text
    else:
        place["venue_name"] = text
    return place


def sounds_online(text: str) -> bool:
    return bool(_ONLINE_WORDS.search(text or ""))
