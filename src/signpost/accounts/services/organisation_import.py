"""Importing organisations from a CSV directory, given a mapping of its columns to fields.

The import works in two phases. First every row is read, cleaned and checked into a plain
`OrganisationRow`, collecting a `RowError` (row, line, field, reason) for each problem; nothing
is written while reading. Then, if no row has an error (or `skip_invalid` says to leave those
rows out), everything is written in one transaction with bulk queries.

Identity for re-runs is (source, external_id), so importing the same file again updates the
organisations in place. Only the fields the import sets are written; others are left alone.
docs/organisation-import.md describes the fields and options for people running the command.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from signpost.accounts.models import Organisation, OrganisationKind, SizeBand
from signpost.core.models import Region, Sector
from signpost.core.regions import RegionNotFound, RegionResolver

# The fields a column can be mapped to, with what each one means.
FIELDS: dict[str, str] = {
    "name": "name of the organisation (required)",
    "external_id": "its identifier in the source; several columns are joined with ':'",
    "kind": "kind of organisation, as a label or slug (default --kind)",
    "sectors": "sectors, as names or slugs separated by ';' or ',' (default --sector)",
    "region": "region, resolved to an ITL1 region in the UK and a free-text region elsewhere",
    "nation": "used as the region when the region column is empty",
    "country": "two-letter country code or a country's name (default --country)",
    "address": "street address; several columns are joined with ', '",
    "town": "town or city",
    "postcode": "postcode or ZIP code",
    "website": "web address (https:// is added when the scheme is missing)",
    "email": "email address ('Name <address>' and mailto: are accepted)",
    "phone": "phone number",
    "size_band": "micro, small, medium or large (huge is taken as large, unknown as blank)",
    "staff_fte": "staff in full-time equivalents, turned into a size band (a size_band value wins)",
    "parent": "name of the parent organisation, found or created with kind --parent-kind",
    "description": "description",
    "closed": "year closed (YYYY or YYYY:YYYY, 9999 = open) or yes/no; closed rows are inactive",
}
MULTI_COLUMN_FIELDS = frozenset({"address", "external_id"})
# Fields whose invalid values may be blanked (with a warning) instead of failing the row.
BLANKABLE_FIELDS = frozenset(
    {"address", "town", "postcode", "website", "email", "phone", "size_band", "staff_fte", "description"}
)
MISSING_VALUES = frozenset({"na", "n/a"})
ERROR_FIELD_ROW = "row"


class OrganisationImportError(ValueError):
    """The file or the options cannot be imported at all, as opposed to errors in single rows."""


@dataclass(frozen=True)
class RowError:
    """A problem with one row. `row` counts data rows from 1; `line` is the row's first line in the file."""

    row: int
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row} (line {self.line}): {self.field}: {self.message}"


@dataclass
class OrganisationRow:
    """One row, cleaned and checked, ready to be written."""

    row: int
    line: int
    external_id: str
    name: str
    kind: str
    country: str
    region: Region | None = None
    sectors: tuple[str, ...] = ()
    address: str = ""
    town: str = ""
    postcode: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    size_band: str = ""
    description: str = ""
    parent: str = ""
    is_active: bool = True


@dataclass
class OrganisationImportResult:
    source: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    merged: int = 0
    parents_created: int = 0
    regions_created: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False


def parse_mapping(specs: Iterable[str]) -> list[tuple[str, str]]:
    """Turn "COLUMN=FIELD" strings into (column, field) pairs, checking the field names."""
    pairs = []
    for spec in specs:
        column, sep, name = spec.rpartition("=")
        column, name = column.strip(), name.strip().lower()
        if not sep or not column or not name:
            raise OrganisationImportError(f"--map {spec!r}: write it as COLUMN=FIELD")
        if name not in FIELDS:
            raise OrganisationImportError(
                f"--map {spec!r}: there is no field {name!r}; the fields are {', '.join(FIELDS)}"
            )
        pairs.append((column, name))
    return pairs


@transaction.atomic
def import_organisations(
    *,
    path: Path,
    mapping: Sequence[tuple[str, str]],
    source: str = "",
    kind: str = "",
    sectors: Sequence[str] = (),
    country: str = "GB",
    parent_kind: str = OrganisationKind.PUBLIC_LIBRARY_SERVICE,
    skip_invalid: bool = False,
    merge_duplicates: bool = False,
    blank_invalid: Collection[str] = (),
    encoding: str = "utf-8",
    dry_run: bool = False,
) -> OrganisationImportResult:
    """Import the organisations in the CSV file at `path`, mapping columns to FIELDS.

    With any row error and no `skip_invalid`, nothing is written and `result.errors` says why.
    `merge_duplicates` keeps one of the rows that share an external_id (the last open one, else
    the last) instead of reporting the others as errors. `blank_invalid` names BLANKABLE_FIELDS
    whose invalid values are dropped with a warning. Raises OrganisationImportError when the
    file or the options are unusable.
    """
    source = (source or path.stem).strip()
    if len(source) > _max_length("source"):
        raise OrganisationImportError(
            f"source name {source!r} is longer than {_max_length('source')} characters"
        )
    columns, records = _read_table(path, encoding=encoding)
    parser = _RowParser(
        path=path, columns=columns, mapping=mapping, kind=kind, sectors=sectors, country=country,
        parent_kind=parent_kind, blank_invalid=blank_invalid,
    )  # fmt: skip
    result = OrganisationImportResult(source=source, rows=len(records), dry_run=dry_run)
    rows: list[OrganisationRow] = []
    for record in records:
        row, errors, warnings = parser.parse(record)
        result.errors += errors
        result.warnings += warnings
        if row is not None and not errors:
            rows.append(row)
    rows, result.merged = _check_duplicates(rows, result, merge=merge_duplicates)
    rows = _check_parent_cycles(rows, result, parent_kind=parser.parent_kind)
    result.errors.sort(key=lambda e: (e.row, e.field))
    result.warnings.sort(key=lambda e: (e.row, e.field))
    result.skipped = len({e.row for e in result.errors})
    if result.errors and not skip_invalid:
        return result
    plan = _Plan(rows=rows, source=source, parser=parser)
    result.created, result.updated = len(plan.new_objects), len(plan.changed)
    result.unchanged = len(rows) - result.created - result.updated
    result.parents_created = len(plan.new_parents)
    result.regions_created = sorted(str(region) for region in parser.resolver.pending())
    if not dry_run:
        plan.write()
        result.written = True
    return result


def derive_external_id(*, name: str, postcode: str) -> str:
    """A stable identifier for a row without one: its slugified name and postcode, e.g. 'hoyland:s749af'."""
    base = slugify(name) or hashlib.sha256(name.encode()).hexdigest()[:16]
    postcode_key = re.sub(r"[^0-9a-z]", "", postcode.lower())
    key = f"{base}:{postcode_key}" if postcode_key else base
    limit = _max_length("external_id")
    if len(key) > limit:
        key = f"{key[: limit - 13]}~{hashlib.sha256(key.encode()).hexdigest()[:12]}"
    return key


# --- Reading the file -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Record:
    row: int
    line: int
    values: list[str]


def _read_table(path: Path, *, encoding: str) -> tuple[list[str], list[_Record]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise OrganisationImportError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise OrganisationImportError(f"{path} is a directory, not a CSV file") from None
    except OSError as exc:
        raise OrganisationImportError(f"{path}: {exc.strerror}") from exc
    if b"\x00" in data[:8192]:
        raise OrganisationImportError(f"{path.name} does not look like a CSV file: it contains binary data")
    if encoding.lower().replace("_", "-") in {"utf-8", "utf8"}:
        encoding = "utf-8-sig"  # and drop a byte-order mark
    try:
        text = data.decode(encoding)
    except LookupError:
        raise OrganisationImportError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise OrganisationImportError(
            f"{path.name} is not {encoding.removesuffix('-sig')} text: undecodable byte "
            f"0x{data[exc.start]:02x} on line {line}; give the file's encoding with --encoding, e.g. cp1252"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    records: list[_Record] = []
    start = 1
    try:
        for values in reader:
            line, start = start, reader.line_num + 1
            if not any(value.strip() for value in values):
                continue
            if header is None:
                header = [value.strip() for value in values]
            else:
                records.append(_Record(row=len(records) + 1, line=line, values=values))
    except csv.Error as exc:
        raise OrganisationImportError(f"{path.name} line {reader.line_num} is not valid CSV: {exc}") from None
    if header is None:
        raise OrganisationImportError(f"{path.name} is empty: it has no header row")
    return header, records


# --- Cleaning values --------------------------------------------------------------------------


class _InvalidValueError(Exception):
    """A value that cannot be used; the message says why."""


@functools.cache
def _max_length(name: str) -> int:
    model_field = cast("models.Field[Any, Any]", Organisation._meta.get_field(name))
    return int(model_field.max_length or 0)


def _key(text: str) -> str:
    return slugify(text).replace("_", "-")


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _text(value: str) -> str:
    value = " ".join(value.translate(_ZERO_WIDTH).split())
    return "" if value.lower() in MISSING_VALUES else value


def _limited(value: str, name: str) -> str:
    limit = _max_length(name)
    if len(value) > limit:
        raise _InvalidValueError(f"longer than {limit} characters ({len(value)})")
    return value


_KINDS: dict[str, str] = {
    **{_key(member.name): member.value for member in OrganisationKind},
    **{_key(str(member.label)): member.value for member in OrganisationKind},
    **{member.value: member.value for member in OrganisationKind},
}
_SIZE_BANDS: dict[str, str] = {
    **{_key(str(member.label)): member.value for member in SizeBand},
    **{member.value: member.value for member in SizeBand},
    "huge": SizeBand.LARGE,
    "unknown": "",
}
_COUNTRIES: dict[str, str] = {
    "uk": "GB", "united-kingdom": "GB", "great-britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern-ireland": "GB", "usa": "US", "united-states": "US",
    "united-states-of-america": "US", "isle-of-man": "IM", "jersey": "JE", "guernsey": "GG",
    "ireland": "IE",
}  # fmt: skip
_UK_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")
_BRITISH_ISLES = {"GB", "IM", "JE", "GG"}
_YEARS = re.compile(r"(\d{4})(?::(\d{4}))?")
_URL = URLValidator(schemes=["http", "https"])
_BARE_DOMAIN = re.compile(r"[\w-]+(\.[\w-]+)+(/\S*)?")
_EMAIL_IN_BRACKETS = re.compile(r"[<(]\s*([^<>()\s]+@[^<>()\s]+)\s*[>)]$")


def _clean_kind(value: str) -> str:
    kind = _KINDS.get(_key(value))
    if kind is None:
        raise _InvalidValueError(
            f"{value!r} is not a kind of organisation; use one of {', '.join(OrganisationKind.values)}"
        )
    return kind


def _clean_country(value: str) -> str:
    value = value.strip()
    if _key(value) in _COUNTRIES:
        return _COUNTRIES[_key(value)]
    if re.fullmatch(r"[A-Za-z]{2}", value):
        return value.upper()
    raise _InvalidValueError(f"{value!r} is not a two-letter country code or a known country name")


def _clean_postcode(value: str, country: str) -> str:
    if country in _BRITISH_ISLES:
        value = value.upper()
        if _UK_POSTCODE.fullmatch(value):
            value = f"{value[:-3]} {value[-3:]}"
    return _limited(value, "postcode")


def _clean_website(value: str) -> str:
    if not value:
        return ""
    if "://" not in value and _BARE_DOMAIN.fullmatch(value):
        value = f"https://{value}"
    try:
        _URL(value)
    except ValidationError:
        raise _InvalidValueError(f"{value!r} is not a web address") from None
    return _limited(value, "website")


def _clean_email(value: str) -> str:
    if not value:
        return ""
    address = value.removeprefix("mailto:").strip()
    if match := _EMAIL_IN_BRACKETS.search(address):
        address = match.group(1)
    try:
        validate_email(address)
    except ValidationError:
        raise _InvalidValueError(f"{value!r} is not an email address") from None
    return _limited(address, "email")


def _clean_size_band(value: str) -> str:
    if not value:
        return ""
    band = _SIZE_BANDS.get(_key(value))
    if band is None:
        raise _InvalidValueError(f"{value!r} is not a size band; use one of {', '.join(SizeBand.values)}")
    return band


def _size_band_from_fte(value: str) -> str:
    if not value:
        return ""
    try:
        fte = float(value.replace(",", ""))
    except ValueError:
        raise _InvalidValueError(f"{value!r} is not a number of staff") from None
    if not math.isfinite(fte) or fte < 0:  # the IMLS survey writes -1 for "not reported"
        return ""
    if fte < 10:
        return SizeBand.MICRO
    if fte < 50:
        return SizeBand.SMALL
    return SizeBand.MEDIUM if fte < 250 else SizeBand.LARGE


def _is_open(value: str) -> bool:
    """Read a year-closed style value: empty, no or 9999 mean open; a past year or yes mean closed."""
    lowered = value.lower()
    if lowered in {"", "no", "n", "false", "open", "0"}:
        return True
    if lowered in {"yes", "y", "true", "closed", "1"}:
        return False
    if match := _YEARS.fullmatch(lowered):
        year = int(match.group(1))  # of a range, the earliest the place may have closed
        return year == 9999 or year > timezone.now().year
    raise _InvalidValueError(
        f"{value!r} is neither a year closed (YYYY or YYYY:YYYY, 9999 = open) nor yes/no"
    )


def _join_address(parts: Iterable[str]) -> str:
    joined: list[str] = []
    for part in parts:
        part = _text(part).strip(" ,")
        if part and (not joined or joined[-1].lower() != part.lower()):
            joined.append(part)
    return _limited(", ".join(joined), "address")


# --- Parsing rows -----------------------------------------------------------------------------


class _RowParser:
    """Checks the mapping against the file once, then turns each record into an OrganisationRow."""

    def __init__(
        self, *, path: Path, columns: list[str], mapping: Sequence[tuple[str, str]], kind: str,
        sectors: Sequence[str], country: str, parent_kind: str, blank_invalid: Collection[str],
    ) -> None:  # fmt: skip
        self.columns = columns
        self.indexes: dict[str, list[int]] = defaultdict(list)
        self._check_mapping(path, mapping)
        self.sector_lookup = self._sector_lookup()
        try:
            self.default_kind = _clean_kind(kind) if kind else ""
            self.default_sectors = self._clean_sectors(";".join(sectors))
            self.default_country = _clean_country(country)
            self.parent_kind = _clean_kind(parent_kind)
        except _InvalidValueError as exc:
            raise OrganisationImportError(str(exc)) from None
        if not self.default_kind and "kind" not in self.indexes:
            raise OrganisationImportError("no kind given: use --kind KIND or map a column to kind")
        unblankable = sorted(set(blank_invalid) - BLANKABLE_FIELDS)
        if unblankable:
            raise OrganisationImportError(
                f"--blank-invalid cannot be used for {', '.join(unblankable)}; "
                f"only for {', '.join(sorted(BLANKABLE_FIELDS))}"
            )
        self.blank_invalid = frozenset(blank_invalid)
        self.resolver = RegionResolver()

    def _check_mapping(self, path: Path, mapping: Sequence[tuple[str, str]]) -> None:
        if not any(name == "name" for _, name in mapping):
            raise OrganisationImportError("map a column to name, e.g. --map 'Library name=name'")
        positions: dict[str, list[int]] = defaultdict(list)
        for index, column in enumerate(self.columns):
            positions[column].append(index)
        for column, name in mapping:
            if name not in FIELDS:
                raise OrganisationImportError(
                    f"there is no field {name!r}; the fields are {', '.join(FIELDS)}"
                )
            if column not in positions:
                hint = ""
                if len(self.columns) == 1 and any(sep in self.columns[0] for sep in ";\t|"):
                    hint = " (the header has a single column: is the file separated by commas?)"
                raise OrganisationImportError(
                    f"column {column!r} is not in {path.name}; its columns are: "
                    f"{', '.join(repr(c) for c in self.columns)}{hint}"
                )
            if len(positions[column]) > 1:
                raise OrganisationImportError(f"{path.name} has more than one column named {column!r}")
            if self.indexes[name] and name not in MULTI_COLUMN_FIELDS:
                raise OrganisationImportError(f"only one column can be mapped to {name}")
            self.indexes[name].append(positions[column][0])

    @staticmethod
    def _sector_lookup() -> dict[str, str]:
        lookup: dict[str, str] = {}
        for sector in Sector.objects.all():
            for text in (sector.slug, sector.name, sector.slug.removesuffix("s")):
                lookup[_key(text)] = sector.slug
        return lookup

    def _clean_sectors(self, value: str) -> tuple[str, ...]:
        slugs: list[str] = []
        for part in re.split(r"[;,|]", value):
            if not _text(part):
                continue
            slug = self.sector_lookup.get(_key(part))
            if slug is None:
                raise _InvalidValueError(
                    f"{part.strip()!r} is not a sector; use one of {', '.join(Sector.SLUGS)}"
                )
            if slug not in slugs:
                slugs.append(slug)
        return tuple(slugs)

    def manages(self, name: str) -> bool:
        return name in self.indexes

    def parse(self, record: _Record) -> tuple[OrganisationRow | None, list[RowError], list[RowError]]:
        errors: list[RowError] = []
        warnings: list[RowError] = []
        if len(record.values) != len(self.columns):
            message = f"has {len(record.values)} values but the header has {len(self.columns)} columns"
            return None, [RowError(record.row, record.line, ERROR_FIELD_ROW, message)], []

        def cells(name: str) -> list[str]:
            return [record.values[i] for i in self.indexes.get(name, ())]

        def cell(name: str) -> str:
            values = cells(name)
            return _text(values[0]) if values else ""

        def check(name: str, clean: Any, *args: Any, blank: Any = "") -> Any:
            try:
                return clean(*args)
            except _InvalidValueError as exc:
                if name in self.blank_invalid:
                    warnings.append(RowError(record.row, record.line, name, f"{exc}; left blank"))
                    return blank
                errors.append(RowError(record.row, record.line, name, str(exc)))
                return blank

        name = check("name", self._clean_name, cell("name"))
        country = (
            check("country", _clean_country, cell("country")) if cell("country") else self.default_country
        )
        postcode = check("postcode", _clean_postcode, cell("postcode"), country)
        row = OrganisationRow(
            row=record.row,
            line=record.line,
            name=name,
            external_id=check("external_id", self._clean_external_id, cells("external_id"), name, postcode),
            kind=check("kind", _clean_kind, cell("kind")) if cell("kind") else self.default_kind,
            country=country,
            address=check("address", _join_address, cells("address")),
            town=check("town", _limited, cell("town"), "town"),
            postcode=postcode,
            website=check("website", _clean_website, cell("website")),
            email=check("email", _clean_email, cell("email")),
            phone=check("phone", _limited, cell("phone"), "phone"),
            size_band=check("size_band", _clean_size_band, cell("size_band"))
            or check("staff_fte", _size_band_from_fte, cell("staff_fte")),
            description=self._clean_description(cells("description")),
            parent=check("parent", _limited, cell("parent"), "name"),
            is_active=check("closed", _is_open, cell("closed"), blank=True),
        )
        if not cell("kind") and not self.default_kind:
            errors.append(RowError(record.row, record.line, "kind", "missing, and no --kind was given"))
        sectors = cell("sectors")
        row.sectors = (
            check("sectors", self._clean_sectors, sectors, blank=()) if sectors else self.default_sectors
        )
        if self.manages("region") or self.manages("nation"):
            field_name, text = ("region", cell("region")) if cell("region") else ("nation", cell("nation"))
            if not text:
                errors.append(
                    RowError(record.row, record.line, "region", "missing (no region or nation given)")
                )
            else:
                try:
                    row.region = self.resolver.resolve(text, country=country)
                except RegionNotFound as exc:
                    errors.append(RowError(record.row, record.line, field_name, str(exc)))
        return row, errors, warnings

    @staticmethod
    def _clean_description(values: list[str]) -> str:
        text = values[0].strip() if values else ""
        return "" if text.lower() in MISSING_VALUES else text

    @staticmethod
    def _clean_name(value: str) -> str:
        if not value:
            raise _InvalidValueError("missing")
        return _limited(value, "name")

    def _clean_external_id(self, parts: list[str], name: str, postcode: str) -> str:
        if not self.manages("external_id"):
            return derive_external_id(name=name, postcode=postcode) if name else ""
        values = [_text(part) for part in parts]
        if not all(values):
            raise _InvalidValueError("missing")
        return _limited(":".join(values), "external_id")


def _check_duplicates(
    rows: list[OrganisationRow], result: OrganisationImportResult, *, merge: bool
) -> tuple[list[OrganisationRow], int]:
    """Report (or, with `merge`, fold) rows sharing an external_id; return the kept rows and merged count."""
    groups: dict[str, list[OrganisationRow]] = defaultdict(list)
    for row in rows:
        groups[row.external_id].append(row)
    left_out: set[int] = set()
    merged = 0
    for external_id, group in groups.items():
        if len(group) == 1:
            continue
        if not merge:
            for row in group[1:]:
                message = f"{external_id!r} is also the identifier of row {group[0].row}"
                result.errors.append(RowError(row.row, row.line, "external_id", message))
                left_out.add(id(row))
            continue
        # Directories list a place that closed and reopened once per period: keep the current one.
        kept = ([row for row in group if row.is_active] or group)[-1]
        for row in group:
            if row is not kept:
                message = f"{external_id!r} repeats row {kept.row}; merged into it"
                result.warnings.append(RowError(row.row, row.line, "external_id", message))
                left_out.add(id(row))
                merged += 1
    return [row for row in rows if id(row) not in left_out], merged


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _check_parent_cycles(
    rows: list[OrganisationRow], result: OrganisationImportResult, *, parent_kind: str
) -> list[OrganisationRow]:
    """Report rows whose parent, through other rows of the file, leads back to themselves."""
    parents = {_name_key(row.name): row for row in reversed(rows) if row.kind == parent_kind}
    in_cycle: list[OrganisationRow] = []
    for row in rows:
        seen: set[int] = set()
        current: OrganisationRow | None = row
        while current is not None and current.parent and id(current) not in seen:
            seen.add(id(current))
            current = parents.get(_name_key(current.parent))
            if current is row:
                in_cycle.append(row)
                message = f"{row.parent!r} leads back to this organisation: parents cannot form a loop"
                result.errors.append(RowError(row.row, row.line, "parent", message))
                break
    return [row for row in rows if row not in in_cycle]


# --- Planning and writing ---------------------------------------------------------------------


# Which mapped field makes the import manage which model field.
_MANAGED_BY = {
    "address": "address", "town": "town", "postcode": "postcode", "website": "website", "email": "email",
    "phone": "phone", "size_band": "size_band", "staff_fte": "size_band", "description": "description",
    "closed": "is_active", "region": "region", "nation": "region", "parent": "parent",
}  # fmt: skip


class _Plan:
    """What the import will do: which organisations to create and which to change, and how."""

    def __init__(self, *, rows: list[OrganisationRow], source: str, parser: _RowParser) -> None:
        self.source, self.parent_kind, self.resolver = source, parser.parent_kind, parser.resolver
        managed = {target for mapped, target in _MANAGED_BY.items() if parser.manages(mapped)}
        self.fields = ["name", "kind", "country", *sorted(managed)]
        self.manages_sectors = parser.manages("sectors") or bool(parser.default_sectors)
        self.existing = {org.external_id: org for org in Organisation.objects.filter(source=source)}
        self.slugs = set(Organisation.objects.values_list("slug", flat=True))
        self.sector_ids = dict(Sector.objects.values_list("slug", "id"))
        self.current_sectors: dict[int, set[int]] = defaultdict(set)
        if self.manages_sectors:
            through = Organisation.sectors.through.objects.filter(organisation__source=source)
            for org_id, sector_id in through.values_list("organisation_id", "sector_id"):
                self.current_sectors[org_id].add(sector_id)
        self.objects: list[tuple[OrganisationRow, Organisation]] = []
        self.new_objects: list[Organisation] = []
        self.changed: list[Organisation] = []
        self.new_parents: list[Organisation] = []
        self.new_parent_rows: list[tuple[OrganisationRow, Organisation]] = []  # (first child, parent)
        self.parent_of: dict[int, Organisation] = {}  # id(row object) -> parent object
        self.wanted_sectors: dict[int, tuple[str, ...]] = {}  # id(object) -> sector slugs
        for row in rows:
            org = self.existing.get(row.external_id)
            if org is None:
                org = Organisation(source=source, external_id=row.external_id)
                self.new_objects.append(org)
            self.objects.append((row, org))
        if "parent" in self.fields:
            self._find_parents()
        for row, org in self.objects:
            changed = self._apply(row, org)
            if org.pk is not None and changed:
                self.changed.append(org)

    def _find_parents(self) -> None:
        in_file = {
            _name_key(row.name): org for row, org in reversed(self.objects) if row.kind == self.parent_kind
        }
        by_name: dict[str, list[Organisation]] = defaultdict(list)
        for org in Organisation.objects.filter(kind=self.parent_kind).order_by("pk"):
            by_name[_name_key(org.name)].append(org)
        created: dict[str, Organisation] = {}
        for row, org in self.objects:
            if not row.parent:
                continue
            key = _name_key(row.parent)
            # A parent created by an earlier import is found by its identifier even if since renamed.
            parent = in_file.get(key) or self.existing.get(self._parent_external_id(row.parent))
            if parent is None and by_name.get(key):
                same_source = [o for o in by_name[key] if o.source == self.source]
                parent = (same_source or by_name[key])[0]
            if parent is None:
                parent = created.get(key)
            if parent is None:
                parent = created[key] = self._new_parent(row)
            if parent is not org:
                self.parent_of[id(org)] = parent

    def _parent_external_id(self, name: str) -> str:
        return f"parent:{derive_external_id(name=name, postcode='')}"[: _max_length("external_id")]

    def _new_parent(self, child: OrganisationRow) -> Organisation:
        parent = Organisation(
            name=child.parent, slug=self._slug(child.parent, ()), kind=self.parent_kind, region=child.region,
            country=child.country, source=self.source, external_id=self._parent_external_id(child.parent),
        )  # fmt: skip
        self.new_parents.append(parent)
        self.new_parent_rows.append((child, parent))
        if self.manages_sectors:
            self.wanted_sectors[id(parent)] = child.sectors
        return parent

    def _slug(self, name: str, hints: Iterable[str]) -> str:
        """A unique slug: the name's, else with the first free hint (town, parent) added, else a number."""
        limit = _max_length("slug")
        base = slugify(name)[:limit].strip("-") or "organisation"
        candidates = [base] + [
            f"{base}-{slugify(hint)}"[:limit].strip("-") for hint in hints if slugify(hint)
        ]
        for candidate in candidates:
            if candidate not in self.slugs:
                self.slugs.add(candidate)
                return candidate
        number = 2
        while f"{base[: limit - len(str(number)) - 1]}-{number}" in self.slugs:
            number += 1
        candidate = f"{base[: limit - len(str(number)) - 1]}-{number}"
        self.slugs.add(candidate)
        return candidate

    def _apply(self, row: OrganisationRow, org: Organisation) -> bool:
        """Copy the managed fields of `row` onto `org`; return whether anything changed."""
        changed = False
        for name in self.fields:
            if name == "region":
                # A region met for the first time has no primary key until it is written.
                if row.region is not None and (row.region.pk is None or org.region_id != row.region.pk):
                    org.region = row.region
                    changed = True
            elif name == "parent":
                parent = self.parent_of.get(id(org))
                if parent is None:
                    changed = changed or org.parent_id is not None
                else:
                    changed = changed or parent.pk is None or org.parent_id != parent.pk
            elif getattr(org, name) != getattr(row, name):
                setattr(org, name, getattr(row, name))
                changed = True
        if org.pk is None:
            org.slug = self._slug(row.name, (row.town, row.parent))
        if self.manages_sectors:
            self.wanted_sectors[id(org)] = row.sectors
            wanted = {self.sector_ids[slug] for slug in row.sectors}
            changed = changed or (org.pk is not None and wanted != self.current_sectors.get(org.pk, set()))
        return changed

    def write(self) -> None:
        self.resolver.save_pending()
        # Regions met for the first time have only now been given primary keys.
        for row, org in [*self.objects, *self.new_parent_rows]:
            if row.region is not None and "region" in self.fields:
                org.region = row.region
        Organisation.objects.bulk_create(self.new_parents, batch_size=500)
        for org in self.new_objects:
            parent = self.parent_of.get(id(org))
            org.parent_id = parent.pk if parent is not None else None
        Organisation.objects.bulk_create(self.new_objects, batch_size=500)
        # Parents that are rows of this file have only now been given primary keys.
        late = [org for org in self.new_objects if id(org) in self.parent_of and org.parent_id is None]
        for org in late:
            org.parent_id = self.parent_of[id(org)].pk
        Organisation.objects.bulk_update(late, ["parent"], batch_size=500)
        now = timezone.now()
        for org in self.changed:
            org.updated_at = now
            if "parent" in self.fields:
                parent = self.parent_of.get(id(org))
                org.parent_id = parent.pk if parent is not None else None
        Organisation.objects.bulk_update(self.changed, [*self.fields, "updated_at"], batch_size=500)
        if self.manages_sectors:
            self._write_sectors()

    def _write_sectors(self) -> None:
        through = Organisation.sectors.through
        to_add, to_remove = [], []
        for org in [*self.new_parents, *(org for _, org in self.objects)]:
            wanted = {self.sector_ids[slug] for slug in self.wanted_sectors.get(id(org), ())}
            current = self.current_sectors.get(org.pk, set())
            to_add += [through(organisation_id=org.pk, sector_id=sid) for sid in sorted(wanted - current)]
            to_remove += [(org.pk, sid) for sid in current - wanted]
        by_sector: dict[int, list[int]] = defaultdict(list)
        for org_id, sector_id in to_remove:
            by_sector[sector_id].append(org_id)
        for sector_id, org_ids in by_sector.items():
            for start in range(0, len(org_ids), 500):
                chunk = org_ids[start : start + 500]
                through.objects.filter(sector_id=sector_id, organisation_id__in=chunk).delete()
        through.objects.bulk_create(to_add, batch_size=1000)
