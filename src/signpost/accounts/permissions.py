"""Who may do what with organisations and memberships: the accounts policy.

Views and API endpoints ask these functions and nothing else. Each `can_*` answers for one
object; `*_visible_to` scopes lists. Rules are expressed through capabilities (roles.py),
never by testing role names here.
"""

from __future__ import annotations

from django.db.models import QuerySet

from signpost.accounts.models import Membership, Organisation, Role, User
from signpost.accounts.roles import INVITABLE_ROLES, Capability
from signpost.accounts.selectors import AnyUser, has_organisation_capability, has_platform_capability


def can_view_organisation(user: AnyUser, organisation: Organisation) -> bool:
    """The directory is public: anyone may see an organisation's public page."""
    return True


def can_edit_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return has_organisation_capability(user, organisation, Capability.EDIT_ORGANISATION)


def can_create_organisation(user: AnyUser) -> bool:
    return has_platform_capability(user, Capability.MANAGE_ORGANISATIONS)


def can_view_members(user: AnyUser, organisation: Organisation) -> bool:
    return has_organisation_capability(user, organisation, Capability.VIEW_ORGANISATION_MEMBERS)


def can_invite(user: AnyUser, organisation: Organisation, role: str = Role.MEMBER) -> bool:
    """Leads invite staff with the everyday roles; broker and admin are granted by admins only."""
    if role not in INVITABLE_ROLES:
        return has_platform_capability(user, Capability.ASSIGN_BROKERS)
    return has_organisation_capability(user, organisation, Capability.INVITE_STAFF)


def can_remove_membership(user: AnyUser, membership: Membership) -> bool:
    if membership.role not in INVITABLE_ROLES:
        return has_platform_capability(user, Capability.ASSIGN_BROKERS)
    if user.is_authenticated and membership.user_id == user.pk:
        return True  # anyone may leave an organisation
    return has_organisation_capability(user, membership.organisation, Capability.MANAGE_MEMBERSHIPS)


def can_grant_role(user: AnyUser, organisation: Organisation, role: str) -> bool:
    """Directly granting a role (without an invitation) is for admins."""
    return has_platform_capability(user, Capability.ASSIGN_BROKERS)


def memberships_visible_to(user: AnyUser, organisation: Organisation) -> QuerySet[Membership]:
    if not can_view_members(user, organisation):
        return Membership.objects.none()
    return organisation.memberships.select_related("user").order_by("user__full_name", "role")


def organisations_editable_by(user: AnyUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if has_platform_capability(user, Capability.MANAGE_ORGANISATIONS):
        return Organisation.objects.all()
    assert isinstance(user, User)
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=[Role.ORG_LEAD, Role.ADMIN]
    ).distinct()
