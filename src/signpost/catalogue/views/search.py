"""Catalogue views: the search page (/opportunities/), a GET form that works with or without JavaScript."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from signpost.catalogue import selectors
from signpost.catalogue.search.forms import CatalogueSearchForm

PAGE_SIZE = 20


def catalogue(request: HttpRequest) -> HttpResponse:
    labels = selectors.facet_labels()
    form = CatalogueSearchForm(request.GET, labels=labels.values)
    form.is_valid()  # invalid fields are shown with their errors and left out of the search
    search = selectors.search_catalogue(query=form.to_query(page_size=PAGE_SIZE), labels=labels)
    # Pagination links keep every filter; empty fields are dropped to keep shared addresses short.
    query = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        kept = [v for v in values if v]
        if name != "page" and kept:
            query.setlist(name, kept)
    context = {"form": form, "search": search, "query": query.urlencode()}
    template = "catalogue/search.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, context)
