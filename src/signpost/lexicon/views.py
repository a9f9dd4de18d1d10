"""Lexicon pages: browse schemes as a tree, search by any label, read a concept, and (for
brokers) edit concepts and crosswalks. Plain HTML forms and links; no JavaScript needed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from signpost.lexicon import permissions, selectors
from signpost.lexicon.forms import ConceptForm, MappingForm, SearchForm, TargetSearchForm
from signpost.lexicon.models import Concept, ConceptScheme, Mapping, MappingRelation
from signpost.lexicon.services import editing

# What each SKOS mapping relation says, in words, from the source concept's side.
RELATION_PHRASES: dict[str, str] = {
    MappingRelation.EXACT: "means the same as",
    MappingRelation.CLOSE: "means nearly the same as",
    MappingRelation.BROAD: "is narrower than",
    MappingRelation.NARROW: "is broader than",
    MappingRelation.RELATED: "is related to",
}


def _page(
    request: HttpRequest, items: QuerySet[Any] | selectors.ConceptSearch, per_page: int | None = None
) -> Page[Any]:
    return Paginator(items, per_page or settings.SIGNPOST_PAGE_SIZE).get_page(request.GET.get("page"))


def _scheme_or_404(slug: str) -> ConceptScheme:
    scheme = selectors.scheme_by_slug(slug=slug)
    if scheme is None:
        raise Http404("No such concept scheme")
    return scheme


def _concept_or_404(scheme: ConceptScheme, pk: int) -> Concept:
    concept = selectors.concept_in_scheme(scheme=scheme, pk=pk)
    if concept is None:
        raise Http404("No such concept in this scheme")
    return concept


def _refuse_unless_editor(request: HttpRequest, scheme: ConceptScheme) -> HttpResponse | None:
    """Send visitors to log in; refuse signed-in people whom the policy does not let edit."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_edit_scheme(request.user, scheme):
        raise PermissionDenied("Only brokers may edit the lexicon.")
    return None


def _with_phrases(mappings: list[Mapping]) -> list[Mapping]:
    for mapping in mappings:
        mapping.phrase = RELATION_PHRASES.get(mapping.relation, mapping.relation)  # type: ignore[attr-defined]
    return mappings


@require_GET
def scheme_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "lexicon/scheme_list.html",
        {"schemes": selectors.schemes_with_counts(), "search_form": SearchForm()},
    )


@require_GET
def search_all(request: HttpRequest) -> HttpResponse:
    """Search every scheme at once."""
    form = SearchForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = _page(request, selectors.search_concepts(q=q)) if q.strip() else None
    return render(request, "lexicon/search.html", {"scheme": None, "form": form, "q": q, "page": page})


@require_GET
def scheme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The scheme's tree: a page of top concepts, each with its first narrower concepts."""
    scheme = _scheme_or_404(slug)
    if request.GET.get("q", "").strip():
        return scheme_search(request, slug)
    roots = _page(request, selectors.tree_roots(scheme=scheme))
    children = selectors.tree_children(parents=list(roots.object_list))
    tree = [(root, children.get(root.pk, [])) for root in roots.object_list]
    return render(
        request,
        "lexicon/scheme_detail.html",
        {
            "scheme": scheme,
            "roots": roots,
            "tree": tree,
            "child_limit": selectors.TREE_CHILD_LIMIT,
            "search_form": SearchForm(),
            "can_edit": permissions.can_edit_scheme(request.user, scheme),
        },
    )


@require_GET
def scheme_search(request: HttpRequest, slug: str) -> HttpResponse:
    scheme = _scheme_or_404(slug)
    form = SearchForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = _page(request, selectors.search_concepts(q=q, scheme=scheme)) if q.strip() else None
    return render(request, "lexicon/search.html", {"scheme": scheme, "form": form, "q": q, "page": page})


@require_GET
def concept_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scheme = _scheme_or_404(slug)
    concept = _concept_or_404(scheme, pk)
    detail = selectors.concept_detail(concept=concept)
    narrower = _page(request, selectors.narrower_of(concept=concept))
    return render(
        request,
        "lexicon/concept_detail.html",
        {
            "scheme": scheme,
            "concept": concept,
            "detail": detail,
            "mappings": _with_phrases(detail.mappings),
            "narrower": narrower,
            "can_edit": permissions.can_edit_concept(request.user, concept),
        },
    )


@require_http_methods(["GET", "POST"])
def concept_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scheme = _scheme_or_404(slug)
    concept = _concept_or_404(scheme, pk)
    if (refusal := _refuse_unless_editor(request, scheme)) is not None:
        return refusal
    form = ConceptForm(request.POST if request.method == "POST" else None, scheme=scheme, concept=concept)
    if request.method == "POST" and form.is_valid():
        try:
            editing.update_concept(concept=concept, actor=request.user, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Saved “{concept.pref_label}”.")
            return redirect("lexicon:concept_detail", slug=scheme.slug, pk=concept.pk)
    return render(
        request,
        "lexicon/concept_form.html",
        {
            "scheme": scheme,
            "concept": concept,
            "parent": None,
            "form": form,
        },
    )


@require_http_methods(["GET", "POST"])
def concept_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a concept: under the concept given by `?parent=<id>`, or as a new top concept."""
    scheme = _scheme_or_404(slug)
    if (refusal := _refuse_unless_editor(request, scheme)) is not None:
        return refusal
    parent = None
    parent_id = request.GET.get("parent", "")
    if parent_id:
        if not parent_id.isdigit():
            raise Http404("No such parent concept")
        parent = _concept_or_404(scheme, int(parent_id))
    form = ConceptForm(request.POST if request.method == "POST" else None, scheme=scheme)
    if request.method == "POST" and form.is_valid():
        try:
            concept = editing.create_concept(
                scheme=scheme, actor=request.user, parent=parent, **form.service_kwargs()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Added “{concept.pref_label}”.")
            return redirect("lexicon:concept_detail", slug=scheme.slug, pk=concept.pk)
    return render(
        request,
        "lexicon/concept_form.html",
        {"scheme": scheme, "concept": None, "parent": parent, "form": form},
    )


@require_http_methods(["GET", "POST"])
def concept_crosswalks(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A concept's crosswalks: list and remove them, add one by URI or by searching another scheme."""
    scheme = _scheme_or_404(slug)
    concept = _concept_or_404(scheme, pk)
    if (refusal := _refuse_unless_editor(request, scheme)) is not None:
        return refusal
    params = request.POST if request.method == "POST" else request.GET
    search_form = TargetSearchForm(params if "target_q" in params else None, scheme=scheme)
    candidates: list[Concept] = []
    target_scheme, target_q = None, ""
    if search_form.is_bound and search_form.is_valid():
        target_scheme = search_form.cleaned_data["target_scheme"]
        target_q = search_form.cleaned_data["target_q"]
        candidates = list(
            selectors.search_concepts(q=target_q, scheme=target_scheme)[: settings.SIGNPOST_PAGE_SIZE]
        )
    form = MappingForm(request.POST if request.method == "POST" else None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            editing.add_mapping(concept=concept, actor=request.user, **form.service_kwargs())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Added a crosswalk from “{concept.pref_label}”.")
            return redirect("lexicon:concept_crosswalks", slug=scheme.slug, pk=concept.pk)
    return render(
        request,
        "lexicon/crosswalks.html",
        {
            "scheme": scheme,
            "concept": concept,
            "mappings": _with_phrases(list(selectors.outgoing_mappings(concept=concept))),
            "form": form,
            "search_form": search_form,
            "searched": search_form.is_bound,
            "candidates": candidates,
            "target_scheme": target_scheme,
            "target_q": target_q,
            "has_other_schemes": selectors.other_schemes(scheme=scheme).exists(),
        },
    )


@require_POST
def crosswalk_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    scheme = _scheme_or_404(slug)
    mapping = selectors.mapping_by_id(pk=pk)
    if mapping is None or mapping.source.scheme_id != scheme.pk:
        raise Http404("No such crosswalk in this scheme")
    if (refusal := _refuse_unless_editor(request, scheme)) is not None:
        return refusal
    editing.remove_mapping(mapping=mapping, actor=request.user)
    messages.success(request, f"Removed the crosswalk to {mapping.target_uri}.")
    return redirect(
        reverse("lexicon:concept_crosswalks", kwargs={"slug": scheme.slug, "pk": mapping.source_id})
    )
