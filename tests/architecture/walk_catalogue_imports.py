"""File imports (pages and API) for the permission walk.

Only those who publish for the provider may upload, preview, confirm and follow its imports:
priya (its editor), bea (a broker) and ada (an admin). maya and oliver are refused, and their
refused uploads and confirmations write nothing (not even an import job).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from signpost.accounts.models import Organisation
from signpost.catalogue.services.imports import create_import
from tests.architecture.permission_walk import Operation

PUBLISHERS = frozenset({"priya", "bea", "ada"})
CSV = (
    b"external_id,title,start,end,venue,town,region,contact_email\n"
    b"WALK-1,Walk: caring for photographs,04/03/2027 10:00,04/03/2027 16:00,Riverside Museum,Leeds,"
    b"Yorkshire and the Humber,training@example.org\n"
)


def _upload(world: Any) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("programme.csv", CSV, content_type="text/csv")}


OPERATIONS: list[Operation] = [
    Operation(
        "catalogue:import_upload", "get", lambda w: f"/publish/{w.imp_provider.slug}/import/", PUBLISHERS
    ),
    Operation(
        "catalogue:import_upload",
        "post",
        lambda w: f"/publish/{w.imp_provider.slug}/import/",
        PUBLISHERS,
        data=_upload,
    ),
    Operation(
        "catalogue:import_template",
        "get",
        lambda w: f"/publish/{w.imp_provider.slug}/import/template.xlsx",
        PUBLISHERS,
    ),
    Operation("catalogue:import_detail", "get", lambda w: f"/imports/{w.imp_job.pk}/", PUBLISHERS),
    Operation(
        "catalogue:import_confirm",
        "post",
        lambda w: f"/imports/{w.imp_job.pk}/confirm/",
        PUBLISHERS,
        data=lambda w: {"mode": "all"},
    ),
    Operation("catalogue:import_progress", "get", lambda w: f"/imports/{w.imp_job.pk}/progress/", PUBLISHERS),
    Operation(
        "POST /api/providers/{slug}/imports",
        "post",
        lambda w: f"/api/providers/{w.imp_provider.slug}/imports",
        PUBLISHERS,
        data=_upload,
    ),
    Operation("GET /api/imports/{job_id}", "get", lambda w: f"/api/imports/{w.imp_job.pk}", PUBLISHERS),
    Operation(
        "POST /api/imports/{job_id}/confirm",
        "post",
        lambda w: f"/api/imports/{w.imp_job.pk}/confirm",
        PUBLISHERS,
        data=lambda w: {"valid_only": False},
        json=True,
    ),
]


def world(base: SimpleNamespace) -> dict[str, Any]:
    provider = Organisation.objects.get(slug="heritage-skills-training")
    job = create_import(provider=provider, uploaded_by=base.people["priya"], content=CSV, filename="walk.csv")
    return {"imp_provider": provider, "imp_job": job}
