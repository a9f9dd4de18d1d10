"""`manage.py import_lexicon PATH [--scheme SLUG] [--prune] [--dry-run]`: load a SKOS, CSV or ESCO lexicon."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signpost.lexicon.services.skos_import import LexiconImportError, import_lexicon_file


class Command(BaseCommand):
    help = (
        "Import a concept scheme from SKOS (.ttl, .rdf/.xml/.owl, .jsonld/.json, .nt, optionally .gz), "
        "Signpost's lexicon CSV, or ESCO's CSV download (its folder or skills_en.csv). "
        "Re-importing a scheme updates it in place; nothing is written if the file has any error."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a SKOS or CSV file, or an ESCO CSV folder")
        parser.add_argument(
            "--scheme", metavar="SLUG", help="slug for the scheme (and, in a file with several, which one)"
        )
        parser.add_argument(
            "--prune", action="store_true", help="delete concepts of the scheme that the file no longer holds"
        )
        parser.add_argument("--dry-run", action="store_true", help="read, check and count, but save nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = import_lexicon_file(
                options["path"],
                scheme_slug=options["scheme"],
                prune=options["prune"],
                dry_run=options["dry_run"],
            )
        except LexiconImportError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
        self.stdout.write(result.summary())
