"""Lexicon endpoints: schemes, concepts, search by label, and broker edits.

Reads are public. Lists are paged with page numbers (`?page=2&page_size=50`, at most 100 a
page) and answer `{"items": […], "count": n}`. Writes need a signed-in caller whom the lexicon
policy lets edit the scheme (403 otherwise); they call the same services as the pages, and a
refused edit answers 422 with the field named in each error's `loc`.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import PageNumberPagination, paginate

from signpost.api import anyone, signed_in
from signpost.core.models import Sector
from signpost.lexicon import permissions, selectors
from signpost.lexicon.models import Concept, ConceptScheme, Mapping
from signpost.lexicon.schemas import (
    ConceptCreateIn,
    ConceptDetailOut,
    ConceptPatchIn,
    ConceptSummaryOut,
    MappingIn,
    MappingOut,
    SchemeOut,
)
from signpost.lexicon.services import editing

router = Router(tags=["lexicon"])

NARROWER_IN_DETAIL = 200


def _invalid(errors: dict[str, list[str]], param: str = "payload") -> NoReturn:
    raise NinjaValidationError(
        [
            {"loc": ["body", param, field], "msg": msg, "type": "value_error"}
            for field, msgs in errors.items()
            for msg in msgs
        ]
    )


def _scheme_or_404(slug: str) -> ConceptScheme:
    scheme = selectors.scheme_by_slug(slug=slug)
    if scheme is None:
        raise HttpError(404, "No such concept scheme")
    return scheme


def _concept_or_404(concept_id: int) -> Concept:
    concept = selectors.concept_by_id(pk=concept_id)
    if concept is None:
        raise HttpError(404, "No such concept")
    return concept


def _sectors(slugs: list[str]) -> list[Sector]:
    found = {s.slug: s for s in Sector.objects.filter(slug__in=slugs)}
    unknown = [s for s in slugs if s not in found]
    if unknown:
        _invalid(
            {"sectors": [f"Unknown sector: {', '.join(unknown)}. Use one of {', '.join(Sector.SLUGS)}."]}
        )
    return [found[s] for s in dict.fromkeys(slugs)]


def _concepts(ids: list[int], field: str) -> list[Concept]:
    found = Concept.objects.in_bulk(ids)
    unknown = [str(i) for i in ids if i not in found]
    if unknown:
        _invalid({field: [f"No concept with id {', '.join(unknown)}."]})
    return [found[i] for i in dict.fromkeys(ids)]


def _detail(concept: Concept) -> dict[str, Any]:
    detail = selectors.concept_detail(concept=concept)
    narrower = list(selectors.narrower_of(concept=concept)[:NARROWER_IN_DETAIL])
    return {
        "id": concept.pk,
        "uri": concept.uri,
        "notation": concept.notation,
        "pref_label": concept.pref_label,
        "definition": concept.definition,
        "is_top_concept": concept.is_top_concept,
        "scheme": concept.scheme,
        "labels": selectors.labels_by_kind(detail.labels),
        "notes": detail.notes,
        "sectors": [s.slug for s in detail.sectors],
        "broader": detail.broader,
        "narrower": narrower,
        "narrower_count": detail.narrower_count,
        "related": detail.related,
        "mappings": detail.mappings,
        "incoming_mappings": detail.incoming,
    }


@router.get("/schemes", response=list[SchemeOut], auth=anyone)
def list_schemes(request: HttpRequest) -> Any:
    """Every concept scheme, with its number of concepts."""
    return selectors.schemes_with_counts()


@router.get("/schemes/{slug}", response=SchemeOut, auth=anyone)
def get_scheme(request: HttpRequest, slug: str) -> Any:
    return _scheme_or_404(slug)


@router.get("/schemes/{slug}/concepts", response=list[ConceptSummaryOut], auth=anyone)
@paginate(PageNumberPagination, page_size=settings.SIGNPOST_PAGE_SIZE)
def list_concepts(
    request: HttpRequest,
    slug: str,
    q: str = Query("", description="Only concepts with a label containing this (any kind, any language)"),
    top: bool | None = Query(None, description="true: only top concepts; false: only the others"),
    broader: int | None = Query(None, description="Only the narrower concepts of the concept with this id"),
) -> Any:
    """A scheme's concepts, optionally filtered by label, by top concepts, or by broader concept."""
    scheme = _scheme_or_404(slug)
    return selectors.concepts_in_scheme(scheme=scheme, q=q, top=top, broader=broader)


@router.post("/schemes/{slug}/concepts", response={201: ConceptDetailOut}, auth=signed_in)
def create_concept(request: HttpRequest, slug: str, payload: ConceptCreateIn) -> Any:
    """Add a concept to a scheme, under `parent` or as a top concept (brokers)."""
    scheme = _scheme_or_404(slug)
    if not permissions.can_edit_scheme(request.user, scheme):
        raise HttpError(403, "You may not edit this scheme.")
    parent = _concepts([payload.parent], "parent")[0] if payload.parent is not None else None
    if parent is not None and parent.scheme_id != scheme.pk:
        _invalid({"parent": [f"“{parent.pref_label}” is not in {scheme.title}."]})
    try:
        concept = editing.create_concept(
            scheme=scheme,
            actor=request.user,
            pref_label=payload.pref_label,
            parent=parent,
            alt_labels=payload.alt_labels,
            definition=payload.definition,
            notation=payload.notation,
            sectors=_sectors(payload.sectors),
        )
    except DjangoValidationError as error:
        _invalid(error.message_dict)
    return Status(201, _detail(concept))


@router.get("/concepts/search", response=list[ConceptSummaryOut], auth=anyone)
@paginate(PageNumberPagination, page_size=settings.SIGNPOST_PAGE_SIZE)
def search_concepts(
    request: HttpRequest,
    q: str = Query(..., min_length=1, description="Text to find in any label, case-insensitively"),
    scheme: str | None = Query(None, description="Only this scheme (its slug)"),
) -> Any:
    """Concepts with a preferred, alternative or hidden label, in any language, containing `q`."""
    in_scheme = _scheme_or_404(scheme) if scheme else None
    return selectors.search_concepts(q=q, scheme=in_scheme)


@router.get("/concepts/{concept_id}", response=ConceptDetailOut, auth=anyone)
def get_concept(request: HttpRequest, concept_id: int) -> Any:
    """A concept with its labels by kind and language, notes, hierarchy and crosswalks."""
    return _detail(_concept_or_404(concept_id))


@router.patch("/concepts/{concept_id}", response=ConceptDetailOut, auth=signed_in)
def update_concept(request: HttpRequest, concept_id: int, payload: ConceptPatchIn) -> Any:
    """Change a concept (brokers). Fields left out keep their values."""
    concept = _concept_or_404(concept_id)
    if not permissions.can_edit_concept(request.user, concept):
        raise HttpError(403, "You may not edit this scheme.")
    values = selectors.concept_edit_values(concept=concept)
    sent = payload.model_dump(exclude_unset=True)
    for name in ("pref_label", "alt_labels", "definition", "notation"):
        if sent.get(name) is not None:
            values[name] = sent[name]
    if sent.get("sectors") is not None:
        values["sectors"] = _sectors(sent["sectors"])
    if sent.get("broader") is not None:
        values["broader"] = _concepts(sent["broader"], "broader")
    try:
        editing.update_concept(concept=concept, actor=request.user, **values)
    except DjangoValidationError as error:
        _invalid(error.message_dict)
    return _detail(concept)


@router.post("/concepts/{concept_id}/mappings", response={201: MappingOut}, auth=signed_in)
def add_mapping(request: HttpRequest, concept_id: int, payload: MappingIn) -> Any:
    """Add a crosswalk from this concept to a concept of another scheme (brokers)."""
    concept = _concept_or_404(concept_id)
    if not permissions.can_edit_concept(request.user, concept):
        raise HttpError(403, "You may not edit this scheme.")
    target = _concepts([payload.target_id], "target_id")[0] if payload.target_id is not None else None
    try:
        mapping = editing.add_mapping(
            concept=concept,
            actor=request.user,
            relation=payload.relation,
            target_uri=payload.target_uri,
            target=target,
        )
    except DjangoValidationError as error:
        _invalid({("target_id" if k == "target" else k): v for k, v in error.message_dict.items()})
    return Status(201, Mapping.objects.select_related("target__scheme").get(pk=mapping.pk))


@router.delete("/mappings/{mapping_id}", response={204: None}, auth=signed_in)
def remove_mapping(request: HttpRequest, mapping_id: int) -> Any:
    """Remove a crosswalk (brokers)."""
    mapping = selectors.mapping_by_id(pk=mapping_id)
    if mapping is None:
        raise HttpError(404, "No such crosswalk")
    if not permissions.can_edit_mapping(request.user, mapping):
        raise HttpError(403, "You may not edit this scheme.")
    editing.remove_mapping(mapping=mapping, actor=request.user)
    return Status(204, None)
