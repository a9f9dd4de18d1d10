"""schema.org JSON-LD for an opportunity: what search engines, aggregators and other
catalogues read from its page and from the RPDE change feed.

Events (webinar, workshop, masterclass, conference, sector forum) become an `Event`, or an
`EventSeries` with one `subEvent` per date when there are several. Everything else becomes a
`Course`, each occurrence a `CourseInstance` (itself a kind of Event, so it carries
attendance mode, status, capacity and offers too). Tags are `about` DefinedTerms in their
DefinedTermSet (the lexicon scheme), so a harvester can map them without guessing.
Callers fetch with formats.selectors.with_format_relations first.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from signpost.catalogue.formats.common import (
    AbsoluteUrl,
    concept_path,
    has_venue,
    in_venue_zone,
    is_event_kind,
    page_path,
    provider_path,
)
from signpost.catalogue.formats.markdown import markdown_to_text
from signpost.catalogue.models import Format, Occurrence, Opportunity, Status

SCHEMA = "https://schema.org/"
CONTEXT = "https://schema.org"
# Signpost's own kind (workshop, masterclass, …) as additionalType, which schema.org allows on
# any type: Event has no learningResourceType, and a harvester should not have to guess.
KIND_BASE = "https://w3id.org/signpost/kind/"
DESCRIPTION_LIMIT = 5000
# Fewer places left than this is "limited availability" rather than "in stock".
FEW_PLACES = 5

ATTENDANCE_BY_FORMAT: dict[str, str] = {
    Format.ONLINE: "OnlineEventAttendanceMode",
    Format.IN_PERSON: "OfflineEventAttendanceMode",
    Format.BLENDED: "MixedEventAttendanceMode",
}
COURSE_MODE = {
    "OnlineEventAttendanceMode": "Online",
    "OfflineEventAttendanceMode": "Onsite",
    "MixedEventAttendanceMode": "Blended",
}


def schema_type(opportunity: Opportunity) -> str:
    """The top-level @type: Course, Event or EventSeries (the same rules as the builder)."""
    if not is_event_kind(opportunity.kind):
        return "Course"
    dated = [o for o in opportunity.occurrences.all() if o.start is not None]
    return "EventSeries" if len(dated) > 1 else "Event"


def opportunity_jsonld(opportunity: Opportunity, *, absolute_url: AbsoluteUrl) -> dict[str, Any]:
    """The opportunity as one schema.org JSON-LD object (with @context)."""
    page = absolute_url(page_path(opportunity))
    builder = _Builder(opportunity, page=page, absolute_url=absolute_url)
    body = builder.event() if is_event_kind(opportunity.kind) else builder.course()
    return {"@context": CONTEXT, **body}


def script_text(data: dict[str, Any]) -> SafeString:
    """JSON for a <script type="application/ld+json"> element: <, > and & escaped, so text
    such as "</script>" in a title cannot end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(escaped)  # noqa: S308 (escaped above)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values: absent is clearer than "" or [] to a JSON-LD consumer."""
    return {k: v for k, v in values.items() if v not in (None, "", [], {})}


class _Builder:
    def __init__(self, opportunity: Opportunity, *, page: str, absolute_url: AbsoluteUrl) -> None:
        self.opportunity = opportunity
        self.page = page
        self.absolute_url = absolute_url
        self.occurrences = list(opportunity.occurrences.all())
        self.dated = [o for o in self.occurrences if o.start is not None]
        self.withdrawn = opportunity.status == Status.WITHDRAWN

    # The parts Course and Event share.

    def common(self) -> dict[str, Any]:
        o = self.opportunity
        description = o.summary or markdown_to_text(o.description)
        return _compact(
            {
                "@id": self.page,
                "url": self.page,
                "name": o.title,
                "additionalType": KIND_BASE + o.kind,
                "description": description[:DESCRIPTION_LIMIT],
                "inLanguage": o.language,
                "sameAs": o.url,
                "isAccessibleForFree": True if o.is_free else None,
                "about": self.about(),
                "audience": self.audience(),
            }
        )

    def provider(self) -> dict[str, Any]:
        o = self.opportunity
        provider_page = self.absolute_url(provider_path(o))
        return _compact(
            {
                "@type": "Organization",
                "@id": provider_page,
                "name": o.provider.name,
                "url": o.provider.website or provider_page,
                "contactPoint": self.contact_point(),
            }
        )

    def contact_point(self) -> dict[str, Any]:
        o = self.opportunity
        if not (o.contact_name or o.contact_email or o.contact_phone):
            return {}
        return _compact(
            {
                "@type": "ContactPoint",
                "name": o.contact_name,
                "contactType": o.contact_role or "Enquiries",
                "email": o.contact_email,
                "telephone": o.contact_phone,
            }
        )

    def about(self) -> list[dict[str, Any]]:
        terms = []
        for link in self.opportunity.tag_links.all():
            concept = link.concept
            scheme = concept.scheme
            terms.append(
                _compact(
                    {
                        "@type": "DefinedTerm",
                        "@id": concept.uri,
                        "name": concept.pref_label,
                        "termCode": concept.notation,
                        "url": self.absolute_url(concept_path(scheme.slug, concept.pk)),
                        "inDefinedTermSet": _compact(
                            {"@type": "DefinedTermSet", "@id": scheme.uri, "name": scheme.title}
                        ),
                    }
                )
            )
        return terms

    def audience(self) -> list[dict[str, Any]]:
        sectors = [
            {"@type": "Audience", "audienceType": s.name} for s in self.opportunity.audience_sectors.all()
        ]
        stages = [
            {"@type": "EducationalAudience", "educationalRole": s.name}
            for s in self.opportunity.career_stages.all()
        ]
        return sectors + stages

    def offers(self, occurrence: Occurrence | None = None) -> list[dict[str, Any]]:
        """The prices (full, and for the provider's members), with availability and the
        registration deadline when they belong to one occurrence."""
        o = self.opportunity
        base: dict[str, Any] = {"@type": "Offer", "url": o.url or self.page, "priceCurrency": o.currency}
        if occurrence is not None:
            base["availability"] = SCHEMA + self.availability(occurrence)
            deadline = _iso(in_venue_zone(occurrence, occurrence.registration_deadline))
            if deadline:
                base["validThrough"] = deadline
        offers: list[dict[str, Any]] = []
        if o.is_free:
            offers.append({**base, "price": "0", "category": "Free"})
        elif o.price is not None:
            offers.append({**base, "price": f"{o.price:.2f}", "category": "Paid"})
        if o.member_price is not None and not o.is_free:
            offers.append(
                {
                    **base,
                    "name": "Member price",
                    "description": f"For members of {o.provider.name}",
                    "price": f"{o.member_price:.2f}",
                    "category": "Paid",
                }
            )
        if not offers and occurrence is not None:
            offers.append(base)  # price unknown, but availability and deadline still help
        return offers

    def availability(self, occurrence: Occurrence) -> str:
        if occurrence.is_cancelled or self.withdrawn:
            return "Discontinued"
        if occurrence.places_left is not None:
            if occurrence.places_left == 0:
                return "SoldOut"
            if occurrence.places_left <= FEW_PLACES:
                return "LimitedAvailability"
        return "InStock"

    # One occurrence.

    def attendance_mode(self, occurrence: Occurrence) -> str:
        if occurrence.is_online and has_venue(occurrence):
            return "MixedEventAttendanceMode"
        return "OnlineEventAttendanceMode" if occurrence.is_online else "OfflineEventAttendanceMode"

    def status(self, occurrence: Occurrence) -> str:
        return "EventCancelled" if occurrence.is_cancelled or self.withdrawn else "EventScheduled"

    def location(self, occurrence: Occurrence) -> list[dict[str, Any]]:
        places: list[dict[str, Any]] = []
        if has_venue(occurrence):
            region = occurrence.region
            address = _compact(
                {
                    "@type": "PostalAddress",
                    "streetAddress": occurrence.address,
                    "addressLocality": occurrence.town,
                    "postalCode": occurrence.postcode,
                    "addressRegion": region.name if region else "",
                    "addressCountry": (region.country if region and region.country else "GB"),
                }
            )
            places.append(
                _compact(
                    {
                        "@type": "Place",
                        "name": occurrence.venue_name or occurrence.town or occurrence.address,
                        "address": address,
                    }
                )
            )
        if occurrence.is_online:
            places.append({"@type": "VirtualLocation", "url": occurrence.online_url or self.page})
        return places

    def occurrence_fields(self, occurrence: Occurrence) -> dict[str, Any]:
        location = self.location(occurrence)
        return _compact(
            {
                "startDate": _iso(in_venue_zone(occurrence, occurrence.start)),
                "endDate": _iso(in_venue_zone(occurrence, occurrence.end)),
                "eventAttendanceMode": SCHEMA + self.attendance_mode(occurrence),
                "eventStatus": SCHEMA + self.status(occurrence),
                "location": location[0] if len(location) == 1 else location,
                "maximumAttendeeCapacity": occurrence.capacity,
                "remainingAttendeeCapacity": occurrence.places_left,
                "offers": self.offers(occurrence),
            }
        )

    # The two shapes.

    def course(self) -> dict[str, Any]:
        o = self.opportunity
        instances = [
            {
                "@type": "CourseInstance",
                "@id": f"{self.page}#occurrence-{occurrence.pk}",
                "courseMode": COURSE_MODE[self.attendance_mode(occurrence)],
                **self.occurrence_fields(occurrence),
            }
            for occurrence in self.occurrences
        ]
        return _compact(
            {
                "@type": "Course",
                **self.common(),
                "provider": self.provider(),
                "learningResourceType": o.get_kind_display(),
                "educationalLevel": ", ".join(s.name for s in o.career_stages.all()),
                "accessibilitySummary": o.accessibility_notes,
                "offers": self.offers(),
                "hasCourseInstance": instances,
            }
        )

    def event(self) -> dict[str, Any]:
        o = self.opportunity
        organizer = self.provider()
        if len(self.dated) > 1:
            sub_events = [
                {
                    "@type": "Event",
                    "@id": f"{self.page}#occurrence-{occurrence.pk}",
                    "name": o.title,
                    "url": self.page,
                    "organizer": {"@id": organizer["@id"]},
                    **self.occurrence_fields(occurrence),
                }
                for occurrence in self.dated
            ]
            ends = [oc.end or oc.start for oc in self.dated]
            everything_cancelled = self.withdrawn or all(oc.is_cancelled for oc in self.dated)
            return _compact(
                {
                    "@type": "EventSeries",
                    **self.common(),
                    "organizer": organizer,
                    "startDate": _iso(in_venue_zone(self.dated[0], self.dated[0].start)),
                    "endDate": _iso(in_venue_zone(self.dated[-1], max(e for e in ends if e is not None))),
                    "eventAttendanceMode": SCHEMA
                    + ATTENDANCE_BY_FORMAT.get(o.format, "MixedEventAttendanceMode"),
                    "eventStatus": SCHEMA + ("EventCancelled" if everything_cancelled else "EventScheduled"),
                    "offers": self.offers(),
                    "subEvent": sub_events,
                }
            )
        # One date (or none yet: an event announced before its date is fixed).
        occurrence = self.dated[0] if self.dated else (self.occurrences[0] if self.occurrences else None)
        fields = (
            self.occurrence_fields(occurrence)
            if occurrence is not None
            else _compact(
                {
                    "eventAttendanceMode": SCHEMA
                    + ATTENDANCE_BY_FORMAT.get(o.format, "MixedEventAttendanceMode"),
                    "eventStatus": SCHEMA + ("EventCancelled" if self.withdrawn else "EventScheduled"),
                    "offers": self.offers(),
                }
            )
        )
        return _compact({"@type": "Event", **self.common(), "organizer": organizer, **fields})
