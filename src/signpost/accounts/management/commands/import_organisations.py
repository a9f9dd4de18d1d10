"""Import organisations from a CSV directory; docs/organisation-import.md has the details."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signpost.accounts.models import OrganisationKind
from signpost.accounts.services.organisation_import import (
    BLANKABLE_FIELDS,
    FIELDS,
    OrganisationImportError,
    OrganisationImportResult,
    RowError,
    import_organisations,
    parse_mapping,
)

LISTED = 50  # errors listed before "… and N more"


class Command(BaseCommand):
    help = (
        "Import organisations from a CSV file, mapping its columns to fields with --map COLUMN=FIELD. "
        "Importing the same file again updates what it imported before. Fields: "
        + "; ".join(f"{name}: {meaning}" for name, meaning in FIELDS.items())
        + "."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the CSV file, with a header row")
        parser.add_argument(
            "--map", action="append", dest="mapping", default=[], metavar="COLUMN=FIELD",
            help="map a column to a field (repeatable; address and external_id may take several columns)",
        )  # fmt: skip
        parser.add_argument("--source", default="", help="name of the source (default: the file name's stem)")
        parser.add_argument("--kind", default="", help="kind of the organisations, unless a kind column says")
        parser.add_argument(
            "--sector", action="append", dest="sectors", default=[], metavar="SLUG",
            help="sector of the organisations, unless a sectors column says (repeatable)",
        )  # fmt: skip
        parser.add_argument("--country", default="GB", help="country code, unless a country column says")
        parser.add_argument(
            "--parent-kind", default=OrganisationKind.PUBLIC_LIBRARY_SERVICE,
            help="kind of the parent organisations found or created from a parent column",
        )  # fmt: skip
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid rows, skip the others"
        )
        parser.add_argument(
            "--merge-duplicates", action="store_true",
            help="rows sharing an external_id describe one organisation: keep the last open one",
        )  # fmt: skip
        parser.add_argument(
            "--blank-invalid", action="append", default=[], metavar="FIELD",
            help=f"blank invalid values of FIELD, with a warning ({', '.join(sorted(BLANKABLE_FIELDS))})",
        )  # fmt: skip
        parser.add_argument("--encoding", default="utf-8", help="the file's text encoding (default utf-8)")
        parser.add_argument("--dry-run", action="store_true", help="check and count, but write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["mapping"]:
            raise CommandError("give the column mapping, e.g. --map 'Library name=name'")
        try:
            result = import_organisations(
                path=options["file"], mapping=parse_mapping(options["mapping"]), source=options["source"],
                kind=options["kind"], sectors=options["sectors"], country=options["country"],
                parent_kind=options["parent_kind"], skip_invalid=options["skip_invalid"],
                merge_duplicates=options["merge_duplicates"], blank_invalid=options["blank_invalid"],
                encoding=options["encoding"], dry_run=options["dry_run"],
            )  # fmt: skip
        except OrganisationImportError as exc:
            raise CommandError(str(exc)) from exc
        verbosity = options["verbosity"]
        self._list("error", result.errors, limit=LISTED, stream=self.stderr.write)
        if verbosity >= 2:
            self._list("warning", result.warnings, limit=len(result.warnings), stream=self.stdout.write)
        elif result.warnings and verbosity:
            self.stdout.write(
                f"{len(result.warnings)} warnings (blanked values, merged rows); -v 2 lists them."
            )
        if result.errors and not options["skip_invalid"]:
            raise CommandError(
                f"{result.skipped} of {result.rows} rows have errors, so nothing was written. "
                "Correct them, or give --skip-invalid to import the other rows."
            )
        if verbosity:
            self.stdout.write(self._summary(result))

    def _list(self, noun: str, items: list[RowError], *, limit: int, stream: Any) -> None:
        for item in items[:limit]:
            stream(str(item))
        if len(items) > limit:
            stream(f"… and {len(items) - limit} more {noun}s")

    @staticmethod
    def _summary(result: OrganisationImportResult) -> str:
        lines = [
            f"{result.rows} rows from {result.source!r}: {result.created} created, "
            f"{result.updated} updated, {result.unchanged} unchanged, {result.skipped} skipped (invalid), "
            f"{result.merged} merged (duplicates); {result.parents_created} parent organisations created."
        ]
        if result.dry_run:
            lines.insert(0, "Dry run: nothing was written. The import would give:")
        if result.regions_created:
            lines.append(f"New regions: {', '.join(result.regions_created)}.")
        return "\n".join(lines)
