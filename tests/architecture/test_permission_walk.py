"""Every page and API operation, performed by every persona: who may, who may not.

A refused write must write nothing. A fitness test below fails when a page or API operation
exists that this table does not list, so new views cannot skip the walk.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from signpost.accounts.models import Invitation, Membership, Role
from signpost.accounts.services.tokens import issue_token
from signpost.api import api
from tests.architecture.permission_walk import EVERYONE, PERSONAS, SIGNED_IN, Operation, database_fingerprint

LEADS = frozenset({"oliver", "ada"})

ACCOUNTS_OPERATIONS: list[Operation] = [
    Operation("home", "get", lambda w: "/", EVERYONE),
    Operation("accounts:signup", "get", lambda w: "/accounts/signup/", EVERYONE),
    Operation("accounts:login", "get", lambda w: "/accounts/login/", EVERYONE),
    Operation("accounts:logout", "post", lambda w: "/accounts/logout/", EVERYONE),
    Operation("accounts:password_change", "get", lambda w: "/accounts/password/change/", SIGNED_IN),
    Operation("accounts:password_change_done", "get", lambda w: "/accounts/password/change/done/", SIGNED_IN),
    Operation("accounts:password_reset", "get", lambda w: "/accounts/password/reset/", EVERYONE),
    Operation("accounts:password_reset_done", "get", lambda w: "/accounts/password/reset/sent/", EVERYONE),
    Operation(
        "accounts:password_reset_confirm", "get", lambda w: "/accounts/password/reset/MQ/bad-token/", EVERYONE
    ),
    Operation(
        "accounts:password_reset_complete", "get", lambda w: "/accounts/password/reset/complete/", EVERYONE
    ),
    Operation("accounts:profile", "get", lambda w: "/accounts/profile/", SIGNED_IN),
    Operation(
        "accounts:token_create",
        "post",
        lambda w: "/accounts/tokens/",
        SIGNED_IN,
        data=lambda w: {"name": "script"},
    ),
    # Only the token's owner may revoke it; for anyone else it does not exist.
    Operation(
        "accounts:token_revoke",
        "post",
        lambda w: f"/accounts/tokens/{w.maya_token.pk}/revoke/",
        frozenset({"maya"}),
        refused_status=dict.fromkeys(SIGNED_IN, 404),
    ),
    Operation("accounts:invitation_accept", "get", lambda w: f"/invitations/{w.invitation.token}/", EVERYONE),
    # Only the invited address may accept; others see why on the page and nothing is written.
    Operation(
        "accounts:invitation_accept",
        "post",
        lambda w: f"/invitations/{w.invitation.token}/",
        frozenset({"maya"}),
        refused_status=dict.fromkeys(SIGNED_IN, 200),
    ),
    Operation("accounts:organisation_list", "get", lambda w: "/organisations/?sector=museums", EVERYONE),
    Operation("accounts:organisation_detail", "get", lambda w: f"/organisations/{w.museum.slug}/", EVERYONE),
    Operation("accounts:organisation_edit", "get", lambda w: f"/organisations/{w.museum.slug}/edit/", LEADS),
    Operation(
        "accounts:organisation_edit",
        "post",
        lambda w: f"/organisations/{w.museum.slug}/edit/",
        LEADS,
        data=lambda w: {"name": "Renamed Museum", "kind": "museum", "sectors": ["museums"], "country": "GB"},
    ),
    Operation(
        "accounts:organisation_invite", "get", lambda w: f"/organisations/{w.museum.slug}/invite/", LEADS
    ),
    Operation(
        "accounts:organisation_invite",
        "post",
        lambda w: f"/organisations/{w.museum.slug}/invite/",
        LEADS,
        data=lambda w: {"email": "someone@example.org", "role": "member"},
    ),
    # Leads and admins remove memberships; a person may also leave of their own accord.
    Operation(
        "accounts:membership_remove",
        "post",
        lambda w: f"/organisations/{w.museum.slug}/memberships/{w.maya_membership.pk}/remove/",
        LEADS | {"maya"},
    ),
    Operation("GET /api/organisations", "get", lambda w: "/api/organisations?kind=museum", EVERYONE),
    Operation(
        "GET /api/organisations/{slug}", "get", lambda w: f"/api/organisations/{w.museum.slug}", EVERYONE
    ),
    Operation(
        "PATCH /api/organisations/{slug}",
        "patch",
        lambda w: f"/api/organisations/{w.museum.slug}",
        LEADS,
        data=lambda w: {"name": "Renamed by API"},
        json=True,
    ),
    Operation(
        "GET /api/organisations/{slug}/members",
        "get",
        lambda w: f"/api/organisations/{w.museum.slug}/members",
        LEADS,
    ),
    Operation(
        "POST /api/organisations/{slug}/invitations",
        "post",
        lambda w: f"/api/organisations/{w.museum.slug}/invitations",
        LEADS,
        data=lambda w: {"email": "new@example.org", "role": "member"},
        json=True,
    ),
    Operation("GET /api/me", "get", lambda w: "/api/me", SIGNED_IN),
    Operation("GET /api/regions", "get", lambda w: "/api/regions", EVERYONE),
    Operation("GET /api/sectors", "get", lambda w: "/api/sectors", EVERYONE),
]


def _walk_modules() -> list:
    """Each app's operations live in tests/architecture/walk_<app>.py: OPERATIONS and world(base)."""
    import tests.architecture as package

    return [
        importlib.import_module(f"tests.architecture.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
        if info.name.startswith("walk_")
    ]


WALK_MODULES = _walk_modules()
OPERATIONS = ACCOUNTS_OPERATIONS + [op for module in WALK_MODULES for op in module.OPERATIONS]

# Pages that are not part of the product's own permission model.
UNWALKED_URL_NAMES = {
    "api:openapi-json",  # the published schema, public by design
    "api:openapi-view",  # its documentation page
}


@pytest.fixture
def world(maya, oliver, priya, bea, ada, museum):
    maya_membership = Membership.objects.get(user=maya, organisation=museum, role=Role.MEMBER)
    maya_token, _ = issue_token(user=maya, name="maya's script")
    invitation = Invitation.objects.create(
        organisation=museum,
        email="maya@example.org",
        role=Role.PROVIDER_EDITOR,
        token="walk-invitation",
        invited_by=oliver,
        expires_at=timezone.now() + timedelta(days=3),
    )
    people = {"maya": maya, "oliver": oliver, "priya": priya, "bea": bea, "ada": ada}
    base = SimpleNamespace(
        people=people,
        museum=museum,
        maya_membership=maya_membership,
        maya_token=maya_token,
        invitation=invitation,
    )
    for module in WALK_MODULES:
        for name, value in module.world(base).items():
            setattr(base, name, value)
    return base


def _perform(client, operation: Operation, world):
    path = operation.path(world)
    data = operation.data(world) if operation.data else None
    method = getattr(client, operation.method)
    if operation.json:
        return method(path, data=json.dumps(data or {}), content_type="application/json")
    if data is None:
        return method(path)
    return method(path, data=data)


def _case_id(operation: Operation, persona: str) -> str:
    return f"{operation.method.upper()} {operation.name} as {persona}"


CASES = [(op, persona) for op in OPERATIONS for persona in PERSONAS]


@pytest.mark.parametrize(("operation", "persona"), CASES, ids=[_case_id(o, p) for o, p in CASES])
@pytest.mark.django_db
def test_operation_as_persona(client, world, operation: Operation, persona: str):
    if persona != "anonymous":
        client.force_login(world.people[persona])
    before = database_fingerprint() if operation.writes else None

    response = _perform(client, operation, world)

    status = response.status_code
    if persona in operation.allowed:
        assert status < 400, f"{persona} should be allowed: got {status}"
        if status == 302:
            assert "/accounts/login/" not in response["Location"], f"{persona} was sent to log in"
        return
    if persona in operation.refused_status:
        expected = operation.refused_status[persona]
        assert status == expected, f"{persona} should be refused with {expected}: got {status}"
    elif persona == "anonymous":
        if operation.is_api:
            assert status == 401
        else:
            assert status == 302
            assert response["Location"].startswith("/accounts/login/")
    else:
        assert status == 403, f"{persona} should be refused: got {status}"
    if before is not None:
        assert database_fingerprint() == before, f"a refused {operation.method.upper()} wrote to the database"


def _url_names(resolver=None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.app_name == "admin":
                continue  # Django's admin: staff only, its own permission model
            names |= _url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def test_every_page_is_walked():
    walked = {op.name for op in OPERATIONS if not op.is_api}
    pages = {name for name in _url_names() if not name.startswith("api:")} | {
        name for name in _url_names() if name in UNWALKED_URL_NAMES
    }
    missing = pages - walked - UNWALKED_URL_NAMES
    assert not missing, f"pages missing from the permission walk: {sorted(missing)}"


def test_every_api_operation_is_walked():
    schema = api.get_openapi_schema()
    operations = {
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method in methods
        if method in {"get", "post", "put", "patch", "delete"}
    }
    walked = {op.name for op in OPERATIONS if op.is_api}
    missing = operations - walked
    assert not missing, f"API operations missing from the permission walk: {sorted(missing)}"
