"""Writing a parsed, validated concept scheme to the database in one atomic, bulk step.

A scheme is matched by URI and its concepts by URI, so a re-import updates in place and keeps
concept ids (and with them everything elsewhere that points at a concept). For the concepts in
the file, labels, notes, sectors, mappings and the broader/related links inside the scheme are
replaced; links to other schemes' concepts are left alone. Concepts the file no longer holds
are kept unless `prune` is set. A file that matches what is loaded writes nothing and leaves the
scheme's revision alone. `scheme_snapshot` reads a scheme back into the ParsedScheme shape, for
that comparison and for export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import connection, transaction
from django.db.models import Model, OuterRef, ProtectedError, Q, QuerySet, RestrictedError, Subquery
from django.utils import timezone

from signpost.core.models import Sector
from signpost.lexicon.models import BroaderLink, Concept, ConceptScheme, Label, LabelKind, Mapping, Note
from signpost.lexicon.services.hierarchy import find_cycle
from signpost.lexicon.services.parsed import (
    LexiconImportError,
    ParsedConcept,
    ParsedScheme,
    definition_text,
)

BATCH_SIZE = 1000
INSERT_BATCH = 5000  # rows per executemany in _insert
ID_CHUNK = 500  # ids per IN (…) list, well inside SQLite's bound-parameter limit

RelatedLink = Concept.related.through
ConceptSector = Concept.sectors.through

T = TypeVar("T")


@dataclass
class ImportResult:
    """What an import did, for the command's summary and for callers such as seed_demo."""

    scheme: ConceptScheme
    created: bool
    concepts: int
    changed: bool = True  # False when the database already held exactly this (no write, same revision)
    new_concepts: int = 0
    changed_concepts: int = 0
    labels: int = 0
    notes: int = 0
    links: int = 0  # broader links (each is also a narrower link)
    related: int = 0  # related pairs, counted once
    mappings: int = 0
    sectors: int = 0
    kept: int = 0  # concepts of an earlier import that the file no longer holds, kept
    deleted: int = 0  # … and deleted, with prune
    resolved_targets: int = 0  # mapping targets (in either direction) now pointing at loaded concepts
    warnings: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    dry_run: bool = False

    def summary(self) -> str:
        action = "Created" if self.created else ("Updated" if self.changed else "Unchanged:")
        lines = [
            f"{action} scheme “{self.scheme.title}” ({self.scheme.slug}, revision {self.scheme.revision}): "
            f"{self.concepts} concepts ({self.new_concepts} new, {self.changed_concepts} changed), "
            f"{self.labels} labels, {self.notes} notes, {self.links} broader links, "
            f"{self.related} related pairs, "
            f"{self.mappings} mappings, {self.sectors} sector tags in {self.elapsed:.1f} s."
        ]
        if self.kept:
            lines.append(
                f"Kept {self.kept} concepts that the file no longer holds (use --prune to delete them)."
            )
        if self.deleted:
            lines.append(f"Deleted {self.deleted} concepts that the file no longer holds.")
        if self.resolved_targets:
            lines.append(f"Linked {self.resolved_targets} mappings to concepts loaded here.")
        lines.extend(f"Warning: {warning}" for warning in self.warnings)
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return "\n".join(lines)


def _chunks(items: Sequence[T], size: int = ID_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def store_scheme(parsed: ParsedScheme, *, slug: str | None = None, prune: bool = False) -> ImportResult:
    """Write `parsed` (already through finalise_scheme); every check reads before the first write."""
    scheme = ConceptScheme.objects.select_for_update().filter(uri=parsed.uri).first()
    slug = _choose_slug(parsed, scheme, slug)
    sector_ids = dict(Sector.objects.values_list("slug", "id"))
    language = parsed.default_language
    for concept in parsed.concepts.values():
        unknown = concept.sectors - sector_ids.keys()
        if unknown:
            raise LexiconImportError(
                f"{parsed.source}: {concept.display(language)} names unknown sector(s) "
                f"{', '.join(sorted(unknown))}; "
                f"known sectors are {', '.join(sorted(sector_ids))}."
            )
    existing: dict[str, tuple[int, str, str, str, bool]] = {}
    if scheme is not None:
        for row in Concept.objects.filter(scheme=scheme).values_list(
            "uri", "id", "notation", "pref_label", "definition", "is_top_concept"
        ):
            existing[row[0]] = row[1:]
    absent_ids = [existing[uri][0] for uri in sorted(existing.keys() - parsed.concepts.keys())]
    if absent_ids and not prune:
        _check_cycle_with_kept(parsed, scheme, absent_ids)

    concepts = parsed.concepts.values()
    if scheme is not None and not (absent_ids and prune) and _unchanged(parsed, scheme, existing):
        # Nothing to write, and no new revision: caches keyed on it stay valid (seed_demo re-runs).
        if scheme.slug != slug:
            scheme.slug = slug
            scheme.save(update_fields=["slug", "updated_at"])
        result = _result(parsed, scheme, created=False, changed=False)
        result.kept = len(absent_ids)
        result.resolved_targets = resolve_mapping_targets(scheme=scheme)
        return result

    # Everything is checked: write.
    created = scheme is None
    scheme = _save_scheme(parsed, scheme, slug)
    result = _result(parsed, scheme, created=created, changed=True)
    if absent_ids and prune:
        result.deleted = _delete_concepts(parsed, absent_ids)
        absent_ids = []
    result.kept = len(absent_ids)
    if existing:
        present_ids = [existing[uri][0] for uri in parsed.concepts if uri in existing]
        _clear_concept_data(scheme, present_ids, whole_scheme=not absent_ids)

    ids = _save_concepts(parsed, scheme, existing, result)
    _insert(
        Label,
        ("concept", "kind", "language", "text"),
        ((ids[c.uri], *label) for c in concepts for label in sorted(c.labels)),
    )
    _insert(
        Note,
        ("concept", "kind", "language", "text"),
        ((ids[c.uri], *note) for c in concepts for note in sorted(c.notes)),
    )
    _insert(BroaderLink, ("concept", "broader"), ((ids[c.uri], ids[b]) for c in concepts for b in c.broader))
    # Concept.related is symmetrical: a row each way (finalise_scheme put both ways in `related`).
    _insert(
        RelatedLink,
        ("from_concept", "to_concept"),
        ((ids[c.uri], ids[r]) for c in concepts for r in c.related),
    )
    _insert(
        ConceptSector,
        ("concept", "sector"),
        ((ids[c.uri], sector_ids[s]) for c in concepts for s in c.sectors),
    )
    now = Mapping._meta.get_field("created_at").get_db_prep_value(timezone.now(), connection)
    _insert(
        Mapping,
        ("source", "relation", "target_uri", "created_at", "updated_at"),
        (
            (ids[c.uri], relation, target, now, now)
            for c in concepts
            for relation, target in sorted(c.mappings)
        ),
    )
    _refresh_planner_statistics(len(parsed.concepts))
    result.resolved_targets = resolve_mapping_targets(scheme=scheme)
    return result


def _refresh_planner_statistics(concept_count: int) -> None:
    """After a big bulk load, PostgreSQL's planner still believes the tables are tiny and picks
    nested loops that take seconds; ANALYZE (allowed inside a transaction) sets it right."""
    if connection.vendor != "postgresql" or concept_count < 1000:
        return
    tables = [model._meta.db_table for model in (Concept, Label, Note, BroaderLink, Mapping)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(tables))


def scheme_snapshot(scheme: ConceptScheme) -> ParsedScheme:
    """Everything the lexicon holds about a scheme, keyed by URI."""
    snapshot = ParsedScheme(
        uri=scheme.uri,
        source=f"scheme {scheme.slug}",
        slug_hint=scheme.slug,
        titles={scheme.default_language: scheme.title},
        descriptions={scheme.default_language: scheme.description} if scheme.description else {},
        version=scheme.version,
        licence=scheme.licence,
        attribution=scheme.attribution,
        default_language=scheme.default_language,
    )
    by_id: dict[int, ParsedConcept] = {}
    for pk, uri, notation, top in Concept.objects.filter(scheme=scheme).values_list(
        "id", "uri", "notation", "is_top_concept"
    ):
        by_id[pk] = snapshot.concepts[uri] = ParsedConcept(uri=uri, notation=notation, top=top)
    for concept_id, kind, lang, text in Label.objects.filter(concept__scheme=scheme).values_list(
        "concept_id", "kind", "language", "text"
    ):
        by_id[concept_id].labels.add((kind, lang, text))
    for concept_id, kind, lang, text in Note.objects.filter(concept__scheme=scheme).values_list(
        "concept_id", "kind", "language", "text"
    ):
        by_id[concept_id].notes.add((kind, lang, text))
    for concept_id, broader_uri in BroaderLink.objects.filter(concept__scheme=scheme).values_list(
        "concept_id", "broader__uri"
    ):
        by_id[concept_id].broader.add(broader_uri)
    for concept_id, related_uri in RelatedLink.objects.filter(from_concept__scheme=scheme).values_list(
        "from_concept_id", "to_concept__uri"
    ):
        by_id[concept_id].related.add(related_uri)
    for concept_id, relation, target in Mapping.objects.filter(source__scheme=scheme).values_list(
        "source_id", "relation", "target_uri"
    ):
        by_id[concept_id].mappings.add((relation, target))
    for concept_id, slug in ConceptSector.objects.filter(concept__scheme=scheme).values_list(
        "concept_id", "sector__slug"
    ):
        by_id[concept_id].sectors.add(slug)
    return snapshot


def _result(parsed: ParsedScheme, scheme: ConceptScheme, *, created: bool, changed: bool) -> ImportResult:
    """An ImportResult counting what the file holds (which is what the scheme holds after the import)."""
    concepts = parsed.concepts.values()
    return ImportResult(
        scheme=scheme,
        created=created,
        changed=changed,
        concepts=len(parsed.concepts),
        labels=sum(len(c.labels) for c in concepts),
        notes=sum(len(c.notes) for c in concepts),
        links=sum(len(c.broader) for c in concepts),
        related=sum(len(c.related) for c in concepts) // 2,  # finalise_scheme made it symmetrical
        mappings=sum(len(c.mappings) for c in concepts),
        sectors=sum(len(c.sectors) for c in concepts),
        warnings=parsed.warnings,
    )


def _choose_slug(parsed: ParsedScheme, scheme: ConceptScheme | None, slug: str | None) -> str:
    if slug:
        try:
            validate_slug(slug)
        except ValidationError as exc:
            raise LexiconImportError(f"{slug!r} is not a valid slug: use letters, numbers, - and _.") from exc
        if len(slug) > 60:
            raise LexiconImportError(f"The slug {slug!r} is too long: at most 60 characters.")
        other = ConceptScheme.objects.filter(slug=slug).exclude(uri=parsed.uri).first()
        if other is not None:
            raise LexiconImportError(
                f"The slug {slug!r} is already used by the scheme “{other.title}” <{other.uri}>; "
                f"{parsed.source} holds <{parsed.uri}>. Choose another slug."
            )
        return slug
    if scheme is not None:
        return scheme.slug
    base = parsed.slug_hint or "lexicon"
    candidate, n = base, 1
    while ConceptScheme.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base[:55]}-{n}"
    return candidate


def _check_cycle_with_kept(parsed: ParsedScheme, scheme: ConceptScheme | None, absent_ids: list[int]) -> None:
    """Concepts kept from an earlier import keep their broader links; they must not close a cycle."""
    broader: dict[str, set[str]] = {uri: set(c.broader) for uri, c in parsed.concepts.items()}
    names: dict[str, str] = {}
    for chunk in _chunks(absent_ids):
        for uri, label, broader_uri in BroaderLink.objects.filter(
            concept_id__in=chunk, broader__scheme=scheme
        ).values_list("concept__uri", "concept__pref_label", "broader__uri"):
            broader.setdefault(uri, set()).add(broader_uri)
            names[uri] = f"“{label}” <{uri}>"
    cycle = find_cycle(broader)
    if cycle:
        language = parsed.default_language
        path = " → ".join(
            parsed.concepts[uri].display(language) if uri in parsed.concepts else names.get(uri, f"<{uri}>")
            for uri in cycle
        )
        raise LexiconImportError(
            f"{parsed.source}: with the concepts kept from the last import (not in this file), "
            f"the broader links form a cycle: {path}. Re-import with --prune to drop the kept concepts."
        )


def _scheme_values(parsed: ParsedScheme, scheme: ConceptScheme | None) -> dict[str, str]:
    """The scheme's fields after the import: the file's values, or the old ones where the file has none."""
    title = parsed.title if parsed.titles else (scheme.title if scheme else parsed.slug_hint)
    return {
        "title": title,
        "description": parsed.description or (scheme.description if scheme else ""),
        "version": parsed.version or (scheme.version if scheme else ""),
        "licence": parsed.licence or (scheme.licence if scheme else ""),
        "attribution": parsed.attribution or (scheme.attribution if scheme else ""),
        "default_language": parsed.default_language,
    }


def _unchanged(
    parsed: ParsedScheme, scheme: ConceptScheme, existing: dict[str, tuple[int, str, str, str, bool]]
) -> bool:
    """Whether the database already holds exactly what the file says (one snapshot read, no writes)."""
    if any(getattr(scheme, name) != value for name, value in _scheme_values(parsed, scheme).items()):
        return False
    language = parsed.default_language
    for concept in parsed.concepts.values():
        old = existing.get(concept.uri)
        if old is None or old[1:] != _concept_fields(concept, language):
            return False
    loaded = scheme_snapshot(scheme).concepts
    for concept in parsed.concepts.values():
        old_concept = loaded[concept.uri]
        if (
            old_concept.labels != concept.labels
            or old_concept.notes != concept.notes
            or old_concept.mappings != concept.mappings
            or old_concept.sectors != concept.sectors
            or {uri for uri in old_concept.broader if uri in loaded} != concept.broader
            or {uri for uri in old_concept.related if uri in loaded} != concept.related
        ):
            return False
    return True


def _concept_fields(concept: ParsedConcept, language: str) -> tuple[str, str, str, bool]:
    """notation, pref_label, definition, is_top_concept as stored on Concept."""
    return (
        concept.notation,
        concept.label(language, LabelKind.PREFERRED),
        definition_text(concept, language),
        concept.top,
    )


def _save_scheme(parsed: ParsedScheme, scheme: ConceptScheme | None, slug: str) -> ConceptScheme:
    values = {"slug": slug, **_scheme_values(parsed, scheme)}
    if scheme is None:
        return ConceptScheme.objects.create(uri=parsed.uri, **values)
    for name, value in values.items():
        setattr(scheme, name, value)
    scheme.revision += 1
    scheme.save()
    return scheme


def _delete_concepts(parsed: ParsedScheme, concept_ids: list[int]) -> int:
    deleted = 0
    try:
        for chunk in _chunks(concept_ids):
            deleted += Concept.objects.filter(id__in=chunk).delete()[1].get(Concept._meta.label, 0)
    except (ProtectedError, RestrictedError) as exc:
        objects = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        blocked = sorted({str(obj) for obj in objects})[:3]
        raise LexiconImportError(
            f"{parsed.source}: cannot prune concepts that are still in use (e.g. by {', '.join(blocked)}); "
            "re-import without --prune."
        ) from exc
    return deleted


def _clear_concept_data(scheme: ConceptScheme, present_ids: list[int], *, whole_scheme: bool) -> None:
    """Delete what the file will write again, for the concepts it holds (ids stay)."""

    def scoped(queryset: QuerySet[Any], field_name: str) -> Iterator[QuerySet[Any]]:
        if whole_scheme:
            yield queryset.filter(**{f"{field_name}__scheme": scheme})
        else:
            for chunk in _chunks(present_ids):
                yield queryset.filter(**{f"{field_name}_id__in": chunk})

    for queryset in (
        *scoped(Label.objects.all(), "concept"),
        *scoped(Note.objects.all(), "concept"),
        *scoped(ConceptSector.objects.all(), "concept"),
        *scoped(Mapping.objects.all(), "source"),
        *scoped(BroaderLink.objects.filter(broader__scheme=scheme), "concept"),
        *scoped(RelatedLink.objects.filter(to_concept__scheme=scheme), "from_concept"),
        *scoped(RelatedLink.objects.filter(from_concept__scheme=scheme), "to_concept"),
    ):
        queryset.delete()


def _save_concepts(
    parsed: ParsedScheme,
    scheme: ConceptScheme,
    existing: dict[str, tuple[int, str, str, str, bool]],
    result: ImportResult,
) -> dict[str, int]:
    """Update the concepts that changed, create the new ones; return URI → id for all in the file."""
    language = parsed.default_language
    now = timezone.now()
    ids: dict[str, int] = {}
    to_create: list[Concept] = []
    to_update: list[Concept] = []
    for concept in parsed.concepts.values():
        fields = _concept_fields(concept, language)
        old = existing.get(concept.uri)
        if old is None:
            to_create.append(
                Concept(
                    scheme=scheme,
                    uri=concept.uri,
                    notation=fields[0],
                    pref_label=fields[1],
                    definition=fields[2],
                    is_top_concept=fields[3],
                )
            )
            continue
        ids[concept.uri] = old[0]
        if old[1:] != fields:
            to_update.append(
                Concept(
                    id=old[0],
                    notation=fields[0],
                    pref_label=fields[1],
                    definition=fields[2],
                    is_top_concept=fields[3],
                    updated_at=now,
                )
            )
    Concept.objects.bulk_update(
        to_update, ["notation", "pref_label", "definition", "is_top_concept", "updated_at"], batch_size=500
    )
    created = Concept.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if any(c.pk is None for c in created):  # a backend that cannot return ids from a bulk insert
        ids.update(Concept.objects.filter(scheme=scheme).values_list("uri", "id"))
    else:
        ids.update((c.uri, c.pk) for c in created)
    result.new_concepts = len(to_create)
    result.changed_concepts = len(to_update)
    return ids


def _insert(model: type[Model], fields: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> int:
    """INSERT plain value tuples into `model`'s table with executemany, in batches; return how many.

    Used for the rows that only hold ids and text (labels, notes, links, mappings): building a model
    instance per row for bulk_create cost more than the database work, about 10 s of an ESCO import.
    """
    meta = model._meta
    quote = connection.ops.quote_name
    column_of = {field.name: field.column for field in meta.concrete_fields if field.column}
    columns = ", ".join(quote(column_of[name]) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model, quoted; every value is a bound parameter.
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    total = 0
    batch: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= INSERT_BATCH:
                cursor.executemany(sql, batch)
                total += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            total += len(batch)
    return total


@transaction.atomic
def resolve_mapping_targets(*, scheme: ConceptScheme) -> int:
    """Point mappings at loaded concepts: the scheme's own mappings, and other schemes' mappings into it."""
    outgoing = Mapping.objects.filter(
        source__scheme=scheme, target__isnull=True, target_uri__in=Concept.objects.values("uri")
    ).update(
        target=Subquery(Concept.objects.filter(uri=OuterRef("target_uri")).order_by("pk").values("pk")[:1])
    )
    incoming = (
        Mapping.objects.filter(
            target__isnull=True, target_uri__in=Concept.objects.filter(scheme=scheme).values("uri")
        )
        .filter(~Q(source__scheme=scheme))
        .update(
            target=Subquery(
                Concept.objects.filter(scheme=scheme, uri=OuterRef("target_uri")).values("pk")[:1]
            )
        )
    )
    return outgoing + incoming
