"""The committed OpenAPI document must match the API the code serves.

When an endpoint changes on purpose, refresh the snapshot and commit it with the change:

    .venv/bin/python manage.py export_openapi_schema --api signpost.api.api \\
        --output tests/snapshots/openapi.json --indent 2 --sorted
"""

from __future__ import annotations

import json
from pathlib import Path

from signpost.api import api

SNAPSHOT = Path(__file__).resolve().parents[1] / "snapshots" / "openapi.json"


def test_openapi_matches_the_committed_snapshot():
    served = json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True))
    committed = json.loads(SNAPSHOT.read_text())
    assert served == committed, (
        "The API changed without its OpenAPI snapshot. If the change is intended, run the command in "
        "this test's docstring and commit tests/snapshots/openapi.json."
    )


def test_api_docs_page_is_served(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
