"""Shared pieces of the file import tests: the format samples, and files built in the tests."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).parent / "fixtures" / "format-samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def xlsx_bytes(
    rows: list[list[Any]], *, sheet: str = "Sheet1", number_formats: dict[str, str] | None = None
) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    for cell, number_format in (number_formats or {}).items():
        worksheet[cell].number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
