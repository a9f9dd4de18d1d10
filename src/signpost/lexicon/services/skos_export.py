"""Exporting a concept scheme: SKOS as Turtle, RDF/XML or JSON-LD, or Signpost's CSV.

Export reads the scheme with lexicon_store.scheme_snapshot into the same ParsedScheme shape the
importers produce (a few queries, no per-concept ones), so export and import meet in the middle.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS, XSD

from signpost.lexicon.models import ConceptScheme
from signpost.lexicon.services.csv_format import write_csv
from signpost.lexicon.services.lexicon_store import scheme_snapshot
from signpost.lexicon.services.parsed import LexiconImportError, ParsedScheme
from signpost.lexicon.services.skos_import import (
    LABEL_PROPERTIES,
    MAPPING_PROPERTIES,
    NOTE_PROPERTIES,
    SP,
)

EXPORT_FORMATS = ("ttl", "rdf", "jsonld", "nt", "csv")
FILE_EXTENSIONS = {"ttl": ".ttl", "rdf": ".rdf", "jsonld": ".jsonld", "nt": ".nt", "csv": ".csv"}
_RDFLIB_FORMATS = {"ttl": "turtle", "rdf": "pretty-xml", "jsonld": "json-ld", "nt": "nt"}
JSONLD_CONTEXT = {
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sp": str(SP),
}


def export_scheme(scheme: ConceptScheme, fmt: str) -> str | bytes:
    """The scheme in `fmt` (ttl, rdf, jsonld, nt or csv): text, or UTF-8 bytes for RDF/XML."""
    if fmt not in EXPORT_FORMATS:
        raise LexiconImportError(f"Unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}.")
    snapshot = scheme_snapshot(scheme)
    if fmt == "csv":
        return write_csv(snapshot)
    graph = scheme_graph(snapshot)
    if fmt == "rdf":
        return graph.serialize(format="pretty-xml", encoding="utf-8")
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=2)
    return graph.serialize(format=_RDFLIB_FORMATS[fmt])


def _literal(text: str, language: str) -> Literal:
    return Literal(text, lang=language or None)


def scheme_graph(snapshot: ParsedScheme) -> Graph:
    """The scheme as a SKOS graph: metadata, labels and notes by language, both hierarchy directions."""
    graph = Graph(bind_namespaces="core")
    graph.bind("skos", SKOS)
    graph.bind("dct", DCTERMS)
    graph.bind("owl", OWL)
    graph.bind("sp", SP)
    scheme = URIRef(snapshot.uri)
    language = snapshot.default_language
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, _literal(snapshot.title, language)))
    if snapshot.description:
        graph.add((scheme, DCTERMS.description, _literal(snapshot.description, language)))
    if snapshot.version:
        graph.add((scheme, OWL.versionInfo, Literal(snapshot.version)))
    if snapshot.licence:
        is_uri = snapshot.licence.startswith(("http://", "https://"))
        graph.add(
            (scheme, DCTERMS.license, URIRef(snapshot.licence) if is_uri else Literal(snapshot.licence))
        )
    if snapshot.attribution:
        graph.add((scheme, DCTERMS.bibliographicCitation, Literal(snapshot.attribution)))

    label_predicates = {kind: predicate for predicate, kind in LABEL_PROPERTIES.items()}
    note_predicates = {kind: predicate for predicate, kind in NOTE_PROPERTIES.items()}
    mapping_predicates = {relation: predicate for predicate, relation in MAPPING_PROPERTIES.items()}
    narrower: dict[str, set[str]] = defaultdict(set)
    for concept in snapshot.concepts.values():
        for broader_uri in concept.broader:
            narrower[broader_uri].add(concept.uri)
    for concept in snapshot.concepts.values():
        node = URIRef(concept.uri)
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, scheme))
        if concept.top:
            graph.add((node, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, node))
        if concept.notation:
            graph.add((node, SKOS.notation, Literal(concept.notation)))
        for kind, lang, text in concept.labels:
            graph.add((node, label_predicates[kind], _literal(text, lang)))
        for kind, lang, text in concept.notes:
            graph.add((node, note_predicates[kind], _literal(text, lang)))
        for broader_uri in concept.broader:
            graph.add((node, SKOS.broader, URIRef(broader_uri)))
        for narrower_uri in narrower.get(concept.uri, ()):
            graph.add((node, SKOS.narrower, URIRef(narrower_uri)))
        for related_uri in concept.related:
            graph.add((node, SKOS.related, URIRef(related_uri)))
        for relation, target in concept.mappings:
            graph.add((node, mapping_predicates[relation], URIRef(target)))
        for slug in concept.sectors:
            graph.add((node, SP.sector, SP[slug]))
    return graph
