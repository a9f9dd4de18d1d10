"""Settings from the environment: production hardening, no default secret, SQLite in WAL mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("SIGNPOST_", "DATABASE_URL", "DJANGO_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_production_mode_passes_check_deploy(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SIGNPOST_MODE": "production",
            "SIGNPOST_SECRET_KEY": "x7!kq2-" * 8,
            "SIGNPOST_ALLOWED_HOSTS": "signpost.example.org",
            "SIGNPOST_SQLITE_PATH": str(tmp_path / "prod.sqlite3"),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret(tmp_path):
    result = _manage(
        "check",
        env={
            "SIGNPOST_MODE": "production",
            "SIGNPOST_ALLOWED_HOSTS": "x.org",
            "SIGNPOST_VAR_DIR": str(tmp_path),
        },
    )
    assert result.returncode != 0
    assert "SIGNPOST_SECRET_KEY must be set in production mode" in result.stderr


def test_sqlite_file_database_uses_wal(tmp_path):
    result = _manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0])",
        env={"SIGNPOST_SQLITE_PATH": str(tmp_path / "wal.sqlite3")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"
