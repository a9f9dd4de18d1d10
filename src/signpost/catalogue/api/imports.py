"""File imports over the API: upload a file for a preview, read it back, confirm it.

The same services and policy as the import pages. Upload a file (multipart, field `file`) to
`POST /api/providers/{slug}/imports`: the answer is the preview, with every problem naming its
row (spreadsheet rows count the header as row 1) or item and the field. Nothing is imported
until `POST /api/imports/{id}/confirm`, all or nothing unless `valid_only` is true. Large files
(more than 1,000 rows) are imported in the background: poll `GET /api/imports/{id}` until
`status` is `done` or `failed`. A file that cannot be read at all answers 422 on `file`.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from signpost.accounts.models import Organisation, User
from signpost.api_auth import signed_in
from signpost.catalogue import permissions
from signpost.catalogue.models import ImportJob
from signpost.catalogue.services import imports

router = Router(tags=["catalogue"])


class ImportProblemOut(Schema):
    where: str
    row: int | None = None
    field: str
    message: str
    text: str


class ImportJobOut(Schema):
    id: int
    provider: str
    filename: str
    file_format: str
    status: str
    valid_only: bool
    total_rows: int
    valid_rows: int
    rows_with_errors: int
    processed_rows: int
    created_count: int
    updated_count: int
    skipped_count: int
    message: str
    errors: list[ImportProblemOut]
    notices: list[ImportProblemOut]


class ConfirmIn(Schema):
    valid_only: bool = False


def _out(job: ImportJob) -> dict[str, Any]:
    summary = imports.summarise(job)
    return {
        "id": job.pk,
        "provider": job.provider.slug,
        "filename": job.filename,
        "file_format": job.file_format,
        "status": job.status,
        "valid_only": job.valid_only,
        "total_rows": job.total_rows,
        "valid_rows": summary.valid_rows,
        "rows_with_errors": summary.rows_with_errors,
        "processed_rows": job.processed_rows,
        "created_count": job.created_count,
        "updated_count": job.updated_count,
        "skipped_count": job.skipped_count,
        "message": job.message,
        "errors": summary.errors,
        "notices": summary.notices,
    }


def _job(request: HttpRequest, job_id: int) -> ImportJob:
    job = ImportJob.objects.select_related("provider").filter(pk=job_id).first()
    if job is None:
        raise HttpError(404, "No such import")
    if not permissions.can_view_import(request.user, job):
        raise PermissionDenied("This import belongs to an organisation you do not publish for.")
    return job


@router.post("/providers/{slug}/imports", response={201: ImportJobOut}, auth=signed_in)
def create_import(
    request: HttpRequest, slug: str, file: File[UploadedFile], file_format: Form[str] = ""
) -> Status:
    """Upload a CSV, XLSX, iCalendar or JSON-LD file (`file`); the answer is its preview.

    `file_format` (csv, xlsx, ics, jsonld, html) is worked out from the file when empty.
    """
    provider = Organisation.objects.filter(slug=slug).first()
    if provider is None:
        raise HttpError(404, "No such organisation")
    if not permissions.can_publish_for(request.user, provider):
        raise PermissionDenied("You may not publish opportunities for this organisation.")
    if file.size is not None and file.size > imports.MAX_UPLOAD_BYTES:
        raise ValidationError(
            {"file": f"The most Signpost takes is {imports.MAX_UPLOAD_BYTES // 1024 // 1024} MB."}
        )
    user = request.user if isinstance(request.user, User) else None
    job = imports.create_import(
        provider=provider, uploaded_by=user, content=file.read(), filename=file.name or "upload",
        file_format=file_format,
    )  # fmt: skip
    return Status(201, _out(job))


@router.get("/imports/{job_id}", response=ImportJobOut, auth=signed_in)
def get_import(request: HttpRequest, job_id: int) -> dict[str, Any]:
    """An import: its preview (status `previewed`), its progress, or its outcome."""
    return _out(_job(request, job_id))


@router.post("/imports/{job_id}/confirm", response=ImportJobOut, auth=signed_in)
def confirm_import(request: HttpRequest, job_id: int, payload: ConfirmIn) -> dict[str, Any]:
    """Import a previewed file: all or nothing, or only its valid rows with `valid_only`."""
    job = imports.confirm_import(job=_job(request, job_id), valid_only=payload.valid_only)
    return _out(job)
