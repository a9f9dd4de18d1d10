"""Time `import_organisations` on the three real directories in ../shared/data/organisations.

    .venv/bin/python benchmarks/organisation_import.py

Each file is imported with the command given for it in docs/organisation-import.md, twice: once into
an empty scratch SQLite database (everything is created), then again (nothing changes). The script
prints the rows and seconds of each run. Files missing from ../shared are skipped.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data" / "organisations"
DOCS = REPO / "docs" / "organisation-import.md"


def documented_commands() -> list[list[str]]:
    """The arguments of each `python manage.py import_organisations FILE.csv …` block in the docs."""
    commands = []
    for block in re.findall(r"```\n(python manage\.py import_organisations .*?)```", DOCS.read_text(), re.S):
        args = shlex.split(block.replace("\\\n", " "))[3:]
        if args[0].endswith(".csv"):
            commands.append(args)
    return commands


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} is not here; nothing to time.")
        return 0
    scratch = tempfile.TemporaryDirectory()
    os.environ["SIGNPOST_SQLITE_PATH"] = str(Path(scratch.name) / "benchmark.sqlite3")
    os.environ.pop("DATABASE_URL", None)  # always a scratch database, never a real one
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    print(f"{'file':<45} {'rows':>6} {'first run':>10} {'re-run':>8}")
    total = 0.0
    for args in documented_commands():
        path = SHARED / Path(args[0]).relative_to("../shared/data/organisations")
        if not path.exists():
            print(f"{path.name:<45} missing")
            continue
        rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
        seconds = []
        for _ in range(2):
            start = time.perf_counter()
            call_command("import_organisations", str(path), *args[1:], stdout=StringIO(), stderr=StringIO())
            seconds.append(time.perf_counter() - start)
        total += sum(seconds)
        print(f"{path.name:<45} {rows:>6} {seconds[0]:>9.1f}s {seconds[1]:>7.1f}s")
    print(f"{'all':<45} {'':>6} {total:>9.1f}s (both runs)")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
