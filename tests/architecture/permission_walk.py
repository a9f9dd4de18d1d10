"""The machinery of the permission walk: operations, personas and a database fingerprint.

Each app lists its operations (pages and API) with who may perform them; the walk in
test_permission_walk.py performs every operation as every persona and checks the outcome,
and that a refused request changed nothing in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

PERSONAS = ("anonymous", "maya", "oliver", "priya", "bea", "ada")
SIGNED_IN = frozenset(PERSONAS) - {"anonymous"}
EVERYONE = frozenset(PERSONAS)


@dataclass(frozen=True)
class Operation:
    """One thing a person can do: a page or API call, and who may do it.

    `path` is a function of the world (fixture objects) so ids and slugs can be filled in.
    `allowed` personas get a success status (2xx, or a 302 that is not to the login page);
    others are refused: 302 to login (pages) or 401 (API) when anonymous, 403 or 404 otherwise.
    `refused_status` overrides the status expected for a refused persona.
    """

    name: str  # URL name for pages, "METHOD /api/path" for API operations
    method: str
    path: Callable[[Any], str]
    allowed: frozenset[str]
    data: Callable[[Any], dict[str, Any]] | None = None
    json: bool = False
    refused_status: dict[str, int] = field(default_factory=dict)

    @property
    def is_api(self) -> bool:
        return self.name.split(" ", 1)[-1].startswith("/api/")

    @property
    def writes(self) -> bool:
        return self.method.upper() not in {"GET", "HEAD", "OPTIONS"}


def database_fingerprint() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every Signpost table (sessions and login times excepted)."""
    fingerprint: dict[str, list[tuple[Any, ...]]] = {}
    for model in apps.get_models(include_auto_created=True):
        if not model.__module__.startswith("signpost."):
            continue
        fields = [
            f.attname for f in model._meta.concrete_fields if f.attname not in {"last_login", "last_used_at"}
        ]
        fingerprint[model._meta.label] = sorted(
            model._base_manager.order_by("pk").values_list(*fields), key=repr
        )
    return fingerprint
