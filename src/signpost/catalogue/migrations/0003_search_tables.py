"""Tables for the database search backend (signpost.catalogue.search.database_backend).

Written per database: SQLite gets an external-content FTS5 table, PostgreSQL a generated
weighted tsvector with a GIN index. They hold a copy of the catalogue for search only and are
filled by `manage.py rebuild_search_index` (or automatically on the first search).
"""

from django.db import migrations

COMMON = [
    """CREATE TABLE catalogue_search_meta (name varchar(40) PRIMARY KEY, value text NOT NULL)""",
    """CREATE INDEX catalogue_search_doc_date_key ON catalogue_search_doc (date_key)""",
    """CREATE INDEX catalogue_search_doc_last_date ON catalogue_search_doc (last_date)""",
    """CREATE INDEX catalogue_search_doc_kind ON catalogue_search_doc (kind)""",
    """CREATE INDEX catalogue_search_value_doc ON catalogue_search_value (doc_id, facet)""",
    """CREATE INDEX catalogue_search_start_start ON catalogue_search_start (start, doc_id)""",
]

SQLITE = [
    """CREATE TABLE catalogue_search_doc (
        id integer PRIMARY KEY,
        title text NOT NULL,
        tags text NOT NULL,
        body text NOT NULL,
        kind varchar(20) NOT NULL,
        format varchar(10) NOT NULL,
        cost varchar(4) NOT NULL,
        online smallint NOT NULL,
        last_date bigint NOT NULL,
        date_key bigint NOT NULL
    )""",
    """CREATE TABLE catalogue_search_value (
        doc_id integer NOT NULL,
        facet varchar(16) NOT NULL,
        value varchar(200) NOT NULL,
        PRIMARY KEY (facet, value, doc_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE catalogue_search_start (
        doc_id integer NOT NULL,
        start bigint NOT NULL,
        PRIMARY KEY (doc_id, start)
    ) WITHOUT ROWID""",
    """CREATE VIRTUAL TABLE catalogue_search_fts USING fts5(
        title, tags, body,
        content='catalogue_search_doc', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    *COMMON,
]

POSTGRESQL = [
    """CREATE TABLE catalogue_search_doc (
        id bigint PRIMARY KEY,
        title text NOT NULL,
        tags text NOT NULL,
        body text NOT NULL,
        kind varchar(20) NOT NULL,
        format varchar(10) NOT NULL,
        cost varchar(4) NOT NULL,
        online smallint NOT NULL,
        last_date bigint NOT NULL,
        date_key bigint NOT NULL,
        document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', tags), 'B')
            || setweight(to_tsvector('english', body), 'C')
        ) STORED
    )""",
    """CREATE TABLE catalogue_search_value (
        doc_id bigint NOT NULL,
        facet varchar(16) NOT NULL,
        value varchar(200) NOT NULL,
        PRIMARY KEY (facet, value, doc_id)
    )""",
    """CREATE TABLE catalogue_search_start (
        doc_id bigint NOT NULL,
        start bigint NOT NULL,
        PRIMARY KEY (doc_id, start)
    )""",
    """CREATE INDEX catalogue_search_doc_document ON catalogue_search_doc USING GIN (document)""",
    *COMMON,
]

DROP = [
    "DROP TABLE IF EXISTS catalogue_search_fts",
    "DROP TABLE IF EXISTS catalogue_search_start",
    "DROP TABLE IF EXISTS catalogue_search_value",
    "DROP TABLE IF EXISTS catalogue_search_doc",
    "DROP TABLE IF EXISTS catalogue_search_meta",
]


def _statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return SQLITE
    if vendor == "postgresql":
        return POSTGRESQL
    raise RuntimeError(f"the search tables are written for SQLite and PostgreSQL, not {vendor}")


def create(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in DROP:
        if "fts" in statement and schema_editor.connection.vendor != "sqlite":
            continue
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_career_stages")]

    operations = [migrations.RunPython(create, drop)]
