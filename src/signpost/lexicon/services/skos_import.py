"""Importing a lexicon file: SKOS in any RDF syntax, Signpost's CSV, or ESCO's CSV distribution.

`import_lexicon_file` is the one entry point (the import_lexicon command and seed_demo call it).
It picks a reader by the path's shape, reads and validates the whole file in memory, and only
then writes the scheme in one transaction (lexicon_store.store_scheme). Any error leaves the
database as it was.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DC, DCTERMS, OWL, SKOS
from rdflib.term import Node

from signpost.lexicon.models import LabelKind, MappingRelation, NoteKind
from signpost.lexicon.services import csv_format, esco_import
from signpost.lexicon.services.lexicon_store import ImportResult, store_scheme
from signpost.lexicon.services.parsed import (
    LexiconImportError,
    ParsedConcept,
    ParsedScheme,
    base_name,
    finalise_scheme,
    open_binary,
    open_text,
)

__all__ = ["ImportResult", "LexiconImportError", "import_lexicon_file", "read_lexicon_file"]

SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")
SP = Namespace("https://w3id.org/signpost/ns#")
SIGNPOST_LEXICON_BASE = "https://w3id.org/signpost/lexicon/"

# File extension (after any .gz) → rdflib parser name.
RDF_FORMATS = {
    "ttl": "turtle",
    "turtle": "turtle",
    "rdf": "xml",
    "xml": "xml",
    "owl": "xml",
    "jsonld": "json-ld",
    "json": "json-ld",
    "nt": "nt",
}
RDF_FORMAT_NAMES = {"turtle": "Turtle", "xml": "RDF/XML", "json-ld": "JSON-LD", "nt": "N-Triples"}

LABEL_PROPERTIES: dict[URIRef, str] = {
    SKOS.prefLabel: LabelKind.PREFERRED,
    SKOS.altLabel: LabelKind.ALTERNATIVE,
    SKOS.hiddenLabel: LabelKind.HIDDEN,
}
XL_LABEL_PROPERTIES: dict[URIRef, str] = {
    SKOSXL.prefLabel: LabelKind.PREFERRED,
    SKOSXL.altLabel: LabelKind.ALTERNATIVE,
    SKOSXL.hiddenLabel: LabelKind.HIDDEN,
}
NOTE_PROPERTIES: dict[URIRef, str] = {
    SKOS.definition: NoteKind.DEFINITION,
    SKOS.scopeNote: NoteKind.SCOPE_NOTE,
    DCTERMS.description: NoteKind.DESCRIPTION,
}
MAPPING_PROPERTIES: dict[URIRef, str] = {SKOS[relation]: relation for relation in MappingRelation.values}


def import_lexicon_file(
    path: Path, *, scheme_slug: str | None = None, prune: bool = False, dry_run: bool = False
) -> ImportResult:
    """Import a lexicon file or ESCO folder as one concept scheme, replacing the scheme's previous import.

    :param scheme_slug: the scheme's slug here; in a file with several schemes it also picks which one.
    :param prune: delete concepts of a re-imported scheme that the file no longer holds (else kept).
    :param dry_run: read, validate and write, then roll the transaction back.
    """
    started = time.perf_counter()
    parsed = read_lexicon_file(Path(path), scheme_slug=scheme_slug)
    with transaction.atomic():
        result = store_scheme(parsed, slug=scheme_slug, prune=prune)
        if dry_run:
            transaction.set_rollback(True)
    result.dry_run = dry_run
    result.elapsed = time.perf_counter() - started
    return result


def read_lexicon_file(path: Path, *, scheme_slug: str | None = None) -> ParsedScheme:
    """Read and validate a lexicon file without touching the database (raises LexiconImportError)."""
    path = Path(path)
    if not path.exists():
        raise LexiconImportError(f"{path} does not exist.")
    if path.is_dir():
        return finalise_scheme(esco_import.read_esco_folder(path))
    name = path.name.lower().removesuffix(".gz")
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension == "csv":
        header = _csv_header(path)
        if esco_import.is_esco_skills_header(header):
            return finalise_scheme(esco_import.read_esco_skills_file(path))
        if csv_format.is_signpost_header(header):
            return finalise_scheme(csv_format.read_csv(path))
        raise LexiconImportError(
            f"{path} is neither a Signpost lexicon CSV (columns {', '.join(csv_format.COLUMNS[:4])}, …) "
            f"nor an ESCO skills CSV (columns conceptType, conceptUri, preferredLabel, …)."
        )
    rdf_format = RDF_FORMATS.get(extension)
    if rdf_format is None:
        raise LexiconImportError(
            f"{path}: cannot tell the format from the extension {extension!r}; use .ttl, .rdf, .xml, .owl, "
            ".jsonld, .json or .nt (optionally .gz) for SKOS, .csv for Signpost or ESCO CSV, "
            "or an ESCO folder."
        )
    return finalise_scheme(read_rdf(path, rdf_format=rdf_format, scheme_slug=scheme_slug))


def _csv_header(path: Path) -> list[str]:
    try:
        with open_text(path) as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LexiconImportError(f"{path} could not be read as CSV: {exc}") from exc


def read_rdf(path: Path, *, rdf_format: str, scheme_slug: str | None = None) -> ParsedScheme:
    """Read one SKOS concept scheme from an RDF file (SKOS-XL labels become plain labels)."""
    graph = Graph()
    format_name = RDF_FORMAT_NAMES[rdf_format]
    try:
        with open_binary(path) as handle:
            graph.parse(source=handle, format=rdf_format, publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many types; the message carries the line number
        raise LexiconImportError(f"{path} could not be parsed as {format_name}: {exc}") from exc
    concept_nodes = set(graph.subjects(RDF.type, SKOS.Concept))
    if not concept_nodes:
        raise LexiconImportError(f"{path} is not a SKOS file: it contains no skos:Concept.")
    for node in concept_nodes:
        if not isinstance(node, URIRef):
            labels = sorted(str(o) for o in graph.objects(node, SKOS.prefLabel))
            named = f"“{labels[0]}”" if labels else "without a label"
            raise LexiconImportError(f"{path}: a skos:Concept {named} has no URI (it is a blank node).")

    scheme_node = _choose_scheme(graph, path, scheme_slug)
    members = _scheme_members(graph, scheme_node, concept_nodes)
    if not members:
        raise LexiconImportError(f"{path}: no skos:Concept is in the scheme <{scheme_node}>.")
    parsed = ParsedScheme(uri=str(scheme_node), source=str(path), slug_hint=slugify(base_name(path))[:60])
    _read_scheme_metadata(graph, scheme_node, parsed)
    for node in members:
        parsed.concept(str(node))
    _read_concepts(graph, scheme_node, parsed)
    return parsed


def _choose_scheme(graph: Graph, path: Path, scheme_slug: str | None) -> URIRef:
    schemes = {s for s in graph.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)}
    for prop in (SKOS.inScheme, SKOS.topConceptOf):
        schemes.update(o for o in graph.objects(None, prop) if isinstance(o, URIRef))
    ordered = sorted(schemes, key=str)
    if not ordered:
        # Concepts without a scheme: make one, named after the file.
        return URIRef(SIGNPOST_LEXICON_BASE + (slugify(scheme_slug or base_name(path)) or "imported"))
    if len(ordered) == 1 or not scheme_slug:
        return ordered[0]
    for scheme in ordered:
        names = {str(scheme), slugify(str(scheme).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1])}
        names.update(slugify(str(title)) for title in graph.objects(scheme, DCTERMS.title))
        names.update(slugify(str(title)) for title in graph.objects(scheme, SKOS.prefLabel))
        if scheme_slug in names:
            return scheme
    listed = ", ".join(f"<{s}>" for s in ordered)
    raise LexiconImportError(
        f"{path} holds {len(ordered)} concept schemes and none is {scheme_slug!r}: {listed}."
    )


def _scheme_members(graph: Graph, scheme: URIRef, concepts: set[Node]) -> set[Node]:
    members = {s for s in graph.subjects(SKOS.inScheme, scheme) if s in concepts}
    members.update(s for s in graph.subjects(SKOS.topConceptOf, scheme) if s in concepts)
    members.update(o for o in graph.objects(scheme, SKOS.hasTopConcept) if o in concepts)
    schemes_named = set(graph.objects(None, SKOS.inScheme)) | set(graph.objects(None, SKOS.topConceptOf))
    if len(schemes_named - {scheme}) == 0:
        # One scheme (or none) in the file: concepts that name no scheme belong to it too.
        members.update(
            c
            for c in concepts
            if (c, SKOS.inScheme, None) not in graph and (c, SKOS.topConceptOf, None) not in graph
        )
    return members


def _literals(graph: Graph, subject: Node, *predicates: URIRef) -> list[Literal]:
    return [o for p in predicates for o in graph.objects(subject, p) if isinstance(o, Literal)]


def _by_language(literals: Iterable[Literal]) -> dict[str, str]:
    found: dict[str, str] = {}
    for literal in sorted(literals, key=lambda lit: (lit.language or "", str(lit))):
        found.setdefault(literal.language or "", str(literal))
    return found


def _read_scheme_metadata(graph: Graph, scheme: URIRef, parsed: ParsedScheme) -> None:
    parsed.titles = _by_language(_literals(graph, scheme, DCTERMS.title)) or _by_language(
        _literals(graph, scheme, SKOS.prefLabel, RDFS.label, DC.title)
    )
    parsed.descriptions = _by_language(_literals(graph, scheme, DCTERMS.description, DC.description))
    parsed.version = _first_text(graph, scheme, OWL.versionInfo, DCTERMS.modified, DCTERMS.issued)
    parsed.licence = _first_text(graph, scheme, DCTERMS.license, DCTERMS.rights, DC.rights)
    parsed.attribution = _first_text(
        graph, scheme, DCTERMS.bibliographicCitation, DCTERMS.rightsHolder, DCTERMS.creator, DC.creator
    )


def _first_text(graph: Graph, subject: Node, *predicates: URIRef) -> str:
    """The first value of the first predicate that has one (English literals preferred)."""
    for predicate in predicates:
        values = list(graph.objects(subject, predicate))
        if values:
            values.sort(key=lambda v: (not (isinstance(v, Literal) and v.language == "en"), str(v)))
            return str(values[0])
    return ""


def _read_concepts(graph: Graph, scheme: URIRef, parsed: ParsedScheme) -> None:
    """Walk each SKOS property once over the whole graph, filling the scheme's concepts."""
    concepts = parsed.concepts

    def each(predicate: URIRef) -> Iterable[tuple[ParsedConcept, Node]]:
        for subject, value in graph.subject_objects(predicate):
            concept = concepts.get(str(subject)) if isinstance(subject, URIRef) else None
            if concept is not None:
                yield concept, value

    def add_label(concept: ParsedConcept, kind: str, value: Node) -> None:
        if isinstance(value, Literal):
            concept.labels.add((kind, value.language or "", str(value)))

    for predicate, kind in LABEL_PROPERTIES.items():
        for concept, value in each(predicate):
            add_label(concept, kind, value)
    for predicate, kind in XL_LABEL_PROPERTIES.items():
        for concept, label_node in each(predicate):
            for form in graph.objects(label_node, SKOSXL.literalForm):
                add_label(concept, kind, form)
    for predicate, kind in NOTE_PROPERTIES.items():
        for concept, value in each(predicate):
            if isinstance(value, Literal):
                concept.notes.add((kind, value.language or "", str(value)))
    notations: dict[str, list[str]] = {}
    for concept, value in each(SKOS.notation):
        notations.setdefault(concept.uri, []).append(str(value))
    for uri, values in notations.items():
        concepts[uri].notation = sorted(values)[0]
        if len(values) > 1:
            parsed.warnings.append(f"<{uri}> has {len(values)} notations; kept {concepts[uri].notation!r}.")
    links: list[tuple[URIRef, Callable[[ParsedConcept], set[str]]]] = [
        (SKOS.broader, lambda c: c.broader),
        (SKOS.narrower, lambda c: c.narrower),
        (SKOS.related, lambda c: c.related),
    ]
    for predicate, target_set in links:
        for concept, value in each(predicate):
            if isinstance(value, URIRef):
                target_set(concept).add(str(value))
    for predicate, relation in MAPPING_PROPERTIES.items():
        for concept, value in each(predicate):
            if isinstance(value, URIRef):
                concept.mappings.add((relation, str(value)))
    for concept, value in each(SP.sector):
        concept.sectors.add(str(value).removeprefix(str(SP)))
    for concept, value in each(SKOS.topConceptOf):
        if value == scheme:
            concept.top = True
    for value in graph.objects(scheme, SKOS.hasTopConcept):
        top = concepts.get(str(value))
        if top is not None:
            top.top = True
