"""Catalogue views: formats (being built)."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse


def opportunity_ics(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def provider_ics(request: HttpRequest, slug: str) -> HttpResponse:
    raise Http404


def region_ics(request: HttpRequest, slug: str) -> HttpResponse:
    raise Http404


def area_ics(request: HttpRequest, concept_id: int) -> HttpResponse:
    raise Http404


class NewOpportunitiesFeed(Feed):
    title = "New on Signpost"
    link = "/opportunities/"

    def items(self) -> list[object]:
        return []


class NewOpportunitiesAtomFeed(NewOpportunitiesFeed):
    pass
