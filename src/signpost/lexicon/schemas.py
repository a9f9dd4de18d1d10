"""Shapes of the lexicon API: `…In` for what callers send, `…Out` for what they get back."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

RelationName = Literal["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"]


class SchemeOut(Schema):
    slug: str
    uri: str
    title: str
    description: str
    version: str
    licence: str
    attribution: str
    default_language: str
    revision: int = Field(description="Bumped whenever the scheme's concepts change")
    concept_count: int


class SchemeRefOut(Schema):
    slug: str
    title: str


class ConceptRefOut(Schema):
    id: int
    uri: str
    notation: str
    pref_label: str


class MatchedLabelOut(Schema):
    text: str
    kind: str = Field(description="pref, alt or hidden")
    language: str


class ConceptSummaryOut(Schema):
    id: int
    uri: str
    notation: str
    pref_label: str
    definition: str
    is_top_concept: bool
    scheme: str = Field(description="The scheme's slug")
    broader: list[ConceptRefOut]
    matched_label: MatchedLabelOut | None = Field(
        None, description="In search results: the label that matched the query"
    )

    @staticmethod
    def resolve_scheme(obj: Any) -> str:
        return str(obj.scheme.slug)

    @staticmethod
    def resolve_broader(obj: Any) -> list[Any]:
        return list(obj.broader.all())

    @staticmethod
    def resolve_matched_label(obj: Any) -> dict[str, str] | None:
        if getattr(obj, "matched_text", None) is None:
            return None
        return {"text": obj.matched_text, "kind": obj.matched_kind, "language": obj.matched_language}


class NoteOut(Schema):
    kind: str = Field(description="definition, scopeNote or description")
    language: str
    text: str


class MappingOut(Schema):
    id: int
    relation: str
    target_uri: str
    target: ConceptRefOut | None = Field(None, description="The target concept, when its scheme is loaded")
    target_scheme: str | None = Field(None, description="The target's scheme slug, when loaded")

    @staticmethod
    def resolve_target_scheme(obj: Any) -> str | None:
        return obj.target.scheme.slug if obj.target_id else None


class IncomingMappingOut(Schema):
    id: int
    relation: str
    source: ConceptRefOut
    source_scheme: str

    @staticmethod
    def resolve_source_scheme(obj: Any) -> str:
        return str(obj.source.scheme.slug)


class ConceptDetailOut(Schema):
    id: int
    uri: str
    notation: str
    pref_label: str
    definition: str
    is_top_concept: bool
    scheme: SchemeRefOut
    labels: dict[str, dict[str, list[str]]] = Field(
        description='Labels by kind ("pref", "alt", "hidden"), then by language ("" when untagged)'
    )
    notes: list[NoteOut]
    sectors: list[str] = Field(description="Sector slugs")
    broader: list[ConceptRefOut]
    narrower: list[ConceptRefOut] = Field(
        description="Up to 200 narrower concepts; page through all with /schemes/{slug}/concepts?broader={id}"
    )
    narrower_count: int
    related: list[ConceptRefOut]
    mappings: list[MappingOut]
    incoming_mappings: list[IncomingMappingOut]


class ConceptPatchIn(Schema):
    """Only the fields sent are changed."""

    pref_label: str | None = None
    alt_labels: list[str] | None = Field(
        None, description="Replaces the alternative labels in the scheme's language"
    )
    definition: str | None = None
    notation: str | None = None
    sectors: list[str] | None = Field(None, description="Sector slugs")
    broader: list[int] | None = Field(None, description="Ids of broader concepts in the same scheme")


class ConceptCreateIn(Schema):
    pref_label: str
    parent: int | None = Field(None, description="Id of the broader concept; none makes a top concept")
    alt_labels: list[str] = []
    definition: str = ""
    notation: str = ""
    sectors: list[str] = Field([], description="Sector slugs")


class MappingIn(Schema):
    relation: RelationName
    target_uri: str = Field("", description="The target concept's URI (or give target_id)")
    target_id: int | None = Field(None, description="A concept of another scheme loaded here")
