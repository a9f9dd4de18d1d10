"""Organisation and account endpoints. Same selectors, services and policy as the pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from signpost.accounts import permissions, selectors
from signpost.accounts.models import Organisation, User
from signpost.accounts.schemas import (
    InvitationIn,
    InvitationOut,
    MemberOut,
    MeOut,
    OrganisationOut,
    OrganisationPatchIn,
    OrganisationSummaryOut,
    RegionOut,
    SectorOut,
)
from signpost.accounts.services import organisations as organisation_services
from signpost.accounts.services import people
from signpost.api_auth import anyone, signed_in
from signpost.core.models import Region, Sector

router = Router(tags=["organisations"])


class OrganisationFilters(Schema):
    q: str = ""
    kind: str = ""
    sector: str = ""
    region: str = ""


@router.get("/organisations", response=list[OrganisationSummaryOut], auth=anyone)
@paginate(PageNumberPagination, page_size=25)
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilters]):
    """The public directory of organisations, filtered by kind, sector slug, region slug and text."""
    return selectors.search_organisations(**filters.dict())


@router.get("/organisations/{slug}", response=OrganisationOut, auth=anyone)
def get_organisation(request: HttpRequest, slug: str) -> Organisation:
    return get_object_or_404(
        Organisation.objects.select_related("region", "parent").prefetch_related("sectors"), slug=slug
    )


@router.patch("/organisations/{slug}", response=OrganisationOut, auth=signed_in)
def patch_organisation(request: HttpRequest, slug: str, payload: OrganisationPatchIn) -> Organisation:
    """Change an organisation's details (its leads and admins)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    data = payload.dict(exclude_unset=True)
    sectors = None
    if "sectors" in data:
        slugs = data.pop("sectors") or []
        sectors = list(Sector.objects.filter(slug__in=slugs))
        unknown = set(slugs) - {s.slug for s in sectors}
        if unknown:
            raise _field_error("sectors", f"Unknown sector(s): {', '.join(sorted(unknown))}")
    if "region" in data:
        region_slug = data.pop("region")
        region = Region.objects.filter(slug=region_slug).first() if region_slug else None
        if region_slug and region is None:
            raise _field_error("region", f"Unknown region {region_slug!r}")
        data["region"] = region
    organisation_services.update_organisation(
        organisation=organisation, actor=request.user, data=data, sectors=sectors
    )
    return get_organisation(request, organisation.slug)


@router.get("/organisations/{slug}/members", response=list[MemberOut], auth=signed_in)
def list_members(request: HttpRequest, slug: str) -> list[dict[str, str]]:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_view_members(request.user, organisation):
        raise PermissionDenied
    return [
        {"name": m.user.full_name, "email": m.user.email, "role": m.role}
        for m in permissions.memberships_visible_to(request.user, organisation)
    ]


@router.post("/organisations/{slug}/invitations", response={201: InvitationOut}, auth=signed_in)
def create_invitation(request: HttpRequest, slug: str, payload: InvitationIn) -> Status:
    """Invite someone by email (organisation leads: member, lead or provider editor)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_invite(request.user, organisation, payload.role):
        raise PermissionDenied
    assert isinstance(request.user, User)
    invitation = people.invite_to_organisation(
        organisation=organisation, email=payload.email, role=payload.role, invited_by=request.user
    )
    return Status(
        201,
        {
            "email": invitation.email,
            "role": invitation.role,
            "organisation": organisation.slug,
            "expires_at": invitation.expires_at.isoformat(),
        },
    )


@router.get("/me", response=MeOut, auth=signed_in)
def me(request: HttpRequest) -> dict[str, object]:
    """The signed-in person and their roles."""
    user = request.user
    assert isinstance(user, User)
    return {
        "email": user.email,
        "full_name": user.full_name,
        "job_title": user.job_title,
        "memberships": [
            {"organisation": m.organisation.slug, "organisation_name": m.organisation.name, "role": m.role}
            for m in user.memberships.select_related("organisation")
        ],
    }


@router.get("/regions", response=list[RegionOut], auth=anyone, tags=["reference"])
def list_regions(request: HttpRequest):
    """The UK's ITL1 regions and nations, and the other regions organisations are in."""
    return Region.objects.all()


@router.get("/sectors", response=list[SectorOut], auth=anyone, tags=["reference"])
def list_sectors(request: HttpRequest):
    return Sector.objects.all()


def _field_error(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})
