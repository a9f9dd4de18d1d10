from __future__ import annotations

from ninja import Schema
from pydantic import Field


class RegionOut(Schema):
    slug: str
    name: str
    code: str
    country: str
    is_itl1: bool


class SectorOut(Schema):
    slug: str
    name: str


class OrganisationSummaryOut(Schema):
    slug: str
    name: str
    kind: str
    region: RegionOut | None
    sectors: list[str]
    town: str
    country: str
    is_active: bool

    @staticmethod
    def resolve_sectors(obj: object) -> list[str]:
        return [s.slug for s in obj.sectors.all()]  # type: ignore[attr-defined]


class OrganisationOut(OrganisationSummaryOut):
    size_band: str
    parent: str | None = Field(None, description="Slug of the parent organisation")
    description: str
    website: str
    email: str
    phone: str
    address: str
    postcode: str

    @staticmethod
    def resolve_parent(obj: object) -> str | None:
        parent = obj.parent  # type: ignore[attr-defined]
        return parent.slug if parent else None


class OrganisationPatchIn(Schema):
    name: str | None = Field(None, max_length=255)
    kind: str | None = None
    region: str | None = Field(None, description="Region slug")
    sectors: list[str] | None = Field(None, description="Sector slugs")
    size_band: str | None = None
    description: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    town: str | None = None
    postcode: str | None = None


class MemberOut(Schema):
    name: str
    email: str
    role: str


class InvitationIn(Schema):
    email: str = Field(..., max_length=254)
    role: str = "member"


class InvitationOut(Schema):
    email: str
    role: str
    organisation: str
    expires_at: str


class MembershipOut(Schema):
    organisation: str
    organisation_name: str
    role: str


class MeOut(Schema):
    email: str
    full_name: str
    job_title: str
    memberships: list[MembershipOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
