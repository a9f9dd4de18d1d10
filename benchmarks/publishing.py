"""Time the providers' pages and the publishing API: tag suggestions as one types, creating an
opportunity through the API, and the publishing dashboard of a provider with many opportunities.

    SIGNPOST_SQLITE_PATH=/tmp/bench.sqlite3 .venv/bin/python benchmarks/publishing.py
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/publishing.py --opportunities 2000

The starter lexicon is loaded if it is missing (and left, as `load_starter_lexicon` would);
everything else runs in one transaction that is rolled back. Requests go through Django's
test client, so the figures include middleware, views and templates but no network.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["ca", "cat", "catal", "rationalis", "digital", "digital pres", "oral hist", "weed", "volunteer"]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--opportunities", type=int, default=500, help="on the dashboard (default 500)")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests of each kind (default 30)")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from signpost.accounts.models import Membership, Organisation, Role, User
    from signpost.catalogue.models import Occurrence, Opportunity
    from signpost.lexicon.models import ConceptScheme

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    if not ConceptScheme.objects.filter(slug="starter").exists():
        call_command("load_starter_lexicon", verbosity=0)
    print(f"Database: {connection.vendor}")

    def timed(label: str, request, repeat: int) -> None:
        request()  # warm caches (templates, zoneinfo) before timing
        times, queries = [], 0
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = request()
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code < 400, (label, response.status_code, response.content[:300])
            queries = len(captured.captured_queries)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{label:<52} {statistics.median(times):>7.1f} {p95:>7.1f} {queries:>8}")

    print(f"{'request':<52} {'median':>7} {'p95 ms':>7} {'queries':>8}")
    with transaction.atomic():
        provider = Organisation.objects.create(
            name="Bench provider", slug="bench-provider-publishing", kind="training-provider"
        )
        editor = User.objects.create_user(email="bench-editor@example.org", password="x" * 12)
        Membership.objects.create(user=editor, organisation=provider, role=Role.PROVIDER_EDITOR)
        client = Client()
        client.force_login(editor)

        for q in QUERIES:
            timed(
                f"suggest ?tags=…; {q!r} (htmx)",
                lambda q=q: client.get(
                    "/concepts/suggest/", {"tags": f"Cataloguing; {q}"}, HTTP_HX_REQUEST="true"
                ),
                options.repeat,
            )
        timed(
            "suggest ?q=digital&format=json",
            lambda: client.get("/concepts/suggest/", {"q": "digital", "format": "json"}),
            options.repeat,
        )

        counter = iter(range(10**9))

        def create() -> object:
            n = next(counter)
            body = {
                "title": f"Bench course {n}",
                "kind": "workshop",
                "price": "85.00",
                "contact_email": "bench@example.org",
                "tags": ["Accessioning", "Weeding", "Web archiving", "Oral history"],
                "occurrences": [
                    {
                        "start": f"2030-{1 + d % 12:02d}-{1 + d % 28:02d}T10:00:00",
                        "end": f"2030-{1 + d % 12:02d}-{1 + d % 28:02d}T16:00:00",
                        "venue_name": "Central Library",
                        "town": "Leeds",
                        "region": "Yorkshire and the Humber",
                        "capacity": 20,
                    }
                    for d in range(10)
                ],
            }
            return client.post(
                f"/api/providers/{provider.slug}/opportunities",
                data=json.dumps(body),
                content_type="application/json",
            )

        timed("POST /api/providers/…/opportunities (10 dates, 4 tags)", create, options.repeat)

        have = Opportunity.objects.filter(provider=provider).count()
        for n in range(have, options.opportunities):
            opportunity = Opportunity.objects.create(
                provider=provider, title=f"Generated course {n}", kind="course", format="in-person"
            )
            Occurrence.objects.create(opportunity=opportunity, start=None)
        timed(
            f"GET /publish/ ({options.opportunities} opportunities)",
            lambda: client.get("/publish/"),
            options.repeat,
        )
        timed(
            f"GET /api/providers/…/opportunities ({options.opportunities})",
            lambda: client.get(f"/api/providers/{provider.slug}/opportunities"),
            options.repeat,
        )
        first = Opportunity.objects.filter(provider=provider).order_by("pk").first()
        assert first is not None
        timed(
            "GET /opportunities/…/edit/ (10 dates)",
            lambda: client.get(f"/opportunities/{first.pk}/edit/"),
            options.repeat,
        )
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
