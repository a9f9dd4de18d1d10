"""Providers' pages: the publishing dashboard, an opportunity's form with its dates, status
changes, and the lexicon tag picker. Each view: fetch, ask the policy, call one service in
services/editing.py, render. Plain HTML forms throughout; htmx only adds the suggestions
that appear as a tag is typed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from signpost.accounts.models import Organisation
from signpost.catalogue import manage_selectors as selectors
from signpost.catalogue import permissions
from signpost.catalogue.forms import (
    OccurrenceForm,
    OpportunityForm,
    TagsForm,
    join_tags,
    local_time,
    split_tags,
)
from signpost.catalogue.models import Occurrence, Opportunity, Status
from signpost.catalogue.services import editing

# Typed text shorter than this brings no suggestions: one letter matches half the lexicon.
SUGGEST_MIN_LENGTH = 2
SUGGEST_LIMIT = 10

STATUS_ACTIONS = {
    Status.PUBLISHED: "Published “{title}”: it is now in the catalogue.",
    Status.WITHDRAWN: "Withdrew “{title}”: it stays findable, marked as no longer offered.",
    Status.DRAFT: "Returned “{title}” to draft: only your editors can see it.",
    Status.PAST: "Marked “{title}” as past.",
}


def _login_needed(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _provider_or_404(slug: str) -> Organisation:
    provider = selectors.provider_for_publishing(slug=slug)
    if provider is None:
        raise Http404("No such organisation")
    return provider


def _opportunity_or_404(pk: int) -> Opportunity:
    opportunity = selectors.opportunity_for_editing(pk=pk)
    if opportunity is None:
        raise Http404("No such opportunity")
    return opportunity


def _occurrence_or_404(pk: int) -> Occurrence:
    occurrence = selectors.occurrence_for_editing(pk=pk)
    if occurrence is None:
        raise Http404("No such date")
    return occurrence


def _check_can_edit(request: HttpRequest, opportunity: Opportunity) -> None:
    if not permissions.can_edit_opportunity(request.user, opportunity):
        raise PermissionDenied("Only the provider's editors and brokers may edit this opportunity.")


def _local_dates(occurrences: Any) -> list[Any]:
    """Give each date its times as the venue's clock shows them (`local_start`, `local_end`), to
    tell whether it ends on the day it starts; pages write times with the |timezone filter."""
    rows = list(occurrences)
    for row in rows:
        row.local_start = local_time(row.start, row.timezone)
        row.local_end = local_time(row.end, row.timezone)
    return rows


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The providers the user publishes for, and their opportunities with status and next date."""
    if (refusal := _login_needed(request)) is not None:
        return refusal
    everyone = permissions.publishes_for_every_provider(request.user)
    provider_q = request.GET.get("provider_q", "")[:200]
    providers = selectors.providers_overview(user=request.user, everyone=everyone, q=provider_q)
    if not everyone and not providers:
        raise PermissionDenied("You do not publish opportunities for any organisation.")
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    q = request.GET.get("q", "")[:200]
    provider = None
    if slug := request.GET.get("provider", ""):
        provider = selectors.provider_for_publishing(slug=slug)
        if provider is None or not permissions.can_publish_for(request.user, provider):
            provider = None
    opportunities = selectors.editable_opportunities(user=request.user, provider=provider, status=status, q=q)
    page = Paginator(opportunities, settings.SIGNPOST_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "providers": providers,
        "everyone": everyone,
        "provider_q": provider_q,
        "provider": provider,
        "status": status,
        "statuses": Status.choices,
        "q": q,
        "page": page,
    }
    template = "catalogue/manage_dashboard.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest, provider: str) -> HttpResponse:
    """A new draft: the opportunity's fields, its tags and (optionally) its first date."""
    organisation = _provider_or_404(provider)
    if (refusal := _login_needed(request)) is not None:
        return refusal
    if not permissions.can_publish_for(request.user, organisation):
        raise PermissionDenied(f"You may not publish for {organisation.name}.")
    initial: dict[str, Any] = {}
    if permissions.publishes_as_provider(request.user, organisation):
        # The person creating it is the likeliest contact; they can change it.
        initial = {"contact_name": request.user.get_full_name(), "contact_email": request.user.email}  # type: ignore[union-attr]
    post = request.POST if request.method == "POST" else None
    form = OpportunityForm(post, initial=initial)
    first_date = OccurrenceForm(post, prefix="first")
    if request.method == "POST":
        wants_date = first_date.has_changed()
        date_ok = not wants_date or first_date.is_valid()
        if form.is_valid() and date_ok:
            record = form.to_record(status=Status.DRAFT)
            if wants_date:
                record.occurrences = [first_date.to_record()]
            try:
                opportunity = editing.create_opportunity(
                    provider=organisation, actor=request.user, data=record, source="form"
                )
            except ValidationError as error:
                form.add_service_errors(error)
                first_date.add_service_errors(error, prefix="occurrences.0.")
            else:
                messages.success(
                    request, f"Saved “{opportunity.title}” as a draft. Add its dates, then publish it."
                )
                return redirect("catalogue:opportunity_edit", pk=opportunity.pk)
        elif form.is_valid():
            # The date could not be read; still show every problem with the rest at once.
            try:
                editing.check_new_opportunity(
                    provider=organisation, actor=request.user, data=form.to_record(status=Status.DRAFT)
                )
            except ValidationError as error:
                form.add_service_errors(error)
    return render(
        request,
        "catalogue/opportunity_form.html",
        {"provider": organisation, "opportunity": None, "form": form, "first_date": first_date},
    )


def _bound_to_current(opportunity: Opportunity) -> OpportunityForm:
    """The form filled with what is saved, validated, so a status error can sit beside a field."""
    initial = OpportunityForm(opportunity=opportunity).initial
    data: dict[str, Any] = {}
    for name, value in initial.items():
        if name in {"audience_sectors", "career_stages"}:
            data[name] = [item.slug for item in value]
        else:
            data[name] = "" if value is None else str(value)
    form = OpportunityForm(data, opportunity=opportunity)
    form.is_valid()
    return form


def _edit_page(request: HttpRequest, opportunity: Opportunity, form: OpportunityForm) -> HttpResponse:
    return render(
        request,
        "catalogue/opportunity_form.html",
        {
            "provider": opportunity.provider,
            "opportunity": opportunity,
            "form": form,
            "dates": _local_dates(selectors.occurrences_of(opportunity=opportunity)),
            "tags": selectors.tags_of(opportunity=opportunity),
            "Status": Status,
        },
    )


@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The opportunity's fields and tags; below, its dates, and buttons to change its status."""
    opportunity = _opportunity_or_404(pk)
    if (refusal := _login_needed(request)) is not None:
        return refusal
    _check_can_edit(request, opportunity)
    form = OpportunityForm(request.POST if request.method == "POST" else None, opportunity=opportunity)
    if request.method == "POST" and form.is_valid():
        publish = "publish" in request.POST and opportunity.status != Status.PUBLISHED
        try:
            editing.update_opportunity(
                opportunity=opportunity,
                actor=request.user,
                data=form.to_record(status=opportunity.status),
                tags=form.tag_texts(),
                status=Status.PUBLISHED if publish else None,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if publish:
                messages.success(request, STATUS_ACTIONS[Status.PUBLISHED].format(title=opportunity.title))
            else:
                messages.success(request, f"Saved “{opportunity.title}”.")
            return redirect("catalogue:opportunity_edit", pk=opportunity.pk)
    return _edit_page(request, opportunity, form)


@require_POST
def opportunity_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish, withdraw or return to draft. A refusal is shown beside the field it is about."""
    opportunity = _opportunity_or_404(pk)
    if (refusal := _login_needed(request)) is not None:
        return refusal
    _check_can_edit(request, opportunity)
    status = request.POST.get("status", "")
    try:
        editing.change_status(opportunity=opportunity, actor=request.user, status=status)
    except ValidationError as error:
        opportunity.refresh_from_db()
        form = _bound_to_current(opportunity)
        form.add_service_errors(error)
        return _edit_page(request, opportunity, form)
    messages.success(request, STATUS_ACTIONS[Status(status)].format(title=opportunity.title))
    return redirect("catalogue:opportunity_edit", pk=opportunity.pk)


@require_http_methods(["GET", "POST"])
def opportunity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a draft, after asking. Published ones are withdrawn instead."""
    opportunity = _opportunity_or_404(pk)
    if (refusal := _login_needed(request)) is not None:
        return refusal
    _check_can_edit(request, opportunity)
    if request.method == "POST":
        try:
            editing.delete_opportunity(opportunity=opportunity, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("catalogue:opportunity_edit", pk=opportunity.pk)
        messages.success(request, f"Deleted the draft “{opportunity.title}”.")
        return redirect(f"{reverse('catalogue:manage_dashboard')}?provider={opportunity.provider.slug}")
    return render(request, "catalogue/manage_confirm_delete.html", {"opportunity": opportunity, "date": None})


def _dates_url(opportunity: Opportunity) -> str:
    return reverse("catalogue:opportunity_edit", kwargs={"pk": opportunity.pk}) + "#dates"


@require_http_methods(["GET", "POST"])
def occurrence_create(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = _opportunity_or_404(pk)
    if (refusal := _login_needed(request)) is not None:
        return refusal
    _check_can_edit(request, opportunity)
    form = OccurrenceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            editing.add_occurrence(opportunity=opportunity, actor=request.user, data=form.to_record())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Added a date to “{opportunity.title}”.")
            return redirect(_dates_url(opportunity))
    return render(
        request, "catalogue/occurrence_form.html", {"opportunity": opportunity, "form": form, "date": None}
    )


@require_http_methods(["GET", "POST"])
def occurrence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = _occurrence_or_404(pk)
    opportunity = occurrence.opportunity
    if (refusal := _login_needed(request)) is not None:
        return refusal
    _check_can_edit(request, opportunity)
    form = OccurrenceForm(request.POST if request.method == "POST" else None, occurrence=occurrence)
    if request.method == "POST" and form.is_valid():
        try:
            editing.update_occurrence(occurrence=occurrence, actor=request.user, data=form.to_record())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Saved the date of “{opportunity.title}”.")
            return redirect(_dates_url(opportunity))
    return render(
        request,
        "catalogue/occurrence_form.html",
        {"opportunity": opportunity, "form": form, "date": _local_dates([occurrence])[0]},
    )


@require_http_methods(["GET", "POST"])
def occurrence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = _occurrence_or_404(pk)
    opportunity = occurrence.opportunity
    if (refusal := _login_needed(request)) is not None:
        return refusal
    _check_can_edit(request, opportunity)
    if request.method == "POST":
        editing.delete_occurrence(occurrence=occurrence, actor=request.user)
        messages.success(request, f"Removed a date from “{opportunity.title}”.")
        return redirect(_dates_url(opportunity))
    return render(
        request,
        "catalogue/manage_confirm_delete.html",
        {"opportunity": opportunity, "date": _local_dates([occurrence])[0]},
    )


def _typed_query(request: HttpRequest) -> str:
    """What to suggest for: `q`, or else the tag being typed (the tag field after its last ";")."""
    if "q" in request.GET:
        return " ".join(request.GET["q"].split())[:200]
    tags = request.GET.get("tags", "")
    return " ".join(tags.rsplit(";", 1)[-1].split())[:200]


def _wants_json(request: HttpRequest) -> bool:
    if request.GET.get("format") == "json":
        return True
    return not request.htmx and "application/json" in request.headers.get("Accept", "")  # type: ignore[attr-defined]


@require_GET
def concept_suggest(request: HttpRequest) -> HttpResponse:
    """Lexicon concepts matching what is typed, for the tag picker (anyone may ask).

    `?q=` (or `?tags=`, the tag field's text: the last tag is the query) answers the top ten
    concepts with any label containing it: an HTML fragment for htmx, JSON with `format=json`
    or `Accept: application/json`, or a small page. `?pick=<concept id>&tags=…` answers the
    tag field with that concept put in place of the tag being typed.
    """
    if "pick" in request.GET:
        return _picked(request)
    q = _typed_query(request)
    concepts = editing.suggest_concepts(q=q, limit=SUGGEST_LIMIT) if len(q) >= SUGGEST_MIN_LENGTH else []
    if _wants_json(request):
        return JsonResponse(
            {
                "q": q,
                "results": [
                    {
                        "id": c.pk,
                        "uri": c.uri,
                        "notation": c.notation,
                        "pref_label": c.pref_label,
                        "matched_label": c.matched_text,  # type: ignore[attr-defined]
                        "scheme": c.scheme.slug,
                    }
                    for c in concepts
                ],
            }
        )
    context = {"q": q, "concepts": concepts, "min_length": SUGGEST_MIN_LENGTH}
    template = "catalogue/manage_concept_suggest.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#suggestions"
    return render(request, template, context)


def _picked(request: HttpRequest) -> HttpResponse:
    pick = request.GET.get("pick", "")
    concept_ids = [int(pick)] if pick.isdigit() else []
    texts = editing.tag_texts(concept_ids)
    if not texts:
        raise Http404("No such concept")
    tags = request.GET.get("tags", "")
    chosen = split_tags(tags)
    if chosen and not tags.rstrip().endswith(";"):
        chosen.pop()  # the tag being typed is replaced by the one picked
    if texts[0].casefold() not in {c.casefold() for c in chosen}:
        chosen.append(texts[0])
    form = TagsForm({"tags": join_tags(chosen) + "; "})
    return render(request, "catalogue/manage_concept_suggest.html#picked", {"form": form, "picked": texts[0]})
