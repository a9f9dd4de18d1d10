"""Sign-up, log-in, log-out, password change and reset, invitations, API tokens."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from signpost.accounts.models import ApiToken, Invitation, Membership, Role, User
from signpost.accounts.services.tokens import issue_token
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_up_creates_an_account_and_signs_in(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "full_name": "Sam Librarian",
            "email": "Sam@Example.org",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="sam@example.org")
    assert user.full_name == "Sam Librarian"
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_sign_up_errors_are_shown_beside_their_fields_and_nothing_is_written(client, maya):
    response = client.post(
        reverse("accounts:signup"),
        {"full_name": "", "email": "maya@example.org", "password1": "123", "password2": "456"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"full_name", "password1", "password2"}
    assert User.objects.count() == 1


def test_sign_up_with_an_email_in_use_is_refused(client, maya):
    response = client.post(
        reverse("accounts:signup"),
        {
            "full_name": "Other",
            "email": "MAYA@example.org",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    assert response.context["form"].errors["email"] == [
        "An account with this email address already exists. Log in instead."
    ]
    assert User.objects.count() == 1


def test_log_in_with_email_any_case_and_log_out(client, maya):
    response = client.post(reverse("accounts:login"), {"username": "Maya@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).context["user"] == maya
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_wrong_password_is_refused(client, maya):
    response = client.post(reverse("accounts:login"), {"username": "maya@example.org", "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_password_change(client, maya):
    client.force_login(maya)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a new long phrase",
            "new_password2": "a new long phrase",
        },
    )
    assert response.status_code == 302
    maya.refresh_from_db()
    assert maya.check_password("a new long phrase")


def test_password_reset_by_email_link(client, maya):
    client.post(reverse("accounts:password_reset"), {"email": "maya@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "reset long phrase", "new_password2": "reset long phrase"}
    )
    assert response.status_code == 302
    maya.refresh_from_db()
    assert maya.check_password("reset long phrase")


def test_lead_invites_staff_by_email_and_they_join(
    client, oliver, museum, django_capture_on_commit_callbacks
):
    client.force_login(oliver)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:organisation_invite", args=[museum.slug]),
            {"email": "New.Person@example.org", "role": Role.PROVIDER_EDITOR},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@example.org"
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body

    newcomer = User.objects.create_user(
        email="new.person@example.org", password=PASSWORD, full_name="New Person"
    )
    client.force_login(newcomer)
    response = client.post(reverse("accounts:invitation_accept", args=[invitation.token]))
    assert response.status_code == 302
    roles = set(Membership.objects.filter(user=newcomer, organisation=museum).values_list("role", flat=True))
    assert roles == {Role.PROVIDER_EDITOR, Role.MEMBER}
    # An invitation works once.
    response = client.post(reverse("accounts:invitation_accept", args=[invitation.token]), follow=True)
    assert "already been used" in response.content.decode()


def test_invitation_cannot_be_taken_by_someone_else(client, oliver, maya, museum):
    client.force_login(oliver)
    client.post(
        reverse("accounts:organisation_invite", args=[museum.slug]),
        {"email": "x@example.org", "role": "member"},
    )
    invitation = Invitation.objects.get()
    client.force_login(maya)
    response = client.post(reverse("accounts:invitation_accept", args=[invitation.token]), follow=True)
    assert "sent to x@example.org" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_api_token_is_shown_once_and_authenticates(client, maya):
    client.force_login(maya)
    client.post(reverse("accounts:token_create"), {"name": "Reporting script"})
    page = client.get(reverse("accounts:profile"))
    plain = page.context["new_token"]
    assert plain.startswith("sp_")
    assert client.get(reverse("accounts:profile")).context["new_token"] is None
    token = ApiToken.objects.get()
    assert token.digest != plain
    assert plain not in token.digest

    client.logout()
    response = client.get("/api/me", headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 200
    assert response.json()["email"] == "maya@example.org"
    assert client.get("/api/me", headers={"Authorization": "Bearer sp_wrong"}).status_code == 401
    # A wrong token on a public endpoint is still refused rather than treated as anonymous.
    assert client.get("/api/organisations", headers={"Authorization": "Bearer sp_wrong"}).status_code == 401


def test_revoked_token_no_longer_works(client, maya):
    token, plain = issue_token(user=maya, name="old")
    client.force_login(maya)
    client.post(reverse("accounts:token_revoke", args=[token.pk]))
    client.logout()
    assert client.get("/api/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
