#!/usr/bin/env python3
"""Set up Signpost and run it, or run its tests. Needs only Python 3.11+.

    python3 run.py          create .venv, install the locked dependencies, migrate, load the
                            starter lexicon and the demo data, and serve http://127.0.0.1:8000
    python3 run.py test     the same set-up (without demo data), then the whole test suite;
                            extra arguments go to pytest, e.g. `python3 run.py test -m "not browser"`
    python3 run.py setup    only the set-up

Every step is safe to run again: dependencies are reinstalled only when requirements.lock
changes, migrations and the demo loader are idempotent.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".requirements.lock.sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM = Path("/usr/bin/chromium")

DEMO_LOGINS = """\
Demo logins (password for all: signpost-demo):
  maya@demo.signpost.test     member (library assistant)
  oliver@demo.signpost.test   organisation lead (museum staff development)
  priya@demo.signpost.test    provider editor (training provider)
  bea@demo.signpost.test      broker (regional agency)
  ada@demo.signpost.test      admin (platform operator; also /admin/)"""


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit("Signpost needs Python 3.11 or newer.")
    if not PYTHON.exists():
        say(f"Creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != digest:
        say("Installing the locked dependencies (requirements.lock)")
        run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", LOCK)
        run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps", "-e", ".")
        STAMP.write_text(digest)


def manage(*args: str) -> None:
    run(PYTHON, "manage.py", *args)


def prepare_database(*, demo: bool) -> None:
    say("Migrating the database")
    manage("migrate", "--noinput", "-v", "0")
    say("Loading the starter lexicon")
    manage("load_starter_lexicon")
    if demo:
        say("Loading the demo data")
        manage("seed_demo")
    manage("rebuild_search_index", "--if-missing")


def ensure_browser() -> None:
    """Browser tests drive Debian's chromium; install it when we can (root with apt-get)."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("Installing Debian's chromium for the browser tests")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
    if not CHROMIUM.exists():
        say("chromium is not installed: browser tests will be skipped (apt-get install chromium)")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "serve"
    if command not in {"serve", "test", "setup"}:
        print(__doc__)
        return 2
    ensure_environment()
    if command == "test":
        ensure_browser()
        say(
            "Running the test suite"
            + (
                f" on {os.environ['DATABASE_URL'].split('@')[-1]}"
                if os.environ.get("DATABASE_URL")
                else " on SQLite"
            )
        )
        return subprocess.run([str(PYTHON), "-m", "pytest", *argv[1:]], cwd=ROOT, check=False).returncode
    prepare_database(demo=True)
    if command == "setup":
        return 0
    say("Signpost is starting at http://127.0.0.1:8000/")
    print(DEMO_LOGINS, flush=True)
    manage("runserver", "127.0.0.1:8000")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
