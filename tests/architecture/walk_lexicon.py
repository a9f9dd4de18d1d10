"""Lexicon pages and API operations for the permission walk.

Reading the lexicon is public; editing concepts and crosswalks is for brokers and admins
(the EDIT_LEXICON capability), through the pages and the API alike.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from signpost.lexicon.models import BroaderLink, Label, LabelKind, Mapping
from tests.architecture.permission_walk import EVERYONE, Operation
from tests.factories import ConceptFactory, ConceptSchemeFactory

EDITORS = frozenset({"bea", "ada"})
ESCO_SKILL = "http://data.europa.eu/esco/skill/walk-0001"


def _concept_form(w: Any) -> dict[str, Any]:
    return {
        "pref_label": "Cataloguing and metadata",
        "alt_labels": "Catalogue creation",
        "definition": "Describing items.",
        "notation": "WK.1",
        "sectors": ["museums"],
        "broader": [str(w.lex_area.pk)],
        "add_broader": "",
    }


OPERATIONS: list[Operation] = [
    Operation("lexicon:scheme_list", "get", lambda w: "/lexicon/", EVERYONE),
    Operation("lexicon:search_all", "get", lambda w: "/lexicon/search/?q=catalog", EVERYONE),
    Operation("lexicon:scheme_detail", "get", lambda w: f"/lexicon/{w.lex_scheme.slug}/", EVERYONE),
    Operation(
        "lexicon:scheme_search",
        "get",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/search/?q=catalogage",
        EVERYONE,
    ),
    Operation(
        "lexicon:concept_detail",
        "get",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/c/{w.lex_concept.pk}/",
        EVERYONE,
    ),
    Operation(
        "lexicon:concept_edit",
        "get",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/c/{w.lex_concept.pk}/edit/",
        EDITORS,
    ),
    Operation(
        "lexicon:concept_edit",
        "post",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/c/{w.lex_concept.pk}/edit/",
        EDITORS,
        data=_concept_form,
    ),
    Operation(
        "lexicon:concept_create",
        "get",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/new/?parent={w.lex_area.pk}",
        EDITORS,
    ),
    Operation(
        "lexicon:concept_create",
        "post",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/new/?parent={w.lex_area.pk}",
        EDITORS,
        data=lambda w: {"pref_label": "Rights management", "notation": "WK.3"},
    ),
    Operation(
        "lexicon:concept_crosswalks",
        "get",
        lambda w: (
            f"/lexicon/{w.lex_scheme.slug}/c/{w.lex_concept.pk}/crosswalks/?target_scheme=walk-esco&target_q=c"
        ),
        EDITORS,
    ),
    Operation(
        "lexicon:concept_crosswalks",
        "post",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/c/{w.lex_concept.pk}/crosswalks/",
        EDITORS,
        data=lambda w: {"relation": "broadMatch", "target_uri": "https://vocab.example.org/skills/42"},
    ),
    Operation(
        "lexicon:crosswalk_remove",
        "post",
        lambda w: f"/lexicon/{w.lex_scheme.slug}/crosswalks/{w.lex_mapping.pk}/remove/",
        EDITORS,
    ),
    Operation("GET /api/lexicon/schemes", "get", lambda w: "/api/lexicon/schemes", EVERYONE),
    Operation(
        "GET /api/lexicon/schemes/{slug}",
        "get",
        lambda w: f"/api/lexicon/schemes/{w.lex_scheme.slug}",
        EVERYONE,
    ),
    Operation(
        "GET /api/lexicon/schemes/{slug}/concepts",
        "get",
        lambda w: f"/api/lexicon/schemes/{w.lex_scheme.slug}/concepts?q=catalog&page_size=5",
        EVERYONE,
    ),
    Operation(
        "POST /api/lexicon/schemes/{slug}/concepts",
        "post",
        lambda w: f"/api/lexicon/schemes/{w.lex_scheme.slug}/concepts",
        EDITORS,
        data=lambda w: {"pref_label": "Rights management", "parent": w.lex_area.pk},
        json=True,
    ),
    Operation(
        "GET /api/lexicon/concepts/search",
        "get",
        lambda w: "/api/lexicon/concepts/search?q=catalog",
        EVERYONE,
    ),
    Operation(
        "GET /api/lexicon/concepts/{concept_id}",
        "get",
        lambda w: f"/api/lexicon/concepts/{w.lex_concept.pk}",
        EVERYONE,
    ),
    Operation(
        "PATCH /api/lexicon/concepts/{concept_id}",
        "patch",
        lambda w: f"/api/lexicon/concepts/{w.lex_concept.pk}",
        EDITORS,
        data=lambda w: {"pref_label": "Cataloguing and metadata", "alt_labels": ["Catalogue creation"]},
        json=True,
    ),
    Operation(
        "POST /api/lexicon/concepts/{concept_id}/mappings",
        "post",
        lambda w: f"/api/lexicon/concepts/{w.lex_concept.pk}/mappings",
        EDITORS,
        data=lambda w: {"relation": "broadMatch", "target_uri": "https://vocab.example.org/skills/42"},
        json=True,
    ),
    Operation(
        "DELETE /api/lexicon/mappings/{mapping_id}",
        "delete",
        lambda w: f"/api/lexicon/mappings/{w.lex_mapping.pk}",
        EDITORS,
    ),
]


def world(base: SimpleNamespace) -> dict[str, Any]:
    """A small scheme (an area, a skill with a French label), an ESCO-like scheme and a crosswalk."""
    scheme = ConceptSchemeFactory(
        slug="walk-starter", title="Walk lexicon", uri="https://example.org/walk-starter"
    )
    area = ConceptFactory(
        scheme=scheme, pref_label="Collections management", notation="WK", is_top_concept=True
    )
    concept = ConceptFactory(
        scheme=scheme, pref_label="Cataloguing", notation="WK.2", labels=["Catalogue creation"]
    )
    Label.objects.create(concept=concept, kind=LabelKind.PREFERRED, language="fr", text="Catalogage")
    BroaderLink.objects.create(concept=concept, broader=area)
    esco = ConceptSchemeFactory(slug="walk-esco", title="Walk ESCO", uri="http://data.europa.eu/esco/walk")
    skill = ConceptFactory(scheme=esco, pref_label="catalogue collections", uri=ESCO_SKILL)
    mapping = Mapping.objects.create(
        source=concept, relation="closeMatch", target_uri=ESCO_SKILL, target=skill
    )
    return {"lex_scheme": scheme, "lex_area": area, "lex_concept": concept, "lex_mapping": mapping}
