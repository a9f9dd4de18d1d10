"""The demo sector: real organisations from open directories, invented sector bodies, personas.

Deterministic and idempotent: running it again updates the same rows. Later capabilities
(catalogue, needs, brokerage) extend it from their own apps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from signpost.accounts.models import Membership, Organisation, OrganisationKind, Role, SizeBand, User
from signpost.accounts.services.organisation_import import import_organisations
from signpost.core.models import Region, Sector

DEMO_DIR = Path(__file__).resolve().parent / "data" / "demo"
DEMO_PASSWORD = "signpost-demo"  # noqa: S105 - documented demo login, demo data only
DEMO_DOMAIN = "demo.signpost.test"

# The same mappings as docs/organisation-import.md uses for the full directories, so importing a
# full directory later updates these rows rather than duplicating them.
DIRECTORY_IMPORTS: list[dict[str, object]] = [
    {
        "file": "uk_public_libraries.csv",
        "source": "libraries-hacked",
        "kind": OrganisationKind.LIBRARY,
        "sectors": ["libraries"],
        "country": "GB",
        "mapping": [
            ("library_name", "name"), ("local_authority", "parent"), ("region", "region"), ("nation", "nation"),
            ("address_1", "address"), ("address_2", "address"), ("address_3", "address"),
            ("postcode", "postcode"), ("url", "website"), ("email", "email"), ("year_closed", "closed"),
        ],
        "merge_duplicates": True,
        "blank_invalid": ["email"],
    },
    {
        "file": "uk_museums_mapping_museums_2021.csv",
        "source": "mapping-museums",
        "kind": OrganisationKind.MUSEUM,
        "sectors": ["museums"],
        "country": "GB",
        "mapping": [
            ("museum_id", "external_id"), ("Name_of_museum", "name"), ("Address_line_1", "address"),
            ("Address_line_2", "address"), ("Village,_Town_or_City", "town"), ("Postcode", "postcode"),
            ("region", "region"), ("nation", "nation"), ("Size", "size_band"), ("Year_closed", "closed"),
        ],
    },
    {
        "file": "us_public_library_systems_pls_fy2022.csv",
        "source": "imls-pls-ae",
        "kind": OrganisationKind.PUBLIC_LIBRARY_SERVICE,
        "sectors": ["libraries"],
        "country": "US",
        "mapping": [
            ("state", "external_id"), ("id", "external_id"), ("name", "name"), ("address", "address"),
            ("city", "address"), ("state", "address"), ("city", "town"), ("region", "region"), ("staff", "staff_fte"),
        ],
    },
]  # fmt: skip


@dataclass(frozen=True)
class SectorBody:
    name: str
    kind: str
    region: str  # region slug
    sectors: tuple[str, ...]
    description: str
    size_band: str = SizeBand.SMALL


# Invented bodies: the providers, associations, programmes and agencies a region would have.
SECTOR_BODIES: list[SectorBody] = [
    SectorBody(
        "Heritage Skills Exchange", OrganisationKind.TRAINING_PROVIDER, "london", ("museums", "archives"),
        "Short courses in collections care, conservation and documentation for museum and archive staff.",
    ),
    SectorBody(
        "Northern Library Learning Network", OrganisationKind.CONSORTIUM, "north-west", ("libraries",),
        "A consortium of library services in the north of England sharing staff training and events.",
    ),
    SectorBody(
        "Association of Archive Practitioners", OrganisationKind.PROFESSIONAL_ASSOCIATION, "london",
        ("archives",), "Professional body for archivists, records managers and archive conservators.",
        SizeBand.MEDIUM,
    ),
    SectorBody(
        "Digital Inclusion Trainers Co-operative", OrganisationKind.TRAINING_PROVIDER, "west-midlands",
        ("libraries", "learning-and-skills"),
        "Trainers who help library and adult learning staff support people to get online safely.",
    ),
    SectorBody(
        "Community Learning Wales Partnership", OrganisationKind.REGIONAL_AGENCY, "wales",
        ("libraries", "museums", "archives", "learning-and-skills"),
        "Brings together community learning, libraries and heritage across Wales.",
    ),
    SectorBody(
        "Midlands Museum Development Partnership", OrganisationKind.REGIONAL_AGENCY, "east-midlands",
        ("museums",), "Supports small and volunteer-run museums across the Midlands.",
    ),
    SectorBody(
        "Reading Futures Programme", OrganisationKind.NATIONAL_PROGRAMME, "london",
        ("libraries", "learning-and-skills"), "A national programme for reader development and adult literacy.",
        SizeBand.MEDIUM,
    ),
    SectorBody(
        "Yorkshire and Humber Learning Partnership", OrganisationKind.REGIONAL_AGENCY,
        "yorkshire-and-the-humber", ("libraries", "archives", "museums", "learning-and-skills"),
        "The region's learning broker: advice, events and joint commissioning for cultural and learning staff.",
    ),
    SectorBody(
        "Signpost Operations", OrganisationKind.NATIONAL_PROGRAMME, "london",
        ("libraries", "archives", "museums", "learning-and-skills"), "Runs the Signpost service.", SizeBand.MICRO,
    ),
]  # fmt: skip


@dataclass(frozen=True)
class Persona:
    key: str
    full_name: str
    job_title: str
    organisation: str  # organisation name
    roles: tuple[str, ...]


PERSONAS: list[Persona] = [
    Persona("maya", "Maya Okafor", "Library assistant", "Leeds Central Library", (Role.MEMBER,)),
    Persona(
        "oliver", "Oliver Bennett", "Staff development manager", "Derby Museum And Art Gallery",
        (Role.MEMBER, Role.ORG_LEAD),
    ),
    Persona(
        "priya", "Priya Raman", "Programme coordinator", "Heritage Skills Exchange",
        (Role.MEMBER, Role.PROVIDER_EDITOR),
    ),
    Persona(
        "bea", "Bea Lindqvist", "Regional learning broker", "Yorkshire and Humber Learning Partnership",
        (Role.MEMBER, Role.BROKER),
    ),
    Persona("ada", "Ada Mensah", "Platform administrator", "Signpost Operations", (Role.MEMBER, Role.ADMIN)),
]  # fmt: skip

# Colleagues, so that organisations have teams.
COLLEAGUES: dict[str, list[tuple[str, str]]] = {
    "Derby Museum And Art Gallery": [
        ("Hannah Clarke", "Collections officer"), ("Tomasz Nowak", "Learning officer"),
        ("Grace Adeyemi", "Visitor services supervisor"), ("Liam O'Connor", "Conservator"),
        ("Sofia Rossi", "Exhibitions assistant"), ("Daniel Hughes", "Volunteer coordinator"),
        ("Amira Haddad", "Community engagement officer"),
    ],
    "Leeds Central Library": [
        ("Joe Whitaker", "Library manager"), ("Priti Shah", "Reader development officer"),
        ("Callum Reid", "Digital inclusion officer"), ("Ellie Marsh", "Library assistant"),
        ("Yusuf Ali", "Local studies librarian"),
    ],
}  # fmt: skip


def demo_email(name: str) -> str:
    return f"{slugify(name).replace('-', '.')}@{DEMO_DOMAIN}"


@transaction.atomic
def seed_demo() -> dict[str, int]:
    """Build (or refresh) the demo sector and return counts for the command to print."""
    for spec in DIRECTORY_IMPORTS:
        result = import_organisations(
            path=DEMO_DIR / str(spec["file"]),
            mapping=spec["mapping"],  # type: ignore[arg-type]
            source=str(spec["source"]),
            kind=str(spec["kind"]),
            sectors=spec["sectors"],  # type: ignore[arg-type]
            country=str(spec["country"]),
            merge_duplicates=bool(spec.get("merge_duplicates", False)),
            blank_invalid=spec.get("blank_invalid", ()),  # type: ignore[arg-type]
        )
        if result.errors:
            raise RuntimeError(f"demo directory {spec['file']} did not import: {result.errors[:3]}")

    sectors = {s.slug: s for s in Sector.objects.all()}
    for body in SECTOR_BODIES:
        organisation, _ = Organisation.objects.update_or_create(
            source="signpost-demo",
            external_id=slugify(body.name),
            defaults={
                "name": body.name,
                "slug": slugify(body.name),
                "kind": body.kind,
                "region": Region.objects.get(slug=body.region),
                "description": body.description,
                "size_band": body.size_band,
                "country": "GB",
            },
        )
        organisation.sectors.set([sectors[s] for s in body.sectors])

    people = 0
    for persona in PERSONAS:
        user = _person(f"{persona.key}@{DEMO_DOMAIN}", persona.full_name, persona.job_title)
        organisation = Organisation.objects.get(name=persona.organisation)
        for role in persona.roles:
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
        people += 1
    ada = User.objects.get(email=f"ada@{DEMO_DOMAIN}")
    if not (ada.is_staff and ada.is_superuser):
        ada.is_staff = ada.is_superuser = True
        ada.save(update_fields=["is_staff", "is_superuser"])
    for organisation_name, colleagues in COLLEAGUES.items():
        organisation = Organisation.objects.get(name=organisation_name)
        for full_name, job_title in colleagues:
            user = _person(demo_email(full_name), full_name, job_title)
            Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.MEMBER)
            people += 1
    return {"organisations": Organisation.objects.count(), "people": people}


def _person(email: str, full_name: str, job_title: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        return User.objects.create_user(
            email=email, password=DEMO_PASSWORD, full_name=full_name, job_title=job_title
        )
    if (user.full_name, user.job_title) != (full_name, job_title):
        user.full_name, user.job_title = full_name, job_title
        user.save(update_fields=["full_name", "job_title"])
    return user
