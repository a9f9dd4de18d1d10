"""Reading files and feeds into opportunity records: CSV and XLSX, iCalendar, schema.org JSON-LD.

Each reader turns bytes into a ParsedFile (records plus where each came from, so that errors
can name the row or item and the column the person wrote); detect.py picks the reader. The
readers write nothing: services/imports.py and the feed harvester validate and save the records
through services.opportunities.save_records. docs/catalogue-import.md documents the formats.
"""

from signpost.catalogue.ingest.common import IngestError, Notice, ParsedFile, RecordSource

__all__ = ["IngestError", "Notice", "ParsedFile", "RecordSource"]
