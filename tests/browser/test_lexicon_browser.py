"""The lexicon browser and a broker's editing, in a real browser; each page checked by axe-core."""

from __future__ import annotations

import pytest

from signpost.lexicon.models import BroaderLink, Label, LabelKind, Mapping, Note, NoteKind
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.factories import ConceptFactory, ConceptSchemeFactory

pytestmark = pytest.mark.django_db(transaction=True)

ESCO_SKILL = "http://data.europa.eu/esco/skill/0a1b2c3d"


def _lexicon():
    starter = ConceptSchemeFactory(
        slug="starter",
        title="Starter lexicon",
        uri="https://w3id.org/signpost/starter",
        licence="CC BY 4.0",
        attribution="Signpost contributors",
    )
    collections = ConceptFactory(
        scheme=starter, pref_label="Collections management", notation="CM", is_top_concept=True
    )
    cataloguing = ConceptFactory(
        scheme=starter,
        pref_label="Cataloguing",
        notation="CM.1",
        definition="Describing items.",
        labels=["Catalogue creation"],
    )
    Label.objects.create(concept=cataloguing, kind=LabelKind.PREFERRED, language="fr", text="Catalogage")
    Note.objects.create(
        concept=cataloguing, kind=NoteKind.DEFINITION, language="en", text="Describing items."
    )
    BroaderLink.objects.create(concept=cataloguing, broader=collections)
    esco = ConceptSchemeFactory(
        slug="esco", title="ESCO skills", uri="http://data.europa.eu/esco/concept-scheme/skills"
    )
    skill = ConceptFactory(scheme=esco, pref_label="catalogue collections", uri=ESCO_SKILL)
    Mapping.objects.create(source=cataloguing, relation="closeMatch", target_uri=ESCO_SKILL, target=skill)
    return collections, cataloguing


def test_browse_the_tree_search_by_a_french_label_and_read_a_concept(page, assert_accessible):
    _lexicon()
    page.goto("/lexicon/")
    assert_accessible(page)
    page.get_by_role("link", name="Starter lexicon").first.click()
    page.get_by_role("heading", name="Starter lexicon").wait_for()
    assert page.get_by_role("link", name="Cataloguing").is_visible()
    assert_accessible(page)

    page.get_by_label("Search Starter lexicon by any label").fill("catalogage")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Cataloguing").first.click()
    page.get_by_role("heading", name="Cataloguing").wait_for()
    assert page.get_by_text("Describing items.").first.is_visible()
    assert page.get_by_text("Catalogue creation").first.is_visible()
    assert page.get_by_text("catalogue collections").first.is_visible()  # the crosswalk to ESCO
    assert_accessible(page)


def test_broker_edits_a_concept_and_its_crosswalks(page, bea, assert_accessible):
    collections, cataloguing = _lexicon()
    log_in(page, "bea@example.org", PASSWORD)

    page.goto(f"/lexicon/starter/c/{collections.pk}/edit/")
    assert_accessible(page)
    page.get_by_label("Preferred label").fill("")
    page.get_by_role("button", name="Save changes").click()
    assert page.get_by_text("Enter a preferred label.").is_visible()
    assert_accessible(page)

    page.goto(f"/lexicon/starter/c/{cataloguing.pk}/crosswalks/")
    assert_accessible(page)
    page.get_by_label("Target concept URI").fill("ftp://nope")
    page.get_by_role("button", name="Add crosswalk").click()
    assert page.get_by_text("Enter an absolute http").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Remove the crosswalk to catalogue collections").click()
    assert page.get_by_text("No crosswalks yet.").is_visible()
    assert not Mapping.objects.filter(source=cataloguing).exists()


def test_search_and_edit_without_javascript(page_without_js, bea):
    _collections, cataloguing = _lexicon()
    page = page_without_js
    page.goto("/lexicon/starter/")
    page.get_by_label("Search Starter lexicon by any label").fill("catalogue creation")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_text("Catalogue creation").first.is_visible()
    log_in(page, "bea@example.org", PASSWORD)
    page.goto(f"/lexicon/starter/c/{cataloguing.pk}/edit/")
    page.get_by_label("Alternative labels").fill("Catalogue creation\nMetadata creation")
    page.get_by_role("button", name="Save changes").click()
    assert page.get_by_text("Saved “Cataloguing”.").is_visible()
    assert cataloguing.labels.filter(kind="alt").count() == 2
