"""The primary engine: a tantivy index on local disk (fast: block-max WAND, fast-field facets).

One writer at a time, across processes: an exclusive `flock` on a file beside the index is
held while the database is read and the index written, and tantivy's own writer lock is
released before the flock is. Readers in every process notice a new commit by the change
of `meta.json` and reload; a search never waits for a writer.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tantivy

from signpost.catalogue.search.base import (
    ANY_TIME,
    FACETS,
    SearchQuery,
    SearchResult,
    region_counts,
    sort_counts,
)
from signpost.catalogue.search.documents import SearchDocument

# Bump when the schema or the analyser changes: a new version is a new directory, rebuilt.
SCHEMA_VERSION = 2
BUILT_MARKER = "signpost-built.json"
TITLE_BOOST = 3.0
TAGS_BOOST = 1.5
# Terms aggregations return the top N buckets; facets are far smaller than this.
_BUCKETS = 10_000
_ANALYSER = "signpost_en"


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    # Integer (i64) fields throughout: the Python binding deletes by term only on i64 ids.
    builder.add_integer_field("id", indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name=_ANALYSER)
    builder.add_text_field("tags", tokenizer_name=_ANALYSER)
    builder.add_text_field("body", tokenizer_name=_ANALYSER)
    # One raw field per facet, for filters and for counting a filtered facet on its own...
    for facet in FACETS:
        builder.add_text_field(facet, fast=True, tokenizer_name="raw")
    # ...and every facet value as "facet:value" in one field, so one terms aggregation counts
    # all the unfiltered facets at once (a fifth cheaper than one aggregation per facet).
    builder.add_text_field("facets", fast=True, tokenizer_name="raw")
    builder.add_integer_field("last_date", indexed=True, fast=True)
    builder.add_integer_field("starts", indexed=True, fast=True)
    builder.add_integer_field("date_key", fast=True)
    return builder.build()


def _analyser() -> tantivy.TextAnalyzer:
    # tantivy's en_stem plus ASCII folding, so "cafe" finds "café" as SQLite's unicode61 does.
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


class TantivyBackend:
    name = "tantivy"

    def __init__(self, path: Path, *, heap_size: int = 64_000_000) -> None:
        self.path = Path(path)
        self.heap_size = heap_size
        self.schema = _schema()
        self._index: tantivy.Index | None = None
        self._stamp: tuple[int, int] | None = None
        self._writer: Any = None
        self._locked = False
        self._built: dict[str, Any] | None = None
        self._lock = threading.RLock()

    # --- opening and reloading ------------------------------------------------------
    def exists(self) -> bool:
        """True once a full build has committed (an interrupted first build does not count)."""
        return (self.path / BUILT_MARKER).exists()

    def _open(self) -> tantivy.Index:
        if self._index is None:
            self.path.mkdir(parents=True, exist_ok=True)
            index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
            index.register_tokenizer(_ANALYSER, _analyser())
            self._index = index
        return self._index

    def _searcher(self) -> tantivy.Searcher:
        index = self._open()
        try:
            stat = os.stat(self.path / "meta.json")
            stamp = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            stamp = None
        if stamp != self._stamp:
            # Another process (or this one) committed since we last looked.
            index.reload()
            self._stamp = stamp
        return index.searcher()

    # --- writing --------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the one writer (across processes); what is written inside commits together at the end."""
        with self._lock:
            if self._locked:  # re-entered: share the outer commit
                yield
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path.parent / f"{self.path.name}.lock", "a+") as lockfile:
                fcntl.flock(lockfile, fcntl.LOCK_EX)  # released when the file closes
                self._locked = True
                try:
                    yield
                    if self._writer is not None:
                        self._writer.commit()
                        self._mark_built()
                except BaseException:
                    if self._writer is not None:
                        self._writer.rollback()
                    raise
                finally:
                    self._locked = False
                    self._built = None
                    if self._writer is not None:
                        # Finishes merges and drops the writer, releasing tantivy's own lock.
                        self._writer.wait_merging_threads()
                        self._writer = None
                        self._open().reload()

    def _get_writer(self, *, threads: int = 1, heap_size: int | None = None) -> Any:
        if not self._locked:
            raise RuntimeError("write to the index only inside writing()")
        if self._writer is None:
            self._writer = self._open().writer(heap_size=heap_size or self.heap_size, num_threads=threads)
        return self._writer

    def _mark_built(self) -> None:
        # Written only after the commit, so a reader never sees "built" over an empty index.
        if self._built is None:
            return
        tmp = self.path / f"{BUILT_MARKER}.tmp"
        tmp.write_text(json.dumps({**self._built, "built_at": time.time()}))
        os.replace(tmp, self.path / BUILT_MARKER)

    def index(self, docs: Iterable[SearchDocument]) -> int:
        count = 0
        with self.writing():
            writer = self._get_writer()
            for doc in docs:
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(self._document(doc))
                count += 1
        return count

    def remove(self, ids: Iterable[int]) -> None:
        with self.writing():
            writer = self._get_writer()
            for pk in ids:
                writer.delete_documents_by_term("id", pk)

    def rebuild(self, docs: Iterable[SearchDocument]) -> int:
        """Replace the whole index in one commit: readers see the old one until it lands."""
        started = time.monotonic()
        count = 0
        with self.writing():
            writer = self._get_writer(threads=2, heap_size=max(self.heap_size, 256_000_000))
            writer.delete_all_documents()
            for doc in docs:
                writer.add_document(self._document(doc))
                count += 1
            self._built = {"documents": count, "seconds": round(time.monotonic() - started, 2)}
        return count

    @staticmethod
    def _document(doc: SearchDocument) -> tantivy.Document:
        out = tantivy.Document()
        out.add_integer("id", doc.id)
        out.add_text("title", doc.title)
        out.add_text("tags", doc.tags_text)
        out.add_text("body", doc.body_text)
        for facet, values in _facet_tokens(doc).items():
            for value in values:
                out.add_text(facet, value)
                out.add_text("facets", f"{facet}:{value}")
        out.add_integer("last_date", doc.last_date)
        for start in doc.starts:
            out.add_integer("starts", start)
        out.add_integer("date_key", doc.date_key)
        return out

    # --- searching ------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        searcher = self._searcher()
        index = self._open()
        words = query.words()
        text = (
            index.parse_query(
                " ".join(words),
                ["title", "tags", "body"],
                field_boosts={"title": TITLE_BOOST, "tags": TAGS_BOOST},
                conjunction_by_default=True,
            )
            if words
            else None
        )
        # Over already: excluded rather than "last date ≥ now" required, which costs twice as
        # much, since the excluded set is small (the index drops past offers as it is updated).
        over = self._range("last_date", None, query.now_seconds() - 1)
        always = []
        lower, upper = query.start_range()
        if lower is not None or upper is not None:
            always.append(
                _any_of(self._range("starts", lower, upper), self._range("last_date", ANY_TIME, None))
            )
        facet_filters = {
            name: self._facet_filter(name, values) for name, values in query.active_filters().items()
        }

        main = _combine(text, always + list(facet_filters.values()), over)
        # Each filtered facet is counted with every filter but its own (multi-select counts), on
        # another thread while this one finds the page and counts the rest: tantivy releases the
        # GIL, so the two cores share the work.
        own_counts = {
            name: _POOL.submit(
                searcher.aggregate,
                _combine(text, always + [q for other, q in facet_filters.items() if other != name], over),
                _terms(name),
            )
            for name in facet_filters
        }
        if query.sort == "date" or text is None:
            hits = searcher.search(
                main,
                limit=query.page_size,
                offset=query.offset,
                count=False,
                order_by_field="date_key",
                order=tantivy.Order.Asc,
            ).hits
        else:
            hits = searcher.search(main, limit=query.page_size, offset=query.offset, count=False).hits
        ids = [int(v or 0) for v in searcher.fast_field_values("id", [address for _, address in hits])]

        # Facets without a filter of their own are counted together on the main query.
        counted = _by_facet(searcher.aggregate(main, _terms("facets"))["facets"]["buckets"])
        total = sum(counted["kind"].values())  # every opportunity has exactly one kind
        facets = {name: _facet_counts(name, counted[name]) for name in FACETS if name not in facet_filters}
        for name, future in own_counts.items():
            buckets = future.result()[name]["buckets"]
            facets[name] = _facet_counts(name, {b["key"]: b["doc_count"] for b in buckets})
        ordered = {name: facets.get(name, []) for name in FACETS}
        return SearchResult(ids=ids, total=total, facets=ordered, page=query.page, page_size=query.page_size)

    def _range(self, field: str, lower: int | None, upper: int | None) -> tantivy.Query:
        return tantivy.Query.range_query(
            self.schema, field, tantivy.FieldType.Integer, lower_bound=lower, upper_bound=upper
        )

    def _facet_filter(self, name: str, values: tuple[str, ...]) -> tantivy.Query:
        if name == "region":  # online counts everywhere
            values = (*values, _ONLINE)
        # Term queries ORed: tantivy's term_set_query walks the term dictionary and is ten times slower.
        return _any_of(*(tantivy.Query.term_query(self.schema, name, value) for value in values))


# A few threads for counting filtered facets beside the main query (see search()).
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="signpost-search")

# Region tokens beside the region slugs: "~online" on what can be attended online, and
# "~online~<slug>" on what is also held in <slug>, so one terms aggregation has every number
# region_counts needs (held there, online, both).
_ONLINE = "~online"


def _facet_tokens(doc: SearchDocument) -> dict[str, list[str]]:
    tokens = doc.facet_values()
    if doc.online:
        tokens["region"] = [*doc.regions, _ONLINE, *(f"{_ONLINE}~{r}" for r in doc.regions)]
    return tokens


def _terms(field: str) -> dict[str, Any]:
    return {field: {"terms": {"field": field, "size": _BUCKETS, "segment_size": _BUCKETS}}}


def _by_facet(buckets: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    counted: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for bucket in buckets:
        facet, _, value = bucket["key"].partition(":")
        counted[facet][value] = bucket["doc_count"]
    return counted


def _facet_counts(name: str, counts: dict[str, int]) -> list[tuple[str, int]]:
    if name != "region":
        return sort_counts(counts.items())
    physical = {
        value: (count, counts.get(f"{_ONLINE}~{value}", 0))
        for value, count in counts.items()
        if not value.startswith(_ONLINE)
    }
    return region_counts(physical, counts.get(_ONLINE, 0))


def _any_of(*queries: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def _combine(
    text: tantivy.Query | None, filters: list[tantivy.Query], exclude: tantivy.Query
) -> tantivy.Query:
    """The text query (or everything) restricted by filters that do not change its score."""
    clauses = [(tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)) for f in filters]
    clauses.insert(0, (tantivy.Occur.Must, text if text is not None else tantivy.Query.all_query()))
    clauses.append((tantivy.Occur.MustNot, exclude))
    return tantivy.Query.boolean_query(clauses)
