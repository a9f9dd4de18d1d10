"""Reading a snapshot feed's document into records, by the feed's kind.

iCalendar and JSON-LD are read by catalogue.ingest, the same readers as file imports (a JSON-LD
feed may be a JSON document or a web page carrying JSON-LD); RSS and Atom by rss.py. RPDE is
paged, so service.py reads it page by page with rpde.py instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from signpost.catalogue.harvest import rss
from signpost.catalogue.models import FeedKind
from signpost.catalogue.records import OpportunityRecord


@dataclass
class FeedItems:
    """What a feed lists, with how to name each item in the harvest log."""

    records: list[OpportunityRecord] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # one per record, same order
    notices: list[str] = field(default_factory=list)  # things worth knowing that stop nothing


def read_feed(kind: str, content: bytes, *, base_url: str) -> FeedItems:
    """Read a snapshot feed; raises an exception whose message says what is wrong with it."""
    if kind == FeedKind.RSS:
        records = rss.parse(content, base_url=base_url)
        labels = [f"entry {r.row} “{r.title}”" if r.title else f"entry {r.row}" for r in records]
        return FeedItems(records=records, labels=labels)
    # Imported here: file imports own these readers, and a harvest of one kind needs only its own.
    if kind == FeedKind.ICAL:
        from signpost.catalogue.ingest.ical import read_ical

        parsed = read_ical(content)
    elif kind == FeedKind.JSONLD:
        from signpost.catalogue.ingest.jsonld import read_html, read_jsonld

        is_json = content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))
        parsed = (read_jsonld if is_json else read_html)(content, base_url=base_url)
    else:
        raise ValueError(f"{kind!r} feeds are not read as one document")
    return FeedItems(
        records=parsed.records,
        labels=[source.label for source in parsed.sources],
        notices=[str(notice) for notice in parsed.notices],
    )
