"""What each role may do: the one place that maps roles to capabilities.

Some capabilities are scoped to the organisation in which the role is held (a provider editor
edits *their* organisation's opportunities); others are platform-wide, because the role is a
sector role rather than an organisational one (a broker keeps the shared lexicon for everyone).
"""

from __future__ import annotations

from enum import StrEnum

from signpost.accounts.models import Role


class Capability(StrEnum):
    # Scoped to the organisation where the role is held.
    VIEW_ORGANISATION_MEMBERS = "view_organisation_members"
    EDIT_ORGANISATION = "edit_organisation"
    INVITE_STAFF = "invite_staff"
    MANAGE_MEMBERSHIPS = "manage_memberships"
    VIEW_ORGANISATION_NEEDS = "view_organisation_needs"
    PUBLISH_OPPORTUNITIES = "publish_opportunities"
    # Platform-wide, wherever the role is held.
    EDIT_LEXICON = "edit_lexicon"
    EDIT_ANY_OPPORTUNITY = "edit_any_opportunity"
    VIEW_REGIONAL_NEEDS = "view_regional_needs"
    MANAGE_ORGANISATIONS = "manage_organisations"
    ASSIGN_BROKERS = "assign_brokers"


ORGANISATION_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.MEMBER: frozenset(),
    Role.ORG_LEAD: frozenset(
        {
            Capability.VIEW_ORGANISATION_MEMBERS,
            Capability.EDIT_ORGANISATION,
            Capability.INVITE_STAFF,
            Capability.MANAGE_MEMBERSHIPS,
            Capability.VIEW_ORGANISATION_NEEDS,
        }
    ),
    Role.PROVIDER_EDITOR: frozenset({Capability.PUBLISH_OPPORTUNITIES}),
    Role.BROKER: frozenset({Capability.VIEW_ORGANISATION_MEMBERS}),
    Role.ADMIN: frozenset(
        {
            Capability.VIEW_ORGANISATION_MEMBERS,
            Capability.EDIT_ORGANISATION,
            Capability.INVITE_STAFF,
            Capability.MANAGE_MEMBERSHIPS,
            Capability.PUBLISH_OPPORTUNITIES,
        }
    ),
}

PLATFORM_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.MEMBER: frozenset(),
    Role.ORG_LEAD: frozenset(),
    Role.PROVIDER_EDITOR: frozenset(),
    Role.BROKER: frozenset(
        {Capability.EDIT_LEXICON, Capability.EDIT_ANY_OPPORTUNITY, Capability.VIEW_REGIONAL_NEEDS}
    ),
    Role.ADMIN: frozenset(
        {
            Capability.EDIT_LEXICON,
            Capability.EDIT_ANY_OPPORTUNITY,
            Capability.VIEW_REGIONAL_NEEDS,
            Capability.MANAGE_ORGANISATIONS,
            Capability.ASSIGN_BROKERS,
        }
    ),
}

# Roles an organisation lead may hand out by invitation; broker and admin are granted by admins.
INVITABLE_ROLES: tuple[str, ...] = (Role.MEMBER, Role.ORG_LEAD, Role.PROVIDER_EDITOR)
