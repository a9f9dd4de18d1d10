"""Time `import_lexicon_file` on the UNESCO Thesaurus and the ESCO skills in ../shared/data.

    .venv/bin/python benchmarks/lexicon_import.py            # the database the settings select
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/lexicon_import.py
    SIGNPOST_SQLITE_PATH=/tmp/bench.sqlite3 .venv/bin/python benchmarks/lexicon_import.py

Each source is imported twice: once as it comes (a new scheme, unless the database already holds
it), then again (an update in place, nothing changes). Both runs happen inside one transaction that
is rolled back at the end, so the database is left as it was; pass --keep to commit instead.
Migrations are applied first. Missing sources are skipped. The issue's budget is under 60 seconds per import.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
SOURCES = {
    "UNESCO Thesaurus": DATA / "unesco-thesaurus" / "unesco-thesaurus.ttl.gz",
    "ESCO v1.1.1 skills": DATA / "esco-v1.1.1" / "full",
}
BUDGET_SECONDS = 60.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", action="store_true", help="commit the imports instead of rolling back")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from signpost.lexicon.services.skos_import import import_lexicon_file

    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
    print(f"{'source':<22} {'concepts':>8} {'labels':>8} {'links':>7} {'first run':>10} {'re-run':>8}")
    over_budget = False
    with transaction.atomic():
        for name, path in SOURCES.items():
            if not path.exists():
                print(f"{name:<22} missing: {path}")
                continue
            first = import_lexicon_file(path)
            again = import_lexicon_file(path)
            print(
                f"{name:<22} {first.concepts:>8,} {first.labels:>8,} {first.links:>7,} "
                f"{first.elapsed:>9.1f}s {again.elapsed:>7.1f}s"
                + ("" if first.created else "  (was already loaded)")
            )
            over_budget |= max(first.elapsed, again.elapsed) > BUDGET_SECONDS
        if not options.keep:
            transaction.set_rollback(True)
    print("Kept the imports." if options.keep else "Rolled back: the database is as it was.")
    if over_budget:
        print(f"Over budget: an import took longer than {BUDGET_SECONDS:.0f} s.")
    return 1 if over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
