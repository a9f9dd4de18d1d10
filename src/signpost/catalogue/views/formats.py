"""Formats out: iCalendar files and subscriptions, and the RSS and Atom feeds of new opportunities.

All public: calendars list only published, upcoming occurrences, whoever asks.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import quote_etag

from signpost.accounts.models import Organisation
from signpost.catalogue import permissions
from signpost.catalogue.formats import selectors
from signpost.catalogue.formats.ical import build_calendar
from signpost.catalogue.formats.markdown import markdown_to_text
from signpost.catalogue.models import Occurrence, Opportunity
from signpost.core.models import Region
from signpost.lexicon.models import Concept

FEED_DESCRIPTION_LIMIT = 600
CALENDAR_CACHE_SECONDS = 60 * 60


def _calendar_response(
    request: HttpRequest,
    *,
    name: str,
    uid: str,
    occurrences: Callable[[], list[Occurrence]],
    description: str = "",
    filename: str = "",
) -> HttpResponse:
    """The calendar, built once per catalogue change and hour and then served from the cache.

    Building a calendar of a thousand dates takes seconds (icalendar is thorough, not fast),
    and subscribed calendar apps poll every few hours: they get the cached copy, or a 304 when
    their ETag still matches. The hour in the key lets dates that have ended drop out.
    """
    now = timezone.now()
    version = selectors.catalogue_version()
    fingerprint = f"{request.get_host()}|{uid}|{name}|{description}|{version}|{now:%Y%m%d%H}"
    etag = quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    cache_key = f"catalogue:ics:{etag}"
    body = cache.get(cache_key)
    if body is None:
        body = build_calendar(
            name=name,
            uid=uid,
            occurrences=occurrences(),
            absolute_url=request.build_absolute_uri,
            description=description,
        )
        cache.set(cache_key, body, CALENDAR_CACHE_SECONDS)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def opportunity_ics(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = Opportunity.objects.select_related("provider").filter(pk=pk).first()
    if opportunity is None or not permissions.can_view_opportunity(request.user, opportunity):
        raise Http404("No such opportunity")
    return _calendar_response(
        request,
        name=opportunity.title,
        uid=f"opportunity-{opportunity.pk}@signpost",
        occurrences=lambda: selectors.calendar_for_opportunity(opportunity=opportunity),
        filename=f"signpost-opportunity-{opportunity.pk}.ics",
    )


def provider_ics(request: HttpRequest, slug: str) -> HttpResponse:
    provider = get_object_or_404(Organisation, slug=slug)
    return _calendar_response(
        request,
        name=f"{provider.name} on Signpost",
        uid=f"provider-{provider.slug}@signpost",
        occurrences=lambda: selectors.calendar_for_provider(provider=provider),
        description=f"Upcoming learning opportunities offered by {provider.name}.",
    )


def region_ics(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    return _calendar_response(
        request,
        name=f"Learning in {region.name} on Signpost",
        uid=f"region-{region.slug}@signpost",
        occurrences=lambda: selectors.calendar_for_region(region=region),
        description=f"Upcoming learning opportunities in {region.name}, and online ones open to all.",
    )


def area_ics(request: HttpRequest, concept_id: int) -> HttpResponse:
    concept = get_object_or_404(Concept, pk=concept_id)
    return _calendar_response(
        request,
        name=f"{concept.pref_label} on Signpost",
        uid=f"area-{concept.pk}@signpost",
        occurrences=lambda: selectors.calendar_for_area(concept=concept),
        description=f"Upcoming learning opportunities about {concept.pref_label} and the skills within it.",
    )


class NewOpportunitiesFeed(Feed):
    """RSS 2.0: the most recently published opportunities, newest first."""

    title = "New learning opportunities on Signpost"
    description = "Opportunities most recently published in the Signpost catalogue."

    def link(self) -> str:
        return reverse("catalogue:search")

    def items(self) -> list[Opportunity]:
        return selectors.recently_published()

    def item_title(self, item: Opportunity) -> str:
        return item.title

    def item_description(self, item: Opportunity) -> str:
        text = item.summary or markdown_to_text(item.description)
        if len(text) > FEED_DESCRIPTION_LIMIT:
            text = text[: FEED_DESCRIPTION_LIMIT - 1].rstrip() + "…"
        return text

    def item_link(self, item: Opportunity) -> str:
        return reverse("catalogue:opportunity_detail", args=[item.pk])

    def item_pubdate(self, item: Opportunity) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Opportunity) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Opportunity) -> str:
        return item.provider.name

    def item_categories(self, item: Opportunity) -> list[str]:
        return [link.concept.pref_label for link in item.tag_links.all()]


class NewOpportunitiesAtomFeed(NewOpportunitiesFeed):
    """The same feed as Atom 1.0."""

    feed_type = Atom1Feed
    subtitle = NewOpportunitiesFeed.description
