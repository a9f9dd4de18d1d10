"""factory_boy factories for the test suite. Named personas live in tests/conftest.py."""

from __future__ import annotations

import factory
from django.utils.text import slugify

from signpost.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from signpost.core.models import Region
from signpost.lexicon.models import Concept, ConceptScheme, Label, LabelKind


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = OrganisationKind.LIBRARY
    region = factory.LazyFunction(lambda: Region.objects.get(code="TLI"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MEMBER


class ConceptSchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConceptScheme

    slug = factory.Sequence(lambda n: f"scheme-{n}")
    uri = factory.LazyAttribute(lambda s: f"https://example.org/{s.slug}")
    title = factory.Sequence(lambda n: f"Scheme {n}")
    version = "1"


class ConceptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concept
        skip_postgeneration_save = True

    scheme = factory.SubFactory(ConceptSchemeFactory)
    pref_label = factory.Sequence(lambda n: f"Concept {n}")
    uri = factory.LazyAttribute(lambda c: f"{c.scheme.uri}/{slugify(c.pref_label)}")

    @factory.post_generation
    def labels(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            Label.objects.create(concept=obj, kind=LabelKind.PREFERRED, language="en", text=obj.pref_label)
            for alt in extracted or []:
                Label.objects.create(concept=obj, kind=LabelKind.ALTERNATIVE, language="en", text=alt)
