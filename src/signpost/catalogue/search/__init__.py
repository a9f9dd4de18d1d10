"""Catalogue search behind one small interface (base.SearchBackend).

`get_backend()` returns the engine chosen by SIGNPOST_SEARCH_BACKEND: "tantivy" (default; an
index on local disk) or "database" (SQLite FTS5 / PostgreSQL tsvector). Keeping the engine in
step with the catalogue is services/indexing.py's job; see docs/decisions/0002-search-engine.md.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from django.conf import settings
from django.db import connection

from signpost.catalogue.search.base import SearchBackend, SearchQuery, SearchResult
from signpost.catalogue.search.database_backend import DatabaseBackend
from signpost.catalogue.search.tantivy_backend import SCHEMA_VERSION, TantivyBackend

__all__ = ["SearchBackend", "SearchQuery", "SearchResult", "get_backend", "index_path"]

_backends: dict[tuple[str, str], SearchBackend] = {}
_lock = threading.Lock()


def index_path() -> Path:
    """Where this database's tantivy index lives: one directory per schema version and database.

    Keying by database keeps a benchmark or test database from overwriting the index of the
    development one when they share SIGNPOST_SEARCH_INDEX_DIR.
    """
    db = connection.settings_dict
    identity = f"{connection.vendor}|{db.get('HOST') or ''}|{db.get('PORT') or ''}|{db['NAME']}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:12]
    return (
        Path(settings.SIGNPOST_SEARCH_INDEX_DIR) / f"tantivy-v{SCHEMA_VERSION}-{connection.vendor}-{digest}"
    )


def get_backend() -> SearchBackend:
    """The configured engine, one instance per process (it caches the open index)."""
    name = settings.SIGNPOST_SEARCH_BACKEND
    if name == "database":
        key = (name, connection.alias)
    elif name == "tantivy":
        key = (name, str(index_path()))
    else:
        raise ValueError(f"SIGNPOST_SEARCH_BACKEND must be tantivy or database, not {name!r}")
    with _lock:
        backend = _backends.get(key)
        if backend is None:
            backend = DatabaseBackend() if name == "database" else TantivyBackend(Path(key[1]))
            _backends[key] = backend
    return backend
