"""Validating opportunity records and writing them to the catalogue.

Every way in (form, file, API, feed) produces OpportunityRecords and calls `save_records`,
so the rules live here once: what is required, how values are read, how a re-import finds
the opportunity it updates (provider + external id), and that a batch is all or nothing
unless the caller asks to keep only the valid records.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from signpost.accounts.models import Organisation
from signpost.catalogue.models import (
    CareerStage,
    ChangeCounter,
    Feed,
    Format,
    Kind,
    Occurrence,
    Opportunity,
    OpportunityTag,
    Status,
    TagSource,
)
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services.indexing import opportunities_changed
from signpost.core.models import Sector
from signpost.core.regions import RegionNotFound, RegionResolver
from signpost.lexicon.lookup import ConceptLookup

_url = URLValidator(schemes=["http", "https"])
MAX_OCCURRENCES = 500


@dataclass(frozen=True)
class RecordError:
    """One problem with one record: where (row or item), which field, and what is wrong."""

    row: int | None
    external_id: str
    field: str
    message: str

    def __str__(self) -> str:
        where = (
            f"row {self.row}"
            if self.row is not None
            else (f"item {self.external_id}" if self.external_id else "")
        )
        return f"{where}: {self.field}: {self.message}" if where else f"{self.field}: {self.message}"


@dataclass
class SaveResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[RecordError] = field(default_factory=list)
    opportunity_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Clean:
    """A record whose values have been checked and turned into model values."""

    record: OpportunityRecord
    values: dict[str, Any]
    sectors: list[int]
    career_stages: list[int]
    tags: list[int]
    occurrences: list[dict[str, Any]]


class RecordValidator:
    """Checks records against the catalogue's rules, loading reference data once per batch."""

    def __init__(self, *, tag_schemes: Sequence[str] = ()) -> None:
        self.regions = RegionResolver()
        self.concepts = ConceptLookup(tuple(tag_schemes))
        self.sectors = {s.slug: s.pk for s in Sector.objects.all()} | {
            s.name.casefold(): s.pk for s in Sector.objects.all()
        }
        stages = list(CareerStage.objects.all())
        self.stages = {s.slug: s.pk for s in stages} | {s.name.casefold(): s.pk for s in stages}
        self.kinds = _choice_lookup(Kind)
        self.formats = _choice_lookup(Format) | {
            "face to face": Format.IN_PERSON,
            "hybrid": Format.BLENDED,
            "virtual": Format.ONLINE,
            "in-person": Format.IN_PERSON,
        }

    def clean(self, record: OpportunityRecord) -> tuple[_Clean | None, list[RecordError]]:
        errors: list[tuple[str, str]] = list(record.read_errors)
        values: dict[str, Any] = {}

        def text(name: str, value: str, limit: int, *, required: bool = False) -> str:
            value = (value or "").strip()
            if required and not value:
                errors.append((name, "is required"))
            if len(value) > limit:
                errors.append((name, f"is {len(value)} characters long; the most allowed is {limit}"))
            return value[:limit]

        values["title"] = text("title", record.title, 300, required=True)
        values["summary"] = text("summary", record.summary, 600)
        values["description"] = text("description", record.description, 50_000)
        values["accessibility_notes"] = text("accessibility_notes", record.accessibility_notes, 5_000)
        values["external_id"] = text("external_id", record.external_id, 300)
        values["contact_name"] = text("contact_name", record.contact_name, 150)
        values["contact_role"] = text("contact_role", record.contact_role, 150)
        values["contact_phone"] = text("contact_phone", record.contact_phone, 40)
        values["language"] = text("language", record.language or "en", 10) or "en"
        values["currency"] = (record.currency or "GBP").strip().upper()
        if len(values["currency"]) != 3 or not values["currency"].isalpha():
            errors.append(
                ("currency", f"{record.currency!r} is not a three-letter currency code such as GBP")
            )

        email = (record.contact_email or "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(("contact_email", f"{email!r} is not an email address"))
        values["contact_email"] = email
        url = (record.url or "").strip()
        if url:
            try:
                _url(url)
            except ValidationError:
                errors.append(("url", f"{url!r} is not a web address (http or https)"))
        values["url"] = url[:500]

        kind = (record.kind or "").strip()
        values["kind"] = self.kinds.get(kind.casefold(), "") if kind else Kind.COURSE
        if not values["kind"]:
            errors.append(("kind", f"{kind!r} is not one of: {', '.join(Kind.values)}"))
        status = (record.status or Status.PUBLISHED).strip().lower()
        if status not in Status.values:
            errors.append(("status", f"{record.status!r} is not one of: {', '.join(Status.values)}"))
        values["status"] = status

        for name in ("price", "member_price"):
            amount = getattr(record, name)
            if amount is not None and (
                not isinstance(amount, Decimal) or amount < 0 or amount >= Decimal("1e7")
            ):
                errors.append((name, f"{amount} is not a price between 0 and 9,999,999.99"))
        values["price"] = record.price
        values["member_price"] = record.member_price
        values["is_free"] = record.is_free if record.is_free is not None else not record.price

        sectors = self._many("sectors", record.sectors, self.sectors, errors)
        stages = self._many("career_stages", record.career_stages, self.stages, errors)
        tags: list[int] = []
        for tag in record.tags:
            try:
                concept_id = self.concepts.resolve(tag)
            except LookupError as problem:
                errors.append(("tags", str(problem)))
            else:
                if concept_id not in tags:
                    tags.append(concept_id)

        occurrences = [self._occurrence(o, errors) for o in record.occurrences[:MAX_OCCURRENCES]]
        if len(record.occurrences) > MAX_OCCURRENCES:
            errors.append(
                ("occurrences", f"has {len(record.occurrences)} dates; the most allowed is {MAX_OCCURRENCES}")
            )

        fmt = (record.format or "").strip()
        if fmt:
            values["format"] = self.formats.get(fmt.casefold(), "")
            if not values["format"]:
                errors.append(("format", f"{fmt!r} is not one of: {', '.join(Format.values)}"))
        else:
            values["format"] = _format_from(occurrences)

        problems = [RecordError(record.row, values["external_id"], f, m) for f, m in errors]
        if problems:
            return None, problems
        return _Clean(record, values, sectors, stages, tags, occurrences), []

    def _many(
        self, name: str, given: Iterable[str], lookup: dict[str, int], errors: list[tuple[str, str]]
    ) -> list[int]:
        found: list[int] = []
        for raw in given:
            value = raw.strip()
            if not value:
                continue
            pk = (
                lookup.get(value)
                or lookup.get(value.casefold())
                or lookup.get(value.casefold().replace(" ", "-"))
            )
            if pk is None:
                errors.append((name, f"{value!r} is not one of: {', '.join(sorted(lookup))}"))
            elif pk not in found:
                found.append(pk)
        return found

    def _occurrence(self, occ: OccurrenceRecord, errors: list[tuple[str, str]]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        tz_name = (occ.timezone or "Europe/London").strip()
        try:
            zone = zoneinfo.ZoneInfo(tz_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors.append(("timezone", f"{tz_name!r} is not a time zone such as Europe/London"))
            zone = zoneinfo.ZoneInfo("Europe/London")
        for name in ("start", "end", "registration_deadline"):
            moment = getattr(occ, name)
            if moment is not None and timezone.is_naive(moment):
                moment = timezone.make_aware(moment, zone)
            values[name] = moment
        if values["start"] and values["end"] and values["end"] < values["start"]:
            errors.append(("end", "is before the start"))
        if (
            values["registration_deadline"]
            and values["end"]
            and values["registration_deadline"] > values["end"]
        ):
            errors.append(("registration_deadline", "is after the end"))
        values["timezone"] = tz_name
        for name, limit in (
            ("venue_name", 200),
            ("address", 500),
            ("town", 120),
            ("postcode", 20),
            ("external_id", 300),
        ):
            value = (getattr(occ, name) or "").strip()
            if len(value) > limit:
                errors.append((name, f"is {len(value)} characters long; the most allowed is {limit}"))
            values[name] = value[:limit]
        online_url = (occ.online_url or "").strip()
        if online_url:
            try:
                _url(online_url)
            except ValidationError:
                errors.append(("online_url", f"{online_url!r} is not a web address (http or https)"))
        values["online_url"] = online_url[:500]
        values["is_online"] = occ.is_online or bool(
            online_url and not values["address"] and not values["venue_name"]
        )
        values["region"] = None
        if occ.region.strip():
            try:
                values["region"] = self.regions.resolve(occ.region, country=occ.country or "GB")
            except RegionNotFound as problem:
                errors.append(("region", str(problem)))
        for name in ("capacity", "places_left"):
            number = getattr(occ, name)
            if number is not None and number < 0:
                errors.append((name, "cannot be negative"))
            values[name] = number
        if (
            values["capacity"] is not None
            and values["places_left"] is not None
            and values["places_left"] > values["capacity"]
        ):
            errors.append(("places_left", "is more than the capacity"))
        values["is_cancelled"] = occ.is_cancelled
        return values


def _choice_lookup(choices: Any) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for value, label in choices.choices:
        lookup[value] = value
        lookup[str(label).casefold()] = value
        lookup[value.replace("-", " ")] = value
    return lookup


def _format_from(occurrences: list[dict[str, Any]]) -> str:
    online = {bool(o["is_online"]) for o in occurrences}
    if online == {True}:
        return Format.ONLINE
    if online == {True, False}:
        return Format.BLENDED
    return Format.IN_PERSON


def validate_records(
    records: Sequence[OpportunityRecord], *, validator: RecordValidator | None = None
) -> tuple[list[_Clean], list[RecordError]]:
    """Check every record; return the clean ones and every error (records sharing an id are errors)."""
    validator = validator or RecordValidator()
    clean: list[_Clean] = []
    errors: list[RecordError] = []
    seen: dict[str, int | None] = {}
    for record in records:
        result, problems = validator.clean(record)
        key = (record.external_id or "").strip()
        if key and key in seen:
            problems.append(
                RecordError(record.row, key, "external_id", f"{key!r} appears twice (also row {seen[key]})")
            )
            result = None
        elif key:
            seen[key] = record.row
        errors.extend(problems)
        if result is not None:
            clean.append(result)
    return clean, errors


def save_records(
    *,
    provider: Organisation,
    records: Sequence[OpportunityRecord],
    source: str,
    feed: Feed | None = None,
    valid_only: bool = False,
    tag_source: str = TagSource.PROVIDER,
    validator: RecordValidator | None = None,
) -> SaveResult:
    """Validate and write records for `provider`: all or nothing, unless `valid_only`.

    A record with an external id updates the provider's opportunity with that id (its
    occurrences are replaced by the record's); one without always creates a new one.
    """
    clean, errors = validate_records(records, validator=validator)
    result = SaveResult(errors=errors)
    if errors and not valid_only:
        return result
    result.skipped = len(records) - len(clean)
    with transaction.atomic():
        _write(provider=provider, clean=clean, source=source, feed=feed, tag_source=tag_source, result=result)
        changed = list(result.opportunity_ids)
        transaction.on_commit(lambda: opportunities_changed(changed))
    return result


def reserve_change_numbers(count: int = 1) -> int:
    """Hand out `count` consecutive change numbers (for Opportunity.modified_seq); return the first.

    Must run inside the writing transaction: the counter row stays locked until it commits, so
    a change feed read in number order never passes a change that has not committed yet.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("reserve_change_numbers must be called inside transaction.atomic()")
    counter = ChangeCounter.objects.select_for_update().filter(pk=1).first()
    if counter is None:
        start = Opportunity.objects.aggregate(m=Max("modified_seq"))["m"] or 0
        counter = ChangeCounter.objects.create(pk=1, value=start)
        counter = ChangeCounter.objects.select_for_update().get(pk=1)
    first = counter.value + 1
    counter.value += max(count, 1)
    counter.save(update_fields=["value"])
    return first


def _write(
    *,
    provider: Organisation,
    clean: list[_Clean],
    source: str,
    feed: Feed | None,
    tag_source: str,
    result: SaveResult,
) -> None:
    """Write a batch in bulk: a few queries per batch, not per record (10,000-row files in seconds).

    New opportunities are inserted together; existing ones are compared with what they hold
    (prefetched once) and only the changed ones are updated, their dates, audiences and this
    source's tags replaced.
    """
    if not clean:
        return
    ids = [c.values["external_id"] for c in clean if c.values["external_id"]]
    existing = {
        o.external_id: o
        for o in Opportunity.objects.filter(provider=provider, external_id__in=ids).prefetch_related(
            "audience_sectors", "career_stages", "tag_links", "occurrences"
        )
    }
    # Unsaved regions cannot be hashed; the resolver hands out one instance per region, so id() dedupes.
    new_regions = {
        id(o["region"]): o["region"]
        for c in clean
        for o in c.occurrences
        if o["region"] is not None and o["region"].pk is None
    }
    for region in new_regions.values():
        region.save()
    seq = reserve_change_numbers(len(clean))
    now = timezone.now()
    created: list[tuple[Opportunity, _Clean]] = []
    updated: list[tuple[Opportunity, _Clean]] = []
    for item in clean:
        values = dict(item.values)
        opportunity = existing.get(values["external_id"]) if values["external_id"] else None
        if values["status"] == Status.PUBLISHED:
            values["published_at"] = (
                opportunity.published_at if opportunity and opportunity.published_at else now
            )
        if opportunity is None:
            opportunity = Opportunity(provider=provider, source=source, feed=feed, modified_seq=seq, **values)
            created.append((opportunity, item))
        else:
            if not _changed(opportunity, item):
                result.unchanged += 1
                result.opportunity_ids.append(opportunity.pk)
                continue
            for name, value in values.items():
                setattr(opportunity, name, value)
            opportunity.source = source or opportunity.source
            opportunity.feed = feed or opportunity.feed
            opportunity.modified_seq = seq
            opportunity.save()
            updated.append((opportunity, item))
        seq += 1
    _insert_opportunities([o for o, _ in created])
    result.created += len(created)
    result.updated += len(updated)
    written = created + updated
    result.opportunity_ids += [o.pk for o, _ in written]
    updated_ids = [o.pk for o, _ in updated]
    Occurrence.objects.filter(opportunity_id__in=updated_ids).delete()
    sectors, stages = Opportunity.audience_sectors.through, Opportunity.career_stages.through
    sectors.objects.filter(opportunity_id__in=updated_ids).delete()
    stages.objects.filter(opportunity_id__in=updated_ids).delete()
    sectors.objects.bulk_create(
        sectors(opportunity_id=o.pk, sector_id=pk) for o, item in written for pk in item.sectors
    )
    stages.objects.bulk_create(
        stages(opportunity_id=o.pk, careerstage_id=pk) for o, item in written for pk in item.career_stages
    )
    _set_tags(written, tag_source)
    Occurrence.objects.bulk_create(
        Occurrence(opportunity=opportunity, **values)
        for opportunity, item in written
        for values in item.occurrences
    )


def _insert_opportunities(opportunities: list[Opportunity]) -> None:
    if connection.features.can_return_rows_from_bulk_insert:
        Opportunity.objects.bulk_create(opportunities, batch_size=500)
    else:  # a database that cannot say which ids it gave: one insert each
        for opportunity in opportunities:
            opportunity.save()


def _set_tags(written: list[tuple[Opportunity, _Clean]], source: str) -> None:
    """Replace the tags from this source; tags a broker or the tagger added stay.

    A record that carries no tags leaves the existing ones alone (feeds rarely carry tags).
    """
    stale: list[int] = []
    fresh: list[OpportunityTag] = []
    for opportunity, item in written:
        if not item.tags:
            continue
        # An existing opportunity's tags were prefetched with it; a new one has none.
        prefetched = "tag_links" in getattr(opportunity, "_prefetched_objects_cache", {})
        links = list(opportunity.tag_links.all()) if prefetched else []
        stale += [t.pk for t in links if t.source == source and t.concept_id not in item.tags]
        have = {t.concept_id for t in links if not (t.source == source and t.concept_id not in item.tags)}
        fresh += [
            OpportunityTag(opportunity=opportunity, concept_id=c, source=source, weight=1.0)
            for c in item.tags
            if c not in have
        ]
    OpportunityTag.objects.filter(pk__in=stale).delete()
    OpportunityTag.objects.bulk_create(fresh)


_OCCURRENCE_FIELDS = (
    "start", "end", "timezone", "registration_deadline", "is_online", "online_url", "venue_name",
    "address", "town", "postcode", "capacity", "places_left", "is_cancelled", "external_id",
)  # fmt: skip


def _changed(opportunity: Opportunity, item: _Clean) -> bool:
    """Whether saving `item` would change `opportunity` (so unchanged re-imports stay quiet).

    Reads the opportunity's audiences, tags and dates through .all(), so a prefetch serves them.
    """
    for name, value in item.values.items():
        if name == "published_at":
            continue
        if getattr(opportunity, name) != value:
            return True
    if sorted(s.pk for s in opportunity.audience_sectors.all()) != sorted(item.sectors):
        return True
    if sorted(s.pk for s in opportunity.career_stages.all()) != sorted(item.career_stages):
        return True
    provider_tags = {t.concept_id for t in opportunity.tag_links.all() if t.source == TagSource.PROVIDER}
    if provider_tags != set(item.tags) and item.tags:
        return True
    have = [
        (*(getattr(o, f) for f in _OCCURRENCE_FIELDS), o.region_id) for o in opportunity.occurrences.all()
    ]
    want = [
        (*(o[f] for f in _OCCURRENCE_FIELDS), o["region"].pk if o["region"] else None)
        for o in item.occurrences
    ]
    return sorted(have, key=repr) != sorted(want, key=repr)


@transaction.atomic
def set_status(*, opportunity: Opportunity, status: str) -> Opportunity:
    """Publish, withdraw or return an opportunity to draft; bumps its place in the change feed."""
    if status not in Status.values:
        raise ValidationError({"status": f"{status!r} is not one of: {', '.join(Status.values)}"})
    if status == Status.PUBLISHED and not (opportunity.contact_email or opportunity.contact_phone):
        raise ValidationError(
            {"contact_email": "Give a contact email or phone before publishing: a person to ask."}
        )
    opportunity.status = status
    if status == Status.PUBLISHED and opportunity.published_at is None:
        opportunity.published_at = timezone.now()
    opportunity.modified_seq = reserve_change_numbers()
    opportunity.save(update_fields=["status", "published_at", "modified_seq", "updated_at"])
    transaction.on_commit(lambda: opportunities_changed([opportunity.pk]))
    return opportunity


@transaction.atomic
def withdraw_missing(*, feed: Feed, seen_external_ids: set[str]) -> int:
    """Withdraw the feed's published opportunities that the latest harvest no longer lists."""
    gone = list(
        Opportunity.objects.filter(feed=feed, status=Status.PUBLISHED).exclude(
            external_id__in=seen_external_ids
        )
    )
    seq = reserve_change_numbers(len(gone))
    ids = []
    for offset, opportunity in enumerate(gone):
        opportunity.status = Status.WITHDRAWN
        opportunity.modified_seq = seq + offset
        opportunity.save(update_fields=["status", "modified_seq", "updated_at"])
        ids.append(opportunity.pk)
    transaction.on_commit(lambda: opportunities_changed(ids))
    return len(ids)


def mark_past(*, now: Any = None) -> int:
    """Published opportunities whose every dated occurrence has ended become past."""
    now = now or timezone.now()
    candidates = (
        Opportunity.objects.filter(status=Status.PUBLISHED, occurrences__end__lt=now)
        .exclude(occurrences__end__gte=now)
        .exclude(occurrences__start__isnull=True)
        .distinct()
    )
    with transaction.atomic():
        ids = list(candidates.values_list("pk", flat=True))
        seq = reserve_change_numbers(len(ids))
        for offset, pk in enumerate(ids):
            Opportunity.objects.filter(pk=pk).update(
                status=Status.PAST, modified_seq=seq + offset, updated_at=now
            )
        transaction.on_commit(lambda: opportunities_changed(ids))
    return len(ids)
