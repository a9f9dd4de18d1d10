"""Search tables, second layout: the text apart from the facet columns.

Joining each text match to a narrow row of facet columns is several times cheaper than to a
row that also carries the title, tags and description. The tables hold a copy made for search
only: they are recreated empty here and refilled by the next search or `rebuild_search_index`.
"""

import importlib

from django.db import migrations

DROP = [
    "DROP TABLE IF EXISTS catalogue_search_fts",
    "DROP TABLE IF EXISTS catalogue_search_start",
    "DROP TABLE IF EXISTS catalogue_search_value",
    "DROP TABLE IF EXISTS catalogue_search_text",
    "DROP TABLE IF EXISTS catalogue_search_doc",
    "DROP TABLE IF EXISTS catalogue_search_meta",
]

COMMON = [
    """CREATE TABLE catalogue_search_meta (name varchar(40) PRIMARY KEY, value text NOT NULL)""",
    """CREATE INDEX catalogue_search_doc_date_key ON catalogue_search_doc (date_key)""",
    """CREATE INDEX catalogue_search_doc_last_date ON catalogue_search_doc (last_date)""",
    """CREATE INDEX catalogue_search_value_doc ON catalogue_search_value (doc_id, facet)""",
    """CREATE INDEX catalogue_search_start_start ON catalogue_search_start (start, doc_id)""",
]


def _doc(id_type: str) -> str:
    return f"""CREATE TABLE catalogue_search_doc (
        id {id_type} PRIMARY KEY,
        kind varchar(20) NOT NULL,
        format varchar(10) NOT NULL,
        cost varchar(4) NOT NULL,
        online smallint NOT NULL,
        last_date bigint NOT NULL,
        date_key bigint NOT NULL
    )"""


def _facets(id_type: str, suffix: str) -> list[str]:
    return [
        f"""CREATE TABLE catalogue_search_value (
            doc_id {id_type} NOT NULL,
            facet varchar(16) NOT NULL,
            value varchar(200) NOT NULL,
            PRIMARY KEY (facet, value, doc_id)
        ){suffix}""",
        f"""CREATE TABLE catalogue_search_start (
            doc_id {id_type} NOT NULL,
            start bigint NOT NULL,
            PRIMARY KEY (doc_id, start)
        ){suffix}""",
    ]


SQLITE = [
    _doc("integer"),
    """CREATE TABLE catalogue_search_text (
        id integer PRIMARY KEY,
        title text NOT NULL,
        tags text NOT NULL,
        body text NOT NULL
    )""",
    *_facets("integer", " WITHOUT ROWID"),
    """CREATE VIRTUAL TABLE catalogue_search_fts USING fts5(
        title, tags, body,
        content='catalogue_search_text', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    *COMMON,
]

POSTGRESQL = [
    _doc("bigint"),
    """CREATE TABLE catalogue_search_text (
        id bigint PRIMARY KEY,
        title text NOT NULL,
        tags text NOT NULL,
        body text NOT NULL,
        document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', tags), 'B')
            || setweight(to_tsvector('english', body), 'C')
        ) STORED
    )""",
    *_facets("bigint", ""),
    """CREATE INDEX catalogue_search_text_document ON catalogue_search_text USING GIN (document)""",
    *COMMON,
]


def _run(schema_editor, statements):
    for statement in statements:
        if "fts" in statement and schema_editor.connection.vendor != "sqlite":
            continue
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise RuntimeError(f"the search tables are written for SQLite and PostgreSQL, not {vendor}")
    _run(schema_editor, DROP)
    _run(schema_editor, SQLITE if vendor == "sqlite" else POSTGRESQL)


def backwards(apps, schema_editor):
    # Back to 0003's layout: empty tables it can fill again (search rebuilds them when missing).
    earlier = importlib.import_module("signpost.catalogue.migrations.0003_search_tables")
    _run(schema_editor, DROP)
    _run(schema_editor, earlier._statements(schema_editor.connection.vendor))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0004_change_counter")]

    operations = [migrations.RunPython(forwards, backwards)]
