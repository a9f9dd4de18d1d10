"""Catalogue views: manage (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def dashboard(request: HttpRequest) -> HttpResponse:
    raise Http404


def opportunity_create(request: HttpRequest, provider: str) -> HttpResponse:
    raise Http404


def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def opportunity_status(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def occurrence_create(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def occurrence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def occurrence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def concept_suggest(request: HttpRequest) -> HttpResponse:
    raise Http404
