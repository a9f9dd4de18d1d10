"""Rebuild the catalogue's search index from the database (safe to run at any time)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from signpost.catalogue.search import get_backend
from signpost.catalogue.services.indexing import ensure_search_index, rebuild_search_index


class Command(BaseCommand):
    help = (
        "Rebuild the catalogue search index in one commit; searches keep using the old index until "
        "it is done. Run it after changing lexicon labels or provider names in bulk, or nightly."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-missing", action="store_true", help="Only build it if it has never been built (quick)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        backend = get_backend()
        where = getattr(backend, "path", "the database")
        if options["if_missing"]:
            if backend.exists():
                self.stdout.write(f"Search index ({backend.name}) already built in {where}")
                return
            started = time.monotonic()
            ensure_search_index()
            self.stdout.write(
                f"Search index ({backend.name}) built in {where} ({time.monotonic() - started:.1f} s)"
            )
            return
        started = time.monotonic()
        count = rebuild_search_index()
        self.stdout.write(
            f"Search index ({backend.name}) rebuilt in {where}: {count} searchable opportunities "
            f"({time.monotonic() - started:.1f} s)"
        )
