"""Editing one opportunity by hand: the providers' pages and the publishing API.

The same rules as every other way in: values are checked by the RecordValidator that file
imports and feeds use, and a new opportunity is written by `save_records`. On top of those,
this module checks who may edit (the catalogue policy), that a provider's own reference is
not used twice, that a price agrees with "free", and that a published opportunity names a
contact. Every function checks everything before it writes and raises
`ValidationError({field: [message]})`, with messages that read well beside a form field;
errors about the n-th date of an opportunity are keyed `occurrences.<n>.<field>`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from signpost.accounts.models import Organisation
from signpost.accounts.selectors import AnyUser
from signpost.catalogue.models import Occurrence, Opportunity, OpportunityTag, Status, TagSource
from signpost.catalogue.permissions import can_edit_opportunity, can_publish_for, publishes_as_provider
from signpost.catalogue.records import OccurrenceRecord, OpportunityRecord
from signpost.catalogue.services import opportunities
from signpost.catalogue.services.indexing import opportunities_changed
from signpost.lexicon import selectors as lexicon_selectors
from signpost.lexicon.lookup import ConceptLookup, normalise_label
from signpost.lexicon.models import Concept, Label

# The schemes people tag with by label. Concepts of other schemes can still be given by URI.
TAG_SCHEMES: tuple[str, ...] = ("starter",)

# How fields are called on the page, so that "is required" becomes "Title is required."
FIELD_NAMES: dict[str, str] = {
    "title": "Title",
    "summary": "The summary",
    "description": "The description",
    "accessibility_notes": "The accessibility notes",
    "external_id": "Your reference",
    "contact_name": "The contact's name",
    "contact_role": "The contact's role",
    "contact_phone": "The phone number",
    "language": "The language",
    "start": "The start",
    "end": "The end",
    "registration_deadline": "The registration deadline",
    "venue_name": "The venue",
    "address": "The address",
    "town": "The town",
    "postcode": "The postcode",
    "capacity": "The capacity",
    "places_left": "Places left",
}
PERMISSION_MESSAGE = "You may not edit this provider's opportunities."


def _sentence(field: str, message: str) -> str:
    """Turn a validator's terse "field: is required" into a sentence for beside the field."""
    message = message.strip()
    if message.split(" ", 1)[0] in {"is", "cannot", "has"}:
        message = f"{FIELD_NAMES.get(field, field.replace('_', ' ').capitalize())} {message}"
    else:
        message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


class _Errors:
    """Errors gathered before anything is written: {field: [sentences]}."""

    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, field: str, message: str, *, prefix: str = "") -> None:
        self.by_field.setdefault(prefix + field, []).append(_sentence(field, message))

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def _check_can_publish(actor: AnyUser, provider: Organisation) -> None:
    if not can_publish_for(actor, provider):
        raise PermissionDenied(PERMISSION_MESSAGE)


def _check_can_edit(actor: AnyUser, opportunity: Opportunity) -> None:
    if not can_edit_opportunity(actor, opportunity):
        raise PermissionDenied(PERMISSION_MESSAGE)


def tag_source_for(actor: AnyUser, provider: Organisation) -> str:
    """A provider's own editors tag as the provider; brokers and admins as brokers."""
    return TagSource.PROVIDER if publishes_as_provider(actor, provider) else TagSource.BROKER


def tag_lookup() -> ConceptLookup:
    return ConceptLookup(TAG_SCHEMES)


def resolve_tags(texts: Iterable[str], *, lookup: ConceptLookup | None = None) -> tuple[list[int], list[str]]:
    """Concept ids for labels, notations or URIs (in order, without repeats), and what failed.

    Labels and notations are looked up in the tagging schemes; a URI may name a concept of
    any scheme loaded here, so a tag from another framework survives an edit.
    """
    wanted = [" ".join(t.split()) for t in texts if t.strip()]
    uris = [t for t in wanted if t.startswith(("http://", "https://"))]
    by_uri = dict(Concept.objects.filter(uri__in=uris).values_list("uri", "pk")) if uris else {}
    ids: list[int] = []
    problems: list[str] = []
    for text in wanted:
        if text in by_uri:
            concept_id = by_uri[text]
        else:
            if lookup is None:
                lookup = tag_lookup()
            try:
                concept_id = lookup.resolve(text)
            except LookupError as problem:
                hint = _did_you_mean(text) if str(problem).startswith("no concept is called") else ""
                problems.append(_sentence("tags", str(problem) + hint))
                continue
        if concept_id not in ids:
            ids.append(concept_id)
    return ids, problems


def suggest_concepts(*, q: str, limit: int = 10) -> list[Concept]:
    """Concepts of the tagging schemes with any label containing `q`, best first, each with
    the label that matched (`matched_text`)."""
    return lexicon_selectors.search_concepts(q=q).filter(scheme__slug__in=TAG_SCHEMES)[:limit]


def _did_you_mean(text: str) -> str:
    if text.startswith(("http://", "https://")) or len(text) < 3:
        return ""
    names = list(dict.fromkeys(c.pref_label for c in suggest_concepts(q=text, limit=3)))
    if not names:
        names = _close_labels(text)
    if not names:
        return ""
    return "; did you mean " + " or ".join(f"“{name}”" for name in names) + "?"


def _close_labels(text: str, limit: int = 3) -> list[str]:
    """Preferred labels of the concepts whose labels look most like `text` (typing slips)."""
    labels: dict[str, str] = {}
    for label, pref in Label.objects.filter(concept__scheme__slug__in=TAG_SCHEMES).values_list(
        "text", "concept__pref_label"
    ):
        labels.setdefault(normalise_label(label), pref)
    close = difflib.get_close_matches(normalise_label(text), list(labels), n=limit * 2, cutoff=0.8)
    return list(dict.fromkeys(labels[c] for c in close))[:limit]


def tag_texts(concept_ids: Sequence[int], *, lookup: ConceptLookup | None = None) -> list[str]:
    """How to write each concept in the tag field so that it resolves back to the same concept:
    its preferred label where that is unambiguous in the tagging schemes, else its URI."""
    if not concept_ids:
        return []
    lookup = lookup or tag_lookup()
    concepts = Concept.objects.in_bulk(concept_ids)
    texts = []
    for pk in concept_ids:
        concept = concepts.get(pk)
        if concept is None:
            continue
        try:
            same = lookup.resolve(concept.pref_label) == pk
        except LookupError:
            same = False
        texts.append(concept.pref_label if same else concept.uri)
    return texts


def record_for(opportunity: Opportunity) -> OpportunityRecord:
    """The opportunity's own fields as a record (tags and dates left out), to change and save."""
    return OpportunityRecord(
        title=opportunity.title,
        external_id=opportunity.external_id,
        summary=opportunity.summary,
        description=opportunity.description,
        kind=opportunity.kind,
        format=opportunity.format,
        sectors=list(opportunity.audience_sectors.values_list("slug", flat=True)),
        career_stages=list(opportunity.career_stages.values_list("slug", flat=True)),
        is_free=opportunity.is_free,
        price=opportunity.price,
        member_price=opportunity.member_price,
        currency=opportunity.currency,
        accessibility_notes=opportunity.accessibility_notes,
        language=opportunity.language,
        url=opportunity.url,
        contact_name=opportunity.contact_name,
        contact_role=opportunity.contact_role,
        contact_email=opportunity.contact_email,
        contact_phone=opportunity.contact_phone,
        status=opportunity.status,
    )


def _check_opportunity_record(
    record: OpportunityRecord,
    *,
    validator: opportunities.RecordValidator,
    provider: Organisation,
    opportunity: Opportunity | None,
    errors: _Errors,
) -> dict[str, Any] | None:
    """Validate the opportunity's own fields; return its model values, or None when invalid."""
    clean, problems = validator.clean(replace(record, tags=[], occurrences=[]))
    for problem in problems:
        errors.add(problem.field, problem.message)
    if record.is_free and record.price:
        errors.add("price", "An opportunity marked free has no price: clear the price, or say it is paid")
    if record.is_free is False and record.price is None:
        errors.add("price", "Give the price, or say that it is free")
    if clean is None:
        return None
    values = clean.values
    if values["external_id"]:
        taken = Opportunity.objects.filter(provider=provider, external_id=values["external_id"])
        if opportunity is not None:
            taken = taken.exclude(pk=opportunity.pk)
        other = taken.first()
        if other is not None:
            errors.add(
                "external_id",
                f"Your reference {values['external_id']!r} is already used by “{other.title}” "
                f"(id {other.pk})",
            )
    if values["status"] == Status.PUBLISHED and not (values["contact_email"] or values["contact_phone"]):
        errors.add("contact_email", "Give a contact email or phone before publishing: a person to ask")
    return {**values, "sectors": clean.sectors, "career_stages": clean.career_stages}


def _check_occurrence(
    occurrence: OccurrenceRecord,
    *,
    validator: opportunities.RecordValidator,
    errors: _Errors,
    prefix: str = "",
) -> dict[str, Any]:
    found: list[tuple[str, str]] = []
    # The validator's per-date check: the same rules a file row's dates meet.
    values = validator._occurrence(occurrence, found)
    for field, message in found:
        errors.add(field, message, prefix=prefix)
    if values["capacity"] is not None and values["places_left"] is None:
        values["places_left"] = values["capacity"]  # a new run starts with every place free
    return values


def _date_validator() -> opportunities.RecordValidator:
    # Scoped to the small tagging schemes: an unscoped validator would load every scheme's labels.
    return opportunities.RecordValidator(tag_schemes=TAG_SCHEMES)


def _bump(opportunity: Opportunity) -> None:
    """Move the opportunity up the change feed and re-index it once the transaction commits."""
    opportunity.modified_seq = opportunities.reserve_change_numbers()
    opportunity.save(update_fields=["modified_seq", "updated_at"])
    pk = opportunity.pk
    transaction.on_commit(lambda: opportunities_changed([pk]))


def _write_tags(opportunity: Opportunity, concept_ids: Sequence[int], source: str) -> bool:
    """Make the opportunity's tags exactly `concept_ids`; new ones carry `source`, kept ones
    keep theirs (an automatic tag left in place is not claimed by whoever saved the form)."""
    have = set(opportunity.tag_links.values_list("concept_id", flat=True))
    wanted = set(concept_ids)
    if have == wanted:
        return False
    OpportunityTag.objects.filter(opportunity=opportunity).exclude(concept_id__in=wanted).delete()
    OpportunityTag.objects.bulk_create(
        OpportunityTag(opportunity=opportunity, concept_id=pk, source=source, weight=1.0)
        for pk in concept_ids
        if pk not in have
    )
    return True


def _save_regions(occurrences: Iterable[dict[str, Any]]) -> None:
    """Free-text regions met for the first time are saved only now that the edit is valid."""
    for values in occurrences:
        region = values.get("region")
        if region is not None and region.pk is None:
            region.save()


def _check_new(
    *, provider: Organisation, data: OpportunityRecord, validator: opportunities.RecordValidator
) -> list[int]:
    """Every check a new opportunity must pass; the ids of its tags when it passes."""
    errors = _Errors()
    if data.status not in {Status.DRAFT, Status.PUBLISHED}:
        errors.add("status", f"A new opportunity is a draft or published, not {data.status!r}")
    _check_opportunity_record(data, validator=validator, provider=provider, opportunity=None, errors=errors)
    for n, occurrence in enumerate(data.occurrences):
        _check_occurrence(occurrence, validator=validator, errors=errors, prefix=f"occurrences.{n}.")
    if len(data.occurrences) > opportunities.MAX_OCCURRENCES:
        errors.add(
            "occurrences",
            f"has {len(data.occurrences)} dates; the most allowed is {opportunities.MAX_OCCURRENCES}",
        )
    tag_ids, tag_problems = resolve_tags(data.tags, lookup=validator.concepts)
    for problem in tag_problems:
        errors.add("tags", problem)
    errors.raise_if_any()
    return tag_ids


def check_new_opportunity(*, provider: Organisation, actor: AnyUser, data: OpportunityRecord) -> None:
    """Raise what `create_opportunity` would refuse, writing nothing: lets a page show every
    problem at once even when part of the form could not be read."""
    _check_can_publish(actor, provider)
    _check_new(provider=provider, data=data, validator=opportunities.RecordValidator(tag_schemes=TAG_SCHEMES))


@transaction.atomic
def create_opportunity(
    *, provider: Organisation, actor: AnyUser, data: OpportunityRecord, source: str = "form"
) -> Opportunity:
    """Create an opportunity with its dates and tags (`data.tags`: labels, notations or URIs).

    The status is the record's (the pages create drafts); publishing needs a contact.
    """
    _check_can_publish(actor, provider)
    validator = opportunities.RecordValidator(tag_schemes=TAG_SCHEMES)
    tag_ids = _check_new(provider=provider, data=data, validator=validator)

    occurrences = [
        replace(o, places_left=o.capacity if o.places_left is None else o.places_left)
        for o in data.occurrences
    ]
    result = opportunities.save_records(
        provider=provider,
        records=[replace(data, tags=[], occurrences=occurrences)],
        source=source,
        validator=validator,
    )
    if not result.ok or not result.created:  # checked above; a defence against the rules drifting apart
        raise ValidationError({e.field: [_sentence(e.field, e.message)] for e in result.errors})
    opportunity = Opportunity.objects.get(pk=result.opportunity_ids[0])
    _write_tags(opportunity, tag_ids, tag_source_for(actor, provider))
    return opportunity


@transaction.atomic
def update_opportunity(
    *,
    opportunity: Opportunity,
    actor: AnyUser,
    data: OpportunityRecord,
    tags: Sequence[str] | None = None,
    occurrences: Sequence[OccurrenceRecord] | None = None,
    status: str | None = None,
) -> Opportunity:
    """Change an opportunity's fields, and with `status` its status too, all or nothing.

    The record's own status is ignored: the status changes only when `status` is given, so
    that "save and publish" checks the publishing rules before anything is written.
    `tags` (labels, notations or URIs) replaces the whole set when given; `occurrences`
    replaces every date when given. None leaves them as they are. An empty format is
    worked out from the dates, as on import.
    """
    _check_can_edit(actor, opportunity)
    validator = opportunities.RecordValidator(tag_schemes=TAG_SCHEMES)
    errors = _Errors()
    record = replace(data, status=status or opportunity.status)
    values = _check_opportunity_record(
        record, validator=validator, provider=opportunity.provider, opportunity=opportunity, errors=errors
    )
    new_dates = [
        _check_occurrence(o, validator=validator, errors=errors, prefix=f"occurrences.{n}.")
        for n, o in enumerate(occurrences or [])
    ]
    if occurrences is not None and len(occurrences) > opportunities.MAX_OCCURRENCES:
        errors.add(
            "occurrences",
            f"has {len(occurrences)} dates; the most allowed is {opportunities.MAX_OCCURRENCES}",
        )
    tag_ids: list[int] | None = None
    if tags is not None:
        tag_ids, tag_problems = resolve_tags(tags, lookup=validator.concepts)
        for problem in tag_problems:
            errors.add("tags", problem)
    errors.raise_if_any()
    assert values is not None  # no errors, so the record was clean

    sectors, stages = values.pop("sectors"), values.pop("career_stages")
    values.pop("status")
    if not (data.format or "").strip():
        dates: list[dict[str, Any]] = (
            new_dates
            if occurrences is not None
            else [dict(o) for o in opportunity.occurrences.values("is_online")]
        )
        values["format"] = opportunities._format_from(dates) if dates else opportunity.format
    changed = any(getattr(opportunity, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(opportunity, name, value)
    if changed:
        opportunity.save()
    if sorted(opportunity.audience_sectors.values_list("pk", flat=True)) != sorted(sectors):
        opportunity.audience_sectors.set(sectors)
        changed = True
    if sorted(opportunity.career_stages.values_list("pk", flat=True)) != sorted(stages):
        opportunity.career_stages.set(stages)
        changed = True
    if tag_ids is not None:
        changed = _write_tags(opportunity, tag_ids, tag_source_for(actor, opportunity.provider)) or changed
    if occurrences is not None:
        _save_regions(new_dates)
        opportunity.occurrences.all().delete()
        Occurrence.objects.bulk_create(Occurrence(opportunity=opportunity, **o) for o in new_dates)
        changed = True
    if status is not None and status != opportunity.status:
        opportunities.set_status(opportunity=opportunity, status=status)
    elif changed:
        _bump(opportunity)
    return opportunity


@transaction.atomic
def set_tags(
    *, opportunity: Opportunity, actor: AnyUser, concept_ids: Sequence[int], source: str | None = None
) -> None:
    """Make the opportunity's tags exactly these concepts.

    New tags carry `source`; by default "provider" when one of the provider's editors tags,
    "broker" when a broker or admin does. Tags already there keep their source.
    """
    _check_can_edit(actor, opportunity)
    source = source or tag_source_for(actor, opportunity.provider)
    if source not in TagSource.values:
        raise ValidationError({"source": [f"{source!r} is not one of: {', '.join(TagSource.values)}."]})
    ids = list(dict.fromkeys(concept_ids))
    known = set(Concept.objects.filter(pk__in=ids).values_list("pk", flat=True))
    unknown = [str(pk) for pk in ids if pk not in known]
    if unknown:
        raise ValidationError({"tags": [f"No concept has the id {', '.join(unknown)}."]})
    if _write_tags(opportunity, ids, source):
        _bump(opportunity)


@transaction.atomic
def add_occurrence(*, opportunity: Opportunity, actor: AnyUser, data: OccurrenceRecord) -> Occurrence:
    """Add a date (or an undated run, for self-paced offers) to an opportunity."""
    _check_can_edit(actor, opportunity)
    errors = _Errors()
    values = _check_occurrence(data, validator=_date_validator(), errors=errors)
    if opportunity.occurrences.count() >= opportunities.MAX_OCCURRENCES:
        errors.add(
            "start", f"This opportunity already has {opportunities.MAX_OCCURRENCES} dates, the most allowed"
        )
    errors.raise_if_any()
    _save_regions([values])
    occurrence = Occurrence.objects.create(opportunity=opportunity, **values)
    _bump(opportunity)
    return occurrence


@transaction.atomic
def update_occurrence(*, occurrence: Occurrence, actor: AnyUser, data: OccurrenceRecord) -> Occurrence:
    """Change one date of an opportunity."""
    opportunity = occurrence.opportunity
    _check_can_edit(actor, opportunity)
    errors = _Errors()
    values = _check_occurrence(data, validator=_date_validator(), errors=errors)
    errors.raise_if_any()
    _save_regions([values])
    for name, value in values.items():
        setattr(occurrence, name, value)
    occurrence.save()
    _bump(opportunity)
    return occurrence


@transaction.atomic
def delete_occurrence(*, occurrence: Occurrence, actor: AnyUser) -> None:
    opportunity = occurrence.opportunity
    _check_can_edit(actor, opportunity)
    occurrence.delete()
    _bump(opportunity)


@transaction.atomic
def change_status(*, opportunity: Opportunity, actor: AnyUser, status: str) -> Opportunity:
    """Publish, withdraw, or return to draft. Publishing needs a contact email or phone."""
    _check_can_edit(actor, opportunity)
    return opportunities.set_status(opportunity=opportunity, status=status)


@transaction.atomic
def delete_opportunity(*, opportunity: Opportunity, actor: AnyUser) -> None:
    """Delete a draft. Anything people may have seen is withdrawn instead, never deleted."""
    _check_can_edit(actor, opportunity)
    if opportunity.status != Status.DRAFT:
        raise ValidationError(
            {
                "status": [
                    "Only a draft can be deleted, and this opportunity is "
                    f"{opportunity.get_status_display().lower()}. Withdraw it instead: people who saw it "
                    "can then still find out that it is no longer offered."
                ]
            }
        )
    if opportunity.published_at is not None:
        # Once published, other catalogues may hold it: they learn of its end through the change
        # feed, which can only say "deleted" about a row that still exists.
        raise ValidationError(
            {
                "status": [
                    "This draft was published before, so other catalogues may list it. "
                    "Withdraw it instead of deleting it."
                ]
            }
        )
    pk = opportunity.pk
    opportunity.delete()
    transaction.on_commit(lambda: opportunities_changed([pk]))
