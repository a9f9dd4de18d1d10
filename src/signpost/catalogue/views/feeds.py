"""Catalogue views: feeds (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def feed_list(request: HttpRequest, provider: str) -> HttpResponse:
    raise Http404


def feed_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def feed_harvest(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def feed_delete(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
