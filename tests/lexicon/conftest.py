"""The small lexicon the lexicon tests share; modules extend it with what they need."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from signpost.lexicon.models import BroaderLink, Label, LabelKind, Note, NoteKind
from tests.factories import ConceptFactory, ConceptSchemeFactory

ESCO_SKILL = "http://data.europa.eu/esco/skill/0a1b2c3d"


@pytest.fixture
def lex(db) -> SimpleNamespace:
    """A small starter scheme (two areas, three skills, a French label) and an ESCO-like scheme."""
    starter = ConceptSchemeFactory(
        slug="starter",
        title="Starter lexicon",
        uri="https://w3id.org/signpost/starter",
        version="2026.1",
        licence="CC BY 4.0",
        attribution="Signpost contributors",
    )
    collections = ConceptFactory(
        scheme=starter, pref_label="Collections management", notation="CM", is_top_concept=True
    )
    audiences = ConceptFactory(
        scheme=starter, pref_label="Audience engagement", notation="AE", is_top_concept=True
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
    preservation = ConceptFactory(scheme=starter, pref_label="Digital preservation", notation="CM.2")
    outreach = ConceptFactory(scheme=starter, pref_label="Community outreach", notation="AE.1")
    for child, parent in [(cataloguing, collections), (preservation, collections), (outreach, audiences)]:
        BroaderLink.objects.create(concept=child, broader=parent)
    esco = ConceptSchemeFactory(
        slug="esco", title="ESCO skills", uri="http://data.europa.eu/esco/concept-scheme/skills"
    )
    esco_skill = ConceptFactory(scheme=esco, pref_label="catalogue collections", uri=ESCO_SKILL)
    return SimpleNamespace(
        starter=starter,
        collections=collections,
        audiences=audiences,
        cataloguing=cataloguing,
        preservation=preservation,
        outreach=outreach,
        esco=esco,
        esco_skill=esco_skill,
    )
