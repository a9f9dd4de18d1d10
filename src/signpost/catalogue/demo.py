"""The demo catalogue: about 300 opportunities from about 25 providers, for trying Signpost.

The words live in data/demo/*.toml, one file per provider: who they are, their contacts and
venues, and their opportunities as they would describe them. This module turns that into
OpportunityRecords and saves them through the one writer (save_records), so the demo obeys
the same rules as a real import.

Deterministic and idempotent: dates are whole-day offsets from today, drawn from a Random
seeded with SEED and each opportunity's id (so editing one entry moves no other), and every
opportunity has a stable external id. Running it again on the same day changes nothing; on a
later day only the dates move along, so the demo always has upcoming dates.
"""

from __future__ import annotations

import io
import random
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from signpost.accounts.models import Organisation
from signpost.catalogue.models import Kind, Occurrence, Opportunity, Status
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services.opportunities import RecordValidator, save_records
from signpost.core.models import Region, Sector
from signpost.lexicon.models import ConceptScheme

DATA_DIR = Path(__file__).resolve().parent / "data" / "demo"
SEED = "signpost-catalogue-demo-1"
SOURCE = "demo"  # Opportunity.source of everything this module writes
ORGANISATION_SOURCE = "signpost-demo"  # as accounts/demo.py, so both files describe one set of bodies
STARTER_SCHEME = "starter"

# The same offer listed twice or three times, by different providers under different names, or
# re-listed by a regional agency with its own dates. Each tuple is one family of external ids;
# the de-duplication work and its benchmark use them as known positives.
KNOWN_NEAR_DUPLICATES: tuple[tuple[str, ...], ...] = (
    (
        "hse-collections-care-basics",
        "mmdp-looking-after-your-collections",
        "wcs-intro-preventive-conservation",
    ),
    ("aap-introduction-to-digital-preservation", "dasc-getting-started-digital-preservation"),
    (
        "ditc-digital-champions-train-the-trainer",
        "lob-becoming-a-digital-champion",
        "yhlp-digital-champions-yorkshire",
    ),
    ("rfp-running-a-reading-group", "ellc-reading-groups-setting-up"),
    ("rfp-reading-well-training", "nlln-reading-well-books-on-prescription"),
    ("nech-mental-health-first-aid", "clwp-mental-health-first-aid"),
    ("clwp-safeguarding-essentials", "mlpn-safeguarding-for-learning-teams"),
    ("hvn-recruiting-and-keeping-volunteers", "mmdp-volunteer-recruitment-and-retention"),
    ("chlc-dementia-friendly-sessions", "yhlp-dementia-friendly-libraries-museums"),
    ("odat-autism-awareness-front-of-house", "nech-neurodiversity-awareness-visitor-teams"),
    ("cfs-heritage-fund-application", "sdmd-heritage-fund-bid-surgery"),
    ("tac-award-in-education-and-training", "sfel-aet-for-library-staff"),
    ("hse-emergency-planning-and-salvage", "wcs-salvage-hands-on"),
    ("sui-uk-copyright-for-libraries-archives", "slip-copyright-essentials"),
)  # fmt: skip

# How one run of each kind usually looks, unless an entry says otherwise.
DEFAULT_LENGTH: dict[str, str] = {
    Kind.COURSE: "day", Kind.WEBINAR: "60m", Kind.WORKSHOP: "3h", Kind.MASTERCLASS: "3h",
    Kind.CONFERENCE: "day", Kind.SECTOR_FORUM: "2h", Kind.PEER_REVIEW: "4mo", Kind.MENTORING: "6mo",
    Kind.APPRENTICESHIP: "15mo", Kind.SECONDMENT: "6mo", Kind.FUNDING_CALL: "deadline",
    Kind.TOOLKIT: "open", Kind.ONLINE_SELF_STUDY: "open",
}  # fmt: skip
DEFAULT_RUNS: dict[str, int] = {
    Kind.COURSE: 2, Kind.WEBINAR: 1, Kind.WORKSHOP: 2, Kind.MASTERCLASS: 1, Kind.CONFERENCE: 1,
    Kind.SECTOR_FORUM: 3, Kind.PEER_REVIEW: 1, Kind.MENTORING: 1, Kind.APPRENTICESHIP: 1,
    Kind.SECONDMENT: 1, Kind.FUNDING_CALL: 1,
}  # fmt: skip
CAPACITY: dict[str, tuple[int, int]] = {
    Kind.COURSE: (12, 24), Kind.WEBINAR: (80, 300), Kind.WORKSHOP: (10, 20), Kind.MASTERCLASS: (10, 16),
    Kind.CONFERENCE: (120, 280), Kind.SECTOR_FORUM: (25, 60), Kind.PEER_REVIEW: (6, 12),
    Kind.MENTORING: (8, 16), Kind.APPRENTICESHIP: (8, 14), Kind.SECONDMENT: (1, 2),
}  # fmt: skip
# Headings of the description's list and audience line, in the words each kind would use.
LIST_HEADING: dict[str, str] = {
    Kind.CONFERENCE: "On the programme", Kind.SECTOR_FORUM: "On the agenda", Kind.PEER_REVIEW: "How it works",
    Kind.MENTORING: "What you get", Kind.SECONDMENT: "What you'll do", Kind.FUNDING_CALL: "What we fund",
    Kind.TOOLKIT: "What's inside",
}  # fmt: skip
AUDIENCE_HEADING: dict[str, str] = {Kind.FUNDING_CALL: "Who can apply", Kind.SECONDMENT: "Who can apply"}

DEFAULT_ONLINE_ACCESS = "Online on Zoom with live captions; slides are sent two days before."
DEFAULT_RESOURCE_ACCESS = "Materials are screen-reader friendly; Word and large-print versions on request."


class DemoDataError(RuntimeError):
    """The demo files or the database they build on are not as this module expects."""


@dataclass(frozen=True)
class Venue:
    key: str
    name: str
    address: str
    town: str
    postcode: str
    region: str
    access: str = ""


@dataclass
class ProviderSpec:
    """One data file: the provider, its contacts and venues, and its opportunities (raw tables)."""

    file: str
    provider: dict[str, Any]
    venues: dict[str, Venue]
    opportunities: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class _Run:
    start: datetime | None
    end: datetime | None
    deadline: datetime | None


def load_specs(directory: Path = DATA_DIR) -> list[ProviderSpec]:
    """Read every provider file, in name order (the order does not change any date)."""
    specs = []
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        venues = {v["key"]: Venue(**v) for v in data.get("venue", [])}
        specs.append(ProviderSpec(path.name, data["provider"], venues, data.get("opportunity", [])))
    return specs


@transaction.atomic
def seed_catalogue_demo(*, today: date | None = None) -> dict[str, int]:
    """Create (or refresh) the demo providers and their opportunities; return counts to print."""
    today = today or timezone.localdate()
    if not ConceptScheme.objects.filter(slug=STARTER_SCHEME).exists():
        call_command("load_starter_lexicon", stdout=io.StringIO())
    validator = RecordValidator(tag_schemes=(STARTER_SCHEME,))
    providers: list[Organisation] = []
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for spec in load_specs():
        organisation = _organisation(spec)
        records = [_record(spec, organisation, item, today=today) for item in spec.opportunities]
        result = save_records(provider=organisation, records=records, source=SOURCE, validator=validator)
        if result.errors:
            problems = "; ".join(str(e) for e in result.errors[:5])
            raise DemoDataError(f"demo catalogue file {spec.file} did not save: {problems}")
        counts["created"] += result.created
        counts["updated"] += result.updated
        counts["unchanged"] += result.unchanged
        providers.append(organisation)
    opportunities = Opportunity.objects.filter(provider__in=providers, source=SOURCE)
    now = timezone.now()
    return {
        "providers": len(providers),
        "opportunities": opportunities.count(),
        "occurrences": Occurrence.objects.filter(opportunity__in=opportunities).count(),
        "upcoming": Occurrence.objects.filter(opportunity__in=opportunities, start__gte=now).count(),
        **counts,
    }


def _organisation(spec: ProviderSpec) -> Organisation:
    """The provider: an organisation seed_demo made, or one of this module's own invented bodies."""
    table = spec.provider
    if "existing" in table:
        source, external_id = str(table["existing"]).split(":", 1)
        organisation = Organisation.objects.filter(source=source, external_id=external_id).first()
        if organisation is None:
            raise DemoDataError(
                f"{spec.file}: no organisation with source {source!r} and id {external_id!r}; "
                "run the accounts demo (seed_demo) first"
            )
        return organisation
    slug = table.get("slug") or slugify(table["name"])
    domain = table.get("domain") or f"{slug}.example"
    organisation, _ = Organisation.objects.update_or_create(
        source=ORGANISATION_SOURCE,
        external_id=slug,
        defaults={
            "name": table["name"],
            "slug": slug,
            "kind": table["kind"],
            "region": Region.objects.get(slug=table["region"]),
            "description": table["description"],
            "size_band": table.get("size_band", "small"),
            "address": table.get("address", ""),
            "town": table.get("town", ""),
            "postcode": table.get("postcode", ""),
            "website": f"https://www.{domain}/",
            "email": f"hello@{domain}",
            "phone": table.get("phone", ""),
            "country": "GB",
        },
    )
    organisation.sectors.set(Sector.objects.filter(slug__in=table["sectors"]))
    return organisation


def _record(
    spec: ProviderSpec, organisation: Organisation, item: dict[str, Any], *, today: date
) -> OpportunityRecord:
    table = spec.provider
    rng = random.Random(f"{SEED}:{item['id']}")
    kind = item.get("kind", Kind.COURSE)
    domain = table.get("domain") or f"{organisation.slug}.example"
    contacts = table["contacts"]
    contact = contacts[int(item.get("contact", 1)) - 1]
    when = item.get("when", "future")
    occurrences, used_venues = _occurrences(spec, item, kind=kind, when=when, rng=rng, today=today)
    price = item.get("price")
    member_price = item.get("member_price")
    return OpportunityRecord(
        title=item["title"],
        external_id=item["id"],
        summary=item["summary"],
        description=_description(item, kind),
        kind=kind,
        format=item["format"],
        sectors=list(item.get("sectors", [])),
        career_stages=list(item.get("stages", [])),
        is_free=price is None,
        price=Decimal(str(price)) if price is not None else None,
        member_price=Decimal(str(member_price)) if member_price is not None else None,
        accessibility_notes=item.get("access") or _access(table, used_venues, occurrences, kind),
        language=item.get("language", "en"),
        url=f"https://www.{domain}/{table.get('url_path', 'events')}/{item['id'].split('-', 1)[1]}",
        contact_name=contact["name"],
        contact_role=contact["role"],
        contact_email=f"{slugify(contact['name']).replace('-', '.')}@{domain}",
        contact_phone=table.get("phone", ""),
        tags=list(item["tags"]),
        status=item.get("status") or (Status.PAST if when == "past" else Status.PUBLISHED),
        occurrences=occurrences,
    )


def _description(item: dict[str, Any], kind: str) -> str:
    """Markdown: what it is, a list of what you'll learn (or get, or find), and who it's for."""
    parts = [item["about"].strip()]
    if item.get("learn"):
        heading = item.get("heading") or LIST_HEADING.get(kind, "What you'll learn")
        parts.append(f"**{heading}**\n\n" + "\n".join(f"- {line}" for line in item["learn"]))
    if item.get("for"):
        parts.append(f"**{AUDIENCE_HEADING.get(kind, 'Who it is for')}:** {item['for'].strip()}")
    return "\n\n".join(parts)


def _access(
    table: dict[str, Any], venues: Iterable[Venue], occurrences: list[OccurrenceRecord], kind: str
) -> str:
    parts = [f"{v.name}: {v.access}" for v in venues if v.access]
    if any(o.is_online for o in occurrences):
        parts.append(table.get("online_access", DEFAULT_ONLINE_ACCESS))
    if not occurrences or kind == Kind.FUNDING_CALL:
        parts.append(table.get("resource_access", DEFAULT_RESOURCE_ACCESS))
    if table.get("access"):
        parts.append(table["access"])
    return " ".join(parts)


def _occurrences(
    spec: ProviderSpec, item: dict[str, Any], *, kind: str, when: str, rng: random.Random, today: date
) -> tuple[list[OccurrenceRecord], list[Venue]]:
    length = item.get("length", DEFAULT_LENGTH[kind])
    if length == "open":
        return [], []
    if length == "deadline":
        # A funding call or an open application: a closing date and nothing else.
        offset = rng.randint(-60, -8) if when == "past" else rng.randint(21, 120)
        deadline = datetime.combine(_friday_at_latest(today + timedelta(days=offset)), time(12, 0))
        return [OccurrenceRecord(registration_deadline=deadline, external_id=f"{item['id']}-1")], []
    runs = _runs(rng, length=length, count=int(item.get("runs", DEFAULT_RUNS[kind])), when=when, today=today)
    places = _venue_order(spec, item, rng)
    given = item.get("capacity", CAPACITY.get(kind, (12, 20)))
    low, high = (given, given) if isinstance(given, int) else given
    fmt = item["format"]
    cancelled = set(item.get("cancelled_runs", []))
    occurrences: list[OccurrenceRecord] = []
    used: list[Venue] = []
    for number, run in enumerate(runs, start=1):
        online = fmt == "online" or (fmt == "blended" and number % 2 == 0) or not places
        capacity = _round(rng.randint(low, high))
        upcoming = run.start is not None and run.start.date() >= today
        occurrence = OccurrenceRecord(
            start=run.start,
            end=run.end,
            registration_deadline=run.deadline,
            is_online=online,
            capacity=capacity,
            places_left=_places_left(rng, capacity) if upcoming else None,
            is_cancelled=number in cancelled,
            external_id=f"{item['id']}-{number}",
        )
        if not online:
            venue = places[(number - 1) % len(places)]
            occurrence.venue_name = venue.name
            occurrence.address = venue.address
            occurrence.town = venue.town
            occurrence.postcode = venue.postcode
            occurrence.region = venue.region
            if venue not in used:
                used.append(venue)
        occurrences.append(occurrence)
    return occurrences, used


def _venue_order(spec: ProviderSpec, item: dict[str, Any], rng: random.Random) -> list[Venue]:
    keys = item.get("venues")
    if keys:
        missing = [k for k in keys if k not in spec.venues]
        if missing:
            raise DemoDataError(f"{spec.file}: {item['id']}: no venue called {', '.join(missing)}")
        return [spec.venues[k] for k in keys]
    venues = list(spec.venues.values())
    if not venues:
        return []
    first = rng.randrange(len(venues))
    return venues[first:] + venues[:first]


def _round(capacity: int) -> int:
    return capacity if capacity < 50 else capacity - capacity % 10


def _places_left(rng: random.Random, capacity: int) -> int:
    roll = rng.random()
    if roll < 0.12:
        return 0  # fully booked: the waiting-list case
    if roll < 0.35:
        return rng.randint(1, max(1, capacity // 5))
    return rng.randint(max(1, capacity // 3), capacity)


def _runs(rng: random.Random, *, length: str, count: int, when: str, today: date) -> list[_Run]:
    """Dates for `count` runs: all past, all in the next nine months, or a past one then future."""
    span = _span_days(length)
    # Far enough ahead that the booking deadline (see _run) has not passed, even after _weekday.
    lead = 50 if length.endswith("mo") else (30 if span else 14)
    count = max(count, 2) if when == "both" else max(count, 1)
    if when == "past":
        offsets = _past_offsets(rng, count, span)
    elif when == "both":
        past = max(1, count // 3)
        offsets = _past_offsets(rng, past, span) + _future_offsets(rng, count - past, lead)
    else:
        offsets = _future_offsets(rng, count, lead)
    runs = []
    for offset in offsets:
        day = _weekday(today + timedelta(days=offset), days=span + 1, past=offset < 0)
        runs.append(_run(rng, day, length))
    return runs


def _future_offsets(rng: random.Random, count: int, lead: int) -> list[int]:
    """Runs spread over the next nine months or so; a one-off may be up to eight months away."""
    offsets = [rng.randint(lead, lead + (210 if count == 1 else 90))]
    while len(offsets) < count:
        following = offsets[-1] + rng.randint(21, 75)
        if following > 275:
            break
        offsets.append(following)
    return offsets


def _past_offsets(rng: random.Random, count: int, span: int) -> list[int]:
    # The last run ends at least a week ago, so "past" stays past whatever the weekday shift.
    offsets = [-(span + rng.randint(10, 90))]
    while len(offsets) < count:
        offsets.insert(0, offsets[0] - rng.randint(28, 70))
    return offsets


def _weekday(day: date, *, days: int, past: bool) -> date:
    """Move a start day off the weekend (and out of Christmas week), towards Tuesday to Thursday.

    A run of `days` days must end by Friday. Moves are at most three days, except out of
    Christmas week (back for past runs, forward for future ones); _runs leaves room for them.
    """
    allowed = set(range(5 - min(days, 5) + 1)) if days <= 5 else set(range(5))
    midweek = allowed & {1, 2, 3} or allowed
    reach = range(-3, 4)
    # Nobody runs training between Christmas and New Year.
    if (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 4):
        year = day.year if day.month == 12 else day.year - 1
        day = date(year, 12, 18) if past else date(year + 1, 1, 6)
        reach = range(-6, 1) if past else range(0, 7)
    if day.weekday() in allowed:
        return day
    # Nearest day first; ties go one way or the other by date, so neither side gets them all.
    sign = 1 if day.toordinal() % 2 else -1
    for shift in sorted(reach, key=lambda k: (abs(k), k * sign)):
        if (day + timedelta(days=shift)).weekday() in midweek:
            return day + timedelta(days=shift)
    return day  # unreachable: every week has a weekday in `midweek`


def _friday_at_latest(day: date) -> date:
    """The day itself on a weekday; the Friday before on a weekend (deadlines, programme ends)."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _span_days(length: str) -> int:
    if length.endswith("mo"):
        return int(length[:-2]) * 30
    if length.endswith("w"):
        return (int(length[:-1]) - 1) * 7
    if length.endswith("d"):
        return int(length[:-1]) - 1
    return 0


def _run(rng: random.Random, day: date, length: str) -> _Run:
    """Times of one run starting on `day`, with a booking deadline that suits its length."""
    if length.endswith("mo"):
        start = datetime.combine(day, time(10, 0))
        last = day + timedelta(days=_span_days(length))
        last = _friday_at_latest(last)  # programmes end on a weekday
        end = datetime.combine(last, time(16, 0))
        deadline = datetime.combine(day - timedelta(days=rng.choice([21, 28, 35, 42])), time(12, 0))
        return _Run(start, end, deadline)
    if length.endswith("w"):
        hour = rng.choice([time(10, 0), time(14, 0), time(18, 30)])
        start = datetime.combine(day, hour)
        end = start + timedelta(days=_span_days(length), hours=2)
        return _Run(start, end, datetime.combine(day - timedelta(days=7), time(17, 0)))
    if length.endswith("d") or length == "day":
        days = 1 if length == "day" else int(length[:-1])
        begin, finish = rng.choice([(time(10, 0), time(16, 0)), (time(9, 30), time(16, 30))])
        start = datetime.combine(day, begin)
        end = datetime.combine(day + timedelta(days=days - 1), finish)
        notice = rng.choice([3, 5, 7]) if days == 1 else rng.choice([14, 21])
        return _Run(
            start, end, datetime.combine(_friday_at_latest(day - timedelta(days=notice)), time(17, 0))
        )
    minutes = int(length[:-1]) * (60 if length.endswith("h") else 1)
    if minutes <= 90:
        begin = rng.choice([time(10, 0), time(12, 30), time(14, 0), time(15, 30)])
    else:
        begin = rng.choice([time(9, 30), time(10, 0), time(13, 30), time(14, 0)])
    start = datetime.combine(day, begin)
    end = start + timedelta(minutes=minutes)
    # Short online sessions usually take bookings until they start.
    closes = (
        None if minutes <= 90 else datetime.combine(_friday_at_latest(day - timedelta(days=2)), time(17, 0))
    )
    return _Run(start, end, closes)
