"""Writing a parsed, validated concept scheme to the database in one atomic, bulk step.

A scheme is matched by URI and its concepts by URI, so a re-import updates in place and keeps
concept ids (and with them everything elsewhere that points at a concept). For the concepts in
the file, labels, notes, sectors, mappings and the broader/related links inside the scheme are
replaced; links to other schemes' concepts are left alone. Concepts the file no longer holds
are kept unless `prune` is set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.db.models import OuterRef, ProtectedError, Q, QuerySet, RestrictedError, Subquery
from django.utils import timezone

from signpost.core.models import Sector
from signpost.lexicon.models import BroaderLink, Concept, ConceptScheme, Label, LabelKind, Mapping, Note
from signpost.lexicon.services.hierarchy import find_cycle
from signpost.lexicon.services.parsed import LexiconImportError, ParsedScheme, definition_text

BATCH_SIZE = 1000
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
        action = "Created" if self.created else "Updated"
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

    # Everything is checked: write.
    created = scheme is None
    scheme = _save_scheme(parsed, scheme, slug)
    result = ImportResult(
        scheme=scheme, created=created, concepts=len(parsed.concepts), warnings=parsed.warnings
    )
    if absent_ids and prune:
        result.deleted = _delete_concepts(parsed, absent_ids)
        absent_ids = []
    result.kept = len(absent_ids)
    if existing:
        present_ids = [existing[uri][0] for uri in parsed.concepts if uri in existing]
        _clear_concept_data(scheme, present_ids, whole_scheme=not absent_ids)

    ids = _save_concepts(parsed, scheme, existing, result)
    result.labels = _bulk(
        Label(concept_id=ids[c.uri], kind=kind, language=lang, text=text)
        for c in parsed.concepts.values()
        for kind, lang, text in sorted(c.labels)
    )
    result.notes = _bulk(
        Note(concept_id=ids[c.uri], kind=kind, language=lang, text=text)
        for c in parsed.concepts.values()
        for kind, lang, text in sorted(c.notes)
    )
    result.links = _bulk(
        BroaderLink(concept_id=ids[c.uri], broader_id=ids[b])
        for c in parsed.concepts.values()
        for b in c.broader
    )
    pairs = {(ids[c.uri], ids[r]) for c in parsed.concepts.values() for r in c.related}
    pairs |= {(b, a) for a, b in pairs}  # Concept.related is symmetrical: a row each way
    _bulk(RelatedLink(from_concept_id=a, to_concept_id=b) for a, b in sorted(pairs))
    result.related = len(pairs) // 2
    result.sectors = _bulk(
        ConceptSector(concept_id=ids[c.uri], sector_id=sector_ids[s])
        for c in parsed.concepts.values()
        for s in c.sectors
    )
    result.mappings = _bulk(
        Mapping(source_id=ids[c.uri], relation=relation, target_uri=target)
        for c in parsed.concepts.values()
        for relation, target in sorted(c.mappings)
    )
    result.resolved_targets = resolve_mapping_targets(scheme=scheme)
    return result


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


def _save_scheme(parsed: ParsedScheme, scheme: ConceptScheme | None, slug: str) -> ConceptScheme:
    title = parsed.title if parsed.titles else (scheme.title if scheme else parsed.slug_hint)
    values = {
        "slug": slug,
        "title": title,
        "description": parsed.description or (scheme.description if scheme else ""),
        "version": parsed.version or (scheme.version if scheme else ""),
        "licence": parsed.licence or (scheme.licence if scheme else ""),
        "attribution": parsed.attribution or (scheme.attribution if scheme else ""),
        "default_language": parsed.default_language,
    }
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
        fields = (
            concept.notation,
            concept.label(language, LabelKind.PREFERRED),
            definition_text(concept, language),
            concept.top,
        )
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


def _bulk(rows: Iterable[Any]) -> int:
    """bulk_create `rows` of one model in batches; return how many."""
    batch: list[Any] = []
    total = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH_SIZE * 10:
            type(batch[0]).objects.bulk_create(batch, batch_size=BATCH_SIZE)
            total += len(batch)
            batch = []
    if batch:
        type(batch[0]).objects.bulk_create(batch, batch_size=BATCH_SIZE)
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
