"""Reads of the lexicon: scheme lists, the browse tree, search by any label, a concept's page.

Everything here is bounded: the tree shows one page of top concepts with at most a few
narrower concepts each, and search pages through concepts, so a 14,000-concept scheme such as
ESCO costs the same handful of queries as the starter lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Lower, RowNumber

from signpost.core.models import Sector
from signpost.lexicon.models import (
    BroaderLink,
    Concept,
    ConceptScheme,
    Label,
    LabelKind,
    Mapping,
    Note,
    NoteKind,
)

# How many narrower concepts the tree shows under each top concept before "and N more".
TREE_CHILD_LIMIT = 25
# How far up a breadcrumb climbs; real thesauri are far shallower, this only guards bad data.
BREADCRUMB_MAX_DEPTH = 12
# Schemes up to this size offer every concept as a suggestion in the editing forms.
SUGGESTION_LIMIT = 500

CONCEPT_LIST_ORDER = ("notation", "pref_label", "pk")


def schemes_with_counts() -> QuerySet[ConceptScheme]:
    """Every scheme, annotated with `concept_count`."""
    return ConceptScheme.objects.annotate(concept_count=Count("concepts")).order_by("title")


def scheme_by_slug(*, slug: str) -> ConceptScheme | None:
    return schemes_with_counts().filter(slug=slug).first()


def concept_in_scheme(*, scheme: ConceptScheme, pk: int) -> Concept | None:
    return Concept.objects.select_related("scheme").filter(scheme=scheme, pk=pk).first()


def concept_by_id(*, pk: int) -> Concept | None:
    return Concept.objects.select_related("scheme").filter(pk=pk).first()


def mapping_by_id(*, pk: int) -> Mapping | None:
    return Mapping.objects.select_related("source__scheme").filter(pk=pk).first()


def _narrower_count() -> Coalesce:
    counts = (
        BroaderLink.objects.filter(broader=OuterRef("pk"))
        .order_by()
        .values("broader")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def tree_roots(*, scheme: ConceptScheme) -> QuerySet[Concept]:
    """The top of the browse tree: the scheme's top concepts, and any concept with no broader.

    Concepts without a broader link are included so that a scheme imported without
    `skos:hasTopConcept` can still be browsed. Annotated with `narrower_count`.
    """
    has_broader = BroaderLink.objects.filter(concept=OuterRef("pk"))
    return (
        Concept.objects.filter(scheme=scheme)
        .filter(Q(is_top_concept=True) | ~Exists(has_broader))
        .annotate(narrower_count=_narrower_count())
        .order_by(*CONCEPT_LIST_ORDER)
    )


def tree_children(*, parents: Sequence[Concept], limit: int = TREE_CHILD_LIMIT) -> dict[int, list[Concept]]:
    """The first `limit` narrower concepts of each parent, in one query.

    Each child carries `narrower_count`, so the tree can say that there is more below it.
    """
    if not parents:
        return {}
    links = (
        BroaderLink.objects.filter(broader_id__in=[p.pk for p in parents])
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[F("broader_id")],
                order_by=[
                    F("concept__notation").asc(),
                    F("concept__pref_label").asc(),
                    F("concept_id").asc(),
                ],
            )
        )
        .filter(position__lte=limit)
        .select_related("concept")
        .order_by("broader_id", "position")
    )
    children: dict[int, list[Concept]] = {p.pk: [] for p in parents}
    child_ids = []
    for link in links:
        children[link.broader_id].append(link.concept)
        child_ids.append(link.concept_id)
    counts = dict(
        BroaderLink.objects.filter(broader_id__in=child_ids)
        .order_by()
        .values("broader_id")
        .annotate(n=Count("pk"))
        .values_list("broader_id", "n")
    )
    for siblings in children.values():
        for child in siblings:
            child.narrower_count = counts.get(child.pk, 0)  # type: ignore[attr-defined]
    return children


def _broader_prefetch() -> Prefetch:
    return Prefetch(
        "broader", queryset=Concept.objects.only("pk", "uri", "pref_label", "notation", "scheme_id")
    )


_KIND_RANK = {LabelKind.PREFERRED: 0, LabelKind.ALTERNATIVE: 1, LabelKind.HIDDEN: 2}


class ConceptSearch:
    """Search results that page like a queryset: `len()`/`count()` and slices.

    Only the concepts of the slice taken get their best-matching label (`matched_text`,
    `matched_kind`, `matched_language`), in one extra query, so that a query matching most of
    a 14,000-concept scheme costs no more than one matching a handful. Django's Paginator and
    django-ninja's pagination both page through it.
    """

    def __init__(self, concepts: QuerySet[Concept], q: str) -> None:
        self.concepts = concepts
        self.q = q

    def filter(self, *args: Any, **kwargs: Any) -> ConceptSearch:
        return ConceptSearch(self.concepts.filter(*args, **kwargs), self.q)

    def count(self) -> int:
        return self.concepts.count()

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> Concept: ...
    @overload
    def __getitem__(self, index: slice) -> list[Concept]: ...
    def __getitem__(self, index: int | slice) -> Concept | list[Concept]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        page = list(self.concepts[index])
        attach_matched_labels(page, q=self.q)
        return page

    def __iter__(self) -> Iterator[Concept]:
        return iter(self[:])


def attach_matched_labels(concepts: Sequence[Concept], *, q: str) -> None:
    """Give each concept the label that best matches `q`: preferred before alternative before
    hidden, the scheme's own language first."""
    by_id = {c.pk: c for c in concepts}
    best: dict[int, tuple[tuple[int, bool, str], Label]] = {}
    for label in Label.objects.filter(concept_id__in=by_id, text__icontains=q).only(
        "concept_id", "kind", "language", "text"
    ):
        concept = by_id[label.concept_id]
        key = (
            _KIND_RANK.get(LabelKind(label.kind), 3),
            label.language != concept.scheme.default_language,
            label.text.casefold(),
        )
        if label.concept_id not in best or key < best[label.concept_id][0]:
            best[label.concept_id] = (key, label)
    for concept in concepts:
        match = best.get(concept.pk)
        if match is None:  # matched on the denormalised preferred label alone
            text, kind, language = (
                concept.pref_label,
                LabelKind.PREFERRED.value,
                concept.scheme.default_language,
            )
        else:
            text, kind, language = match[1].text, match[1].kind, match[1].language
        concept.matched_text = text  # type: ignore[attr-defined]
        concept.matched_kind = kind  # type: ignore[attr-defined]
        concept.matched_language = language  # type: ignore[attr-defined]


def search_concepts(*, q: str, scheme: ConceptScheme | None = None) -> ConceptSearch:
    """Concepts with any label (preferred, alternative or hidden, in any language) containing `q`.

    Case-insensitive substring match; each concept appears once. Concepts whose preferred label
    is `q` come first, then those whose preferred label starts with it, then those whose
    preferred label contains it, then those found by another label; alphabetically within
    each. Broader concepts are prefetched for the page taken.
    """
    q = q.strip()
    if not q:
        return ConceptSearch(Concept.objects.none(), q)
    labels = Label.objects.filter(text__icontains=q)
    concepts = Concept.objects.all()
    if scheme is not None:
        labels = labels.filter(concept__scheme=scheme)
        concepts = concepts.filter(scheme=scheme)
    relevance = Case(
        When(pref_label__iexact=q, then=Value(0)),
        When(pref_label__istartswith=q, then=Value(1)),
        When(pref_label__icontains=q, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    concepts = (
        concepts.filter(Q(pk__in=labels.values("concept_id")) | Q(pref_label__icontains=q))
        .select_related("scheme")
        .prefetch_related(_broader_prefetch())
        # Case-insensitive, so ESCO's lower-case labels sort among the others on every database.
        .order_by(relevance, Lower("pref_label"), "pk")
    )
    return ConceptSearch(concepts, q)


def concepts_in_scheme(
    *, scheme: ConceptScheme, q: str = "", top: bool | None = None, broader: int | None = None
) -> QuerySet[Concept] | ConceptSearch:
    """The concepts of a scheme, optionally only those matching `q`, only top concepts (or only
    the others), or only the narrower concepts of the concept with id `broader`."""
    filters: dict[str, Any] = {}
    if top is not None:
        filters["is_top_concept"] = top
    if broader is not None:
        filters["broader_links__broader_id"] = broader
    if q.strip():
        return search_concepts(q=q, scheme=scheme).filter(**filters)
    return (
        Concept.objects.filter(scheme=scheme, **filters)
        .select_related("scheme")
        .prefetch_related(_broader_prefetch())
        .order_by(*CONCEPT_LIST_ORDER)
    )


def narrower_of(*, concept: Concept) -> QuerySet[Concept]:
    return (
        Concept.objects.filter(broader_links__broader=concept)
        .annotate(narrower_count=_narrower_count())
        .order_by(*CONCEPT_LIST_ORDER)
    )


def suggestions_for(*, scheme: ConceptScheme, exclude: Concept | None = None) -> list[Concept]:
    """Preferred labels to suggest in forms (a `<datalist>`), only for schemes small enough."""
    concepts = Concept.objects.filter(scheme=scheme)
    if exclude is not None:
        concepts = concepts.exclude(pk=exclude.pk)
    if concepts.count() > SUGGESTION_LIMIT:
        return []
    return list(concepts.only("pk", "pref_label", "notation").order_by("pref_label"))


def other_schemes(*, scheme: ConceptScheme) -> QuerySet[ConceptScheme]:
    return ConceptScheme.objects.exclude(pk=scheme.pk).order_by("title")


@dataclass(frozen=True)
class LabelRow:
    """A concept's labels in one language, for the concept page."""

    language: str
    preferred: list[str] = field(default_factory=list)
    alternative: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ConceptDetail:
    concept: Concept
    labels: list[Label]
    label_rows: list[LabelRow]
    notes: list[Note]
    definitions: list[Note]
    descriptions: list[Note]
    scope_notes: list[Note]
    sectors: list[Sector]
    broader: list[Concept]
    breadcrumb: list[Concept]
    narrower_count: int
    related: list[Concept]
    mappings: list[Mapping]
    incoming: list[Mapping]


def _label_rows(labels: Sequence[Label], default_language: str) -> list[LabelRow]:
    rows: dict[str, LabelRow] = {}
    bucket = {
        LabelKind.PREFERRED: "preferred",
        LabelKind.ALTERNATIVE: "alternative",
        LabelKind.HIDDEN: "hidden",
    }
    for label in labels:
        row = rows.setdefault(label.language, LabelRow(language=label.language))
        getattr(row, bucket[LabelKind(label.kind)]).append(label.text)
    return sorted(rows.values(), key=lambda r: (r.language != default_language, r.language))


def breadcrumb(*, concept: Concept) -> list[Concept]:
    """The path from a top concept down to `concept`'s parent, following the first broader link."""
    path: list[Concept] = []
    seen = {concept.pk}
    current = concept
    for _ in range(BREADCRUMB_MAX_DEPTH):
        parent = (
            Concept.objects.filter(narrower_links__concept=current)
            .only("pk", "pref_label", "notation", "scheme_id")
            .order_by(*CONCEPT_LIST_ORDER)
            .first()
        )
        if parent is None or parent.pk in seen:
            break
        path.append(parent)
        seen.add(parent.pk)
        current = parent
    path.reverse()
    return path


def incoming_mappings(*, concept: Concept) -> QuerySet[Mapping]:
    """Crosswalks from other schemes that point at `concept`, by foreign key or by URI."""
    return (
        Mapping.objects.filter(Q(target=concept) | Q(target_uri=concept.uri))
        .exclude(source__scheme_id=concept.scheme_id)
        .select_related("source__scheme")
        .order_by("source__scheme__title", "source__pref_label", "relation")
    )


def outgoing_mappings(*, concept: Concept) -> QuerySet[Mapping]:
    return (
        Mapping.objects.filter(source=concept)
        .select_related("target__scheme")
        .order_by("relation", "target_uri")
    )


def concept_detail(*, concept: Concept) -> ConceptDetail:
    """Everything the concept page and the API detail show, in a bounded number of queries."""
    labels = list(concept.labels.all())
    notes = list(concept.notes.all())
    default_language = concept.scheme.default_language
    notes.sort(key=lambda n: (n.language != default_language, n.language))
    return ConceptDetail(
        concept=concept,
        labels=labels,
        label_rows=_label_rows(labels, default_language),
        notes=notes,
        definitions=[n for n in notes if n.kind == NoteKind.DEFINITION],
        descriptions=[n for n in notes if n.kind == NoteKind.DESCRIPTION],
        scope_notes=[n for n in notes if n.kind == NoteKind.SCOPE_NOTE],
        sectors=list(concept.sectors.all()),
        broader=list(concept.broader.order_by(*CONCEPT_LIST_ORDER)),
        breadcrumb=breadcrumb(concept=concept),
        narrower_count=BroaderLink.objects.filter(broader=concept).count(),
        related=list(concept.related.select_related("scheme").order_by(*CONCEPT_LIST_ORDER)),
        mappings=list(outgoing_mappings(concept=concept)),
        incoming=list(incoming_mappings(concept=concept)),
    )


def concept_edit_values(*, concept: Concept) -> dict[str, Any]:
    """The editable values of a concept as the editing service takes them (alt labels and
    definition in the scheme's default language, or untagged)."""
    language = concept.scheme.default_language
    alt = concept.labels.filter(kind=LabelKind.ALTERNATIVE, language__in=[language, ""]).order_by("text")
    return {
        "pref_label": concept.pref_label,
        "alt_labels": [a.text for a in alt],
        "definition": concept.definition,
        "notation": concept.notation,
        "sectors": list(concept.sectors.all()),
        "broader": list(concept.broader.order_by(*CONCEPT_LIST_ORDER)),
    }


def labels_by_kind(labels: Sequence[Label]) -> dict[str, dict[str, list[str]]]:
    """{kind: {language: [text, …]}} for the API."""
    grouped: dict[str, dict[str, list[str]]] = {}
    for label in labels:
        grouped.setdefault(label.kind, {}).setdefault(label.language, []).append(label.text)
    return grouped
