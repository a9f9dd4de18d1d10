"""Import a file of opportunities for a provider; docs/catalogue-import.md describes the formats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from signpost.accounts.models import Organisation
from signpost.catalogue.ingest.common import IngestError
from signpost.catalogue.ingest.detect import READERS
from signpost.catalogue.services import imports

LISTED = 50  # problems listed before "… and N more"


class Command(BaseCommand):
    help = (
        "Import opportunities from a CSV, XLSX, iCalendar (.ics) or schema.org JSON-LD file (or a saved web "
        "page) for a provider. All or nothing unless --valid-only; importing the same file again updates "
        "what it imported before."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the file to import")
        parser.add_argument(
            "--provider", required=True, metavar="SLUG", help="the provider organisation's slug"
        )
        parser.add_argument(
            "--format", dest="file_format", choices=sorted(READERS), default="",
            help="the file's format (default: worked out from the file)",
        )  # fmt: skip
        parser.add_argument(
            "--valid-only", action="store_true", help="import the valid rows, skip the others"
        )
        parser.add_argument("--dry-run", action="store_true", help="check and count, but write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        provider = Organisation.objects.filter(slug=options["provider"]).first()
        if provider is None:
            raise CommandError(f"No organisation has the slug {options['provider']!r}.")
        try:
            content = path.read_bytes()
        except OSError as problem:
            raise CommandError(f"Cannot read {path}: {problem.strerror or problem}.") from problem
        verbosity = options["verbosity"]
        if options["dry_run"]:
            self._dry_run(content, path.name, options["file_format"], verbosity=verbosity)
            return
        try:
            parsed = imports.read_upload(
                content=content, filename=path.name, file_format=options["file_format"]
            )
        except IngestError as problem:
            raise CommandError(str(problem)) from problem
        job = imports.create_import(
            provider=provider, uploaded_by=None, content=content, filename=path.name, parsed=parsed
        )
        summary = imports.summarise(job)
        self._list(summary.errors, verbosity=verbosity)
        if verbosity >= 2:
            for notice in summary.notices:
                self.stdout.write(f"note: {notice['text']}")
        try:
            # A command is already out of the way of any web request: run it here, whatever its size.
            job = imports.confirm_import(
                job=job, valid_only=options["valid_only"], in_background=False, parsed=parsed
            )
        except ValidationError as problem:
            imports.discard_import(job=job)  # refused: leave nothing behind
            raise CommandError(" ".join(problem.messages)) from problem
        if job.status != job.DONE:
            self._list(imports.summarise(job).errors, verbosity=verbosity)
            raise CommandError(job.message)
        if verbosity:
            noun = self._noun(job.file_format, job.total_rows)
            self.stdout.write(f"{path.name} ({job.total_rows} {noun}): {job.message}")

    def _dry_run(self, content: bytes, name: str, file_format: str, *, verbosity: int) -> None:
        try:
            parsed = imports.read_upload(content=content, filename=name, file_format=file_format)
        except IngestError as problem:
            raise CommandError(str(problem)) from problem
        problems = imports.check_records(parsed)
        errors = [p.as_dict() for p in problems if p.level == imports.ERROR]
        self._list(errors, verbosity=verbosity)
        if verbosity >= 2:
            for notice in (p for p in problems if p.level == imports.NOTICE):
                self.stdout.write(f"note: {notice}")
        bad = {p["record"]: p["size"] for p in errors}
        rows_with_errors = sum(bad.values())
        noun = self._noun(parsed.format, parsed.row_count)
        self.stdout.write(
            f"Dry run: nothing was written. {name}: {parsed.row_count} {noun}, "
            f"{len(parsed.records)} opportunities; {parsed.row_count - rows_with_errors} without problems, "
            f"{rows_with_errors} with problems."
        )
        if errors:
            raise CommandError(f"{len(errors)} problems found.")

    def _list(self, errors: list[dict[str, Any]], *, verbosity: int) -> None:
        for error in errors[:LISTED]:
            self.stderr.write(error["text"])
        if len(errors) > LISTED:
            self.stderr.write(f"… and {len(errors) - LISTED} more problems")

    @staticmethod
    def _noun(file_format: str, count: int) -> str:
        noun = {"ics": "event", "jsonld": "item", "html": "item"}.get(file_format, "row")
        return noun if count == 1 else f"{noun}s"
