"""Load (or refresh) the team's starter lexicon that ships with Signpost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from signpost.lexicon.services.skos_import import import_lexicon_file

STARTER_LEXICON = Path(__file__).resolve().parents[2] / "data" / "starter-lexicon.ttl"
STARTER_SLUG = "starter"


class Command(BaseCommand):
    help = "Load the Signpost starter lexicon (CC BY 4.0) from the package; safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        result = import_lexicon_file(STARTER_LEXICON, scheme_slug=STARTER_SLUG)
        self.stdout.write(
            f"Starter lexicon: {result.scheme.title} {result.scheme.version} — "
            f"{result.concepts} concepts ({result.elapsed:.1f} s)"
        )
