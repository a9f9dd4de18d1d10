"""Catalogue views: search (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def catalogue(request: HttpRequest) -> HttpResponse:
    raise Http404
