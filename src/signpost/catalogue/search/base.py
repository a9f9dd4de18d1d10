"""The search interface every engine implements: a query, a result, and the backend protocol.

The rules that make two engines agree live here, so they are written once:

* all the words of `q` must occur somewhere (title, tags, summary, description, provider);
* facet filters are ORed within a facet and ANDed across facets;
* a region filter also matches every opportunity that can be attended online
  ("online counts everywhere");
* a date range keeps opportunities with an upcoming start inside it, and those that can be
  taken at any time (self-paced, always open);
* facet counts are "multi-select": a facet's counts apply every filter except its own, so
  each count says how many results ticking that option would add.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from signpost.catalogue.search.documents import ANY_TIME, SearchDocument

# Facets in the order pages show them; the names are also the API's query parameters.
FACETS: tuple[str, ...] = ("kind", "format", "region", "sector", "career_stage", "cost", "area")
# Facets that hold one value per opportunity; the others may hold several.
SINGLE_VALUED: tuple[str, ...] = ("kind", "format", "cost")
MULTI_VALUED: tuple[str, ...] = ("region", "sector", "career_stage", "area")
# In the region facet's counts, the number of results that can be attended online (and so
# count in every region, including regions that have no entry of their own).
ONLINE = "online"
SORTS = ("relevance", "date")
MAX_PAGE_SIZE = 100
# Date filters are whole days in the catalogue's home time zone.
HOME_ZONE = ZoneInfo("Europe/London")
__all__ = ["ANY_TIME", "FACETS", "ONLINE", "SearchBackend", "SearchDocument", "SearchQuery", "SearchResult"]


@dataclass(frozen=True)
class SearchQuery:
    """What a person asked for. `filters` maps a facet name to the values accepted (any of them)."""

    q: str = ""
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    # "Upcoming" is judged at this moment (now, when None); tests move it.
    now: datetime | None = None

    def __post_init__(self) -> None:
        unknown = set(self.filters) - set(FACETS)
        if unknown:
            raise ValueError(f"unknown facets: {', '.join(sorted(unknown))}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        if self.page < 1 or not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValueError("page must be 1 or more and page_size between 1 and 100")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def active_filters(self) -> dict[str, tuple[str, ...]]:
        """The facet filters that restrict anything (a facet given no values does not)."""
        return {name: tuple(values) for name, values in self.filters.items() if values}

    def words(self) -> list[str]:
        return query_words(self.q)

    def now_seconds(self) -> int:
        moment = self.now or datetime.now(tz=HOME_ZONE)
        return int(moment.timestamp())

    def start_range(self) -> tuple[int | None, int | None]:
        """The date filter as epoch seconds: [from, to) with `to` the end of the last day."""
        lower = _midnight(self.date_from) if self.date_from else None
        upper = _midnight(self.date_to + timedelta(days=1)) - 1 if self.date_to else None
        return lower, upper


def _midnight(day: date) -> int:
    return int(datetime.combine(day, time(0), tzinfo=HOME_ZONE).timestamp())


def query_words(q: str) -> list[str]:
    """The words of a query, lower-cased, without punctuation or operators (so no input is a syntax error)."""
    words: list[str] = []
    current: list[str] = []
    for char in q.casefold():
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words[:32]


@dataclass
class SearchResult:
    """One page of results: opportunity ids in order, the total, and each facet's counts."""

    ids: list[int]
    total: int
    facets: dict[str, list[tuple[str, int]]]
    page: int = 1
    page_size: int = 20

    def counts(self, facet: str) -> dict[str, int]:
        return dict(self.facets.get(facet, []))

    def region_count(self, region: str) -> int:
        """Results that reach `region`: held there or online (online counts everywhere)."""
        counts = self.counts("region")
        return counts.get(region, counts.get(ONLINE, 0))


class SearchBackend(Protocol):
    """An engine that keeps a searchable copy of the catalogue.

    `index`, `remove` and `rebuild` are each atomic for readers; `writing()` holds the one
    writer (across processes) so that reading the database and writing the index happen
    together, and several calls inside it share one commit.
    """

    name: str

    def index(self, docs: Iterable[SearchDocument]) -> int: ...

    def remove(self, ids: Iterable[int]) -> None: ...

    def search(self, query: SearchQuery) -> SearchResult: ...

    def rebuild(self, docs: Iterable[SearchDocument]) -> int: ...

    def exists(self) -> bool: ...

    def writing(self) -> AbstractContextManager[None]: ...


def region_counts(physical: Mapping[str, tuple[int, int]], online_total: int) -> list[tuple[str, int]]:
    """Region facet counts where online counts everywhere.

    `physical` maps a region to (results held there, of which also online); a region's count
    is those held there plus every online result not already counted.
    """
    counts = [(region, held + online_total - both) for region, (held, both) in physical.items()]
    if online_total:
        counts.append((ONLINE, online_total))
    return sort_counts(counts)


def sort_counts(counts: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted((c for c in counts if c[1] > 0), key=lambda c: (-c[1], c[0]))


def chunked(items: Iterable[int], size: int) -> Iterator[list[int]]:
    batch: list[int] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
