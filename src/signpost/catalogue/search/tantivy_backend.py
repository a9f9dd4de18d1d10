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
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tantivy

from signpost.catalogue.search.base import (
    ANY_TIME,
    FACETS,
    MULTI_VALUED,
    SINGLE_VALUED,
    SearchQuery,
    SearchResult,
    region_counts,
    sort_counts,
)
from signpost.catalogue.search.documents import SearchDocument

# Bump when the schema or the analyser changes: a new version is a new directory, rebuilt.
SCHEMA_VERSION = 1
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
    for facet in FACETS:
        builder.add_text_field(facet, fast=True, tokenizer_name="raw")
    builder.add_integer_field("online", indexed=True, fast=True)
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
        for facet, values in doc.facet_values().items():
            for value in values:
                out.add_text(facet, value)
        out.add_integer("online", int(doc.online))
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
        always = [self._range("last_date", query.now_seconds(), None)]
        lower, upper = query.start_range()
        if lower is not None or upper is not None:
            always.append(
                _any_of(self._range("starts", lower, upper), self._range("last_date", ANY_TIME, None))
            )
        facet_filters = {
            name: self._facet_filter(name, values) for name, values in query.active_filters().items()
        }

        main = _combine(text, always + list(facet_filters.values()))
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

        # Facets without a filter of their own share the main query; each filtered facet is
        # counted with every filter but its own (multi-select counts).
        unfiltered = [f for f in FACETS if f not in facet_filters]
        aggregated = searcher.aggregate(main, self._aggregations(unfiltered, total=True))
        total = int(aggregated["total"]["value"])
        facets = self._facet_counts(unfiltered, aggregated)
        for name in facet_filters:
            others = [q for other, q in facet_filters.items() if other != name]
            counted = searcher.aggregate(_combine(text, always + others), self._aggregations([name]))
            facets.update(self._facet_counts([name], counted))
        ordered = {name: facets.get(name, []) for name in FACETS}
        return SearchResult(ids=ids, total=total, facets=ordered, page=query.page, page_size=query.page_size)

    def _range(self, field: str, lower: int | None, upper: int | None) -> tantivy.Query:
        return tantivy.Query.range_query(
            self.schema, field, tantivy.FieldType.Integer, lower_bound=lower, upper_bound=upper
        )

    def _facet_filter(self, name: str, values: tuple[str, ...]) -> tantivy.Query:
        matches = tantivy.Query.term_set_query(self.schema, name, list(values))
        if name == "region":  # online counts everywhere
            return _any_of(matches, tantivy.Query.term_query(self.schema, "online", 1))
        return matches

    @staticmethod
    def _aggregations(facets: list[str], *, total: bool = False) -> dict[str, Any]:
        aggs: dict[str, Any] = {}
        if total:
            aggs["total"] = {"value_count": {"field": "id"}}
        for name in facets:
            terms = {"field": name, "size": _BUCKETS, "segment_size": _BUCKETS}
            if name == "region":
                aggs[name] = {"terms": terms, "aggs": {"online": {"sum": {"field": "online"}}}}
                aggs["online_total"] = {"sum": {"field": "online"}}
            else:
                aggs[name] = {"terms": terms}
        return aggs

    @staticmethod
    def _facet_counts(facets: list[str], aggregated: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
        counts: dict[str, list[tuple[str, int]]] = {}
        for name in facets:
            buckets = aggregated[name]["buckets"]
            if name == "region":
                physical = {b["key"]: (b["doc_count"], int(b["online"]["value"])) for b in buckets}
                counts[name] = region_counts(physical, int(aggregated["online_total"]["value"]))
            else:
                counts[name] = sort_counts((b["key"], b["doc_count"]) for b in buckets)
        return counts


def _any_of(*queries: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def _combine(text: tantivy.Query | None, filters: list[tantivy.Query]) -> tantivy.Query:
    """The text query (or everything) restricted by filters that do not change its score."""
    clauses = [(tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)) for f in filters]
    if text is not None:
        clauses.insert(0, (tantivy.Occur.Must, text))
    elif not clauses:
        return tantivy.Query.all_query()
    return tantivy.Query.boolean_query(clauses)


__all__ = ["MULTI_VALUED", "SINGLE_VALUED", "TantivyBackend"]
