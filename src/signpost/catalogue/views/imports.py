"""File imports: upload a file, check the preview with its per-row problems, import, follow progress.

Plain forms and links throughout; with JavaScript, htmx refreshes the progress bar in place.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from signpost.accounts.models import Organisation, User
from signpost.catalogue import permissions
from signpost.catalogue.ingest.common import IngestError
from signpost.catalogue.ingest.detect import ACCEPT, FORMATS
from signpost.catalogue.models import ImportJob
from signpost.catalogue.services import imports

PREVIEW_PAGE_SIZE = 50
POLL_SECONDS = 2


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="CSV, XLSX, iCalendar (.ics) or schema.org JSON-LD (.json, .jsonld or a saved web page); "
        f"at most {imports.MAX_UPLOAD_BYTES // 1024 // 1024} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    file_format = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("", "Work it out from the file"), *FORMATS.items()],
        help_text="Leave this alone unless the file is misread.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > imports.MAX_UPLOAD_BYTES:
            raise ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the most Signpost takes is "
                f"{imports.MAX_UPLOAD_BYTES // 1024 // 1024} MB. Split it into smaller files."
            )
        return upload


def _provider_for_publishing(request: HttpRequest, slug: str) -> Organisation | HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    provider = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_publish_for(request.user, provider):
        raise PermissionDenied("You may not publish opportunities for this organisation.")
    return provider


def _job(request: HttpRequest, pk: int) -> ImportJob | HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    job = get_object_or_404(ImportJob.objects.select_related("provider", "uploaded_by"), pk=pk)
    if not permissions.can_view_import(request.user, job):
        raise PermissionDenied("This import belongs to an organisation you do not publish for.")
    return job


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, provider: str) -> HttpResponse:
    found = _provider_for_publishing(request, provider)
    if isinstance(found, HttpResponse):
        return found
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        user = request.user if isinstance(request.user, User) else None
        try:
            job = imports.create_import(
                provider=found, uploaded_by=user, content=upload_file.read(), filename=upload_file.name,
                file_format=form.cleaned_data["file_format"],
            )  # fmt: skip
        except ValidationError as problem:
            form.add_error("file", problem.message_dict.get("file", problem.messages))
        else:
            return redirect("catalogue:import_detail", pk=job.pk)
    recent = ImportJob.objects.filter(provider=found).select_related("uploaded_by")[:10]
    return render(
        request,
        "catalogue/import_upload.html",
        {"provider": found, "form": form, "recent": recent, "max_rows": imports.BACKGROUND_ROWS},
        status=400 if form.errors else 200,
    )


@require_GET
def template_xlsx(request: HttpRequest, provider: str) -> HttpResponse:
    found = _provider_for_publishing(request, provider)
    if isinstance(found, HttpResponse):
        return found
    response = HttpResponse(
        imports.template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="signpost-opportunities-template.xlsx"'
    return response


@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = _job(request, pk)
    if isinstance(found, HttpResponse):
        return found
    if found.status == ImportJob.PREVIEWED:
        return _preview(request, found)
    return render(request, "catalogue/import_job.html", _job_context(found))


def _preview(request: HttpRequest, job: ImportJob) -> HttpResponse:
    summary = imports.summarise(job)
    problems_only = request.GET.get("show") == "problems"
    try:
        parsed = imports.load_parsed(job)
    except IngestError as problem:
        messages.error(request, str(problem))
        return redirect("catalogue:import_upload", provider=job.provider.slug)
    rows = imports.preview_rows(job, parsed, problems_only=problems_only)
    page = Paginator(rows, PREVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "catalogue/import_preview.html",
        {
            "job": job,
            "summary": summary,
            "page": page,
            "problems_only": problems_only,
            "opportunity_count": len(parsed.records),
            "row_noun": parsed.row_noun,
            "shown_errors": summary.errors[:20],
            "background": job.total_rows > imports.BACKGROUND_ROWS,
        },
    )


@require_POST
def job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    found = _job(request, pk)
    if isinstance(found, HttpResponse):
        return found
    mode = request.POST.get("mode", "")
    if mode not in {"all", "valid"}:
        messages.error(request, "Choose whether to import every row or only the valid ones.")
        return redirect("catalogue:import_detail", pk=found.pk)
    try:
        imports.confirm_import(job=found, valid_only=mode == "valid")
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    return redirect("catalogue:import_detail", pk=found.pk)


@require_GET
def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    found = _job(request, pk)
    if isinstance(found, HttpResponse):
        return found
    template = "catalogue/import_job.html"
    if getattr(request, "htmx", False):
        template += "#progress"
    return render(request, template, _job_context(found))


def _job_context(job: ImportJob) -> dict[str, Any]:
    running = job.status in {ImportJob.QUEUED, ImportJob.RUNNING}
    percent = round(100 * job.processed_rows / job.total_rows) if job.total_rows else 0
    summary = imports.summarise(job)
    return {
        "job": job,
        "running": running,
        "percent": percent if job.status != ImportJob.DONE else 100,
        "summary": summary,
        "shown_errors": summary.errors[:100],
        "poll_seconds": POLL_SECONDS,
    }
