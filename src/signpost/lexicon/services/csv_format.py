"""Signpost's lexicon CSV: one row per concept (after one row for the scheme), for spreadsheets.

Multi-valued cells join values with " | "; a value with a language is written `text@lang`.
A literal backslash or "|" inside a value is escaped with a backslash, and a value without a
language that could be mistaken for `text@lang` is written with an empty tag (`text@`), so every
label and note reads back exactly. The columns are listed in COLUMNS and docs/lexicon-formats.md.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from django.utils.text import slugify

from signpost.lexicon.models import LabelKind, MappingRelation, NoteKind
from signpost.lexicon.services.parsed import (
    LangText,
    LexiconImportError,
    ParsedScheme,
    base_name,
    open_text,
)

SEPARATOR = " | "
SCHEME_ROW = "ConceptScheme"
CONCEPT_ROW = "Concept"

LABEL_COLUMNS: dict[str, str] = {
    "pref_labels": LabelKind.PREFERRED,
    "alt_labels": LabelKind.ALTERNATIVE,
    "hidden_labels": LabelKind.HIDDEN,
}
NOTE_COLUMNS: dict[str, str] = {
    "definitions": NoteKind.DEFINITION,
    "scope_notes": NoteKind.SCOPE_NOTE,
    "descriptions": NoteKind.DESCRIPTION,
}
MAPPING_COLUMNS = list(
    MappingRelation.values
)  # exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch
COLUMNS = [
    "type",
    "uri",
    "notation",
    "top_concept",
    *LABEL_COLUMNS,
    *NOTE_COLUMNS,
    "broader",
    "related",
    *MAPPING_COLUMNS,
    "sectors",
    "version",
    "licence",
    "attribution",
]
REQUIRED_COLUMNS = {"uri", "pref_labels"}
TRUE_WORDS = {"yes", "true", "1", "y", "x"}

_TAGGED = re.compile(r"(.*)@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?\Z", re.DOTALL)


def is_signpost_header(header: list[str]) -> bool:
    return set(header) >= REQUIRED_COLUMNS


# --- cells --------------------------------------------------------------------------------------


def join_values(values: Iterable[str]) -> str:
    return SEPARATOR.join(value.replace("\\", "\\\\").replace("|", "\\|") for value in values)


def split_values(cell: str) -> list[str]:
    """Undo join_values: split on unescaped " | ", unescape backslashes."""
    if not cell:
        return []
    values: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(cell):
        char = cell[i]
        if char == "\\" and i + 1 < len(cell):
            current.append(cell[i + 1])
            i += 2
        elif cell.startswith(SEPARATOR, i):
            values.append("".join(current))
            current = []
            i += len(SEPARATOR)
        else:
            current.append(char)
            i += 1
    values.append("".join(current))
    return values


def tag(text: str, language: str) -> str:
    if language:
        return f"{text}@{language}"
    return f"{text}@" if _TAGGED.match(text) else text


def untag(value: str) -> tuple[str, str]:
    """`text@lang` → (text, lang); a value with no tag → (value, "")."""
    match = _TAGGED.match(value)
    if match:
        return match.group(1), (match.group(2) or "")
    return value, ""


def _tagged_cell(items: Iterable[LangText], kind: str) -> str:
    return join_values(
        tag(text, lang) for k, lang, text in sorted(items, key=lambda i: (i[1], i[2])) if k == kind
    )


# --- writing ------------------------------------------------------------------------------------


def write_csv(parsed: ParsedScheme) -> str:
    """The scheme as Signpost CSV text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    language = parsed.default_language
    writer.writerow(
        {
            "type": SCHEME_ROW,
            "uri": parsed.uri,
            "pref_labels": join_values([tag(parsed.title, language)]),
            "definitions": join_values([tag(parsed.description, language)]) if parsed.description else "",
            "version": parsed.version,
            "licence": parsed.licence,
            "attribution": parsed.attribution,
        }
    )
    for concept in sorted(parsed.concepts.values(), key=lambda c: (c.notation, c.uri)):
        row = {
            "type": CONCEPT_ROW,
            "uri": concept.uri,
            "notation": concept.notation,
            "top_concept": "yes" if concept.top else "",
            "broader": join_values(sorted(concept.broader)),
            "related": join_values(sorted(concept.related)),
            "sectors": join_values(sorted(concept.sectors)),
        }
        for column, kind in LABEL_COLUMNS.items():
            row[column] = _tagged_cell(concept.labels, kind)
        for column, kind in NOTE_COLUMNS.items():
            row[column] = _tagged_cell(concept.notes, kind)
        for relation in MAPPING_COLUMNS:
            row[relation] = join_values(sorted(t for r, t in concept.mappings if r == relation))
        writer.writerow(row)
    return out.getvalue()


# --- reading ------------------------------------------------------------------------------------


def read_csv(path: Path) -> ParsedScheme:
    """Read a Signpost lexicon CSV. Without a ConceptScheme row the scheme is named after the file."""
    parsed: ParsedScheme | None = None
    try:
        with open_text(path) as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                row_type = (row.get("type") or CONCEPT_ROW).strip()
                if row_type == SCHEME_ROW:
                    if parsed is not None:
                        raise LexiconImportError(
                            f"{path}, line {line}: only the first data row may be the scheme."
                        )
                    parsed = _scheme_from_row(path, row)
                    continue
                if row_type != CONCEPT_ROW:
                    raise LexiconImportError(
                        f"{path}, line {line}: unknown row type {row_type!r} "
                        f"(use {SCHEME_ROW} or {CONCEPT_ROW})."
                    )
                if parsed is None:
                    parsed = _scheme_from_file_name(path)
                _read_concept_row(parsed, row, path, line)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LexiconImportError(f"{path} could not be read as CSV: {exc}") from exc
    if parsed is None or not parsed.concepts:
        raise LexiconImportError(f"{path} holds no concepts: it has a header but no concept rows.")
    return parsed


def _scheme_from_file_name(path: Path) -> ParsedScheme:
    slug = slugify(base_name(path))[:60] or "imported"
    return ParsedScheme(uri=f"https://w3id.org/signpost/lexicon/{slug}", source=str(path), slug_hint=slug)


def _scheme_from_row(path: Path, row: dict[str, str]) -> ParsedScheme:
    uri = (row.get("uri") or "").strip()
    if not uri:
        raise LexiconImportError(f"{path}: the {SCHEME_ROW} row has no uri.")
    parsed = _scheme_from_file_name(path)
    parsed.uri = uri
    titles = [untag(v) for v in split_values(row.get("pref_labels") or "")]
    parsed.titles = {lang: text for text, lang in titles}
    parsed.descriptions = {
        lang: text for text, lang in (untag(v) for v in split_values(row.get("definitions") or ""))
    }
    if titles:
        parsed.default_language = titles[0][1]
    parsed.version = row.get("version") or ""
    parsed.licence = row.get("licence") or ""
    parsed.attribution = row.get("attribution") or ""
    return parsed


def _read_concept_row(parsed: ParsedScheme, row: dict[str, str], path: Path, line: int) -> None:
    uri = (row.get("uri") or "").strip()
    if not uri:
        raise LexiconImportError(f"{path}, line {line}: a concept row has no uri.")
    if uri in parsed.concepts:
        raise LexiconImportError(f"{path}, line {line}: the concept <{uri}> appears twice.")
    concept = parsed.concept(uri)
    concept.notation = (row.get("notation") or "").strip()
    concept.top = (row.get("top_concept") or "").strip().lower() in TRUE_WORDS
    for column, kind in LABEL_COLUMNS.items():
        for value in split_values(row.get(column) or ""):
            text, lang = untag(value)
            concept.labels.add((kind, lang, text))
    for column, kind in NOTE_COLUMNS.items():
        for value in split_values(row.get(column) or ""):
            text, lang = untag(value)
            concept.notes.add((kind, lang, text))
    concept.broader.update(v.strip() for v in split_values(row.get("broader") or "") if v.strip())
    concept.related.update(v.strip() for v in split_values(row.get("related") or "") if v.strip())
    for relation in MAPPING_COLUMNS:
        concept.mappings.update(
            (relation, v.strip()) for v in split_values(row.get(relation) or "") if v.strip()
        )
    concept.sectors.update(v.strip() for v in split_values(row.get("sectors") or "") if v.strip())
