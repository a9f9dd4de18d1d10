"""The lexicon JSON API under /api/lexicon/: reads for anyone, edits for brokers."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from signpost.accounts.services.tokens import issue_token
from signpost.lexicon.models import (
    Concept,
    ConceptScheme,
    Mapping,
)
from tests.factories import ConceptFactory
from tests.lexicon.conftest import ESCO_SKILL


@pytest.fixture
def lex(lex: SimpleNamespace) -> SimpleNamespace:
    """The shared lexicon, plus a crosswalk from Cataloguing to the ESCO skill."""
    lex.mapping = Mapping.objects.create(
        source=lex.cataloguing, relation="closeMatch", target_uri=ESCO_SKILL, target=lex.esco_skill
    )
    return lex


def _ref(concept: Concept) -> dict:
    return {
        "id": concept.pk,
        "uri": concept.uri,
        "notation": concept.notation,
        "pref_label": concept.pref_label,
    }


def _labels_in_items(response) -> list[str]:
    return [item["pref_label"] for item in response.json()["items"]]


def _revision(scheme: ConceptScheme) -> int:
    return ConceptScheme.objects.get(pk=scheme.pk).revision


def _patch(client, path: str, body: dict, **headers):
    return client.patch(path, data=json.dumps(body), content_type="application/json", **headers)


def _post(client, path: str, body: dict, **headers):
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


# --- reads ---------------------------------------------------------------------------------------


def test_list_schemes_with_their_concept_counts(client, lex):
    # when
    response = client.get("/api/lexicon/schemes")

    # then
    assert response.status_code == 200
    assert [(s["slug"], s["title"], s["concept_count"]) for s in response.json()] == [
        ("esco", "ESCO skills", 1),
        ("starter", "Starter lexicon", 5),
    ]


def test_get_one_scheme(client, lex):
    response = client.get("/api/lexicon/schemes/starter")

    assert response.json() == {
        "slug": "starter",
        "uri": "https://w3id.org/signpost/starter",
        "title": "Starter lexicon",
        "description": "",
        "version": "2026.1",
        "licence": "CC BY 4.0",
        "attribution": "Signpost contributors",
        "default_language": "en",
        "revision": 1,
        "concept_count": 5,
    }


def test_unknown_scheme_is_404(client, lex):
    assert client.get("/api/lexicon/schemes/nope").status_code == 404


def test_list_concepts_is_paged_by_page_number(client, lex):
    # when
    first = client.get("/api/lexicon/schemes/starter/concepts", {"page_size": 2})
    third = client.get("/api/lexicon/schemes/starter/concepts", {"page_size": 2, "page": 3})

    # then ordered by notation
    assert first.json()["count"] == 5
    assert _labels_in_items(first) == ["Audience engagement", "Community outreach"]
    assert _labels_in_items(third) == ["Digital preservation"]


def test_list_concepts_item_shape(client, lex):
    response = client.get("/api/lexicon/schemes/starter/concepts", {"q": "catalogue creation"})

    assert response.json() == {
        "count": 1,
        "items": [
            {
                "id": lex.cataloguing.pk,
                "uri": lex.cataloguing.uri,
                "notation": "CM.1",
                "pref_label": "Cataloguing",
                "definition": "Describing items.",
                "is_top_concept": False,
                "scheme": "starter",
                "broader": [_ref(lex.collections)],
                "matched_label": {"text": "Catalogue creation", "kind": "alt", "language": "en"},
            }
        ],
    }


def test_list_top_concepts_only(client, lex):
    response = client.get("/api/lexicon/schemes/starter/concepts", {"top": "true"})

    assert _labels_in_items(response) == ["Audience engagement", "Collections management"]


def test_list_narrower_concepts_of_a_broader_one(client, lex):
    response = client.get("/api/lexicon/schemes/starter/concepts", {"broader": lex.collections.pk})

    assert _labels_in_items(response) == ["Cataloguing", "Digital preservation"]
    assert response.json()["items"][0]["matched_label"] is None


def test_list_concepts_query_count_is_bounded(client, lex, django_assert_max_num_queries):
    # given
    for n in range(40):
        ConceptFactory(scheme=lex.starter, pref_label=f"Oral history {n}")

    # when / then: scheme, count, page, broader of the page
    with django_assert_max_num_queries(4):
        response = client.get("/api/lexicon/schemes/starter/concepts")
    assert response.json()["count"] == 45


def test_search_across_schemes_lists_each_concept_once(client, lex):
    # when
    response = client.get("/api/lexicon/concepts/search", {"q": "catalog"})

    # then
    items = response.json()["items"]
    assert [(i["scheme"], i["pref_label"], i["matched_label"]["text"]) for i in items] == [
        ("esco", "catalogue collections", "catalogue collections"),
        ("starter", "Cataloguing", "Cataloguing"),
    ]


def test_search_by_french_label_in_one_scheme(client, lex):
    response = client.get("/api/lexicon/concepts/search", {"q": "CATALOGAGE", "scheme": "starter"})

    assert response.json()["count"] == 1
    assert response.json()["items"][0]["matched_label"] == {
        "text": "Catalogage",
        "kind": "pref",
        "language": "fr",
    }


def test_search_is_paged(client, lex):
    response = client.get(
        "/api/lexicon/concepts/search", {"q": "e", "scheme": "starter", "page_size": 2, "page": 2}
    )

    assert response.json()["count"] == 5
    assert len(response.json()["items"]) == 2


def test_search_needs_a_query(client, lex):
    assert client.get("/api/lexicon/concepts/search").status_code == 422


def test_search_query_count_is_bounded(client, lex, django_assert_max_num_queries):
    # given
    for n in range(40):
        ConceptFactory(scheme=lex.starter, pref_label=f"Oral history {n}", labels=[f"Reminiscence {n}"])

    # when / then: scheme, count, page, broader and matching labels of the page
    with django_assert_max_num_queries(5):
        response = client.get("/api/lexicon/concepts/search", {"q": "reminiscence", "scheme": "starter"})
    assert response.json()["count"] == 40


def test_concept_detail(client, lex):
    # given a concept of another scheme maps to this one
    incoming = Mapping.objects.create(
        source=lex.esco_skill, relation="exactMatch", target_uri=lex.cataloguing.uri
    )

    # when
    response = client.get(f"/api/lexicon/concepts/{lex.cataloguing.pk}")

    # then
    assert response.status_code == 200
    assert response.json() == {
        "id": lex.cataloguing.pk,
        "uri": lex.cataloguing.uri,
        "notation": "CM.1",
        "pref_label": "Cataloguing",
        "definition": "Describing items.",
        "is_top_concept": False,
        "scheme": {"slug": "starter", "title": "Starter lexicon"},
        "labels": {
            "alt": {"en": ["Catalogue creation"]},
            "pref": {"en": ["Cataloguing"], "fr": ["Catalogage"]},
        },
        "notes": [{"kind": "definition", "language": "en", "text": "Describing items."}],
        "sectors": [],
        "broader": [_ref(lex.collections)],
        "narrower": [],
        "narrower_count": 0,
        "related": [],
        "mappings": [
            {
                "id": lex.mapping.pk,
                "relation": "closeMatch",
                "target_uri": ESCO_SKILL,
                "target": _ref(lex.esco_skill),
                "target_scheme": "esco",
            }
        ],
        "incoming_mappings": [
            {
                "id": incoming.pk,
                "relation": "exactMatch",
                "source": _ref(lex.esco_skill),
                "source_scheme": "esco",
            }
        ],
    }


def test_concept_detail_lists_narrower(client, lex):
    response = client.get(f"/api/lexicon/concepts/{lex.collections.pk}")

    assert response.json()["narrower"] == [_ref(lex.cataloguing), _ref(lex.preservation)]
    assert response.json()["narrower_count"] == 2


def test_unknown_concept_is_404(client, lex):
    assert client.get("/api/lexicon/concepts/999999").status_code == 404


# --- writes --------------------------------------------------------------------------------------


def test_broker_patches_a_concept_with_a_token(client, lex, bea):
    # given
    _, token = issue_token(user=bea, name="lexicon script")
    revision = _revision(lex.starter)

    # when
    response = _patch(
        client,
        f"/api/lexicon/concepts/{lex.cataloguing.pk}",
        {
            "pref_label": "Cataloguing and metadata",
            "alt_labels": ["Metadata creation"],
            "sectors": ["museums"],
        },
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["pref_label"] == "Cataloguing and metadata"
    assert body["labels"]["pref"] == {"en": ["Cataloguing and metadata"], "fr": ["Catalogage"]}
    assert body["labels"]["alt"] == {"en": ["Metadata creation"]}
    assert body["sectors"] == ["museums"]
    # fields not sent are kept
    assert (body["notation"], body["definition"], body["broader"]) == (
        "CM.1",
        "Describing items.",
        [_ref(lex.collections)],
    )
    assert _revision(lex.starter) == revision + 1


def test_broker_moves_a_concept_with_the_session(client, lex, bea):
    client.force_login(bea)

    response = _patch(client, f"/api/lexicon/concepts/{lex.outreach.pk}", {"broader": [lex.collections.pk]})

    assert response.status_code == 200
    assert list(Concept.objects.get(pk=lex.outreach.pk).broader.all()) == [lex.collections]


def test_patch_with_a_duplicate_label_is_422_naming_the_field_and_writes_nothing(client, lex, bea):
    # given
    client.force_login(bea)
    revision = _revision(lex.starter)

    # when
    response = _patch(
        client,
        f"/api/lexicon/concepts/{lex.cataloguing.pk}",
        {"pref_label": "Digital preservation", "notation": "X"},
    )

    # then
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", "pref_label"],
                "msg": "Another concept in Starter lexicon already has the preferred label "
                "“Digital preservation”.",
                "type": "value_error",
            }
        ]
    }
    concept = Concept.objects.get(pk=lex.cataloguing.pk)
    assert (concept.pref_label, concept.notation, _revision(lex.starter)) == ("Cataloguing", "CM.1", revision)


def test_patch_making_a_cycle_is_422(client, lex, bea):
    client.force_login(bea)

    response = _patch(
        client, f"/api/lexicon/concepts/{lex.collections.pk}", {"broader": [lex.cataloguing.pk]}
    )

    assert response.status_code == 422
    assert [e["loc"][-1] for e in response.json()["detail"]] == ["broader"]
    assert list(Concept.objects.get(pk=lex.collections.pk).broader.all()) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [({"sectors": ["zoos"]}, "sectors"), ({"broader": [999999]}, "broader")],
)
def test_patch_with_unknown_references_is_422(client, lex, bea, body, field):
    client.force_login(bea)

    response = _patch(client, f"/api/lexicon/concepts/{lex.cataloguing.pk}", body)

    assert response.status_code == 422
    assert [e["loc"][-1] for e in response.json()["detail"]] == [field]


@pytest.mark.parametrize("persona", ["maya", "oliver", "priya"])
def test_non_brokers_may_not_patch(client, lex, request, persona):
    # given
    client.force_login(request.getfixturevalue(persona))

    # when
    response = _patch(client, f"/api/lexicon/concepts/{lex.cataloguing.pk}", {"pref_label": "Hijacked"})

    # then
    assert response.status_code == 403
    assert Concept.objects.get(pk=lex.cataloguing.pk).pref_label == "Cataloguing"


def test_anonymous_may_not_patch(client, lex):
    response = _patch(client, f"/api/lexicon/concepts/{lex.cataloguing.pk}", {"pref_label": "Hijacked"})

    assert response.status_code == 401
    assert Concept.objects.get(pk=lex.cataloguing.pk).pref_label == "Cataloguing"


def test_broker_creates_a_concept(client, lex, bea):
    client.force_login(bea)

    response = _post(
        client,
        "/api/lexicon/schemes/starter/concepts",
        {"pref_label": "Rights management", "parent": lex.collections.pk},
    )

    assert response.status_code == 201
    assert response.json()["broader"] == [_ref(lex.collections)]
    assert Concept.objects.filter(scheme=lex.starter, pref_label="Rights management").count() == 1


def test_member_may_not_create_a_concept(client, lex, maya):
    client.force_login(maya)
    count = Concept.objects.count()

    response = _post(client, "/api/lexicon/schemes/starter/concepts", {"pref_label": "Rights management"})

    assert response.status_code == 403
    assert Concept.objects.count() == count


def test_broker_adds_a_mapping(client, lex, bea):
    # given
    client.force_login(bea)

    # when
    response = _post(
        client,
        f"/api/lexicon/concepts/{lex.preservation.pk}/mappings",
        {"relation": "broadMatch", "target_uri": "https://vocab.example.org/skills/42"},
    )

    # then
    assert response.status_code == 201
    mapping = Mapping.objects.get(source=lex.preservation)
    assert response.json() == {
        "id": mapping.pk,
        "relation": "broadMatch",
        "target_uri": "https://vocab.example.org/skills/42",
        "target": None,
        "target_scheme": None,
    }


def test_broker_adds_a_mapping_to_a_loaded_concept_by_id(client, lex, bea):
    client.force_login(bea)

    response = _post(
        client,
        f"/api/lexicon/concepts/{lex.preservation.pk}/mappings",
        {"relation": "exactMatch", "target_id": lex.esco_skill.pk},
    )

    assert response.status_code == 201
    assert (response.json()["target"], response.json()["target_scheme"]) == (_ref(lex.esco_skill), "esco")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"relation": "exactMatch", "target_uri": "urn:isbn:123"}, "target_uri"),
        (
            {"relation": "exactMatch", "target_uri": "https://w3id.org/signpost/starter/cataloguing"},
            "target_uri",
        ),
        ({"relation": "exactMatch", "target_id": "same-scheme"}, "target_id"),
        ({"relation": "sameAs", "target_uri": ESCO_SKILL}, "relation"),
    ],
)
def test_bad_mapping_is_422_naming_the_field_and_writes_nothing(client, lex, bea, body, field):
    # given
    client.force_login(bea)
    if body.get("target_id") == "same-scheme":
        body = {**body, "target_id": lex.cataloguing.pk}

    # when
    response = _post(client, f"/api/lexicon/concepts/{lex.preservation.pk}/mappings", body)

    # then
    assert response.status_code == 422
    assert [e["loc"][-1] for e in response.json()["detail"]] == [field]
    assert Mapping.objects.filter(source=lex.preservation).count() == 0


def test_member_may_not_add_a_mapping(client, lex, maya):
    client.force_login(maya)

    response = _post(
        client,
        f"/api/lexicon/concepts/{lex.preservation.pk}/mappings",
        {"relation": "exactMatch", "target_uri": ESCO_SKILL},
    )

    assert response.status_code == 403
    assert Mapping.objects.filter(source=lex.preservation).count() == 0


def test_anonymous_may_not_add_a_mapping(client, lex):
    response = _post(
        client,
        f"/api/lexicon/concepts/{lex.preservation.pk}/mappings",
        {"relation": "exactMatch", "target_uri": ESCO_SKILL},
    )

    assert response.status_code == 401
    assert Mapping.objects.filter(source=lex.preservation).count() == 0


def test_broker_deletes_a_mapping(client, lex, bea):
    client.force_login(bea)

    response = client.delete(f"/api/lexicon/mappings/{lex.mapping.pk}")

    assert response.status_code == 204
    assert Mapping.objects.filter(pk=lex.mapping.pk).exists() is False


@pytest.mark.parametrize(("persona", "status"), [(None, 401), ("maya", 403), ("priya", 403), ("oliver", 403)])
def test_others_may_not_delete_a_mapping(client, lex, request, persona, status):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    response = client.delete(f"/api/lexicon/mappings/{lex.mapping.pk}")

    assert response.status_code == status
    assert Mapping.objects.filter(pk=lex.mapping.pk).exists() is True


def test_a_bad_token_is_refused_even_for_reads(client, lex):
    response = client.get("/api/lexicon/schemes", HTTP_AUTHORIZATION="Bearer sp_not-a-token")

    assert response.status_code == 401
