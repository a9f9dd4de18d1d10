"""Keeping the search index in step with the catalogue.

Every write to opportunities calls `opportunities_changed(ids)` once its transaction commits;
that queues `update_search_index` (inline with the default task backend, on a worker in
production). The engine reads the opportunities afresh while it holds the one writer, so two
updates racing each other can never leave an older version in the index.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from django_tasks import task

from signpost.catalogue.search import get_backend
from signpost.catalogue.search.documents import build_documents

logger = logging.getLogger(__name__)


def opportunities_changed(ids: Iterable[int]) -> None:
    """Called after a transaction that created, changed or withdrew these opportunities commits."""
    changed = sorted({int(pk) for pk in ids})
    if not changed:
        return
    try:
        update_search_index_task.enqueue(changed)
    except Exception:
        # The catalogue write has committed; a stale index must not turn it into an error page.
        logger.exception("could not queue a search index update for %d opportunities", len(changed))


def update_search_index(*, ids: Iterable[int]) -> int:
    """Re-index these opportunities (dropping the ones no longer searchable); returns how many are in.

    Before the first full build there is nothing to update: the build will read them anyway.
    """
    wanted = set(ids)
    backend = get_backend()
    if not backend.exists() and not getattr(backend, "path", Path()).exists():
        return 0  # no build has even started: whichever starts next reads these changes too
    with backend.writing():
        if not backend.exists():
            return 0
        docs = list(build_documents(wanted))
        backend.index(docs)
        gone = wanted - {doc.id for doc in docs}
        if gone:
            backend.remove(gone)
    return len(docs)


def rebuild_search_index() -> int:
    """Rebuild the whole index from the database in one commit; returns the number of documents."""
    # The documents are read lazily inside the rebuild, while it holds the one writer.
    return get_backend().rebuild(build_documents())


def ensure_search_index() -> None:
    """Build the index if it has never been built (first search, fresh install, new schema)."""
    backend = get_backend()
    if backend.exists():
        return
    with backend.writing():
        if not backend.exists():  # another process may have built it while we waited
            logger.info("search index missing: building it from the database")
            backend.rebuild(build_documents())


@task()
def update_search_index_task(ids: list[int]) -> int:
    try:
        return update_search_index(ids=ids)
    except Exception:
        logger.exception("search index update failed for opportunities %s", ids[:20])
        raise
