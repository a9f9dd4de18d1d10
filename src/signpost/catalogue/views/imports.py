"""Catalogue views: imports (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def upload(request: HttpRequest, provider: str) -> HttpResponse:
    raise Http404


def template_xlsx(request: HttpRequest, provider: str) -> HttpResponse:
    raise Http404


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
