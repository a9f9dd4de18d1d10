"""The tantivy index shared by several processes: one writer at a time, and readers that see commits.

Each web process opens the index itself; these tests start real second processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from signpost.catalogue.search import SearchQuery, index_path
from signpost.catalogue.search.documents import SearchDocument
from signpost.catalogue.search.tantivy_backend import TantivyBackend
from tests.catalogue import search_helpers

tantivy_engine = search_helpers.tantivy_engine

ROOT = Path(__file__).resolve().parents[2]

# A second process that adds one document to the index at argv[1] and prints when it finished.
WRITER = """
import sys, time
import django
django.setup()
from pathlib import Path
from signpost.catalogue.search.documents import SearchDocument
from signpost.catalogue.search.tantivy_backend import TantivyBackend
backend = TantivyBackend(Path(sys.argv[1]))
doc = SearchDocument(id=int(sys.argv[2]), title=sys.argv[3], kind="course", format="online", online=True)
backend.index([doc])
print(time.time())
"""


def _doc(pk: int, title: str) -> SearchDocument:
    return SearchDocument(id=pk, title=title, kind="course", format="in-person", regions=["london"])


def _writer_process(path: Path, pk: int, title: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "signpost.settings_test",
        "PYTHONPATH": str(ROOT / "src"),
        "SIGNPOST_VAR_DIR": str(path.parent / "var"),
    }
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(pk), title],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_commit_in_another_process_is_seen_by_an_open_reader(tmp_path):
    path = tmp_path / "index"
    reader = TantivyBackend(path)
    reader.rebuild([_doc(1, "Paper conservation")])
    assert reader.search(SearchQuery(q="bookbinding")).ids == []

    child = _writer_process(path, 2, "Bookbinding for beginners")
    _, errors = child.communicate(timeout=60)

    assert child.returncode == 0, errors
    assert reader.search(SearchQuery(q="bookbinding")).ids == [2]
    assert reader.search(SearchQuery()).total == 2


def test_a_second_writer_waits_for_the_first_to_commit(tmp_path):
    path = tmp_path / "index"
    backend = TantivyBackend(path)
    backend.rebuild([_doc(1, "Paper conservation")])

    with backend.writing():
        backend.index([_doc(3, "Textile care")])
        child = _writer_process(path, 2, "Bookbinding for beginners")
        time.sleep(1.5)
        waiting = child.poll() is None
        released_at = time.time()
    out, errors = child.communicate(timeout=60)

    assert child.returncode == 0, errors
    assert waiting, "the second writer should wait while the first holds the index"
    assert float(out.strip()) >= released_at
    assert sorted(backend.search(SearchQuery()).ids) == [1, 2, 3]


def test_a_failed_write_is_rolled_back_and_releases_the_writer(tmp_path):
    backend = TantivyBackend(tmp_path / "index")
    backend.rebuild([_doc(1, "Paper conservation")])

    def fail_half_way() -> None:
        with backend.writing():
            backend.index([_doc(2, "Bookbinding")])
            raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        fail_half_way()

    assert backend.search(SearchQuery()).ids == [1]
    backend.index([_doc(3, "Textile care")])  # the writer was released
    assert sorted(backend.search(SearchQuery()).ids) == [1, 3]


def test_an_index_does_not_count_as_built_until_its_first_full_build_commits(tmp_path):
    backend = TantivyBackend(tmp_path / "index")
    backend.index([_doc(1, "Paper conservation")])

    assert not backend.exists()
    backend.rebuild([])
    assert backend.exists()


@pytest.mark.django_db
def test_each_database_has_its_own_index_directory(tantivy_engine):
    first = index_path()
    original = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = "benchmark.sqlite3"
    try:
        second = index_path()
    finally:
        connection.settings_dict["NAME"] = original

    assert first.parent == second.parent
    assert first != second
