"""Reading ESCO's CSV distribution (the skills pillar) into a ParsedScheme.

Two shapes are accepted:

* the folder of the full download (skills_en.csv[.gz], skillGroups_en.csv, skillsHierarchy_en.csv,
  broaderRelationsSkillPillar.csv[.gz], skillSkillRelations.csv[.gz]): skill groups and skills,
  the whole hierarchy, level-0 groups as top concepts;
* one skills file (skills_en.csv[.gz]): just the skills, with the broader and related links between
  them taken from the relation files beside it when they are there.

ESCO columns map onto SKOS as ESCO's own RDF does: preferredLabel → prefLabel, altLabels and
hiddenLabels (one per line) → altLabel / hiddenLabel, definition → definition, scopeNote → scopeNote,
description → description note, code (groups) → notation. skillType, reuseLevel, status and
modifiedDate are not kept; skill-skill relations (essential/optional) become plain related links.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from signpost.lexicon.models import LabelKind, NoteKind
from signpost.lexicon.services.parsed import LexiconImportError, ParsedConcept, ParsedScheme, open_text

ESCO_SKILLS_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills"
ESCO_TITLE = "ESCO skills"
ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
ESCO_LICENCE = "Commission Decision 2011/833/EU (reuse authorised; CC BY 4.0 compatible)"
ESCO_CONCEPT_TYPES = {"KnowledgeSkillCompetence", "SkillGroup"}
HEADER_COLUMNS = {"conceptType", "conceptUri", "preferredLabel"}

_LANGUAGE_SUFFIX = re.compile(r"_([a-z]{2,3}(?:-[a-z]+)?)\.csv(?:\.gz)?$", re.IGNORECASE)
_VERSION = re.compile(r"v(\d+(?:\.\d+)+)", re.IGNORECASE)


def is_esco_skills_header(header: list[str]) -> bool:
    return set(header) >= HEADER_COLUMNS


def read_esco_folder(folder: Path) -> ParsedScheme:
    """Read the skills pillar from a folder of ESCO's CSV download."""
    skills_file = _find(folder, "skills_*")
    if skills_file is None:
        raise LexiconImportError(
            f"{folder} is not an ESCO CSV folder: it has no skills_<language>.csv(.gz) file "
            "(for SKOS, give the file rather than its folder)."
        )
    language = _language(skills_file)
    parsed = _new_scheme(folder, language)
    top: set[str] = set()
    for row in _rows(skills_file):
        _add_concept(parsed, row, language, skills_file)
    groups_file = _find(folder, f"skillGroups_{language}")
    if groups_file is not None:
        for row in _rows(groups_file):
            _add_concept(parsed, row, language, groups_file)
    hierarchy_file = _find(folder, f"skillsHierarchy_{language}")
    if hierarchy_file is not None:
        top = _read_hierarchy(parsed, hierarchy_file, language)
    _read_relations(parsed, folder, within=set(parsed.concepts))
    for uri in top:
        parsed.concepts[uri].top = True
    return parsed


def read_esco_skills_file(path: Path) -> ParsedScheme:
    """Read one ESCO skills CSV: its skills, and the links among them from relation files beside it."""
    language = _language(path)
    parsed = _new_scheme(path.parent, language)
    for row in _rows(path):
        _add_concept(parsed, row, language, path)
    _read_relations(parsed, path.parent, within=set(parsed.concepts))
    return parsed


def _new_scheme(where: Path, language: str) -> ParsedScheme:
    found = next((m.group(1) for part in reversed(where.resolve().parts) if (m := _VERSION.search(part))), "")
    return ParsedScheme(
        uri=ESCO_SKILLS_SCHEME,
        source=str(where),
        slug_hint="esco",
        titles={language: ESCO_TITLE},
        version=found,
        licence=ESCO_LICENCE,
        attribution=ESCO_ATTRIBUTION,
        default_language=language,
    )


def _find(folder: Path, stem: str) -> Path | None:
    for suffix in (".csv", ".csv.gz"):
        matches = sorted(folder.glob(stem + suffix))
        if stem.endswith("*"):
            # skills_*: prefer English, and never pick e.g. skills_xx_yy.csv over skills_en.csv
            matches.sort(key=lambda p: (not p.name.startswith("skills_en."), p.name))
        if matches:
            return matches[0]
    return None


def _language(path: Path) -> str:
    match = _LANGUAGE_SUFFIX.search(path.name)
    return match.group(1).lower() if match else "en"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with open_text(path) as handle:
            reader = csv.DictReader(handle)
            yield from reader
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LexiconImportError(f"{path} could not be read as CSV: {exc}") from exc


def _lines(cell: str | None) -> list[str]:
    return [line.strip() for line in (cell or "").splitlines() if line.strip()]


def _add_concept(
    parsed: ParsedScheme, row: dict[str, str], language: str, path: Path
) -> ParsedConcept | None:
    uri = (row.get("conceptUri") or "").strip()
    if not uri:
        return None
    kind = (row.get("conceptType") or "").strip()
    if kind not in ESCO_CONCEPT_TYPES:
        raise LexiconImportError(
            f"{path}: <{uri}> is an ESCO {kind or 'concept of no type'}; only skills and skill groups "
            "(KnowledgeSkillCompetence, SkillGroup) can be imported."
        )
    concept = parsed.concept(uri)
    label = (row.get("preferredLabel") or "").strip()
    if label:
        concept.labels.add((LabelKind.PREFERRED, language, label))
    for column, label_kind in (("altLabels", LabelKind.ALTERNATIVE), ("hiddenLabels", LabelKind.HIDDEN)):
        concept.labels.update((label_kind, language, text) for text in _lines(row.get(column)))
    for column, note_kind in (
        ("definition", NoteKind.DEFINITION),
        ("scopeNote", NoteKind.SCOPE_NOTE),
        ("description", NoteKind.DESCRIPTION),
    ):
        text = (row.get(column) or "").strip()
        if text:
            concept.notes.add((note_kind, language, text))
    code = (row.get("code") or "").strip()
    if code:
        concept.notation = code
    return concept


def _read_hierarchy(parsed: ParsedScheme, path: Path, language: str) -> set[str]:
    """Fill codes and any groups missing from skillGroups (ESCO 1.1.1 lacks 7); return the level-0 URIs."""
    top: set[str] = set()
    for row in _rows(path):
        deepest: ParsedConcept | None = None
        for level in range(4):
            uri = (row.get(f"Level {level} URI") or "").strip()
            if not uri:
                break
            if level == 0:
                top.add(uri)
            concept = parsed.concept(uri)
            label = (row.get(f"Level {level} preferred term") or "").strip()
            if label and not any(kind == LabelKind.PREFERRED for kind, _, _ in concept.labels):
                concept.labels.add((LabelKind.PREFERRED, language, label))
            code = (row.get(f"Level {level} code") or "").strip()
            if code and not concept.notation:
                concept.notation = code
            deepest = concept
        if deepest is not None and not deepest.notes:
            for column, note_kind in (
                ("Description", NoteKind.DESCRIPTION),
                ("Scope note", NoteKind.SCOPE_NOTE),
            ):
                text = (row.get(column) or "").strip()
                if text:
                    deepest.notes.add((note_kind, language, text))
    return top


def _read_relations(parsed: ParsedScheme, folder: Path, *, within: set[str]) -> None:
    """Broader links (skill pillar) and skill-skill relations, kept only between concepts in `within`."""
    broader_file = _find(folder, "broaderRelationsSkillPillar")
    if broader_file is not None:
        for row in _rows(broader_file):
            narrower, broader = row.get("conceptUri", "").strip(), row.get("broaderUri", "").strip()
            if narrower in within and broader in within:
                parsed.concepts[narrower].broader.add(broader)
    related_file = _find(folder, "skillSkillRelations")
    if related_file is not None:
        for row in _rows(related_file):
            one, other = row.get("originalSkillUri", "").strip(), row.get("relatedSkillUri", "").strip()
            if one in within and other in within:
                parsed.concepts[one].related.add(other)
