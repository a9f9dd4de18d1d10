from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from signpost.lexicon.models import ConceptScheme


def scheme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "lexicon/scheme_list.html", {"schemes": ConceptScheme.objects.all()})
