"""Broker edits to a scheme: concepts, their labels and place in the hierarchy, and crosswalks.

Each function validates everything first and raises `ValidationError({field: message})`
before writing, so a refused edit leaves nothing behind; each runs in one transaction. A
successful edit keeps the Label and Note rows in the scheme's default language in step with
the denormalised `Concept.pref_label` and `Concept.definition`, and bumps `scheme.revision`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from signpost.accounts.selectors import AnyUser
from signpost.core.models import Sector
from signpost.lexicon.models import (
    BroaderLink,
    Concept,
    ConceptScheme,
    Label,
    LabelKind,
    Mapping,
    MappingRelation,
    Note,
    NoteKind,
)
from signpost.lexicon.permissions import can_edit_concept, can_edit_mapping, can_edit_scheme
from signpost.lexicon.services.hierarchy import find_cycle

_http_url = URLValidator(schemes=["http", "https"])


def clean_alt_labels(lines: Iterable[str]) -> list[str]:
    """Trimmed, non-empty alternative labels, in order, without repeats (case-insensitive)."""
    seen: set[str] = set()
    labels: list[str] = []
    for line in lines:
        text = " ".join(line.split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            labels.append(text)
    return labels


def _bump_revision(scheme: ConceptScheme) -> None:
    ConceptScheme.objects.filter(pk=scheme.pk).update(revision=F("revision") + 1)
    scheme.refresh_from_db(fields=["revision"])


def _validate_labels(
    *,
    scheme: ConceptScheme,
    concept: Concept | None,
    pref_label: str,
    alt_labels: Sequence[str],
    notation: str,
    errors: dict[str, str],
) -> None:
    if not pref_label:
        errors["pref_label"] = "Enter a preferred label."
    else:
        clash = Concept.objects.filter(scheme=scheme, pref_label__iexact=pref_label)
        if concept is not None:
            clash = clash.exclude(pk=concept.pk)
        if clash.exists():
            errors["pref_label"] = (
                f"Another concept in {scheme.title} already has the preferred label “{pref_label}”."
            )
        elif pref_label.casefold() in {a.casefold() for a in alt_labels}:
            errors["alt_labels"] = "An alternative label cannot repeat the preferred label."
    if notation:
        taken = Concept.objects.filter(scheme=scheme, notation=notation)
        if concept is not None:
            taken = taken.exclude(pk=concept.pk)
        other = taken.first()
        if other is not None:
            errors["notation"] = f"The notation {notation} is already used by “{other.pref_label}”."


def _validate_broader(
    *, scheme: ConceptScheme, concept: Concept | None, broader: Sequence[Concept], errors: dict[str, str]
) -> None:
    for parent in broader:
        if parent.scheme_id != scheme.pk:
            errors["broader"] = (
                f"“{parent.pref_label}” is in another scheme; a broader concept must be in {scheme.title}."
            )
            return
        if concept is not None and parent.pk == concept.pk:
            errors["broader"] = "A concept cannot be broader than itself."
            return
    if concept is None or not broader:
        return  # a new concept has nothing below it, so it cannot close a cycle
    graph = _ancestry(start=[p.pk for p in broader])
    graph[concept.pk] = [p.pk for p in broader]
    cycle = find_cycle(graph)
    if cycle is not None:
        names = dict(Concept.objects.filter(pk__in=cycle).values_list("pk", "pref_label"))
        # Name the chosen broader concept that lies below this one, then the loop it would close.
        culprit = next((p for p in broader if p.pk in cycle), broader[0])
        if concept.pk in cycle:  # start the loop at the concept being edited
            at = cycle.index(concept.pk)
            cycle = [*cycle[at:-1], *cycle[:at], concept.pk]
        path = " → ".join(names[pk] for pk in cycle)
        errors["broader"] = (
            f"“{culprit.pref_label}” is narrower than “{concept.pref_label}”, so it cannot also be broader: "
            f"that would make a cycle ({path}, each under the next)."
        )


def _ancestry(*, start: Sequence[int]) -> dict[int, list[int]]:
    """The broader links reachable upwards from `start`, one query per level."""
    graph: dict[int, list[int]] = {}
    frontier = set(start)
    while frontier:
        for pk in frontier:
            graph.setdefault(pk, [])
        rows = BroaderLink.objects.filter(concept_id__in=frontier).values_list("concept_id", "broader_id")
        nxt: set[int] = set()
        for child, parent in rows:
            graph[child].append(parent)
            if parent not in graph:
                nxt.add(parent)
        frontier = nxt
    return graph


def _pref_label_row(concept: Concept, language: str) -> Label | None:
    """The preferred label that `Concept.pref_label` mirrors: in the default language, else untagged."""
    rows = {
        lbl.language: lbl
        for lbl in concept.labels.filter(kind=LabelKind.PREFERRED, language__in=[language, ""])
    }
    return rows.get(language) or rows.get("")


def _write_pref_label(concept: Concept, text: str) -> None:
    language = concept.scheme.default_language
    row = _pref_label_row(concept, language)
    if row is None:
        Label.objects.create(concept=concept, kind=LabelKind.PREFERRED, language=language, text=text)
    elif row.text != text:
        row.text = text
        row.save(update_fields=["text"])


def _write_alt_labels(concept: Concept, texts: Sequence[str]) -> None:
    """Replace the alternative labels in the default language (or untagged); others stay."""
    language = concept.scheme.default_language
    existing = list(concept.labels.filter(kind=LabelKind.ALTERNATIVE, language__in=[language, ""]))
    wanted = {t.casefold(): t for t in texts}
    keep: set[str] = set()
    for row in existing:
        key = row.text.casefold()
        if key in wanted and key not in keep and wanted[key] == row.text:
            keep.add(key)
        else:
            row.delete()
    Label.objects.bulk_create(
        [
            Label(concept=concept, kind=LabelKind.ALTERNATIVE, language=language, text=text)
            for key, text in wanted.items()
            if key not in keep
        ]
    )


def _write_definition(concept: Concept, text: str) -> str:
    """Write the definition note; return what `Concept.definition` holds afterwards.

    As on import, `Concept.definition` is the definition or, failing that, the description
    (ESCO's main text), so an unchanged description is not copied into a definition.
    """
    language = concept.scheme.default_language
    notes = list(
        concept.notes.filter(
            kind__in=[NoteKind.DEFINITION, NoteKind.DESCRIPTION], language__in=[language, ""]
        )
    )

    def pick(kind: str) -> Note | None:
        rows = [n for n in notes if n.kind == kind]
        return next((n for n in rows if n.language == language), None) or next(iter(rows), None)

    row, description = pick(NoteKind.DEFINITION), pick(NoteKind.DESCRIPTION)
    if not text:
        if row is not None:
            row.delete()
    elif row is None:
        if description is None or description.text != text:
            Note.objects.create(concept=concept, kind=NoteKind.DEFINITION, language=language, text=text)
    elif row.text != text:
        row.text = text
        row.save(update_fields=["text"])
    return text or (description.text if description is not None else "")


def _write_broader(concept: Concept, broader: Sequence[Concept]) -> None:
    wanted = {p.pk for p in broader}
    current = set(BroaderLink.objects.filter(concept=concept).values_list("broader_id", flat=True))
    BroaderLink.objects.filter(concept=concept, broader_id__in=current - wanted).delete()
    BroaderLink.objects.bulk_create([BroaderLink(concept=concept, broader_id=pk) for pk in wanted - current])


def _mint_uri(scheme: ConceptScheme, pref_label: str) -> str:
    base = scheme.uri if scheme.uri.endswith(("/", "#")) else scheme.uri + "/"
    stem = slugify(pref_label) or "concept"
    uri = base + stem
    n = 1
    while Concept.objects.filter(scheme=scheme, uri=uri).exists():
        n += 1
        uri = f"{base}{stem}-{n}"
    return uri


@transaction.atomic
def update_concept(
    *,
    concept: Concept,
    actor: AnyUser,
    pref_label: str,
    alt_labels: Sequence[str],
    definition: str,
    notation: str,
    sectors: Iterable[Sector],
    broader: Sequence[Concept],
) -> Concept:
    """Change a concept's labels, definition, notation, sectors and broader concepts."""
    if not can_edit_concept(actor, concept):
        raise PermissionDenied("You may not edit this scheme.")
    scheme = concept.scheme
    pref_label = " ".join(pref_label.split())
    alt = clean_alt_labels(alt_labels)
    notation = notation.strip()
    definition = definition.strip()
    errors: dict[str, str] = {}
    _validate_labels(
        scheme=scheme,
        concept=concept,
        pref_label=pref_label,
        alt_labels=alt,
        notation=notation,
        errors=errors,
    )
    _validate_broader(scheme=scheme, concept=concept, broader=broader, errors=errors)
    if errors:
        raise ValidationError(errors)

    had_broader = BroaderLink.objects.filter(concept=concept).exists()
    concept.pref_label = pref_label
    concept.notation = notation
    if broader:
        concept.is_top_concept = False  # it now sits under another concept
    elif had_broader:
        concept.is_top_concept = True  # taken out from under its parents: it becomes an area
    concept.definition = _write_definition(concept, definition)
    concept.save(update_fields=["pref_label", "definition", "notation", "is_top_concept", "updated_at"])
    _write_pref_label(concept, pref_label)
    _write_alt_labels(concept, alt)
    concept.sectors.set(list(sectors))
    _write_broader(concept, broader)
    _bump_revision(scheme)
    return concept


@transaction.atomic
def create_concept(
    *,
    scheme: ConceptScheme,
    actor: AnyUser,
    pref_label: str,
    parent: Concept | None = None,
    alt_labels: Sequence[str] = (),
    definition: str = "",
    notation: str = "",
    sectors: Iterable[Sector] = (),
) -> Concept:
    """Add a concept to `scheme`: under `parent`, or as a new top concept (an area) when None."""
    if not can_edit_scheme(actor, scheme):
        raise PermissionDenied("You may not edit this scheme.")
    pref_label = " ".join(pref_label.split())
    alt = clean_alt_labels(alt_labels)
    notation = notation.strip()
    definition = definition.strip()
    errors: dict[str, str] = {}
    _validate_labels(
        scheme=scheme, concept=None, pref_label=pref_label, alt_labels=alt, notation=notation, errors=errors
    )
    if parent is not None:
        _validate_broader(scheme=scheme, concept=None, broader=[parent], errors=errors)
    if errors:
        raise ValidationError(errors)

    concept = Concept.objects.create(
        scheme=scheme,
        uri=_mint_uri(scheme, pref_label),
        notation=notation,
        pref_label=pref_label,
        definition=definition,
        is_top_concept=parent is None,
    )
    _write_pref_label(concept, pref_label)
    _write_alt_labels(concept, alt)
    _write_definition(concept, definition)
    concept.sectors.set(list(sectors))
    if parent is not None:
        BroaderLink.objects.create(concept=concept, broader=parent)
    _bump_revision(scheme)
    return concept


def _validate_target_uri(uri: str) -> str | None:
    if not uri:
        return "Enter the URI of the concept to map to, or choose a concept."
    try:
        _http_url(uri)
    except ValidationError:
        return "Enter an absolute http:// or https:// URI, such as http://data.europa.eu/esco/skill/…"
    return None


@transaction.atomic
def add_mapping(
    *,
    concept: Concept,
    actor: AnyUser,
    relation: str,
    target_uri: str = "",
    target: Concept | None = None,
) -> Mapping:
    """Map `concept` to a concept of another scheme, given by URI or (when loaded here) directly.

    When only a URI is given and a concept with that URI is loaded, the mapping links to it.
    """
    if not can_edit_concept(actor, concept):
        raise PermissionDenied("You may not edit this scheme.")
    scheme = concept.scheme
    errors: dict[str, str] = {}
    if relation not in MappingRelation.values:
        errors["relation"] = "Choose how the concepts relate: exact, close, broad, narrow or related match."
    if target is not None:
        target_uri = target.uri
    target_uri = target_uri.strip()
    field = "target" if target is not None else "target_uri"
    problem = _validate_target_uri(target_uri)
    if problem is None:
        if target is None:
            target = Concept.objects.filter(uri=target_uri).exclude(scheme=scheme).order_by("pk").first()
        if target_uri == concept.uri or (target is not None and target.pk == concept.pk):
            problem = "A concept cannot be mapped to itself."
        elif (target is not None and target.scheme_id == scheme.pk) or Concept.objects.filter(
            scheme=scheme, uri=target_uri
        ).exists():
            problem = (
                f"That concept is in {scheme.title} too. Crosswalks link to other schemes; "
                "use broader or related concepts within a scheme."
            )
        else:
            existing = Mapping.objects.filter(source=concept, target_uri=target_uri).first()
            if existing is not None:
                problem = (
                    f"“{concept.pref_label}” is already mapped to this concept "
                    f"({existing.get_relation_display().lower()}); remove that crosswalk first."
                )
    if problem is not None:
        errors[field] = problem
    if errors:
        raise ValidationError(errors)

    mapping = Mapping.objects.create(source=concept, relation=relation, target_uri=target_uri, target=target)
    _bump_revision(scheme)
    return mapping


@transaction.atomic
def remove_mapping(*, mapping: Mapping, actor: AnyUser) -> None:
    """Delete a crosswalk from its source concept."""
    if not can_edit_mapping(actor, mapping):
        raise PermissionDenied("You may not edit this scheme.")
    scheme = mapping.source.scheme
    mapping.delete()
    _bump_revision(scheme)
