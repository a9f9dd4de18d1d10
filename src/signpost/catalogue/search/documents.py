"""The flat search document of an opportunity, built from the database in bulk.

Only what can still be taken is searchable: a published opportunity with an upcoming (or
running) occurrence, or one with no dates at all (self-paced, always open). Past, cancelled,
withdrawn and draft opportunities have no document, so they drop out of every engine.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from signpost.catalogue.models import Format, Kind, Occurrence, Opportunity, OpportunityTag, Status
from signpost.lexicon.models import BroaderLink, Concept, Label

# last_date of an opportunity that can be taken at any time: later than any real date, so
# "still upcoming" is one range test for every engine.
ANY_TIME = 2**40
_MAX_SECONDS = 2**34 - 1  # the year 2514: dates after it sort as "any time"
_ID_BITS = 29


@dataclass
class SearchDocument:
    """What the engines index for one opportunity. Dates are Unix seconds."""

    id: int
    title: str
    summary: str = ""
    description: str = ""
    provider: str = ""
    # Every label of every tag concept (preferred, alternative and hidden, in any language).
    labels: list[str] = field(default_factory=list)
    kind: str = ""
    format: str = ""
    cost: str = "paid"  # "free" or "paid"
    regions: list[str] = field(default_factory=list)  # slugs of the places it is held
    sectors: list[str] = field(default_factory=list)
    career_stages: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)  # ids of the lexicon areas (top concepts) of its tags
    online: bool = False
    starts: list[int] = field(default_factory=list)  # upcoming starts
    last_date: int = ANY_TIME  # when the last upcoming occurrence ends; ANY_TIME if undated
    next_start: int | None = None

    @property
    def tags_text(self) -> str:
        return " \n".join(self.labels)

    @property
    def body_text(self) -> str:
        # The kind and format by name too, so "webinar" or "online workshop" finds them.
        words = " ".join(
            str(choices(value).label)
            for choices, value in ((Kind, self.kind), (Format, self.format))
            if value in choices.values
        )
        return " \n".join(part for part in (self.summary, self.description, self.provider, words) if part)

    @property
    def anytime(self) -> bool:
        return self.last_date >= ANY_TIME

    @property
    def date_key(self) -> int:
        """Sorts by next start (undated last), then by id: unique, so pages never overlap."""
        seconds = _MAX_SECONDS if self.next_start is None else min(max(self.next_start, 0), _MAX_SECONDS)
        return (seconds << _ID_BITS) | (self.id & ((1 << _ID_BITS) - 1))

    def facet_values(self) -> dict[str, list[str]]:
        return {
            "kind": [self.kind],
            "format": [self.format],
            "cost": [self.cost],
            "region": self.regions,
            "sector": self.sectors,
            "career_stage": self.career_stages,
            "area": self.areas,
        }


def _seconds(moment: datetime) -> int:
    return int(moment.timestamp())


class _Lexicon:
    """Labels and areas of tag concepts, loaded once per build for the concepts it meets."""

    def __init__(self) -> None:
        self.labels: dict[int, list[str]] = {}
        self.areas: dict[int, list[str]] = {}
        self._parents: dict[int, list[int]] = {}
        self._is_top: dict[int, bool] = {}

    def load(self, concept_ids: Iterable[int]) -> None:
        new = {c for c in concept_ids if c not in self.labels}
        if not new:
            return
        labels: dict[int, list[str]] = defaultdict(list)
        for pk, pref, is_top in Concept.objects.filter(pk__in=new).values_list(
            "pk", "pref_label", "is_top_concept"
        ):
            labels[pk].append(pref)
            self._is_top[pk] = is_top
        for concept_id, text in Label.objects.filter(concept_id__in=new).values_list("concept_id", "text"):
            if text not in labels[concept_id]:
                labels[concept_id].append(text)
        for concept_id in new:
            self.labels[concept_id] = labels.get(concept_id, [])
        self._load_ancestors(new)
        for concept_id in new:
            self.areas[concept_id] = [
                str(a) for a in sorted(self._ancestors(concept_id)) if self._is_top.get(a)
            ]

    def _load_ancestors(self, concept_ids: set[int]) -> None:
        frontier = {c for c in concept_ids if c not in self._parents}
        while frontier:
            parents: dict[int, list[int]] = {c: [] for c in frontier}
            for child, parent in BroaderLink.objects.filter(concept_id__in=frontier).values_list(
                "concept_id", "broader_id"
            ):
                parents[child].append(parent)
            self._parents.update(parents)
            frontier = {p for ps in parents.values() for p in ps if p not in self._parents}
        unknown = [c for c in self._parents if c not in self._is_top]
        if unknown:
            self._is_top.update(Concept.objects.filter(pk__in=unknown).values_list("pk", "is_top_concept"))

    def _ancestors(self, concept_id: int) -> set[int]:
        seen = {concept_id}
        stack = [concept_id]
        while stack:  # the hierarchy may be poly-hierarchical; a visited set guards against cycles
            for parent in self._parents.get(stack.pop(), []):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen


def build_documents(
    ids: Iterable[int] | None = None, *, now: datetime | None = None, chunk_size: int = 2000
) -> Iterator[SearchDocument]:
    """The documents of these opportunities (every published one when None), a chunk of queries at a time.

    Ids that are not searchable (draft, withdrawn, past, unknown) yield nothing.
    """
    now_s = _seconds(now or timezone.now())
    if ids is None:
        published = Opportunity.objects.filter(status=Status.PUBLISHED).order_by("pk")
        wanted = list(published.values_list("pk", flat=True))
    else:
        wanted = sorted(set(ids))
    lexicon = _Lexicon()
    for start in range(0, len(wanted), chunk_size):
        yield from _build_chunk(wanted[start : start + chunk_size], lexicon, now_s)


def _build_chunk(chunk: list[int], lexicon: _Lexicon, now_s: int) -> Iterator[SearchDocument]:
    rows = list(
        Opportunity.objects.filter(pk__in=chunk, status=Status.PUBLISHED).values_list(
            "pk", "title", "summary", "description", "kind", "format", "is_free", "provider__name"
        )
    )
    if not rows:
        return
    found = [r[0] for r in rows]
    occurrences: dict[int, list[tuple[datetime | None, datetime | None, bool, str | None]]] = defaultdict(
        list
    )
    for opp_id, start, end, is_online, region in (
        Occurrence.objects.filter(opportunity_id__in=found, is_cancelled=False)
        .values_list("opportunity_id", "start", "end", "is_online", "region__slug")
        .order_by()
    ):
        occurrences[opp_id].append((start, end, is_online, region))
    cancelled_only = set(
        Occurrence.objects.filter(opportunity_id__in=found, is_cancelled=True)
        .values_list("opportunity_id", flat=True)
        .order_by()
    ) - set(occurrences)
    sectors = _pairs(Opportunity.audience_sectors.through.objects, found, "sector__slug")
    stages = _pairs(Opportunity.career_stages.through.objects, found, "careerstage__slug")
    tags = _pairs(OpportunityTag.objects, found, "concept_id")
    lexicon.load(c for concepts in tags.values() for c in concepts)

    for pk, title, summary, description, kind, fmt, is_free, provider in rows:
        if pk in cancelled_only:
            continue  # every date was cancelled: nothing left to attend
        doc = SearchDocument(
            id=pk,
            title=title,
            summary=summary,
            description=description,
            provider=provider,
            kind=kind,
            format=fmt,
            cost="free" if is_free else "paid",
            sectors=sorted(sectors.get(pk, [])),
            career_stages=sorted(stages.get(pk, [])),
            online=fmt == Format.ONLINE,
        )
        if not _dates(doc, occurrences.get(pk, []), now_s):
            continue
        labels: list[str] = []
        areas: set[str] = set()
        for concept_id in tags.get(pk, []):
            labels.extend(t for t in lexicon.labels.get(concept_id, []) if t not in labels)
            areas.update(lexicon.areas.get(concept_id, []))
        doc.labels = labels
        doc.areas = sorted(areas, key=int)
        yield doc


def _dates(
    doc: SearchDocument,
    occurrences: list[tuple[datetime | None, datetime | None, bool, str | None]],
    now_s: int,
) -> bool:
    """Fill the document's dates and places from its open occurrences; False when none is open."""
    anytime = not occurrences  # no occurrences at all: self-paced or always open
    regions: set[str] = set()
    starts: list[int] = []
    last = 0
    for start, end, is_online, region in occurrences:
        if start is None:
            anytime = True
        else:
            until = _seconds(end or start)
            if until < now_s:
                continue  # over
            starts.append(_seconds(start))
            last = max(last, until)
        if region:
            regions.add(region)
        doc.online = doc.online or is_online
    if not anytime and not starts:
        return False
    doc.regions = sorted(regions)
    doc.starts = sorted(starts)
    doc.next_start = doc.starts[0] if doc.starts else None
    doc.last_date = ANY_TIME if anytime else last
    return True


def _pairs(manager: Any, ids: list[int], value: str) -> dict[int, list[Any]]:
    """(opportunity id → values) from a table linked to opportunities: one query."""
    pairs: dict[int, list[Any]] = defaultdict(list)
    rows = manager.filter(opportunity_id__in=ids).values_list("opportunity_id", value).order_by()
    for opp_id, item in rows:
        pairs[opp_id].append(item)
    return pairs
