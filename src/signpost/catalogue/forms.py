"""Input shapes for the providers' pages. Forms parse what people type into the plain records
every way into the catalogue uses; the rules live in services/editing.py, and the errors it
raises are put back beside the fields they are about (`add_service_errors`).

Dates are typed as a day, a start and an end time, and a time zone (the venue's), because that
is how a programme is written; they are stored as aware datetimes and shown back in that zone.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import cache
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from signpost.catalogue.models import CareerStage, Format, Kind, Occurrence, Opportunity
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services.editing import tag_texts
from signpost.core.models import Region, Sector

DEFAULT_TIMEZONE = "Europe/London"
TAG_SEPARATOR = ";"
# The end of the day a registration deadline is given for.
DEADLINE_TIME = dt.time(23, 59)


@cache
def timezone_choices() -> list[tuple[str, str]]:
    zones = sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})
    return [(zone, zone.replace("_", " ")) for zone in zones]


def split_tags(text: str) -> list[str]:
    return [part.strip() for part in text.split(TAG_SEPARATOR) if part.strip()]


def join_tags(texts: list[str]) -> str:
    return f"{TAG_SEPARATOR} ".join(texts)


class CatalogueForm(forms.Form):
    label_suffix = ""
    # Service field → form field, where they differ.
    service_fields: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError, *, prefix: str = "") -> None:
        """Show a service's `ValidationError({field: [messages]})` beside the matching fields.

        Only the errors whose field starts with `prefix` are taken (with it removed), so an
        opportunity's errors and its first date's errors can go to two forms on one page.
        """
        for name, messages in error.message_dict.items():
            if prefix:
                if not name.startswith(prefix):
                    continue
                name = name[len(prefix) :]
            elif "." in name:
                continue
            target = self.service_fields.get(name, name)
            self.add_error(target if target in self.fields else None, messages)


class OpportunityForm(CatalogueForm):
    """An opportunity's own fields and its lexicon tags (its dates have their own form)."""

    service_fields = {"is_free": "cost", "sectors": "audience_sectors"}

    title = forms.CharField(label="Title", max_length=300, error_messages={"required": "Enter a title."})
    summary = forms.CharField(
        label="Summary",
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences for search results and digests.",
    )
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Markdown: blank lines between paragraphs, *emphasis*, - lists, [links](https://…).",
    )
    kind = forms.ChoiceField(label="Kind", choices=Kind.choices, initial=Kind.COURSE)
    format = forms.ChoiceField(
        label="Format", choices=Format.choices, initial=Format.IN_PERSON, widget=forms.RadioSelect
    )
    audience_sectors = forms.ModelMultipleChoiceField(
        label="Audience sectors",
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    career_stages = forms.ModelMultipleChoiceField(
        label="Career stages",
        queryset=CareerStage.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked if it suits every stage.",
    )
    cost = forms.ChoiceField(
        label="Free or paid",
        choices=[("free", "Free"), ("paid", "Paid")],
        initial="free",
        widget=forms.RadioSelect,
    )
    price = forms.DecimalField(
        label="Price",
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=2,
        help_text="For example 85.00",
    )
    member_price = forms.DecimalField(
        label="Member rate",
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=2,
        help_text="The price for members of your organisation, if it differs.",
    )
    currency = forms.CharField(
        label="Currency",
        max_length=3,
        initial="GBP",
        help_text="A three-letter code such as GBP or EUR.",
        error_messages={"required": "Give the currency, such as GBP."},
    )
    accessibility_notes = forms.CharField(
        label="Accessibility",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Step-free access, hearing loops, captions, quiet rooms, materials in advance…",
    )
    language = forms.CharField(
        label="Language",
        max_length=10,
        initial="en",
        help_text="A language code: en, cy (Welsh), gd, ga…",
        error_messages={"required": "Give the language it is taught in, such as en."},
    )
    url = forms.CharField(
        label="Web page",
        required=False,
        max_length=500,
        widget=forms.URLInput,
        help_text="Where people read more and book, starting https://",
    )
    contact_name = forms.CharField(label="Contact name", required=False, max_length=150)
    contact_role = forms.CharField(label="Contact role", required=False, max_length=150)
    contact_email = forms.CharField(
        label="Contact email",
        required=False,
        max_length=254,
        widget=forms.EmailInput,
        help_text="A person to ask. Publishing needs an email or a phone number.",
    )
    contact_phone = forms.CharField(label="Contact phone", required=False, max_length=40)
    external_id = forms.CharField(
        label="Your reference",
        required=False,
        max_length=300,
        help_text="Your own code for it, if you have one. Spreadsheet re-imports update by this.",
    )
    tags = forms.CharField(
        label="Lexicon tags",
        required=False,
        max_length=5000,
        help_text=(
            "Skills and topics from the lexicon, separated by semicolons, for example "
            "“Cataloguing; Digital preservation”. Any label or the concept’s web address works."
        ),
    )

    def __init__(self, *args: Any, opportunity: Opportunity | None = None, **kwargs: Any) -> None:
        if opportunity is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for_opportunity(opportunity)
        super().__init__(*args, **kwargs)
        enable_tag_picker(self.fields["tags"])

    def tag_texts(self) -> list[str]:
        return split_tags(self.cleaned_data.get("tags", ""))

    def to_record(self, *, status: str = "draft") -> OpportunityRecord:
        data = self.cleaned_data
        is_free = data["cost"] == "free"
        return OpportunityRecord(
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            kind=data["kind"],
            format=data["format"],
            sectors=[s.slug for s in data["audience_sectors"]],
            career_stages=[s.slug for s in data["career_stages"]],
            is_free=is_free,
            # A free offer has no price: whatever was left in the boxes is ignored.
            price=None if is_free else data["price"],
            member_price=None if is_free else data["member_price"],
            currency=data["currency"],
            accessibility_notes=data["accessibility_notes"],
            language=data["language"],
            url=data["url"],
            contact_name=data["contact_name"],
            contact_role=data["contact_role"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            external_id=data["external_id"],
            tags=self.tag_texts(),
            status=status,
        )


def initial_for_opportunity(opportunity: Opportunity) -> dict[str, Any]:
    tag_ids = list(opportunity.tag_links.order_by("pk").values_list("concept_id", flat=True))
    return {
        "title": opportunity.title,
        "summary": opportunity.summary,
        "description": opportunity.description,
        "kind": opportunity.kind,
        "format": opportunity.format,
        "audience_sectors": list(opportunity.audience_sectors.all()),
        "career_stages": list(opportunity.career_stages.all()),
        "cost": "free" if opportunity.is_free else "paid",
        "price": opportunity.price,
        "member_price": opportunity.member_price,
        "currency": opportunity.currency,
        "accessibility_notes": opportunity.accessibility_notes,
        "language": opportunity.language,
        "url": opportunity.url,
        "contact_name": opportunity.contact_name,
        "contact_role": opportunity.contact_role,
        "contact_email": opportunity.contact_email,
        "contact_phone": opportunity.contact_phone,
        "external_id": opportunity.external_id,
        "tags": join_tags(tag_texts(tag_ids)),
    }


def enable_tag_picker(field: forms.Field) -> None:
    """With htmx, typing in the tag field asks for suggestions; without it, these do nothing."""
    field.widget.attrs.update(
        {
            "autocomplete": "off",
            "spellcheck": "false",
            "hx-get": reverse("catalogue:concept_suggest"),
            "hx-trigger": "input changed delay:200ms",
            "hx-target": "#tag-suggestions",
            "hx-sync": "this:replace",
        }
    )


class TagsForm(CatalogueForm):
    """Just the tag field: re-drawn by the tag picker when a suggestion is chosen."""

    tags = OpportunityForm.base_fields["tags"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        enable_tag_picker(self.fields["tags"])
        self.fields["tags"].widget.attrs["autofocus"] = True


class StatusForm(CatalogueForm):
    status = forms.ChoiceField(
        choices=[("published", "Publish"), ("withdrawn", "Withdraw"), ("draft", "Draft")]
    )


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class OccurrenceForm(CatalogueForm):
    """One run of an opportunity: a day and times in a time zone, a place or a joining link."""

    service_fields = {
        "start": "start_time",
        "end": "end_time",
        "is_online": "online_url",
        "country": "region",
    }

    date = forms.DateField(
        label="Date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Leave empty for self-paced or always-open offers.",
    )
    start_time = forms.TimeField(
        label="Start time", required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label="End time", required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_date = forms.DateField(
        label="End date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Only if it ends on a later day than it starts.",
    )
    timezone = forms.ChoiceField(
        label="Time zone",
        choices=timezone_choices,
        initial=DEFAULT_TIMEZONE,
        help_text="The venue’s time zone, or the organiser’s for online sessions.",
    )
    registration_deadline = forms.DateField(
        label="Book by",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The last day to register, if there is one.",
    )
    venue_name = forms.CharField(label="Venue", required=False, max_length=200)
    address = forms.CharField(label="Address", required=False, max_length=500)
    town = forms.CharField(label="Town or city", required=False, max_length=120)
    postcode = forms.CharField(label="Postcode", required=False, max_length=20)
    region = RegionChoiceField(
        label="Region",
        queryset=Region.objects.filter(is_itl1=True),
        required=False,
        empty_label="Not given",
        help_text="Where the venue is, so people nearby find it.",
    )
    online_url = forms.CharField(
        label="Online joining address",
        required=False,
        max_length=500,
        widget=forms.URLInput,
        help_text="For online sessions: the link people join with (https://…).",
    )
    capacity = forms.IntegerField(label="Places", required=False, min_value=0)
    places_left = forms.IntegerField(
        label="Places left", required=False, min_value=0, help_text="Leave empty when every place is free."
    )
    is_cancelled = forms.BooleanField(label="Cancelled", required=False)

    def __init__(self, *args: Any, occurrence: Occurrence | None = None, **kwargs: Any) -> None:
        if occurrence is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for_occurrence(occurrence)
        super().__init__(*args, **kwargs)
        region_field: Any = self.fields["region"]
        if occurrence is not None and occurrence.region is not None and not occurrence.region.is_itl1:
            # Keep a region that an import created outside the UK regions choosable.
            region_field.queryset = Region.objects.filter(is_itl1=True) | Region.objects.filter(
                pk=occurrence.region.pk
            )
        if occurrence is None:
            del self.fields["is_cancelled"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end, end_day = (data.get(k) for k in ("date", "start_time", "end_time", "end_date"))
        if day is None and not self.has_error("date"):
            if start or end or end_day:
                self.add_error("date", "Give the date, or clear the times for a self-paced offer.")
        elif day is not None:
            if start is None and not self.has_error("start_time"):
                self.add_error("start_time", "Give the start time.")
            if end_day is not None and end is None and not self.has_error("end_time"):
                self.add_error("end_time", "Give the end time on the end date.")
        return data

    def to_record(self) -> OccurrenceRecord:
        data = self.cleaned_data
        day: dt.date | None = data["date"]
        # Naive times in the chosen zone; the service makes them aware in that zone.
        start = dt.datetime.combine(day, data["start_time"]) if day and data["start_time"] else None
        end = None
        if day and data["end_time"]:
            end = dt.datetime.combine(data["end_date"] or day, data["end_time"])
        deadline = data["registration_deadline"]
        deadline_at = dt.datetime.combine(deadline, DEADLINE_TIME) if deadline else None
        if deadline_at and start and deadline_at > start and deadline == day:
            deadline_at = start  # "book by the day itself" means before it begins
        region: Region | None = data["region"]
        return OccurrenceRecord(
            start=start,
            end=end,
            timezone=data["timezone"],
            registration_deadline=deadline_at,
            venue_name=data["venue_name"],
            address=data["address"],
            town=data["town"],
            postcode=data["postcode"],
            region=(region.code if region.is_itl1 else region.name) if region else "",
            country=(region.country or "GB") if region else "GB",
            online_url=data["online_url"],
            capacity=data["capacity"],
            places_left=data["places_left"],
            is_cancelled=data.get("is_cancelled", False),
        )


def local_time(moment: dt.datetime | None, zone_name: str) -> dt.datetime | None:
    """`moment` as the clock on the venue's wall shows it."""
    if moment is None:
        return None
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(DEFAULT_TIMEZONE)
    return moment.astimezone(zone)


def initial_for_occurrence(occurrence: Occurrence) -> dict[str, Any]:
    start = local_time(occurrence.start, occurrence.timezone)
    end = local_time(occurrence.end, occurrence.timezone)
    deadline = local_time(occurrence.registration_deadline, occurrence.timezone)
    return {
        "date": start.date() if start else None,
        "start_time": start.time().replace(tzinfo=None) if start else None,
        "end_time": end.time().replace(tzinfo=None) if end else None,
        "end_date": end.date() if end and start and end.date() != start.date() else None,
        "timezone": occurrence.timezone,
        "registration_deadline": deadline.date() if deadline else None,
        "venue_name": occurrence.venue_name,
        "address": occurrence.address,
        "town": occurrence.town,
        "postcode": occurrence.postcode,
        "region": occurrence.region_id,
        "online_url": occurrence.online_url,
        "capacity": occurrence.capacity,
        "places_left": occurrence.places_left,
        "is_cancelled": occurrence.is_cancelled,
    }
