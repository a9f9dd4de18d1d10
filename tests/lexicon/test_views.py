"""Lexicon pages: the scheme list, the tree, search by any label, the concept page, and broker editing."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.test import override_settings

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
from tests.factories import ConceptFactory
from tests.lexicon.conftest import ESCO_SKILL


@pytest.fixture
def lex(lex: SimpleNamespace) -> SimpleNamespace:
    """The shared lexicon; Cataloguing also gets a longer definition, a hidden label and crosswalks."""
    definition = "Describing items so that people can find them."
    Concept.objects.filter(pk=lex.cataloguing.pk).update(definition=definition)
    lex.cataloguing.refresh_from_db()
    Note.objects.filter(concept=lex.cataloguing, kind=NoteKind.DEFINITION).update(text=definition)
    Label.objects.create(concept=lex.cataloguing, kind=LabelKind.HIDDEN, language="en", text="catalogging")
    Note.objects.create(
        concept=lex.cataloguing, kind=NoteKind.SCOPE_NOTE, language="en", text="Includes metadata."
    )
    Mapping.objects.create(
        source=lex.cataloguing, relation="closeMatch", target_uri=ESCO_SKILL, target=lex.esco_skill
    )
    Mapping.objects.create(
        source=lex.cataloguing, relation="broadMatch", target_uri="https://vocab.example.org/skills/42"
    )
    return lex


def _text(response) -> str:
    """The page's text with tags dropped and whitespace collapsed, for readable assertions."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _h1_count(response) -> int:
    return len(re.findall(r"<h1\b", response.content.decode()))


def _revision(scheme: ConceptScheme) -> int:
    return ConceptScheme.objects.get(pk=scheme.pk).revision


def _edit_data(concept: Concept, **changes) -> dict:
    data = {
        "pref_label": concept.pref_label,
        "alt_labels": "",
        "definition": concept.definition,
        "notation": concept.notation,
        "broader": [str(pk) for pk in concept.broader.values_list("pk", flat=True)],
        "add_broader": "",
    }
    data.update(changes)
    return data


# --- reading, as a visitor -----------------------------------------------------------------------


def test_scheme_list_shows_each_scheme_with_version_count_and_licence(client, lex):
    # when
    response = client.get("/lexicon/")

    # then
    assert response.status_code == 200
    text = _text(response)
    assert "Starter lexicon 2026.1 5 CC BY 4.0 Signpost contributors" in text
    assert "ESCO skills 1 1 —" in text
    assert _h1_count(response) == 1


def test_scheme_page_shows_the_tree_of_areas_and_skills(client, lex):
    # when
    response = client.get("/lexicon/starter/")

    # then
    assert response.status_code == 200
    text = _text(response)
    assert (
        "Audience engagement AE Community outreach Collections management CM Cataloguing Digital preservation"
        in text
    )
    html = response.content.decode()
    assert f'href="/lexicon/starter/c/{lex.cataloguing.pk}/"' in html
    assert '<button type="submit">Search</button>' in html
    assert "Add a top concept" not in text  # visitors do not edit
    assert _h1_count(response) == 1


def test_scheme_page_shows_a_few_children_and_links_down_to_the_rest(client, lex):
    # given an area with more skills than the tree shows
    for n in range(30):
        child = ConceptFactory(scheme=lex.starter, pref_label=f"Skill {n:02d}", notation=f"AE.{n + 10}")
        BroaderLink.objects.create(concept=child, broader=lex.audiences)

    # when
    response = client.get("/lexicon/starter/")

    # then
    text = _text(response)
    assert "Skill 23" in text
    assert "Skill 24" not in text  # 25 shown by notation: AE.1 (Community outreach), AE.10 … AE.33
    assert "All 31 concepts under Audience engagement" in text


def test_scheme_page_query_count_does_not_grow_with_the_scheme(client, lex, django_assert_max_num_queries):
    # given many areas with many skills
    for a in range(30):
        area = ConceptFactory(scheme=lex.starter, pref_label=f"Area {a:02d}", is_top_concept=True)
        BroaderLink.objects.bulk_create(
            [
                BroaderLink(
                    concept=ConceptFactory(scheme=lex.starter, pref_label=f"Skill {a}-{s}"), broader=area
                )
                for s in range(3)
            ]
        )

    # when / then: scheme, count and page of roots, their children, the children's narrower counts
    with django_assert_max_num_queries(6):
        response = client.get("/lexicon/starter/")
    assert response.status_code == 200
    assert "Next page" in _text(response)


def test_unknown_scheme_is_404(client, lex):
    assert client.get("/lexicon/nope/").status_code == 404


def test_search_finds_a_concept_by_its_alternative_label(client, lex):
    # when
    response = client.get("/lexicon/starter/search/", {"q": "catalogue CREATION"})

    # then
    assert response.status_code == 200
    text = _text(response)
    assert "1 concept with a label containing “catalogue CREATION”" in text
    assert "Cataloguing Catalogue creation alternative label, en CM.1 Collections management" in text
    assert _h1_count(response) == 1


def test_search_finds_a_concept_by_a_french_label(client, lex):
    # when
    response = client.get("/lexicon/starter/", {"q": "catalogage"})

    # then
    text = _text(response)
    assert "Cataloguing Catalogage preferred label, fr CM.1 Collections management" in text
    assert '<span lang="fr">Catalogage</span>' in response.content.decode()


def test_search_finds_a_concept_by_a_hidden_label(client, lex):
    response = client.get("/lexicon/starter/search/", {"q": "catalogg"})

    assert "Cataloguing catalogging hidden label, en" in _text(response)


def test_search_lists_each_concept_once_preferring_its_preferred_label(client, lex):
    # when "catalog" is in Cataloguing's preferred, alternative, hidden and French labels
    response = client.get("/lexicon/starter/search/", {"q": "catalog"})

    # then
    text = _text(response)
    assert "1 concept with a label containing “catalog”" in text
    assert "Cataloguing Cataloguing preferred label, en" in text


def test_search_across_every_scheme(client, lex):
    # when
    response = client.get("/lexicon/search/", {"q": "catalog"})

    # then
    text = _text(response)
    assert "2 concepts with a label containing “catalog”" in text
    assert "catalogue collections catalogue collections preferred label, en — — ESCO skills" in text


@override_settings(SIGNPOST_PAGE_SIZE=2)
def test_search_results_are_paginated(client, lex):
    # when
    first = client.get("/lexicon/starter/search/", {"q": "e"})
    second = client.get("/lexicon/starter/search/", {"q": "e", "page": 2})

    # then
    assert "5 concepts with a label containing “e”" in _text(first)
    assert "Page 1 of 3" in _text(first)
    assert 'href="?q=e&amp;page=2"' in first.content.decode()
    assert "Page 2 of 3" in _text(second)


def test_search_query_count_is_bounded(client, lex, django_assert_max_num_queries):
    # given many matching concepts
    for n in range(60):
        ConceptFactory(scheme=lex.starter, pref_label=f"Oral history {n}", labels=[f"Reminiscence {n}"])

    # when / then: scheme, count, page, broader and matching labels of the page
    with django_assert_max_num_queries(5):
        response = client.get("/lexicon/starter/search/", {"q": "reminiscence"})
    assert "60 concepts with a label containing “reminiscence”" in _text(response)


def test_concept_page_shows_labels_definition_notes_hierarchy_and_crosswalks(client, lex):
    # given a concept of another scheme maps to this one
    Mapping.objects.create(source=lex.esco_skill, relation="exactMatch", target_uri=lex.cataloguing.uri)

    # when
    response = client.get(f"/lexicon/starter/c/{lex.cataloguing.pk}/")

    # then
    assert response.status_code == 200
    text = _text(response)
    assert "Lexicon \u203a Starter lexicon \u203a Collections management" in text  # breadcrumb
    assert "Definition Describing items so that people can find them." in text
    assert "Scope notes Includes metadata." in text
    assert "Notation CM.1" in text
    assert f"URI {lex.cataloguing.uri}" in text
    assert "en Cataloguing Catalogue creation catalogging" in text
    assert "fr Catalogage — —" in text
    assert "Broader Collections management" in text
    assert f"Means nearly the same as close match catalogue collections {ESCO_SKILL} ESCO skills" in text
    assert "Is narrower than broad match https://vocab.example.org/skills/42 Not loaded here" in text
    assert (
        "Mapped from other schemes Concept Scheme Relation catalogue collections ESCO skills Exact match"
        in text
    )
    assert _h1_count(response) == 1
    assert "Edit concept" not in text


def test_concept_page_lists_narrower_concepts(client, lex):
    response = client.get(f"/lexicon/starter/c/{lex.collections.pk}/")

    text = _text(response)
    assert "Narrower Cataloguing CM.1 Digital preservation CM.2" in text
    assert "None: this is a top concept." in text


def test_concept_of_another_scheme_is_404_under_this_scheme(client, lex):
    assert client.get(f"/lexicon/starter/c/{lex.esco_skill.pk}/").status_code == 404


# --- editing, as a broker ------------------------------------------------------------------------


def test_broker_sees_edit_links(client, lex, bea):
    client.force_login(bea)

    text = _text(client.get(f"/lexicon/starter/c/{lex.cataloguing.pk}/"))

    assert "Edit concept Add a narrower concept Edit crosswalks" in text


def test_edit_form_shows_the_current_values(client, lex, bea):
    # given
    client.force_login(bea)

    # when
    response = client.get(f"/lexicon/starter/c/{lex.cataloguing.pk}/edit/")

    # then
    assert response.status_code == 200
    form = response.context["form"]
    assert form["pref_label"].value() == "Cataloguing"
    assert form["alt_labels"].value() == "Catalogue creation"
    assert _h1_count(response) == 1
    html = response.content.decode()
    assert '<label for="id_pref_label">Preferred label</label>' in html
    assert '<datalist id="broader-suggestions">' in html


def test_broker_edits_a_concept_and_sees_it(client, lex, bea):
    # given
    client.force_login(bea)
    revision = _revision(lex.starter)

    # when
    response = client.post(
        f"/lexicon/starter/c/{lex.cataloguing.pk}/edit/",
        _edit_data(
            lex.cataloguing,
            pref_label="Cataloguing and metadata",
            alt_labels="Catalogue creation\nMetadata creation\n",
            definition="Describing items.",
            notation="CM.10",
            sectors=["museums", "archives"],
            add_broader="audience engagement",
        ),
    )

    # then
    assert response.status_code == 302
    assert response["Location"] == f"/lexicon/starter/c/{lex.cataloguing.pk}/"
    concept = Concept.objects.get(pk=lex.cataloguing.pk)
    assert (concept.pref_label, concept.notation, concept.definition) == (
        "Cataloguing and metadata",
        "CM.10",
        "Describing items.",
    )
    assert set(concept.labels.filter(kind="alt").values_list("text", flat=True)) == {
        "Catalogue creation",
        "Metadata creation",
    }
    assert set(concept.sectors.values_list("slug", flat=True)) == {"museums", "archives"}
    assert set(concept.broader.values_list("pref_label", flat=True)) == {
        "Collections management",
        "Audience engagement",
    }
    assert _revision(lex.starter) == revision + 1
    page = _text(client.get(response["Location"]))
    assert "Saved “Cataloguing and metadata”." in page
    assert "en Cataloguing and metadata Catalogue creation; Metadata creation catalogging" in page


def test_broker_unticks_a_broader_concept(client, lex, bea):
    client.force_login(bea)

    client.post(f"/lexicon/starter/c/{lex.cataloguing.pk}/edit/", _edit_data(lex.cataloguing, broader=[]))

    assert list(Concept.objects.get(pk=lex.cataloguing.pk).broader.all()) == []


def _field_error(response, field: str) -> str:
    """The error shown for `field`, checking it is tied to the input with aria-describedby."""
    html = response.content.decode()
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error"><li>(.*?)</li>', html, flags=re.S)
    assert match, f"no error shown beside {field}"
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error[^"]*"', html), (
        f"{field}'s error not described"
    )
    return match.group(1)


def test_edit_with_a_duplicate_label_shows_the_error_beside_the_field_and_writes_nothing(client, lex, bea):
    # given
    client.force_login(bea)
    revision = _revision(lex.starter)

    # when
    response = client.post(
        f"/lexicon/starter/c/{lex.cataloguing.pk}/edit/",
        _edit_data(lex.cataloguing, pref_label="Digital Preservation", notation="CM.99"),
    )

    # then
    assert response.status_code == 200
    assert _field_error(response, "pref_label") == (
        "Another concept in Starter lexicon already has the preferred label “Digital Preservation”."
    )
    concept = Concept.objects.get(pk=lex.cataloguing.pk)
    assert (concept.pref_label, concept.notation, _revision(lex.starter)) == ("Cataloguing", "CM.1", revision)


def test_edit_without_a_preferred_label_shows_the_error(client, lex, bea):
    client.force_login(bea)

    response = client.post(
        f"/lexicon/starter/c/{lex.cataloguing.pk}/edit/", _edit_data(lex.cataloguing, pref_label="")
    )

    assert _field_error(response, "pref_label") == "Enter a preferred label."
    assert Concept.objects.get(pk=lex.cataloguing.pk).pref_label == "Cataloguing"


def test_edit_making_a_cycle_names_the_concept_beside_the_field_and_writes_nothing(client, lex, bea):
    # given
    client.force_login(bea)
    revision = _revision(lex.starter)

    # when the area is put under one of its own skills
    response = client.post(
        f"/lexicon/starter/c/{lex.collections.pk}/edit/", _edit_data(lex.collections, add_broader="CM.1")
    )

    # then
    assert response.status_code == 200
    assert _field_error(response, "add_broader") == (
        "“Cataloguing” is narrower than “Collections management”, so it cannot also be broader: "
        "that would make a cycle (Collections management → Cataloguing → Collections management, "
        "each under the next)."
    )
    assert list(Concept.objects.get(pk=lex.collections.pk).broader.all()) == []
    assert _revision(lex.starter) == revision


def test_edit_naming_an_unknown_broader_concept_shows_the_error(client, lex, bea):
    client.force_login(bea)

    response = client.post(
        f"/lexicon/starter/c/{lex.outreach.pk}/edit/", _edit_data(lex.outreach, add_broader="Nonexistent")
    )

    assert _field_error(response, "add_broader") == (
        "No concept in Starter lexicon has the preferred label or notation “Nonexistent”."
    )


def test_broker_adds_a_concept_under_a_parent(client, lex, bea):
    # given
    client.force_login(bea)

    # when
    form_page = client.get(f"/lexicon/starter/new/?parent={lex.collections.pk}")
    response = client.post(
        f"/lexicon/starter/new/?parent={lex.collections.pk}",
        {"pref_label": "Rights management", "alt_labels": "Copyright", "definition": "", "notation": "CM.3"},
    )

    # then
    assert "Add a concept under “Collections management”" in _text(form_page)
    concept = Concept.objects.get(scheme=lex.starter, pref_label="Rights management")
    assert response["Location"] == f"/lexicon/starter/c/{concept.pk}/"
    assert list(concept.broader.all()) == [lex.collections]
    assert list(concept.labels.values_list("kind", "text")) == [
        ("alt", "Copyright"),
        ("pref", "Rights management"),
    ]


def test_adding_a_concept_with_a_taken_notation_shows_the_error(client, lex, bea):
    client.force_login(bea)
    count = Concept.objects.count()

    response = client.post("/lexicon/starter/new/", {"pref_label": "Leadership", "notation": "CM"})

    assert (
        _field_error(response, "notation") == "The notation CM is already used by “Collections management”."
    )
    assert Concept.objects.count() == count


def test_crosswalk_page_searches_another_scheme_and_adds_the_chosen_concept(client, lex, bea):
    # given
    client.force_login(bea)
    Mapping.objects.filter(source=lex.cataloguing).delete()
    url = f"/lexicon/starter/c/{lex.cataloguing.pk}/crosswalks/"

    # when
    found = client.get(url, {"target_scheme": "esco", "target_q": "collections"})
    response = client.post(
        url,
        {
            "target_scheme": "esco",
            "target_q": "collections",
            "relation": "exactMatch",
            "target": lex.esco_skill.pk,
        },
    )

    # then
    assert "catalogue collections — ESCO skills" in _text(found)
    assert response.status_code == 302
    assert list(
        Mapping.objects.filter(source=lex.cataloguing).values_list("relation", "target_uri", "target")
    ) == [("exactMatch", ESCO_SKILL, lex.esco_skill.pk)]


def test_crosswalk_by_uri(client, lex, bea):
    client.force_login(bea)
    url = f"/lexicon/starter/c/{lex.preservation.pk}/crosswalks/"

    response = client.post(
        url, {"relation": "narrowMatch", "target_uri": "https://vocab.example.org/skills/7"}
    )

    assert response.status_code == 302
    assert list(Mapping.objects.filter(source=lex.preservation).values_list("relation", "target_uri")) == [
        ("narrowMatch", "https://vocab.example.org/skills/7")
    ]
    assert "Is broader than narrow match https://vocab.example.org/skills/7" in _text(client.get(url))


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        (
            "mailto:someone@example.org",
            "Enter an absolute http:// or https:// URI, such as http://data.europa.eu/esco/skill/…",
        ),
        (
            "https://w3id.org/signpost/starter/cataloguing",
            "That concept is in Starter lexicon too. Crosswalks link to other schemes; "
            "use broader or related concepts within a scheme.",
        ),
    ],
)
def test_bad_crosswalk_shows_the_error_beside_the_uri_and_writes_nothing(client, lex, bea, uri, message):
    # given
    client.force_login(bea)
    revision = _revision(lex.starter)

    # when
    response = client.post(
        f"/lexicon/starter/c/{lex.preservation.pk}/crosswalks/", {"relation": "exactMatch", "target_uri": uri}
    )

    # then
    assert response.status_code == 200
    assert _field_error(response, "target_uri") == message
    assert Mapping.objects.filter(source=lex.preservation).count() == 0
    assert _revision(lex.starter) == revision


def test_broker_removes_a_crosswalk(client, lex, bea):
    # given
    client.force_login(bea)
    mapping = Mapping.objects.get(source=lex.cataloguing, relation="closeMatch")

    # when
    response = client.post(f"/lexicon/starter/crosswalks/{mapping.pk}/remove/")

    # then
    assert response["Location"] == f"/lexicon/starter/c/{lex.cataloguing.pk}/crosswalks/"
    assert list(Mapping.objects.filter(source=lex.cataloguing).values_list("relation", flat=True)) == [
        "broadMatch"
    ]


# --- editing, refused ----------------------------------------------------------------------------


def _lexicon_state() -> tuple:
    return (
        sorted(Concept.objects.values_list("pk", "pref_label", "notation", "definition", "is_top_concept")),
        sorted(Label.objects.values_list("concept_id", "kind", "language", "text")),
        sorted(BroaderLink.objects.values_list("concept_id", "broader_id")),
        sorted(Mapping.objects.values_list("source_id", "relation", "target_uri")),
        sorted(ConceptScheme.objects.values_list("pk", "revision")),
    )


def _refused_requests(lex) -> list[tuple[str, str, dict]]:
    mapping = Mapping.objects.filter(source=lex.cataloguing).first()
    return [
        ("get", f"/lexicon/starter/c/{lex.cataloguing.pk}/edit/", {}),
        (
            "post",
            f"/lexicon/starter/c/{lex.cataloguing.pk}/edit/",
            _edit_data(lex.cataloguing, pref_label="Hijacked"),
        ),
        ("get", "/lexicon/starter/new/", {}),
        ("post", "/lexicon/starter/new/", {"pref_label": "Hijacked"}),
        ("get", f"/lexicon/starter/c/{lex.cataloguing.pk}/crosswalks/", {}),
        (
            "post",
            f"/lexicon/starter/c/{lex.cataloguing.pk}/crosswalks/",
            {"relation": "exactMatch", "target_uri": "https://example.org/x"},
        ),
        ("post", f"/lexicon/starter/crosswalks/{mapping.pk}/remove/", {}),
    ]


@pytest.mark.parametrize("persona", ["maya", "oliver", "priya"])
def test_non_brokers_are_refused_every_edit_and_nothing_changes(client, lex, request, persona):
    # given
    client.force_login(request.getfixturevalue(persona))
    before = _lexicon_state()

    # when
    statuses = [
        getattr(client, method)(url, data).status_code for method, url, data in _refused_requests(lex)
    ]

    # then
    assert statuses == [403] * 7
    assert _lexicon_state() == before
    assert "Edit concept" not in _text(client.get(f"/lexicon/starter/c/{lex.cataloguing.pk}/"))


def test_visitors_are_sent_to_log_in_and_nothing_changes(client, lex):
    # given
    before = _lexicon_state()

    # when
    responses = [getattr(client, method)(url, data) for method, url, data in _refused_requests(lex)]

    # then
    assert [r.status_code for r in responses] == [302] * 7
    assert all(r["Location"].startswith("/accounts/login/?next=/lexicon/starter/") for r in responses)
    assert _lexicon_state() == before
