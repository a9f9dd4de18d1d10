"""Writes about people: sign-up, invitations, memberships."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from signpost.accounts import permissions
from signpost.accounts.models import Invitation, Membership, Organisation, Role, User
from signpost.accounts.selectors import AnyUser, forget_cached_roles

INVITATION_LIFETIME = timedelta(days=14)


def normalise_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def register_user(*, email: str, full_name: str, password: str, job_title: str = "") -> User:
    """Create an account. The email must not be in use (compared case-insensitively)."""
    email = normalise_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this email address already exists. Log in instead."})
    return User.objects.create_user(
        email=email, password=password, full_name=full_name.strip(), job_title=job_title
    )


@transaction.atomic
def invite_to_organisation(
    *, organisation: Organisation, email: str, role: str, invited_by: User
) -> Invitation:
    """Invite someone by email to hold `role` in `organisation`, and send them the link."""
    if role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}."})
    if not permissions.can_invite(invited_by, organisation, role):
        raise PermissionDenied("You may not invite people to this organisation with that role.")
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": f"{email!r} is not a valid email address."}) from None
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email, role=role).exists():
        raise ValidationError({"email": f"{email} already holds this role in {organisation.name}."})
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    transaction.on_commit(lambda: _send_invitation(invitation))
    return invitation


def _send_invitation(invitation: Invitation) -> None:
    link = settings.SITE_URL + reverse("accounts:invitation_accept", args=[invitation.token])
    context = {"invitation": invitation, "link": link}
    send_mail(
        subject=f"Join {invitation.organisation.name} on Signpost",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> Membership:
    """Turn an open invitation into a membership for the invited person."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError("This invitation has already been used or has expired.")
    if normalise_email(user.email) != invitation.email:
        raise ValidationError(
            f"This invitation was sent to {invitation.email}. Log in with that address to accept it."
        )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    if invitation.role != Role.MEMBER:
        # Staff who lead or edit for an organisation also belong to it.
        Membership.objects.get_or_create(user=user, organisation=invitation.organisation, role=Role.MEMBER)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    forget_cached_roles(user)
    return membership


@transaction.atomic
def grant_role(*, organisation: Organisation, user: User, role: str, granted_by: AnyUser) -> Membership:
    """Give `user` a role directly; for admins (e.g. naming a broker)."""
    if not permissions.can_grant_role(granted_by, organisation, role):
        raise PermissionDenied("Only admins may grant roles directly.")
    membership, _ = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    forget_cached_roles(user)
    return membership


@transaction.atomic
def remove_membership(*, membership: Membership, removed_by: AnyUser) -> None:
    if not permissions.can_remove_membership(removed_by, membership):
        raise PermissionDenied("You may not remove this membership.")
    organisation = membership.organisation
    if membership.role == Role.ORG_LEAD and organisation.memberships.filter(role=Role.ORG_LEAD).count() == 1:
        raise ValidationError("An organisation keeps at least one lead. Invite another lead first.")
    membership.delete()
