"""A lexicon read from a file but not yet written: the common shape of every import format.

Each reader (SKOS in RDF, Signpost CSV, ESCO CSV) turns its file into a `ParsedScheme`;
`finalise_scheme` then folds narrower links into broader ones, drops links that leave the scheme
and checks everything that could make the write fail (missing labels, cycles, over-long values).
Only a scheme that passes is handed to the database writer, so a bad file changes nothing.
No database access here.
"""

from __future__ import annotations

import gzip
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from signpost.lexicon.models import LabelKind, NoteKind
from signpost.lexicon.services.hierarchy import find_cycle

# Column widths of the lexicon models, checked before writing so PostgreSQL never truncates or fails.
MAX_URI = 500
MAX_LABEL = 500
MAX_NOTATION = 60
MAX_LANGUAGE = 10
MAX_TITLE = 255
MAX_VERSION = 60
MAX_LICENCE = 255
MAX_ATTRIBUTION = 500

# (kind, language, text) for labels and notes; (relation, target URI) for mappings.
LangText = tuple[str, str, str]
MappingPair = tuple[str, str]


class LexiconImportError(Exception):
    """A lexicon file that cannot be imported; the message says why, naming the file or concept."""


@dataclass
class ParsedConcept:
    uri: str
    notation: str = ""
    labels: set[LangText] = field(default_factory=set)
    notes: set[LangText] = field(default_factory=set)
    broader: set[str] = field(default_factory=set)
    # Only readers fill this; finalise_scheme() folds it into the narrower concepts' `broader`.
    narrower: set[str] = field(default_factory=set)
    related: set[str] = field(default_factory=set)
    mappings: set[MappingPair] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)
    top: bool = False

    def label(self, language: str, kind: str = LabelKind.PREFERRED) -> str:
        """The concept's label of `kind` in `language`, else in English, else the first by language."""
        return _pick(((lang, text) for k, lang, text in self.labels if k == kind), language)

    def note(self, language: str, kind: str) -> str:
        return _pick(((lang, text) for k, lang, text in self.notes if k == kind), language)

    def display(self, language: str = "en") -> str:
        """How error messages name the concept: its label and URI."""
        label = self.label(language)
        return f"“{label}” <{self.uri}>" if label else f"<{self.uri}>"


@dataclass
class ParsedScheme:
    uri: str
    source: str  # the file, as error messages name it
    slug_hint: str  # the slug a new scheme gets when the caller names none
    titles: dict[str, str] = field(default_factory=dict)  # language → title
    descriptions: dict[str, str] = field(default_factory=dict)
    version: str = ""
    licence: str = ""
    attribution: str = ""
    default_language: str = ""
    concepts: dict[str, ParsedConcept] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return _pick(self.titles.items(), self.default_language) or self.slug_hint

    @property
    def description(self) -> str:
        return _pick(self.descriptions.items(), self.default_language)

    def concept(self, uri: str) -> ParsedConcept:
        """The concept with this URI, created empty on first use (readers add to it as they go)."""
        found = self.concepts.get(uri)
        if found is None:
            found = self.concepts[uri] = ParsedConcept(uri=uri)
        return found


def _pick(pairs: Iterable[tuple[str, str]], language: str) -> str:
    """The text in `language`, else English, else no language, else the first language alphabetically."""
    by_language: dict[str, str] = {}
    for lang, text in sorted(pairs):
        by_language.setdefault(lang, text)
    for wanted in (language, "en", ""):
        if wanted in by_language:
            return by_language[wanted]
    return next(iter(by_language.values()), "")


def definition_text(concept: ParsedConcept, language: str) -> str:
    """What Concept.definition holds: the definition, or failing that the description (ESCO's main text)."""
    return concept.note(language, NoteKind.DEFINITION) or concept.note(language, NoteKind.DESCRIPTION)


def finalise_scheme(parsed: ParsedScheme) -> ParsedScheme:
    """Normalise a freshly read scheme and validate it; raise LexiconImportError on the first problem."""
    if not parsed.concepts:
        raise LexiconImportError(f"{parsed.source} holds no concepts for the scheme <{parsed.uri}>.")
    concepts = parsed.concepts
    outside_broader: list[tuple[str, str]] = []
    outside_related: list[tuple[str, str]] = []
    for concept in concepts.values():
        for narrower_uri in concept.narrower:
            if narrower_uri in concepts:
                concepts[narrower_uri].broader.add(concept.uri)
            else:
                outside_broader.append((narrower_uri, concept.uri))
        concept.narrower = set()
    for concept in concepts.values():
        # Membership tests, not set algebra with concepts.keys(): that would walk every key each time.
        outside_broader.extend((concept.uri, uri) for uri in sorted(concept.broader) if uri not in concepts)
        concept.broader = {uri for uri in concept.broader if uri in concepts}
        outside_related.extend((concept.uri, uri) for uri in sorted(concept.related) if uri not in concepts)
        concept.related = {uri for uri in concept.related if uri in concepts and uri != concept.uri}
    for concept in concepts.values():
        for uri in concept.related:  # skos:related is symmetrical; the file may state it one way
            concepts[uri].related.add(concept.uri)
    if outside_broader:
        parsed.warnings.append(
            f"{len(outside_broader)} broader/narrower link(s) point outside the scheme and were skipped "
            f"(e.g. <{outside_broader[0][0]}> broader <{outside_broader[0][1]}>)."
        )
    if outside_related:
        parsed.warnings.append(
            f"{len(outside_related)} related link(s) point outside the scheme and were skipped "
            f"(e.g. <{outside_related[0][0]}> related <{outside_related[0][1]}>)."
        )
    if not any(c.top for c in concepts.values()):
        # A scheme that names no top concepts: its roots are the concepts with nothing broader.
        for concept in concepts.values():
            concept.top = not concept.broader
    if not parsed.default_language:
        parsed.default_language = _default_language(concepts.values())
    _validate(parsed)
    return parsed


def _default_language(concepts: Iterable[ParsedConcept]) -> str:
    counts = Counter(lang for c in concepts for kind, lang, _ in c.labels if kind == LabelKind.PREFERRED)
    if "en" in counts:
        return "en"
    return min(counts, key=lambda lang: (-counts[lang], lang)) if counts else "en"


def _validate(parsed: ParsedScheme) -> None:
    language = parsed.default_language
    _check_length(parsed.uri, MAX_URI, f"The scheme URI <{parsed.uri[:80]}…>")
    _check_length(parsed.title, MAX_TITLE, f"The title of the scheme <{parsed.uri}>")
    _check_length(parsed.version, MAX_VERSION, f"The version of the scheme <{parsed.uri}>")
    _check_length(parsed.licence, MAX_LICENCE, f"The licence of the scheme <{parsed.uri}>")
    _check_length(parsed.attribution, MAX_ATTRIBUTION, f"The attribution of the scheme <{parsed.uri}>")
    for concept in parsed.concepts.values():
        name = concept.display(language)
        if not any(kind == LabelKind.PREFERRED for kind, _, _ in concept.labels):
            raise LexiconImportError(
                f"{parsed.source}: the concept <{concept.uri}> has no skos:prefLabel; each concept needs one."
            )
        _check_length(concept.uri, MAX_URI, f"The URI of the concept <{concept.uri[:80]}…>")
        _check_length(concept.notation, MAX_NOTATION, f"The notation of {name}")
        for _, lang, text in concept.labels:
            _check_length(text, MAX_LABEL, f"A label of {name}")
            _check_length(lang, MAX_LANGUAGE, f"The language tag {lang!r} on {name}")
        for _, lang, _ in concept.notes:
            _check_length(lang, MAX_LANGUAGE, f"The language tag {lang!r} on {name}")
        for _, target in concept.mappings:
            _check_length(target, MAX_URI, f"A mapping target of {name}")
    cycle = find_cycle({uri: c.broader for uri, c in parsed.concepts.items()})
    if cycle:
        path = " → ".join(parsed.concepts[uri].display(language) for uri in cycle)
        raise LexiconImportError(f"{parsed.source}: the broader links form a cycle: {path}.")


def _check_length(value: str, limit: int, what: str) -> None:
    if len(value) > limit:
        raise LexiconImportError(f"{what} is {len(value)} characters long; at most {limit} fit.")


def base_name(path: Path) -> str:
    """The file name without .gz and format extension: `unesco-thesaurus.ttl.gz` → `unesco-thesaurus`."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[0] if "." in name else name


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for reading, gunzipping `.gz` files transparently."""
    if path.name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def open_text(path: Path) -> IO[str]:
    """Open a UTF-8 text file (BOM tolerated) for the csv module, gunzipping `.gz` files transparently."""
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline="")
