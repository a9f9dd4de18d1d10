"""The fallback engine: the database's own full-text search, with facets counted in SQL.

SQLite: an external-content FTS5 table (porter stemming over unicode61, bm25 ranking) that
drives the join (CROSS JOIN, so the planner never probes FTS once per facet row).
PostgreSQL: a generated, weighted tsvector with a GIN index, plainto_tsquery and ts_rank.
The tables are created by migrations 0003 and 0005; nothing here changes the schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager, nullcontext
from typing import Any

from django.db import connection, transaction

from signpost.catalogue.search.base import (
    ANY_TIME,
    FACETS,
    MULTI_VALUED,
    SINGLE_VALUED,
    SearchQuery,
    SearchResult,
    chunked,
    region_counts,
    sort_counts,
)
from signpost.catalogue.search.documents import SearchDocument

DOC = "catalogue_search_doc"  # one narrow row of facet columns per opportunity
TEXT = "catalogue_search_text"  # its words, apart: the text match joins to the narrow rows
VALUE = "catalogue_search_value"
START = "catalogue_search_start"
META = "catalogue_search_meta"
FTS = "catalogue_search_fts"
_BATCH = 500
# Same weights as the tantivy backend: title 3, tags 1.5, body 1.
_BM25 = f"bm25({FTS}, 3.0, 1.5, 1.0)"
# An arbitrary constant naming the writer's advisory lock on PostgreSQL.
_PG_LOCK = 7_130_512


class DatabaseBackend:
    name = "database"

    @property
    def vendor(self) -> str:
        return connection.vendor

    @property
    def _join(self) -> str:
        # SQLite's planner takes CROSS JOIN as "this order": the text match drives, never the facet index.
        return "CROSS JOIN" if self.vendor == "sqlite" else "JOIN"

    # --- writing --------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """One writer at a time: SQLite's IMMEDIATE transactions, or an advisory lock on PostgreSQL."""
        with transaction.atomic():
            if self.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK])
            yield

    def exists(self) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {META} WHERE name = %s", ["built"])  # noqa: S608
            return cursor.fetchone() is not None

    def index(self, docs: Iterable[SearchDocument]) -> int:
        count = 0
        with self.writing(), connection.cursor() as cursor:
            for batch in _batches(docs, _BATCH):
                self._delete(cursor, [d.id for d in batch])
                self._insert(cursor, batch)
                count += len(batch)
        return count

    def remove(self, ids: Iterable[int]) -> None:
        with self.writing(), connection.cursor() as cursor:
            for batch in chunked(ids, _BATCH):
                self._delete(cursor, batch)

    def rebuild(self, docs: Iterable[SearchDocument]) -> int:
        count = 0
        with self.writing(), connection.cursor() as cursor:
            if self.vendor == "sqlite":
                cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('delete-all')")  # noqa: S608
            for table in (DOC, TEXT, VALUE, START, META):
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608
            for batch in _batches(docs, _BATCH):
                self._insert(cursor, batch, fts=False)
                count += len(batch)
            if self.vendor == "sqlite":
                # One bulk build of the FTS index is much faster than a row at a time.
                cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")  # noqa: S608
            cursor.execute(f"INSERT INTO {META} (name, value) VALUES (%s, %s)", ["built", str(count)])  # noqa: S608
        return count

    def _delete(self, cursor: Any, ids: list[int]) -> None:
        marks = _marks(ids)
        if self.vendor == "sqlite":
            # External-content FTS5 forgets a row only when told its old text.
            cursor.execute(
                f"INSERT INTO {FTS}({FTS}, rowid, title, tags, body) "  # noqa: S608
                f"SELECT 'delete', id, title, tags, body FROM {TEXT} WHERE id IN ({marks})",
                ids,
            )
        for table, column in ((DOC, "id"), (TEXT, "id"), (VALUE, "doc_id"), (START, "doc_id")):
            cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)  # noqa: S608

    def _insert(self, cursor: Any, docs: list[SearchDocument], *, fts: bool = True) -> None:
        cursor.executemany(
            f"INSERT INTO {DOC} (id, kind, format, cost, online, last_date, date_key) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [(d.id, d.kind, d.format, d.cost, int(d.online), d.last_date, d.date_key) for d in docs],
        )
        cursor.executemany(
            f"INSERT INTO {TEXT} (id, title, tags, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
            [(d.id, d.title, d.tags_text, d.body_text) for d in docs],
        )
        values = [
            (d.id, facet, value)
            for d in docs
            for facet, facet_values in d.facet_values().items()
            if facet in MULTI_VALUED
            for value in set(facet_values)
        ]
        if values:
            cursor.executemany(f"INSERT INTO {VALUE} (doc_id, facet, value) VALUES (%s, %s, %s)", values)  # noqa: S608
        starts = [(d.id, start) for d in docs for start in set(d.starts)]
        if starts:
            cursor.executemany(f"INSERT INTO {START} (doc_id, start) VALUES (%s, %s)", starts)  # noqa: S608
        if fts and self.vendor == "sqlite":
            marks = _marks(docs)
            cursor.execute(
                f"INSERT INTO {FTS}(rowid, title, tags, body) "  # noqa: S608
                f"SELECT id, title, tags, body FROM {TEXT} WHERE id IN ({marks})",
                [d.id for d in docs],
            )

    # --- searching ------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        words = query.words()
        source, match_params, rank = self._source(words)
        always, always_params = self._always(query)
        filters = {name: self._facet_filter(name, values) for name, values in query.active_filters().items()}

        where = " AND ".join([*always, *(sql for sql, _ in filters.values())])
        params = [*match_params, *always_params, *(p for _, values in filters.values() for p in values)]
        order = f"{rank}, d.id" if rank and query.sort == "relevance" else "d.date_key"
        postgresql = self.vendor == "postgresql"
        with transaction.atomic() if postgresql else nullcontext(), connection.cursor() as cursor:
            if postgresql:
                # These queries cost enough to trigger PostgreSQL's JIT, which then spends more
                # time compiling (60 ms and up) than the query takes to run.
                cursor.execute("SET LOCAL jit = off")
            cursor.execute(
                f"SELECT d.id FROM {source} WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",  # noqa: S608
                [*params, query.page_size, query.offset],
            )
            ids = [int(row[0]) for row in cursor.fetchall()]
            total, facets = self._counts(cursor, source, match_params, always, always_params, filters)
        return SearchResult(ids=ids, total=total, facets=facets, page=query.page, page_size=query.page_size)

    def _counts(
        self,
        cursor: Any,
        source: str,
        match_params: list[Any],
        always: list[str],
        always_params: list[Any],
        filters: dict[str, tuple[str, list[Any]]],
    ) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        """The total and every facet's counts in one statement, over one pass of the text match.

        The matches without facet filters are materialised once with a 0/1 column per filter;
        each facet is then counted over the rows that pass every filter but its own.
        """
        flags = "".join(
            f", CASE WHEN {sql} THEN 1 ELSE 0 END AS p_{name}" for name, (sql, _) in filters.items()
        )
        base = (
            f"WITH b AS MATERIALIZED (SELECT d.id, d.kind, d.format, d.cost, d.online{flags} "  # noqa: S608
            f"FROM {source} WHERE {' AND '.join(always)})"
        )
        params: list[Any] = [
            *(p for _, values in filters.values() for p in values),
            *match_params,
            *always_params,
        ]

        def passing(skip: str | None = None) -> str:
            return " AND ".join([f"b.p_{name} = 1" for name in filters if name != skip] or ["1 = 1"])

        # Only facet names (checked by SearchQuery against FACETS) are written into the SQL.
        parts = [f"SELECT '#total', '', count(*), 0 FROM b WHERE {passing()}"]  # noqa: S608
        parts.append(f"SELECT '#online', '', count(*), 0 FROM b WHERE {passing('region')} AND b.online = 1")  # noqa: S608
        for name in SINGLE_VALUED:
            parts.append(
                f"SELECT '{name}', b.{name}, count(*), 0 FROM b WHERE {passing(name)} GROUP BY b.{name}"  # noqa: S608
            )
        together = [name for name in MULTI_VALUED if name not in filters]
        apart = [name for name in MULTI_VALUED if name in filters]
        for names, skip in [(together, None), *(([name], name) for name in apart)]:
            if names:
                parts.append(
                    f"SELECT v.facet, v.value, count(*), sum(b.online) FROM b {self._join} {VALUE} v "  # noqa: S608
                    f"ON v.doc_id = b.id AND v.facet IN ({_marks(names)}) WHERE {passing(skip)} "
                    "GROUP BY v.facet, v.value"
                )
                params.extend(names)
        cursor.execute(f"{base} {' UNION ALL '.join(parts)}", params)

        total = online_total = 0
        counted: dict[str, dict[str, tuple[int, int]]] = {name: {} for name in FACETS}
        for facet, value, count, online in cursor.fetchall():
            if facet == "#total":
                total = int(count)
            elif facet == "#online":
                online_total = int(count)
            else:
                counted[facet][value] = (int(count), int(online or 0))
        facets = {
            name: region_counts(counted[name], online_total)
            if name == "region"
            else sort_counts((value, held) for value, (held, _) in counted[name].items())
            for name in FACETS
        }
        return total, facets

    def _source(self, words: Sequence[str]) -> tuple[str, list[Any], str]:
        """FROM clause (with the text match), its parameters, and the ranking expression."""
        if not words:
            return f"{DOC} d", [], ""
        if self.vendor == "sqlite":
            # Each word quoted: FTS5 reads no operators from user input; quoted words are ANDed.
            match = " ".join('"' + w.replace('"', "") + '"' for w in words)
            return (
                f"{FTS} CROSS JOIN {DOC} d ON d.id = {FTS}.rowid AND {FTS} MATCH %s",
                [match],
                _BM25,
            )
        # The GIN-indexed generated column; a higher ts_rank is better, hence the minus.
        return (
            f"{TEXT} t JOIN plainto_tsquery('english', %s) AS q ON t.document @@ q "
            f"JOIN {DOC} d ON d.id = t.id",
            [" ".join(words)],
            "-ts_rank(t.document, q)",
        )

    def _always(self, query: SearchQuery) -> tuple[list[str], list[Any]]:
        clauses, params = ["d.last_date >= %s"], [query.now_seconds()]
        lower, upper = query.start_range()
        if lower is not None or upper is not None:
            clauses.append(
                f"(d.last_date >= %s OR EXISTS (SELECT 1 FROM {START} s WHERE s.doc_id = d.id "  # noqa: S608
                "AND s.start >= %s AND s.start <= %s))"
            )
            params += [
                ANY_TIME,
                lower if lower is not None else -(2**62),
                upper if upper is not None else 2**62,
            ]
        return clauses, params

    @staticmethod
    def _facet_filter(name: str, values: tuple[str, ...]) -> tuple[str, list[Any]]:
        marks = _marks(values)
        if name in SINGLE_VALUED:
            return f"d.{name} IN ({marks})", list(values)
        sql = (
            f"EXISTS (SELECT 1 FROM {VALUE} v WHERE v.doc_id = d.id "  # noqa: S608
            f"AND v.facet = %s AND v.value IN ({marks}))"
        )
        if name == "region":  # online counts everywhere
            sql = f"({sql} OR d.online = 1)"
        return sql, [name, *values]


def _marks(items: Sized) -> str:
    return ", ".join(["%s"] * len(items))


def _batches(docs: Iterable[SearchDocument], size: int) -> Iterator[list[SearchDocument]]:
    batch: list[SearchDocument] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
