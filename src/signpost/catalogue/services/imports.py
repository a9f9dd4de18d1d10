"""Importing a file of opportunities: preview first, then import, inline or in the background.

1. `create_import` reads the uploaded file (ingest/), validates every record with the
   catalogue's rules and keeps the file and its per-row problems on an ImportJob (status
   "previewed"). Nothing else is written; a file that cannot be read at all raises a
   ValidationError on "file" and writes nothing.
2. `confirm_import` starts it: all or nothing, or only the valid rows if the person chose that.
   Files of more than BACKGROUND_ROWS rows go to a background task; smaller ones run at once.
3. `run_import` reads the file again (the catalogue may have changed since the preview) and
   writes it through `save_records` in chunks, inside one transaction, so nothing is half
   written; progress is counted in `processed_rows`.

Problems name the row as the person sees it: "row 7" (spreadsheet rows, header = row 1),
"event “…” (UID …)" or "item “…”", and the field by the name the file gives it.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import close_old_connections, connection, transaction

from signpost.accounts.models import Organisation, User
from signpost.catalogue.ingest.common import IngestError, ParsedFile, RecordSource
from signpost.catalogue.ingest.detect import read_file
from signpost.catalogue.models import ImportJob
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services.opportunities import (
    RecordError,
    RecordValidator,
    SaveResult,
    save_records,
    validate_records,
)

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
BACKGROUND_ROWS = 1_000  # more rows than this run in the background
CHUNK = 250  # records written between progress reports
STORED_DETAILS = 5_000  # problems kept in full on the job; beyond, the first of each record
ERROR = "error"
NOTICE = "notice"
STARTER_SCHEME = "starter"  # the lexicon the template lists, when it is loaded
_OCCURRENCE_FIELDS = set(OccurrenceRecord.__dataclass_fields__) | {"occurrences"}


@dataclass(frozen=True)
class Problem:
    """One problem with one row or item, or a notice about the file; stored on ImportJob.errors."""

    where: str
    field: str
    message: str
    level: str = ERROR
    row: int | None = None
    record: int | None = None  # index of the record in the file
    size: int = 1  # rows the record spans (its rows are skipped together)

    def __str__(self) -> str:
        return ": ".join(p for p in (self.where, self.field, self.message) if p)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "text": str(self)}


@dataclass
class ImportSummary:
    """What a previewed or finished import amounts to, from the job alone."""

    total_rows: int
    rows_with_errors: int
    error_count: int
    errors: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)

    @property
    def valid_rows(self) -> int:
        return max(self.total_rows - self.rows_with_errors, 0)


# --- Reading and checking -------------------------------------------------------------------


def read_upload(*, content: bytes, filename: str, file_format: str = "") -> ParsedFile:
    """Read a file's records; raises IngestError when the file as a whole cannot be read."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise IngestError(
            f"The file is {len(content) / 1024 / 1024:.1f} MB; the most Signpost takes is "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB. Split it into smaller files."
        )
    return read_file(content, filename=filename, file_format=file_format)


def check_records(parsed: ParsedFile, *, validator: RecordValidator | None = None) -> list[Problem]:
    """Validate every record as the import would; every problem, naming its row and field."""
    validator = validator or RecordValidator()
    _, errors = validate_records(parsed.records, validator=validator)
    problems = describe_errors(parsed, errors, validator=validator)
    notices = [Problem(n.where, n.field, n.message, level=NOTICE) for n in parsed.notices]
    return notices + problems


def describe_errors(
    parsed: ParsedFile, errors: Sequence[RecordError], *, validator: RecordValidator
) -> list[Problem]:
    """Turn the validator's errors into problems that point at the row and the column as written."""
    problems: list[Problem] = []
    used: dict[int, set[int]] = {}
    for error in errors:
        found = parsed.source_for(error)
        if found is None:
            problems.append(
                Problem(str(error).split(":", 1)[0], parsed.field_name(error.field), error.message)
            )
            continue
        index, source = found
        row = None
        if parsed.row_noun == "row":
            row = _row_of(error, parsed.records[index], source, validator, used.setdefault(index, set()))
        problems.append(
            Problem(
                where=f"row {row}" if row is not None else source.label,
                field=parsed.field_name(error.field),
                message=error.message,
                row=row,
                record=index,
                size=max(len(source.rows), 1),
            )
        )
    return problems


def _row_of(
    error: RecordError,
    record: OpportunityRecord,
    source: RecordSource,
    validator: RecordValidator,
    used: set[int],
) -> int | None:
    """The spreadsheet row an error is on, when the record spans several rows."""
    rows = source.rows or ([record.row] if record.row is not None else [])
    for position, (name, message, row) in enumerate(source.read_errors):
        if position not in used and name == error.field and message == error.message:
            used.add(position)
            return row
    if len(rows) > 1 and error.field in _OCCURRENCE_FIELDS and len(record.occurrences) == len(rows):
        # Check the rows' dates one at a time to find the one the problem is in.
        for position, occurrence in enumerate(record.occurrences):
            key = -1 - position  # negative keys: occurrences already matched
            if key in used:
                continue
            _, found = validator.clean(OpportunityRecord(title="-", occurrences=[occurrence]))
            if any(f.field == error.field and f.message == error.message for f in found):
                used.add(key)
                return rows[position]
    return rows[0] if rows else None


def _stored(problems: list[Problem]) -> list[dict[str, Any]]:
    """The problems to keep on the job: all of them up to a limit, then one per record."""
    kept: list[dict[str, Any]] = []
    records_seen: set[int | None] = set()
    for problem in problems:
        if len(kept) < STORED_DETAILS or (problem.level == ERROR and problem.record not in records_seen):
            kept.append(problem.as_dict())
        records_seen.add(problem.record)
    return kept


def summarise(job: ImportJob) -> ImportSummary:
    errors = [p for p in job.errors if p.get("level") == ERROR]
    sizes = {p.get("record"): p.get("size", 1) for p in errors}
    return ImportSummary(
        total_rows=job.total_rows,
        rows_with_errors=sum(sizes.values()),
        error_count=len(errors),
        errors=errors,
        notices=[p for p in job.errors if p.get("level") == NOTICE],
    )


def template_workbook() -> bytes:
    """The XLSX template people download: the columns, an example, allowed values and the lexicon."""
    from signpost.catalogue.ingest.csv_xlsx import build_template
    from signpost.core.models import Region, Sector
    from signpost.lexicon.models import BroaderLink, Concept

    concepts = Concept.objects.all()
    if concepts.filter(scheme__slug=STARTER_SCHEME).exists():
        concepts = concepts.filter(scheme__slug=STARTER_SCHEME)
    areas = dict(
        BroaderLink.objects.filter(concept__in=concepts).values_list("concept_id", "broader__pref_label")
    )
    rows = [
        (areas.get(pk, ""), label, uri)
        for pk, label, uri in concepts.order_by("pref_label").values_list("pk", "pref_label", "uri")
    ]
    rows.sort(key=lambda row: (row[0] or row[1], row[0] != "", row[1]))
    return build_template(
        sectors=Sector.objects.values_list("slug", "name"),
        regions=Region.objects.filter(is_itl1=True).order_by("name").values_list("name", flat=True),
        concepts=rows,
    )


# --- Preview ------------------------------------------------------------------------------


@transaction.atomic
def create_import(
    *,
    provider: Organisation,
    uploaded_by: User | None,
    content: bytes,
    filename: str,
    file_format: str = "",
    parsed: ParsedFile | None = None,
) -> ImportJob:
    """Read and check an uploaded file and keep it, with its problems, for a preview.

    :param parsed: the file already read by `read_upload` (the command reads it once).
    """
    name = PurePath(filename or "upload").name[:255] or "upload"
    if parsed is None:
        try:
            parsed = read_upload(content=content, filename=name, file_format=file_format)
        except IngestError as problem:
            raise ValidationError({"file": str(problem)}) from problem
    problems = check_records(parsed)
    job = ImportJob(
        provider=provider,
        uploaded_by=uploaded_by,
        filename=name,
        file_format=parsed.format,
        total_rows=parsed.row_count,
        errors=_stored(problems),
    )
    # A generated name: people's file names can be anything; the original is kept in `filename`.
    suffix = PurePath(name).suffix.lower()[:10] if PurePath(name).suffix.isascii() else ""
    job.file.save(f"{uuid.uuid4().hex}{suffix}", ContentFile(content), save=False)
    job.save()
    return job


def load_parsed(job: ImportJob) -> ParsedFile:
    """Read the job's stored file again (for the preview's rows, and to import it)."""
    if not job.file:
        raise IngestError("The uploaded file is no longer kept; upload it again.")
    try:
        with job.file.open("rb") as handle:
            content = handle.read()
    except OSError as problem:
        raise IngestError("The uploaded file is no longer kept; upload it again.") from problem
    return read_file(content, filename=job.filename, file_format=job.file_format)


@dataclass
class PreviewRow:
    number: int  # position in the file, from 1
    where: str
    record: OpportunityRecord
    problems: list[dict[str, Any]]

    @property
    def first_occurrence(self) -> OccurrenceRecord | None:
        return self.record.occurrences[0] if self.record.occurrences else None

    @property
    def place(self) -> str:
        occurrence = self.first_occurrence
        if occurrence is None:
            return ""
        parts = [occurrence.venue_name, occurrence.town or occurrence.address]
        text = ", ".join(p for p in parts if p)
        return text or ("Online" if occurrence.is_online or occurrence.online_url else "")


def preview_rows(job: ImportJob, parsed: ParsedFile, *, problems_only: bool = False) -> list[PreviewRow]:
    """The file's records with the problems the preview found, in file order."""
    by_record: dict[int, list[dict[str, Any]]] = {}
    for problem in job.errors:
        if problem.get("level") == ERROR and problem.get("record") is not None:
            by_record.setdefault(problem["record"], []).append(problem)
    rows = []
    for index, (record, source) in enumerate(zip(parsed.records, parsed.sources, strict=True)):
        found = by_record.get(index, [])
        if problems_only and not found:
            continue
        rows.append(PreviewRow(index + 1, source.label, record, found))
    return rows


# --- Import -------------------------------------------------------------------------------


def confirm_import(
    *, job: ImportJob, valid_only: bool, in_background: bool | None = None, parsed: ParsedFile | None = None
) -> ImportJob:
    """Start a previewed import: at once for small files, in the background for large ones.

    :param in_background: force the choice (the command runs every import at once).
    :param parsed: the job's file as already read in this process, for an import run at once.
    """
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status != ImportJob.PREVIEWED:
            raise ValidationError({"__all__": "This import has already been started."})
        summary = summarise(job)
        if summary.rows_with_errors and not valid_only:
            raise ValidationError({
                "__all__": (
                    f"{summary.rows_with_errors} of {summary.total_rows} {_rows(summary.total_rows)} "
                    f"{_has(summary.rows_with_errors)} problems, so nothing was imported. Correct them "
                    "and upload the file again, or import only the valid rows."
                )
            })  # fmt: skip
        if summary.valid_rows == 0:
            raise ValidationError({"__all__": "No row is free of problems, so there is nothing to import."})
        job.status = ImportJob.QUEUED
        job.valid_only = valid_only
        job.processed_rows = 0
        job.save(update_fields=["status", "valid_only", "processed_rows", "updated_at"])
        background = job.total_rows > BACKGROUND_ROWS if in_background is None else in_background
        if background:
            from signpost.catalogue.ingest.tasks import run_import_job

            job_id = job.pk
            transaction.on_commit(lambda: run_import_job.enqueue(job_id))
    if not background:
        run_import(job_id=job.pk, parsed=parsed)
    job.refresh_from_db()
    return job


def run_import(*, job_id: int, parsed: ParsedFile | None = None) -> ImportJob:
    """Write a confirmed import (idempotent: a job that is not queued is left as it is).

    The file is read again unless `parsed` holds it; its records are validated again either way,
    since the catalogue may have changed since the preview.
    """
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.QUEUED).update(status=ImportJob.RUNNING)
    job = ImportJob.objects.select_related("provider").get(pk=job_id)
    if not claimed:
        return job
    try:
        parsed = parsed or load_parsed(job)
        result, problems = _write(job, parsed)
    except IngestError as problem:
        return _finish(job, status=ImportJob.FAILED, message=f"Nothing was imported: {problem}")
    except Exception:
        logger.exception("Import job %s failed unexpectedly", job_id)
        return _finish(
            job, status=ImportJob.FAILED, message="Nothing was imported: something went wrong on our side."
        )
    if problems is not None:
        job.errors = _stored(problems)
        rows = summarise(job).rows_with_errors
        return _finish(
            job,
            status=ImportJob.FAILED,
            message=(
                f"Nothing was imported: {rows} {_rows(rows)} now {_has(rows)} problems "
                "(the catalogue changed since the preview). Correct them and upload the file again."
            ),
        )
    skipped_rows = summarise(job).rows_with_errors if job.valid_only else 0
    job.created_count, job.updated_count, job.skipped_count = result.created, result.updated, skipped_rows
    job.processed_rows = job.total_rows
    count = result.created + result.updated + result.unchanged
    message = (
        f"Imported {count} {'opportunity' if count == 1 else 'opportunities'}: {result.created} new, "
        f"{result.updated} updated, {result.unchanged} unchanged."
    )
    if skipped_rows:
        message += f" Left out {skipped_rows} {_rows(skipped_rows)} with problems."
    return _finish(job, status=ImportJob.DONE, message=message)


def _rows(count: int) -> str:
    return "row" if count == 1 else "rows"


def _has(count: int) -> str:
    return "has" if count == 1 else "have"


def discard_import(*, job: ImportJob) -> None:
    """Forget a previewed import that will not go ahead, with its stored file."""
    if job.status != ImportJob.PREVIEWED:
        raise ValidationError({"__all__": "Only an import that has not started can be discarded."})
    if job.file:
        job.file.delete(save=False)
    job.delete()


class _AbortError(Exception):
    """Raised inside the transaction to undo everything written so far."""

    def __init__(self, errors: list[RecordError]) -> None:
        super().__init__("records failed validation")
        self.errors = errors


def _write(job: ImportJob, parsed: ParsedFile) -> tuple[SaveResult, list[Problem] | None]:
    validator = RecordValidator()
    total = SaveResult()
    progress = _Progress(job.pk)
    done_rows = 0
    try:
        with transaction.atomic():
            for start in range(0, len(parsed.records), CHUNK):
                chunk = parsed.records[start : start + CHUNK]
                result = save_records(
                    provider=job.provider, records=chunk, source="file", valid_only=job.valid_only,
                    validator=validator,
                )  # fmt: skip
                if result.errors and not job.valid_only:
                    raise _AbortError(result.errors)
                total.created += result.created
                total.updated += result.updated
                total.unchanged += result.unchanged
                total.opportunity_ids += result.opportunity_ids
                done_rows += sum(max(len(s.rows), 1) for s in parsed.sources[start : start + CHUNK])
                progress.report(done_rows)
    except _AbortError as abort:
        # Validate everything again to report every problem, not just the first chunk's.
        _, errors = validate_records(parsed.records, validator=validator)
        return total, describe_errors(parsed, errors or abort.errors, validator=validator)
    return total, None


class _Progress:
    """Writes processed_rows while the import's transaction is still open.

    PostgreSQL lets a second connection (another thread's) update the job row meanwhile, so the
    progress bar moves; SQLite allows one writer at a time, so there the count is written when
    the import ends.
    """

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.enabled = connection.vendor == "postgresql"

    def report(self, processed: int) -> None:
        if not self.enabled:
            return
        worker = threading.Thread(target=self._write, args=(processed,), daemon=True)
        worker.start()
        worker.join(timeout=5)

    def _write(self, processed: int) -> None:
        try:
            ImportJob.objects.filter(pk=self.job_id).update(processed_rows=processed)
        except Exception:  # progress is a courtesy: never let it break the import
            logger.warning("could not record progress of import job %s", self.job_id, exc_info=True)
        finally:
            close_old_connections()
            connection.close()


def _finish(job: ImportJob, *, status: str, message: str) -> ImportJob:
    job.status = status
    job.message = message
    job.save()
    return job
