"""Time the opportunity page and the formats out: JSON-LD page, iCalendar, RSS/Atom, RPDE.

    SIGNPOST_SQLITE_PATH=/tmp/bench.sqlite3 .venv/bin/python benchmarks/catalogue_formats.py
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/catalogue_formats.py --opportunities 5000

Generates opportunities (two dated occurrences and three lexicon tags each) through the one
writer, times each request in-process with Django's test client (median and 95th percentile,
queries, response size), then walks the whole RPDE feed as a harvester would. Everything runs
in one transaction that is rolled back, so the database is left as it was.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--opportunities", type=int, default=2000, help="generated (default 2000)")
    parser.add_argument("--repeat", type=int, default=10, help="timed requests of each kind (default 10)")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from signpost.accounts.models import Organisation
    from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
    from signpost.catalogue.services.opportunities import save_records
    from signpost.lexicon.models import Concept, ConceptScheme

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    if not ConceptScheme.objects.filter(slug="starter").exists():
        call_command("load_starter_lexicon", verbosity=0)
    print(f"Database: {connection.vendor}; {options.opportunities} opportunities")
    client = Client()

    def timed(label: str, path: str, *, uncached: bool = False) -> None:
        client.get(path)  # warm caches (templates, zoneinfo) before timing
        times, queries, size = [], 0, 0
        for _ in range(options.repeat):
            if uncached:
                cache.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
            queries, size = len(captured.captured_queries), len(response.content)
        times.sort()
        p95 = times[max(int(len(times) * 0.95) - 1, 0)]
        print(f"{label:<44} {statistics.median(times):>8.1f} {p95:>8.1f} {queries:>8} {size / 1024:>9.0f}")

    with transaction.atomic():
        provider = Organisation.objects.create(
            name="Bench provider", slug="bench-provider-formats", kind="training-provider"
        )
        concepts = list(Concept.objects.filter(scheme__slug="starter", is_top_concept=False)[:60])
        area = Concept.objects.filter(scheme__slug="starter", is_top_concept=True).first()
        today = timezone.localdate()
        records = []
        for n in range(options.opportunities):
            day = today + timedelta(days=7 + n % 300)
            start = datetime(day.year, day.month, day.day, 10)  # noqa: DTZ001 (venue time)
            records.append(
                OpportunityRecord(
                    title=f"Bench course {n}",
                    summary="A day of practice for library, archive and museum staff.",
                    description="## Programme\n\n- Morning: **theory**\n- Afternoon: practice\n",
                    kind="workshop" if n % 3 else "course",
                    price=Decimal("45.00") if n % 4 else None,
                    contact_name="Bench Contact",
                    contact_email="bench@example.org",
                    tags=[concepts[(n + k) % len(concepts)].uri for k in range(3)],
                    occurrences=[
                        OccurrenceRecord(
                            start=start + timedelta(days=k * 14),
                            end=start + timedelta(days=k * 14, hours=6),
                            registration_deadline=start + timedelta(days=k * 14 - 7),
                            venue_name="Central Library",
                            town="Leeds",
                            region="Yorkshire and the Humber" if n % 2 else "London",
                            capacity=20,
                            places_left=5 + n % 10,
                        )
                        for k in range(2)
                    ],
                )
            )
        started = time.perf_counter()
        result = save_records(provider=provider, records=records, source="file")
        assert result.ok, result.errors[:3]
        print(f"(generated in {time.perf_counter() - started:.1f} s)")
        first = result.opportunity_ids[0]

        print(f"{'request':<44} {'median':>8} {'p95 ms':>8} {'queries':>8} {'size KiB':>9}")
        timed("opportunity page (with JSON-LD)", f"/opportunities/{first}/")
        timed("opportunity .ics, built", f"/opportunities/{first}/calendar.ics", uncached=True)
        timed("provider .ics (1000 dates), built", f"/calendars/providers/{provider.slug}.ics", uncached=True)
        timed("provider .ics (1000 dates), cached", f"/calendars/providers/{provider.slug}.ics")
        timed(
            "region .ics (Yorkshire + online), built",
            "/calendars/regions/yorkshire-and-the-humber.ics",
            uncached=True,
        )
        if area is not None:
            timed(
                f"area .ics ({area.pref_label[:20]}), built", f"/calendars/areas/{area.pk}.ics", uncached=True
            )
        timed("RSS (50 newest)", "/feeds/new-opportunities.xml")
        timed("Atom (50 newest)", "/feeds/new-opportunities.atom")
        timed("RPDE first page (500 items)", "/api/rpde/opportunities")

        # A whole harvest, following `next` until an empty page.
        url, pages, items = "/api/rpde/opportunities", 0, 0
        started = time.perf_counter()
        while True:
            page = client.get(url).json()
            pages += 1
            items += len(page["items"])
            if not page["items"]:
                break
            url = page["next"].removeprefix("http://testserver")
        elapsed = time.perf_counter() - started
        print(
            f"RPDE full harvest: {items} items in {pages} pages, "
            f"{elapsed:.2f} s ({items / elapsed:.0f} items/s)"
        )
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
