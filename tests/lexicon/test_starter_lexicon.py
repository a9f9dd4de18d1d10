"""The starter lexicon file (SKOS Turtle, CC BY 4.0) keeps the conventions the product relies on.

These tests read the .ttl that ships in the package and need neither a database nor the shared
data folder; only the slow test looks for ESCO there, and skips when it is absent.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import re
import sys
from collections import Counter
from functools import cache
from importlib.resources import files
from pathlib import Path

import pytest
from rdflib import OWL, RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

SP = Namespace("https://w3id.org/signpost/ns#")
SCHEME = URIRef("https://w3id.org/signpost/lexicon/starter")
SECTORS = {SP[name] for name in ("libraries", "archives", "museums", "learning-and-skills")}
MAPPINGS = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)
ESCO_SKILL_URI = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}$")
DATA = files("signpost") / "lexicon" / "data"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ESCO_SKILLS_CSV = SHARED / "data" / "esco-v1.1.1" / "full" / "skills_en.csv.gz"


@cache
def lexicon() -> Graph:
    graph = Graph()
    graph.parse(data=(DATA / "starter-lexicon.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph


def areas() -> list[URIRef]:
    return sorted(lexicon().objects(SCHEME, SKOS.hasTopConcept))


def skills() -> list[URIRef]:
    graph = lexicon()
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    return sorted(concepts - set(areas()))


def english(values) -> list[Literal]:
    return [v for v in values if isinstance(v, Literal) and v.language == "en"]


def pref_label(concept: URIRef) -> str:
    return str(english(lexicon().objects(concept, SKOS.prefLabel))[0])


def test_scheme_metadata():
    graph = lexicon()
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert (SCHEME, DCTERMS.title, Literal("Signpost starter lexicon", lang="en")) in graph
    assert (SCHEME, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in graph
    assert (SCHEME, DCTERMS.creator, Literal("The Signpost contributors")) in graph
    assert (SCHEME, OWL.versionInfo, Literal("1.0")) in graph
    assert graph.value(SCHEME, DCTERMS.description)


def test_at_least_fifteen_areas_as_top_concepts():
    graph = lexicon()
    assert len(areas()) >= 15
    for area in areas():
        assert (area, RDF.type, SKOS.Concept) in graph
        assert (area, SKOS.topConceptOf, SCHEME) in graph
        assert (area, SKOS.inScheme, SCHEME) in graph
        assert graph.value(area, SKOS.broader) is None
        assert re.fullmatch(r"A\d\d", str(graph.value(area, SKOS.notation)))
        assert english(graph.objects(area, SKOS.altLabel)), area
        assert english(graph.objects(area, SKOS.definition)), area
        assert set(graph.objects(area, SP.sector)) & SECTORS, area


def test_at_least_two_hundred_skills_each_fully_described():
    graph = lexicon()
    top = set(areas())
    assert len(skills()) >= 200
    for skill in skills():
        assert (skill, SKOS.inScheme, SCHEME) in graph, skill
        prefs = list(graph.objects(skill, SKOS.prefLabel))
        assert len(prefs) == 1, skill
        assert len(english(prefs)) == 1, skill
        assert english(graph.objects(skill, SKOS.definition)), skill
        assert english(graph.objects(skill, SKOS.altLabel)), skill
        broader = list(graph.objects(skill, SKOS.broader))
        assert len(broader) == 1, skill
        assert broader[0] in top, skill
        assert (broader[0], SKOS.narrower, skill) in graph, skill
        sectors = set(graph.objects(skill, SP.sector))
        assert sectors, skill
        assert sectors <= SECTORS, skill


def test_notations_match_uris_and_hierarchy():
    graph = lexicon()
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        notation = str(graph.value(concept, SKOS.notation))
        assert str(concept) == f"{SCHEME}/{notation}"
        broader = graph.value(concept, SKOS.broader)
        if broader is not None:
            assert notation.startswith(f"{graph.value(broader, SKOS.notation)}.")
    for area, _, skill in graph.triples((None, SKOS.narrower, None)):
        assert (skill, SKOS.broader, area) in graph


def test_labels_are_unambiguous():
    graph = lexicon()
    concepts = list(graph.subjects(RDF.type, SKOS.Concept))
    prefs = Counter(pref_label(c).casefold() for c in concepts)
    assert [label for label, n in prefs.items() if n > 1] == []
    clashes = [
        (pref_label(c), str(alt))
        for c in concepts
        for alt in graph.objects(c, SKOS.altLabel)
        if str(alt).casefold() in prefs
    ]
    assert clashes == []


def test_no_cycles_in_the_hierarchy():
    graph = lexicon()
    for start in graph.subjects(RDF.type, SKOS.Concept):
        seen, frontier = set(), {start}
        while frontier:
            frontier = {b for c in frontier for b in graph.objects(c, SKOS.broader)} - seen
            assert start not in frontier, f"cycle through {start}"
            seen |= frontier


def test_esco_mappings_are_skill_uris():
    graph = lexicon()
    targets = [(p, o) for p in MAPPINGS for _, o in graph.subject_objects(p)]
    assert len(targets) >= 100
    assert [str(o) for _, o in targets if not ESCO_SKILL_URI.match(str(o))] == []
    # mappings hang off skills only, never areas
    assert {s for p in MAPPINGS for s in graph.subjects(p, None)} <= set(skills())


def test_turtle_matches_its_generator():
    """The .ttl is generated from build_starter_lexicon.py; the two must not drift apart."""
    path = Path(str(DATA / "build_starter_lexicon.py"))
    spec = importlib.util.spec_from_file_location("build_starter_lexicon", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        assert isomorphic(module.build(), lexicon())
    finally:
        sys.modules.pop(spec.name, None)


@pytest.mark.slow
def test_every_esco_mapping_exists_in_esco_v1_1_1():
    if not ESCO_SKILLS_CSV.exists():
        pytest.skip(f"ESCO skills not found at {ESCO_SKILLS_CSV}")
    with gzip.open(ESCO_SKILLS_CSV, "rt", encoding="utf-8", newline="") as handle:
        known = {row["conceptUri"] for row in csv.DictReader(handle)}
    graph = lexicon()
    targets = {str(o) for p in MAPPINGS for _, o in graph.subject_objects(p)}
    assert targets
    assert sorted(targets - known) == []
