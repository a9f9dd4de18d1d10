"""Catalogue views: detail (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
