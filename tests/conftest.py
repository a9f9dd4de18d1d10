"""Shared fixtures: a client, and the named personas used across the suite.

maya (member), oliver (organisation lead), priya (provider editor), bea (broker) and
ada (admin) mirror the demo personas in seed_demo, so tests and docs speak the same names.
"""

from __future__ import annotations

import pytest

from signpost.accounts.models import OrganisationKind, Role, User
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def museum(db):
    return OrganisationFactory(name="Riverside Museum", slug="riverside-museum", kind=OrganisationKind.MUSEUM)


@pytest.fixture
def provider_org(db):
    return OrganisationFactory(
        name="Heritage Skills Training",
        slug="heritage-skills-training",
        kind=OrganisationKind.TRAINING_PROVIDER,
    )


@pytest.fixture
def agency(db):
    return OrganisationFactory(
        name="Regional Learning Agency", slug="regional-agency", kind=OrganisationKind.REGIONAL_AGENCY
    )


@pytest.fixture
def maya(museum) -> User:
    user = UserFactory(email="maya@example.org", full_name="Maya Member")
    MembershipFactory(user=user, organisation=museum, role=Role.MEMBER)
    return user


@pytest.fixture
def oliver(museum) -> User:
    user = UserFactory(email="oliver@example.org", full_name="Oliver Lead")
    MembershipFactory(user=user, organisation=museum, role=Role.MEMBER)
    MembershipFactory(user=user, organisation=museum, role=Role.ORG_LEAD)
    return user


@pytest.fixture
def priya(provider_org) -> User:
    user = UserFactory(email="priya@example.org", full_name="Priya Provider")
    MembershipFactory(user=user, organisation=provider_org, role=Role.PROVIDER_EDITOR)
    return user


@pytest.fixture
def bea(agency) -> User:
    user = UserFactory(email="bea@example.org", full_name="Bea Broker")
    MembershipFactory(user=user, organisation=agency, role=Role.BROKER)
    return user


@pytest.fixture
def ada(agency) -> User:
    user = UserFactory(email="ada@example.org", full_name="Ada Admin")
    MembershipFactory(user=user, organisation=agency, role=Role.ADMIN)
    return user
