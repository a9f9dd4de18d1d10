"""Account and organisation pages. Each view: fetch, ask the policy, call a service, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from signpost.accounts import permissions, selectors
from signpost.accounts.forms import (
    DirectoryFilterForm,
    InvitationForm,
    OrganisationForm,
    SignUpForm,
    TokenForm,
)
from signpost.accounts.models import ApiToken, Invitation, Membership, Organisation, User
from signpost.accounts.services import organisations as organisation_services
from signpost.accounts.services import people, tokens
from signpost.core.forms import apply_validation_error


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = people.register_user(
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                job_title=form.cleaned_data["job_title"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome to Signpost. Your account is ready.")
            next_url = request.GET.get("next", "")
            if next_url.startswith("/") and not next_url.startswith("//"):
                return redirect(next_url)
            return redirect("accounts:profile")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    context = {
        "memberships": user.memberships.select_related("organisation").order_by("organisation__name", "role"),
        "invitations": Invitation.objects.filter(email=user.email, accepted_at__isnull=True).select_related(
            "organisation"
        ),
        "api_tokens": user.api_tokens.filter(revoked_at__isnull=True),
        "token_form": TokenForm(),
        "new_token": request.session.pop("new_api_token", None),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    assert isinstance(request.user, User)
    if form.is_valid():
        _, plain = tokens.issue_token(user=request.user, name=form.cleaned_data["name"])
        # Shown once on the next page, then gone: only its digest is stored.
        request.session["new_api_token"] = plain
    else:
        messages.error(request, "Give the token a name.")
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    tokens.revoke_token(token=token)
    messages.success(request, f"Token “{token.name}” revoked.")
    return redirect("accounts:profile")


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
        assert isinstance(request.user, User)
        try:
            people.accept_invitation(invitation=invitation, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"You have joined {invitation.organisation.name}.")
            return redirect("accounts:organisation_detail", slug=invitation.organisation.slug)
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation})


def organisation_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None, facets=selectors.directory_facets())
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.search_organisations(
        q=filters.get("q", ""),
        kind=filters.get("kind", ""),
        sector=filters.get("sector", ""),
        region=filters.get("region", ""),
    )
    page = Paginator(organisations, settings.SIGNPOST_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page}
    template = "accounts/organisation_list.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, context)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.select_related("region", "parent").prefetch_related("sectors"), slug=slug
    )
    user = request.user
    context = {
        "organisation": organisation,
        "children": organisation.children.filter(is_active=True).order_by("name")[:200],
        "memberships": permissions.memberships_visible_to(user, organisation),
        "can_edit": permissions.can_edit_organisation(user, organisation),
        "can_invite": permissions.can_invite(user, organisation),
        "can_view_members": permissions.can_view_members(user, organisation),
        "invite_form": InvitationForm(),
    }
    return render(request, "accounts/organisation_detail.html", context)


@login_required
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "sectors"}
        try:
            # Reload so a failed validation leaves the instance the form saw untouched.
            organisation_services.update_organisation(
                organisation=Organisation.objects.get(pk=organisation.pk),
                actor=request.user,
                data=data,
                sectors=list(form.cleaned_data["sectors"]),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Organisation details saved.")
            return redirect("accounts:organisation_detail", slug=organisation.slug)
    return render(request, "accounts/organisation_edit.html", {"organisation": organisation, "form": form})


@login_required
def organisation_invite(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_invite(request.user, organisation):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        try:
            invitation = people.invite_to_organisation(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("accounts:organisation_detail", slug=organisation.slug)
    return render(request, "accounts/organisation_invite.html", {"organisation": organisation, "form": form})


@login_required
@require_POST
def membership_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("organisation", "user"), pk=pk, organisation__slug=slug
    )
    if not permissions.can_remove_membership(request.user, membership):
        raise PermissionDenied
    try:
        people.remove_membership(membership=membership, removed_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{membership.user} no longer holds that role.")
    return redirect("accounts:organisation_detail", slug=slug)
