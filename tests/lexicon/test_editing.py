"""Broker edits to concepts and crosswalks: services/editing.py."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from signpost.core.models import Sector
from signpost.lexicon.models import (
    BroaderLink,
    Concept,
    ConceptScheme,
    Label,
    Mapping,
    MappingRelation,
    Note,
    NoteKind,
)
from signpost.lexicon.services.editing import add_mapping, create_concept, remove_mapping, update_concept
from tests.factories import ConceptFactory
from tests.lexicon.conftest import ESCO_SKILL


def _labels(concept: Concept) -> set[tuple[str, str, str]]:
    return set(Label.objects.filter(concept=concept).values_list("kind", "language", "text"))


def _revision(scheme: ConceptScheme) -> int:
    return ConceptScheme.objects.get(pk=scheme.pk).revision


def _snapshot(concept: Concept) -> tuple:
    concept = Concept.objects.get(pk=concept.pk)
    return (
        concept.pref_label,
        concept.notation,
        concept.definition,
        concept.is_top_concept,
        _labels(concept),
        set(Note.objects.filter(concept=concept).values_list("kind", "language", "text")),
        set(concept.sectors.values_list("slug", flat=True)),
        set(BroaderLink.objects.filter(concept=concept).values_list("broader_id", flat=True)),
        _revision(concept.scheme),
    )


def _edit(concept: Concept, actor, **changes):
    values = {
        "pref_label": concept.pref_label,
        "alt_labels": [],
        "definition": concept.definition,
        "notation": concept.notation,
        "sectors": [],
        "broader": list(concept.broader.all()),
    }
    values.update(changes)
    return update_concept(concept=concept, actor=actor, **values)


# --- update_concept -------------------------------------------------------------------------------


def test_update_concept_rewrites_labels_notes_sectors_and_broader(lex, bea):
    # given
    museums, libraries = Sector.objects.get(slug="museums"), Sector.objects.get(slug="libraries")
    revision = _revision(lex.starter)

    # when
    update_concept(
        concept=lex.cataloguing,
        actor=bea,
        pref_label="  Cataloguing   and metadata ",
        alt_labels=["Metadata creation", "Catalogue creation", "", "metadata creation"],
        definition="Describing items so people can find them.",
        notation="CM.10",
        sectors=[museums, libraries],
        broader=[lex.collections, lex.audiences],
    )

    # then
    concept = Concept.objects.get(pk=lex.cataloguing.pk)
    assert concept.pref_label == "Cataloguing and metadata"
    assert concept.notation == "CM.10"
    assert concept.definition == "Describing items so people can find them."
    assert _labels(concept) == {
        ("pref", "en", "Cataloguing and metadata"),
        ("pref", "fr", "Catalogage"),
        ("alt", "en", "Metadata creation"),
        ("alt", "en", "Catalogue creation"),
    }
    assert list(Note.objects.filter(concept=concept).values_list("kind", "language", "text")) == [
        ("definition", "en", "Describing items so people can find them.")
    ]
    assert set(concept.sectors.values_list("slug", flat=True)) == {"museums", "libraries"}
    assert set(concept.broader.values_list("pref_label", flat=True)) == {
        "Collections management",
        "Audience engagement",
    }
    assert _revision(lex.starter) == revision + 1


def test_update_concept_clearing_the_definition_deletes_its_note(lex, bea):
    # when
    _edit(lex.cataloguing, bea, definition="")

    # then
    assert Concept.objects.get(pk=lex.cataloguing.pk).definition == ""
    assert Note.objects.filter(concept=lex.cataloguing).count() == 0


def test_update_concept_keeps_a_description_out_of_the_definition(lex, bea):
    # given an imported ESCO-style concept: no definition, a description that Concept.definition mirrors
    skill = lex.esco_skill
    Note.objects.create(concept=skill, kind=NoteKind.DESCRIPTION, language="en", text="Arrange collections.")
    Concept.objects.filter(pk=skill.pk).update(definition="Arrange collections.")
    skill.refresh_from_db()

    # when the broker saves without touching the definition
    _edit(skill, bea, notation="S1.2")

    # then no definition note was invented from the description
    assert set(Note.objects.filter(concept=skill).values_list("kind", "text")) == {
        ("description", "Arrange collections.")
    }
    assert Concept.objects.get(pk=skill.pk).definition == "Arrange collections."


def test_update_concept_taking_away_all_broader_makes_a_top_concept(lex, bea):
    # when
    _edit(lex.outreach, bea, broader=[])

    # then
    concept = Concept.objects.get(pk=lex.outreach.pk)
    assert concept.is_top_concept is True
    assert BroaderLink.objects.filter(concept=concept).count() == 0


def test_update_concept_putting_a_top_concept_under_another_clears_its_top_flag(lex, bea):
    # when
    _edit(lex.audiences, bea, broader=[lex.collections])

    # then
    assert Concept.objects.get(pk=lex.audiences.pk).is_top_concept is False


@pytest.mark.parametrize("label", ["Digital preservation", "digital PRESERVATION"])
def test_update_concept_refuses_a_preferred_label_used_in_the_scheme(lex, bea, label):
    # given
    before = _snapshot(lex.cataloguing)

    # when
    with pytest.raises(ValidationError) as caught:
        _edit(lex.cataloguing, bea, pref_label=label, notation="CM.99")

    # then
    assert caught.value.message_dict == {
        "pref_label": [f"Another concept in Starter lexicon already has the preferred label “{label}”."]
    }
    assert _snapshot(lex.cataloguing) == before


def test_update_concept_allows_the_same_label_in_another_scheme(lex, bea):
    # when
    _edit(lex.esco_skill, bea, pref_label="Cataloguing")

    # then
    assert Concept.objects.get(pk=lex.esco_skill.pk).pref_label == "Cataloguing"


def test_update_concept_requires_a_preferred_label(lex, bea):
    # given
    before = _snapshot(lex.cataloguing)

    # when
    with pytest.raises(ValidationError) as caught:
        _edit(lex.cataloguing, bea, pref_label="   ")

    # then
    assert caught.value.message_dict == {"pref_label": ["Enter a preferred label."]}
    assert _snapshot(lex.cataloguing) == before


def test_update_concept_refuses_an_alternative_label_equal_to_the_preferred(lex, bea):
    # when
    with pytest.raises(ValidationError) as caught:
        _edit(lex.cataloguing, bea, alt_labels=["cataloguing"])

    # then
    assert caught.value.message_dict == {
        "alt_labels": ["An alternative label cannot repeat the preferred label."]
    }


def test_update_concept_refuses_a_notation_used_in_the_scheme(lex, bea):
    # given
    before = _snapshot(lex.cataloguing)

    # when
    with pytest.raises(ValidationError) as caught:
        _edit(lex.cataloguing, bea, notation="CM.2")

    # then
    assert caught.value.message_dict == {
        "notation": ["The notation CM.2 is already used by “Digital preservation”."]
    }
    assert _snapshot(lex.cataloguing) == before


def test_update_concept_refuses_a_broader_concept_that_would_make_a_cycle(lex, bea):
    # given Collections management → Cataloguing → Metadata standards
    standards = ConceptFactory(scheme=lex.starter, pref_label="Metadata standards")
    BroaderLink.objects.create(concept=standards, broader=lex.cataloguing)
    before = _snapshot(lex.collections)

    # when the area is put under its own grandchild
    with pytest.raises(ValidationError) as caught:
        _edit(lex.collections, bea, broader=[standards])

    # then the message names the concept and the loop
    assert caught.value.message_dict == {
        "broader": [
            "“Metadata standards” is narrower than “Collections management”, so it cannot also be broader: "
            "that would make a cycle (Collections management → Metadata standards → Cataloguing → "
            "Collections management, each under the next)."
        ]
    }
    assert _snapshot(lex.collections) == before


def test_update_concept_refuses_itself_as_broader(lex, bea):
    with pytest.raises(ValidationError) as caught:
        _edit(lex.cataloguing, bea, broader=[lex.cataloguing])

    assert caught.value.message_dict == {"broader": ["A concept cannot be broader than itself."]}


def test_update_concept_refuses_a_broader_concept_from_another_scheme(lex, bea):
    # given
    before = _snapshot(lex.cataloguing)

    # when
    with pytest.raises(ValidationError) as caught:
        _edit(lex.cataloguing, bea, broader=[lex.esco_skill])

    # then
    assert caught.value.message_dict == {
        "broader": [
            "“catalogue collections” is in another scheme; a broader concept must be in Starter lexicon."
        ]
    }
    assert _snapshot(lex.cataloguing) == before


def test_update_concept_reports_every_problem_at_once_and_writes_nothing(lex, bea):
    # given
    before = _snapshot(lex.cataloguing)

    # when
    with pytest.raises(ValidationError) as caught:
        _edit(
            lex.cataloguing, bea, pref_label="Digital preservation", notation="AE.1", broader=[lex.esco_skill]
        )

    # then
    assert sorted(caught.value.message_dict) == ["broader", "notation", "pref_label"]
    assert _snapshot(lex.cataloguing) == before


@pytest.mark.parametrize("persona", ["maya", "oliver", "priya"])
def test_update_concept_is_refused_to_non_brokers(lex, request, persona):
    # given
    user = request.getfixturevalue(persona)
    before = _snapshot(lex.cataloguing)

    # when
    with pytest.raises(PermissionDenied):
        _edit(lex.cataloguing, user, pref_label="Renamed")

    # then
    assert _snapshot(lex.cataloguing) == before


def test_an_admin_may_edit_too(lex, ada):
    _edit(lex.cataloguing, ada, pref_label="Cataloguing practice")

    assert Concept.objects.get(pk=lex.cataloguing.pk).pref_label == "Cataloguing practice"


# --- create_concept -------------------------------------------------------------------------------


def test_create_concept_under_a_parent(lex, bea):
    # given
    revision = _revision(lex.starter)

    # when
    concept = create_concept(
        scheme=lex.starter,
        actor=bea,
        pref_label="Rights management",
        parent=lex.collections,
        alt_labels=["Copyright clearance"],
        definition="Managing rights in collections.",
        notation="CM.3",
        sectors=[Sector.objects.get(slug="archives")],
    )

    # then
    concept = Concept.objects.get(pk=concept.pk)
    assert concept.scheme == lex.starter
    assert concept.uri == "https://w3id.org/signpost/starter/rights-management"
    assert concept.is_top_concept is False
    assert list(concept.broader.all()) == [lex.collections]
    assert _labels(concept) == {("pref", "en", "Rights management"), ("alt", "en", "Copyright clearance")}
    assert list(Note.objects.filter(concept=concept).values_list("kind", "language", "text")) == [
        ("definition", "en", "Managing rights in collections.")
    ]
    assert list(concept.sectors.values_list("slug", flat=True)) == ["archives"]
    assert _revision(lex.starter) == revision + 1


def test_create_concept_without_a_parent_makes_a_top_concept_with_a_fresh_uri(lex, bea):
    # given a concept already holds the URI the label would give
    ConceptFactory(
        scheme=lex.starter, pref_label="Old leadership", uri="https://w3id.org/signpost/starter/leadership"
    )

    # when
    concept = create_concept(scheme=lex.starter, actor=bea, pref_label="Leadership")

    # then
    assert concept.is_top_concept is True
    assert concept.uri == "https://w3id.org/signpost/starter/leadership-2"


def test_create_concept_refuses_a_duplicate_label_and_writes_nothing(lex, bea):
    # given
    count, revision = Concept.objects.count(), _revision(lex.starter)

    # when
    with pytest.raises(ValidationError) as caught:
        create_concept(scheme=lex.starter, actor=bea, pref_label="CATALOGUING", parent=lex.collections)

    # then
    assert caught.value.message_dict == {
        "pref_label": ["Another concept in Starter lexicon already has the preferred label “CATALOGUING”."]
    }
    assert (Concept.objects.count(), _revision(lex.starter)) == (count, revision)


def test_create_concept_refuses_a_parent_from_another_scheme(lex, bea):
    with pytest.raises(ValidationError) as caught:
        create_concept(scheme=lex.starter, actor=bea, pref_label="Sorting", parent=lex.esco_skill)

    assert list(caught.value.message_dict) == ["broader"]


def test_create_concept_is_refused_to_a_member(lex, maya):
    count = Concept.objects.count()

    with pytest.raises(PermissionDenied):
        create_concept(scheme=lex.starter, actor=maya, pref_label="Sorting")

    assert Concept.objects.count() == count


# --- add_mapping / remove_mapping ----------------------------------------------------------------


def test_add_mapping_by_uri_links_the_loaded_target(lex, bea):
    # given
    revision = _revision(lex.starter)

    # when
    mapping = add_mapping(
        concept=lex.cataloguing, actor=bea, relation=MappingRelation.CLOSE, target_uri=f"  {ESCO_SKILL} "
    )

    # then
    mapping = Mapping.objects.get(pk=mapping.pk)
    assert (mapping.source, mapping.relation, mapping.target_uri, mapping.target) == (
        lex.cataloguing,
        "closeMatch",
        ESCO_SKILL,
        lex.esco_skill,
    )
    assert _revision(lex.starter) == revision + 1


def test_add_mapping_to_a_chosen_concept(lex, bea):
    mapping = add_mapping(
        concept=lex.cataloguing, actor=bea, relation=MappingRelation.EXACT, target=lex.esco_skill
    )

    assert (mapping.target_uri, mapping.target) == (ESCO_SKILL, lex.esco_skill)


def test_add_mapping_to_a_scheme_not_loaded_keeps_the_uri(lex, bea):
    uri = "https://vocab.example.org/skills/42"

    mapping = add_mapping(concept=lex.cataloguing, actor=bea, relation=MappingRelation.BROAD, target_uri=uri)

    assert (mapping.target_uri, mapping.target) == (uri, None)


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("", "Enter the URI of the concept to map to, or choose a concept."),
        (
            "ftp://example.org/skill/1",
            "Enter an absolute http:// or https:// URI, such as http://data.europa.eu/esco/skill/…",
        ),
        (
            "/esco/skill/1",
            "Enter an absolute http:// or https:// URI, such as http://data.europa.eu/esco/skill/…",
        ),
        (
            "not a uri",
            "Enter an absolute http:// or https:// URI, such as http://data.europa.eu/esco/skill/…",
        ),
    ],
)
def test_add_mapping_refuses_a_target_that_is_not_an_http_uri(lex, bea, uri, message):
    # given
    revision = _revision(lex.starter)

    # when
    with pytest.raises(ValidationError) as caught:
        add_mapping(concept=lex.cataloguing, actor=bea, relation=MappingRelation.EXACT, target_uri=uri)

    # then
    assert caught.value.message_dict == {"target_uri": [message]}
    assert (Mapping.objects.count(), _revision(lex.starter)) == (0, revision)


def test_add_mapping_refuses_the_concept_itself(lex, bea):
    with pytest.raises(ValidationError) as caught:
        add_mapping(concept=lex.cataloguing, actor=bea, relation="exactMatch", target_uri=lex.cataloguing.uri)

    assert caught.value.message_dict == {"target_uri": ["A concept cannot be mapped to itself."]}
    assert Mapping.objects.count() == 0


@pytest.mark.parametrize("by", ["uri", "concept"])
def test_add_mapping_refuses_a_concept_of_the_same_scheme(lex, bea, by):
    # when
    kwargs = {"target_uri": lex.preservation.uri} if by == "uri" else {"target": lex.preservation}
    with pytest.raises(ValidationError) as caught:
        add_mapping(concept=lex.cataloguing, actor=bea, relation="relatedMatch", **kwargs)

    # then
    field = "target_uri" if by == "uri" else "target"
    assert caught.value.message_dict == {
        field: [
            "That concept is in Starter lexicon too. Crosswalks link to other schemes; "
            "use broader or related concepts within a scheme."
        ]
    }
    assert Mapping.objects.count() == 0


def test_add_mapping_refuses_a_second_mapping_to_the_same_target(lex, bea):
    # given
    add_mapping(concept=lex.cataloguing, actor=bea, relation="exactMatch", target_uri=ESCO_SKILL)

    # when
    with pytest.raises(ValidationError) as caught:
        add_mapping(concept=lex.cataloguing, actor=bea, relation="closeMatch", target_uri=ESCO_SKILL)

    # then
    assert caught.value.message_dict == {
        "target_uri": [
            "“Cataloguing” is already mapped to this concept (exact match); remove that crosswalk first."
        ]
    }
    assert Mapping.objects.count() == 1


def test_add_mapping_refuses_an_unknown_relation(lex, bea):
    with pytest.raises(ValidationError) as caught:
        add_mapping(concept=lex.cataloguing, actor=bea, relation="sameAs", target_uri=ESCO_SKILL)

    assert list(caught.value.message_dict) == ["relation"]
    assert Mapping.objects.count() == 0


def test_add_mapping_is_refused_to_a_provider(lex, priya):
    with pytest.raises(PermissionDenied):
        add_mapping(concept=lex.cataloguing, actor=priya, relation="exactMatch", target_uri=ESCO_SKILL)

    assert Mapping.objects.count() == 0


def test_remove_mapping(lex, bea):
    # given
    mapping = Mapping.objects.create(source=lex.cataloguing, relation="exactMatch", target_uri=ESCO_SKILL)
    revision = _revision(lex.starter)

    # when
    remove_mapping(mapping=mapping, actor=bea)

    # then
    assert Mapping.objects.count() == 0
    assert _revision(lex.starter) == revision + 1


def test_remove_mapping_is_refused_to_an_organisation_lead(lex, oliver):
    mapping = Mapping.objects.create(source=lex.cataloguing, relation="exactMatch", target_uri=ESCO_SKILL)

    with pytest.raises(PermissionDenied):
        remove_mapping(mapping=mapping, actor=oliver)

    assert list(Mapping.objects.values_list("pk", flat=True)) == [mapping.pk]
