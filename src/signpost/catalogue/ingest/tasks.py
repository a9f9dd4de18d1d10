"""Background work for imports: a confirmed ImportJob of more than 1,000 rows runs here.

With the embedded default (the immediate task backend) the task runs inline, in the request
that confirmed the import; with SIGNPOST_TASK_BACKEND=database a `manage.py db_worker` runs
it while the job's page shows its progress.
"""

from __future__ import annotations

from django_tasks import task


@task()
def run_import_job(job_id: int) -> str:
    """Import a confirmed job's file; returns the job's final status."""
    from signpost.catalogue.services.imports import run_import

    return run_import(job_id=job_id).status
