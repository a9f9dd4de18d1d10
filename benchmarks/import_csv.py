"""Time `import_opportunities` on a generated 10,000-row CSV, and measure the peak memory.

    .venv/bin/python benchmarks/import_csv.py [--rows 10000] [--dates 1]

The CSV has every column a provider would fill in (sectors, career stages, two lexicon tags,
prices, a contact, a venue with a UK region); `--dates N` makes each opportunity N rows (dates).
It is imported with the real command (preview, then import, in one process), then imported
again (everything unchanged). The database is the one the settings select: DATABASE_URL or
SIGNPOST_SQLITE_PATH when set, else a scratch SQLite file; the benchmark provider's rows are
deleted at the end. Prints wall and CPU seconds for each run and the peak resident memory
(ru_maxrss of the whole process, Django and the lexicon included).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROVIDER = "benchmark-training-provider"
REGIONS = ["London", "Wales", "Scotland", "North West", "Yorkshire and the Humber", "South West", "TLE"]
TOWNS = ["Leeds", "Cardiff", "Glasgow", "Manchester", "Bristol", "London", "Hull", "Bangor"]
KINDS = ["course", "workshop", "webinar", "masterclass", "conference"]
SECTORS = ["museums", "libraries", "archives"]
STAGES = ["new-entrant", "practitioner", "experienced", "manager"]


def write_csv(path: Path, *, rows: int, dates: int, tags: list[str]) -> None:
    rng = random.Random(2027)
    header = [
        "external_id", "title", "summary", "description", "kind", "sectors", "career_stages", "price",
        "member_price", "url", "contact_name", "contact_email", "tags", "start", "end", "venue", "address",
        "town", "postcode", "region", "capacity", "places_left",
    ]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in range(rows):
            number = row // dates
            day = 1 + (row % 28)
            month = 1 + (row % 12)
            capacity = rng.randint(10, 40)
            writer.writerow([
                f"BENCH-{number:05d}",
                f"Course {number}: {rng.choice(['Caring for', 'Digitising', 'Cataloguing'])} collections",
                "A practical day for people who look after collections.",
                "You will learn to plan, **do** and review the work.\n\nBring a notebook.",
                rng.choice(KINDS),
                "; ".join(rng.sample(SECTORS, 2)),
                rng.choice(STAGES),
                f"{rng.randint(0, 200)}.00",
                "",
                f"https://example.org/courses/{number}",
                "Priya Raman",
                "training@example.org",
                "; ".join(rng.sample(tags, 2)) if tags else "",
                f"{day:02d}/{month:02d}/2027 10:00",
                f"{day:02d}/{month:02d}/2027 16:00",
                "Riverside Museum",
                "1 Quay Street",
                rng.choice(TOWNS),
                "LS1 4AP",
                rng.choice(REGIONS),
                capacity,
                rng.randint(0, capacity),
            ])  # fmt: skip


def _cpu() -> float:
    """This process's CPU seconds (user + system): steadier than wall time on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--dates", type=int, default=1, help="rows (dates) per opportunity")
    options = parser.parse_args()

    scratch = tempfile.TemporaryDirectory()
    if not os.environ.get("DATABASE_URL") and not os.environ.get("SIGNPOST_SQLITE_PATH"):
        os.environ["SIGNPOST_SQLITE_PATH"] = str(Path(scratch.name) / "benchmark.sqlite3")
    os.environ.setdefault("SIGNPOST_MEDIA_ROOT", str(Path(scratch.name) / "media"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)

    from signpost.accounts.models import Organisation, OrganisationKind
    from signpost.catalogue.models import ImportJob, Opportunity
    from signpost.lexicon.models import Concept

    if not Concept.objects.filter(scheme__slug="starter").exists():
        call_command("load_starter_lexicon", verbosity=0)
    tags = list(
        Concept.objects.filter(scheme__slug="starter").order_by("pk").values_list("pref_label", flat=True)
    )
    tags = [t for t in tags if ";" not in t and Concept.objects.filter(pref_label=t).count() == 1][:200]
    provider, _ = Organisation.objects.get_or_create(
        slug=PROVIDER,
        defaults={"name": "Benchmark Training Provider", "kind": OrganisationKind.TRAINING_PROVIDER},
    )
    path = Path(scratch.name) / "programme.csv"
    write_csv(path, rows=options.rows, dates=options.dates, tags=tags)
    size = path.stat().st_size / 1024 / 1024

    opportunities = options.rows // options.dates
    print(
        f"database: {connection.vendor}; file: {options.rows:,} rows, {opportunities:,} opportunities, "
        f"{size:.1f} MB"
    )
    results = []
    for label in ("first import (all new)", "same file again (unchanged)"):
        start, cpu_start = time.perf_counter(), _cpu()
        out = StringIO()
        call_command("import_opportunities", str(path), provider=PROVIDER, stdout=out, stderr=StringIO())
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu_start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
        results.append((label, seconds, peak, out.getvalue().strip()))
        print(
            f"{label:<28} {seconds:>6.1f} s wall, {cpu:>5.1f} s CPU; peak RSS so far {peak:>4.0f} MB; "
            f"{out.getvalue().strip()}"
        )

    count = Opportunity.objects.filter(provider=provider).count()
    print(f"opportunities for the benchmark provider: {count:,}")
    Opportunity.objects.filter(provider=provider).delete()
    for job in ImportJob.objects.filter(provider=provider):
        job.file.delete(save=False)
        job.delete()
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
