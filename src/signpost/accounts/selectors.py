"""Reads about people's roles. Every permission check goes through these."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from signpost.accounts.models import Membership, Organisation, OrganisationKind, User
from signpost.accounts.roles import ORGANISATION_CAPABILITIES, PLATFORM_CAPABILITIES, Capability
from signpost.core.models import Region, Sector

AnyUser = User | AnonymousUser


def _roles_by_organisation(user: AnyUser) -> dict[int, set[str]]:
    """{organisation id: roles}, cached on the user object for the length of a request."""
    if not user.is_authenticated:
        return {}
    cached: dict[int, set[str]] | None = getattr(user, "_signpost_roles", None)
    if cached is None:
        cached = {}
        for org_id, role in Membership.objects.filter(user=user).values_list("organisation_id", "role"):
            cached.setdefault(org_id, set()).add(role)
        setattr(user, "_signpost_roles", cached)  # noqa: B010 - a per-request cache on the user object
    return cached


def forget_cached_roles(user: AnyUser) -> None:
    if hasattr(user, "_signpost_roles"):
        delattr(user, "_signpost_roles")


def has_platform_capability(user: AnyUser, capability: Capability) -> bool:
    """True if any role the user holds, anywhere, grants `capability` platform-wide."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        capability in PLATFORM_CAPABILITIES[role]
        for roles in _roles_by_organisation(user).values()
        for role in roles
    )


def has_organisation_capability(user: AnyUser, organisation: Organisation, capability: Capability) -> bool:
    """True if the user's roles in `organisation` grant `capability` there (or a platform admin)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or has_platform_capability(user, Capability.MANAGE_ORGANISATIONS):
        return True
    roles = _roles_by_organisation(user).get(organisation.pk, set())
    return any(capability in ORGANISATION_CAPABILITIES[role] for role in roles)


def roles_in(user: AnyUser, organisation: Organisation) -> set[str]:
    return set(_roles_by_organisation(user).get(organisation.pk, set()))


def search_organisations(
    *, q: str = "", kind: str = "", sector: str = "", region: str = ""
) -> QuerySet[Organisation]:
    """The public directory, filtered. `sector` and `region` are slugs."""
    qs = Organisation.objects.filter(is_active=True).select_related("region").prefetch_related("sectors")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(town__icontains=q) | Q(postcode__istartswith=q))
    if kind:
        qs = qs.filter(kind=kind)
    if sector:
        qs = qs.filter(sectors__slug=sector)
    if region:
        qs = qs.filter(region__slug=region)
    return qs.order_by("name", "pk").distinct()


def directory_facets() -> dict[str, list[tuple[str, str]]]:
    """The choices offered by the directory's filters (only regions in use)."""
    regions = (
        Region.objects.filter(organisations__is_active=True)
        .distinct()
        .order_by("-is_itl1", "country", "name")
    )
    return {
        "kind": list(OrganisationKind.choices),
        "sector": list(Sector.objects.values_list("slug", "name")),
        "region": [(r.slug, str(r)) for r in regions],
    }
