"""The fallback engine: the database's own full-text search, with facets counted in SQL.

SQLite: an external-content FTS5 table (porter stemming over unicode61, bm25 ranking) that
drives the join (CROSS JOIN, so the planner never probes FTS once per facet row).
PostgreSQL: a generated, weighted tsvector with a GIN index, plainto_tsquery and ts_rank.
The tables are created by migration 0003_search_tables; nothing here changes the schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction

from signpost.catalogue.search.base import (
    ANY_TIME,
    FACETS,
    MULTI_VALUED,
    ONLINE,
    SINGLE_VALUED,
    SearchQuery,
    SearchResult,
    chunked,
    region_counts,
    sort_counts,
)
from signpost.catalogue.search.documents import SearchDocument

DOC = "catalogue_search_doc"
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
            for table in (DOC, VALUE, START, META):
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
                f"SELECT 'delete', id, title, tags, body FROM {DOC} WHERE id IN ({marks})",
                ids,
            )
        for table, column in ((DOC, "id"), (VALUE, "doc_id"), (START, "doc_id")):
            cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)  # noqa: S608

    def _insert(self, cursor: Any, docs: list[SearchDocument], *, fts: bool = True) -> None:
        cursor.executemany(
            f"INSERT INTO {DOC} (id, title, tags, body, kind, format, cost, online, last_date, date_key) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    d.id,
                    d.title,
                    d.tags_text,
                    d.body_text,
                    d.kind,
                    d.format,
                    d.cost,
                    int(d.online),
                    d.last_date,
                    d.date_key,
                )
                for d in docs
            ],
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
                f"SELECT id, title, tags, body FROM {DOC} WHERE id IN ({marks})",
                [d.id for d in docs],
            )

    # --- searching ------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        words = query.words()
        source, match_params, rank = self._source(words)
        always, always_params = self._always(query)
        facet_filters = {
            name: self._facet_filter(name, values) for name, values in query.active_filters().items()
        }

        def where(skip: str | None = None) -> tuple[str, list[Any]]:
            clauses, params = [*always], [*match_params, *always_params]
            for name, (sql, values) in facet_filters.items():
                if name != skip:
                    clauses.append(sql)
                    params.extend(values)
            return " AND ".join(clauses), params

        main_where, main_params = where()
        order = f"{rank}, d.id" if rank and query.sort == "relevance" else "d.date_key"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id FROM {source} WHERE {main_where} ORDER BY {order} LIMIT %s OFFSET %s",  # noqa: S608
                [*main_params, query.page_size, query.offset],
            )
            ids = [int(row[0]) for row in cursor.fetchall()]
            unfiltered = [f for f in FACETS if f not in facet_filters]
            total, facets = self._counts(cursor, source, main_where, main_params, unfiltered)
            for name in facet_filters:
                facet_where, facet_params = where(skip=name)
                facets.update(self._counts(cursor, source, facet_where, facet_params, [name])[1])
        ordered = {name: facets.get(name, []) for name in FACETS}
        return SearchResult(ids=ids, total=total, facets=ordered, page=query.page, page_size=query.page_size)

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
            f"{DOC} d JOIN plainto_tsquery('english', %s) AS q ON d.document @@ q",
            [" ".join(words)],
            "-ts_rank(d.document, q)",
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

    def _counts(
        self, cursor: Any, source: str, where: str, params: list[Any], facets: list[str]
    ) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        """The number of matches and the counts of `facets` among them."""
        singles = [f for f in SINGLE_VALUED if f in facets]
        columns = ", ".join([*(f"d.{f}" for f in singles), "d.online"])
        cursor.execute(
            f"SELECT {columns}, count(*) FROM {source} WHERE {where} GROUP BY {columns}",  # noqa: S608
            params,
        )
        rows = cursor.fetchall()
        total = sum(row[-1] for row in rows)
        online_total = sum(row[-1] for row in rows if row[-2])
        facets_out: dict[str, list[tuple[str, int]]] = {}
        for position, name in enumerate(singles):
            counted: dict[str, int] = {}
            for row in rows:
                counted[row[position]] = counted.get(row[position], 0) + row[-1]
            facets_out[name] = sort_counts(counted.items())

        multi = [f for f in MULTI_VALUED if f in facets]
        if multi:
            cursor.execute(
                f"SELECT v.facet, v.value, count(*), sum(d.online) FROM {source} "  # noqa: S608
                f"{self._join} {VALUE} v ON v.doc_id = d.id AND v.facet IN ({_marks(multi)}) "
                f"WHERE {where} GROUP BY v.facet, v.value",
                [*params[: _match_param_count(source)], *multi, *params[_match_param_count(source) :]],
            )
            grouped: dict[str, dict[str, tuple[int, int]]] = {name: {} for name in multi}
            for facet, value, count, online in cursor.fetchall():
                grouped[facet][value] = (int(count), int(online or 0))
            for name, values in grouped.items():
                if name == "region":
                    facets_out[name] = region_counts(values, online_total)
                else:
                    facets_out[name] = sort_counts((value, held) for value, (held, _) in values.items())
        return total, facets_out


def _match_param_count(source: str) -> int:
    """How many parameters the FROM clause itself takes (the text match), so others follow it."""
    return source.count("%s")


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


__all__ = ["ONLINE", "DatabaseBackend"]
