"""Who may do what in the catalogue.

Anyone sees published (and past or withdrawn) opportunities; drafts only their editors.
A provider editor publishes and edits their own organisation's opportunities and feeds;
brokers and admins may edit any.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from signpost.accounts.models import Membership, Organisation
from signpost.accounts.roles import ORGANISATION_CAPABILITIES, Capability
from signpost.accounts.selectors import (
    AnyUser,
    has_organisation_capability,
    has_platform_capability,
    roles_in,
)
from signpost.catalogue.models import Feed, ImportJob, Opportunity, Status

PUBLIC_STATUSES = (Status.PUBLISHED, Status.PAST, Status.WITHDRAWN)


def can_publish_for(user: AnyUser, provider: Organisation) -> bool:
    """May create, edit, import and harvest opportunities for `provider`."""
    return has_platform_capability(user, Capability.EDIT_ANY_OPPORTUNITY) or has_organisation_capability(
        user, provider, Capability.PUBLISH_OPPORTUNITIES
    )


def can_edit_opportunity(user: AnyUser, opportunity: Opportunity) -> bool:
    return can_publish_for(user, opportunity.provider)


def can_view_opportunity(user: AnyUser, opportunity: Opportunity) -> bool:
    return opportunity.status in PUBLIC_STATUSES or can_edit_opportunity(user, opportunity)


def can_manage_feed(user: AnyUser, feed: Feed) -> bool:
    return can_publish_for(user, feed.provider)


def can_view_import(user: AnyUser, job: ImportJob) -> bool:
    return can_publish_for(user, job.provider)


def providers_for(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations `user` may publish for (all, for brokers and admins)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if has_platform_capability(user, Capability.EDIT_ANY_OPPORTUNITY):
        return Organisation.objects.filter(is_active=True)
    publishing_roles = [
        r for r, caps in ORGANISATION_CAPABILITIES.items() if Capability.PUBLISH_OPPORTUNITIES in caps
    ]
    org_ids = Membership.objects.filter(user=user, role__in=publishing_roles).values("organisation_id")
    return Organisation.objects.filter(pk__in=org_ids)


def opportunities_visible_to(user: AnyUser) -> QuerySet[Opportunity]:
    public = Q(status__in=PUBLIC_STATUSES)
    if not user.is_authenticated:
        return Opportunity.objects.filter(public)
    if has_platform_capability(user, Capability.EDIT_ANY_OPPORTUNITY):
        return Opportunity.objects.all()
    return Opportunity.objects.filter(public | Q(provider__in=providers_for(user)))


def opportunities_editable_by(user: AnyUser) -> QuerySet[Opportunity]:
    if has_platform_capability(user, Capability.EDIT_ANY_OPPORTUNITY):
        return Opportunity.objects.all()
    return Opportunity.objects.filter(provider__in=providers_for(user))


def publishes_as_provider(user: AnyUser, provider: Organisation) -> bool:
    """Whether `user` edits `provider`'s opportunities as one of its own editors (not as a broker).

    Decides whose word a tag is: the provider's own, or a broker's curation.
    """
    # Not has_organisation_capability: that also says yes to platform admins, who act as brokers here.
    return any(
        Capability.PUBLISH_OPPORTUNITIES in ORGANISATION_CAPABILITIES[role]
        for role in roles_in(user, provider)
    )


def publishes_for_every_provider(user: AnyUser) -> bool:
    """Brokers and admins: may publish for any organisation, so pages offer a search, not a list."""
    return has_platform_capability(user, Capability.EDIT_ANY_OPPORTUNITY)
