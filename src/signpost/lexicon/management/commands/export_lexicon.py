"""`manage.py export_lexicon SLUG --format ttl|rdf|jsonld|nt|csv [--output FILE]`: write a scheme out."""

from __future__ import annotations

import gzip
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signpost.lexicon.models import ConceptScheme
from signpost.lexicon.services.parsed import LexiconImportError
from signpost.lexicon.services.skos_export import EXPORT_FORMATS, FILE_EXTENSIONS, export_scheme


class Command(BaseCommand):
    help = "Export a concept scheme as SKOS (Turtle, RDF/XML, JSON-LD, N-Triples) or Signpost's lexicon CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="the scheme's slug")
        parser.add_argument(
            "--format",
            choices=EXPORT_FORMATS,
            help="output format (default: from --output's extension, else ttl)",
        )
        parser.add_argument(
            "--output", "-o", type=Path, help="file to write (.gz compresses); default stdout"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        scheme = ConceptScheme.objects.filter(slug=options["slug"]).first()
        if scheme is None:
            known = ", ".join(ConceptScheme.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No concept scheme has the slug {options['slug']!r} (schemes: {known}).")
        output: Path | None = options["output"]
        fmt = options["format"] or _format_from_name(output) or "ttl"
        try:
            data = export_scheme(scheme, fmt)
        except LexiconImportError as exc:
            raise CommandError(str(exc)) from exc
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if output is None:
            self.stdout.write(payload.decode("utf-8"), ending="")
            return
        if output.name.endswith(".gz"):
            payload = gzip.compress(payload)
        output.write_bytes(payload)
        count = scheme.concepts.count()
        self.stderr.write(
            f"Wrote {count} concepts of “{scheme.title}” as {fmt} to {output} "
            f"({len(payload):,} bytes) in {time.perf_counter() - started:.1f} s."
        )


def _format_from_name(output: Path | None) -> str | None:
    if output is None:
        return None
    name = output.name.removesuffix(".gz")
    for fmt, extension in FILE_EXTENSIONS.items():
        if name.endswith(extension):
            return fmt
    return {".xml": "rdf", ".owl": "rdf", ".json": "jsonld"}.get(Path(name).suffix)
