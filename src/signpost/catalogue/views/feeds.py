"""Feeds in: a provider's feeds, registering one, its harvest log, "harvest now", deleting.

Each view: fetch, ask the policy (permissions.can_publish_for / can_manage_feed), call one
service, render. Plain forms throughout; with htmx, "harvest now" replaces the log in place.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_tasks import TaskResultStatus

from signpost.accounts.models import Organisation, User
from signpost.catalogue import permissions
from signpost.catalogue.harvest import selectors
from signpost.catalogue.harvest.tasks import harvest_feed_task
from signpost.catalogue.models import Feed, FeedKind, HarvestRun
from signpost.catalogue.services import feeds as feed_services
from signpost.core.forms import apply_validation_error

KIND_HELP: dict[str, str] = {
    FeedKind.ICAL: "A calendar address ending .ics, or a “subscribe” link from your events system.",
    FeedKind.JSONLD: "A page (or JSON file) that describes courses or events with schema.org JSON-LD.",
    FeedKind.RSS: "A news-style feed of courses or events: RSS or Atom.",
    FeedKind.RPDE: "An OpenActive RPDE change feed: only changes are read after the first harvest.",
}


class FeedForm(forms.Form):
    name = forms.CharField(
        max_length=150,
        help_text="What you call this feed, such as “Spring courses calendar”.",
    )
    url = forms.CharField(
        label="Address",
        max_length=1000,
        widget=forms.URLInput(attrs={"autocomplete": "url", "spellcheck": "false"}),
        help_text="The feed's own web address, starting https:// (not the page that links to it).",
    )
    kind = forms.ChoiceField(
        label="Kind of feed",
        choices=[(value, f"{label}: {KIND_HELP[value]}") for value, label in FeedKind.choices],
        widget=forms.RadioSelect,
    )

    def clean_url(self) -> str:
        # Checked here as well as by the service, so it shows with the form's other problems.
        url = str(self.cleaned_data["url"]).strip()
        problem = feed_services.address_problem(url, reach=url != self.initial.get("url"))
        if problem:
            raise ValidationError(problem)
        return url


class FeedChangeForm(FeedForm):
    is_active = forms.BooleanField(
        label="Include this feed in the scheduled harvests",
        required=False,
        help_text="Untick to pause it; you can still harvest it by hand.",
    )


class FeedDeleteForm(forms.Form):
    withdraw_opportunities = forms.BooleanField(
        label="Also withdraw the opportunities this feed brought in",
        required=False,
        help_text="Otherwise they stay published, and you edit them here from now on.",
    )


def _provider_or_404(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


def _feed_for(request: HttpRequest, pk: int) -> Feed:
    feed = selectors.feed_for_managing(pk=pk)
    if feed is None:
        raise Http404("No such feed")
    if not permissions.can_manage_feed(request.user, feed):
        raise PermissionDenied("Only the provider's editors, brokers and admins may manage its feeds.")
    return feed


@login_required
@require_http_methods(["GET", "POST"])
def feed_list(request: HttpRequest, provider: str) -> HttpResponse:
    """A provider's feeds with their last harvest, and the form to register another."""
    organisation = _provider_or_404(provider)
    if not permissions.can_publish_for(request.user, organisation):
        raise PermissionDenied(
            f"Only {organisation.name}'s editors, brokers and admins may manage its feeds."
        )
    form = FeedForm(request.POST or None, initial={"kind": FeedKind.ICAL})
    if request.method == "POST" and form.is_valid():
        try:
            feed = feed_services.register_feed(
                provider=organisation,
                name=form.cleaned_data["name"],
                url=form.cleaned_data["url"],
                kind=form.cleaned_data["kind"],
                created_by=request.user if isinstance(request.user, User) else None,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"Feed “{feed.name}” registered. Harvest it now to see what it brings in; "
                "after that it is harvested on the site's schedule.",
            )
            return redirect("catalogue:feed_detail", pk=feed.pk)
    feeds = list(selectors.feeds_of(provider=organisation))
    for feed in feeds:
        feed.status_word = selectors.STATUS_WORDS.get(feed.last_status, "Not harvested yet")  # type: ignore[attr-defined]
    context = {"provider": organisation, "feeds": feeds, "form": form, "error_count": _error_count(form)}
    return render(request, "catalogue/feed_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def feed_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One feed: its settings (changeable), "harvest now", and its harvest log."""
    feed = _feed_for(request, pk)
    initial = {"name": feed.name, "url": feed.url, "kind": feed.kind, "is_active": feed.is_active}
    form = FeedChangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            feed_services.update_feed(
                feed=Feed.objects.get(pk=feed.pk),  # a fresh copy: a refusal leaves the page's as it was
                name=form.cleaned_data["name"],
                url=form.cleaned_data["url"],
                kind=form.cleaned_data["kind"],
                is_active=form.cleaned_data["is_active"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Feed details saved.")
            return redirect("catalogue:feed_detail", pk=feed.pk)
    return render(request, "catalogue/feed_detail.html", _detail_context(request, feed, form=form))


@login_required
@require_POST
def feed_harvest(request: HttpRequest, pk: int) -> HttpResponse:
    """Harvest now: inline with the default task backend, else queued for a worker."""
    feed = _feed_for(request, pk)
    from_start = request.POST.get("from_start") == "1" and feed.kind == FeedKind.RPDE
    result = harvest_feed_task.enqueue(feed.pk, from_start)
    run = None
    if result.status == TaskResultStatus.SUCCESSFUL and result.return_value:
        run = HarvestRun.objects.filter(pk=result.return_value).first()
    if run is not None:
        outcome = selectors.describe_run(run)
        level = messages.ERROR if run.status == HarvestRun.FAILED else messages.SUCCESS
    elif result.is_finished:
        outcome, level = "The harvest could not run; the site's operators have the details.", messages.ERROR
    else:
        outcome, level = "Harvest queued: refresh this page in a minute to see its result.", messages.INFO
    if request.htmx:  # type: ignore[attr-defined]
        feed = _feed_for(request, pk)  # fresh: the harvest changed its last status
        context = _detail_context(request, feed, form=None) | {"outcome": outcome, "outcome_level": level}
        return render(request, "catalogue/feed_detail.html#harvest_log", context)
    messages.add_message(request, level, outcome)
    return redirect("catalogue:feed_detail", pk=feed.pk)


@login_required
@require_http_methods(["GET", "POST"])
def feed_delete(request: HttpRequest, pk: int) -> HttpResponse:
    feed = _feed_for(request, pk)
    form = FeedDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        provider_slug, name = feed.provider.slug, feed.name
        withdrawn = feed_services.delete_feed(
            feed=Feed.objects.get(pk=feed.pk),
            withdraw_opportunities=form.cleaned_data["withdraw_opportunities"],
        )
        extra = f" {withdrawn} opportunit{'y' if withdrawn == 1 else 'ies'} withdrawn." if withdrawn else ""
        messages.success(request, f"Feed “{name}” deleted.{extra}")
        return redirect("catalogue:feed_list", provider=provider_slug)
    return render(request, "catalogue/feed_delete.html", {"feed": feed, "form": form})


def _detail_context(request: HttpRequest, feed: Feed, *, form: forms.Form | None) -> dict[str, Any]:
    page = Paginator(selectors.runs_of(feed=feed), settings.SIGNPOST_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for run in page:
        run.summary = selectors.describe_run(run)  # type: ignore[attr-defined]
        run.status_word = selectors.STATUS_WORDS.get(run.status, run.status)  # type: ignore[attr-defined]
        run.error_count = selectors.error_count(run)  # type: ignore[attr-defined]
    return {
        "feed": feed,
        "provider": feed.provider,
        "form": form,
        "error_count": _error_count(form) if form else 0,
        "runs": page,
        "status_word": selectors.STATUS_WORDS.get(feed.last_status, "Not harvested yet"),
        "is_rpde": feed.kind == FeedKind.RPDE,
    }


def _error_count(form: forms.Form) -> int:
    return sum(len(errors) for errors in form.errors.values())
