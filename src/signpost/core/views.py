from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from signpost.accounts.models import Organisation
from signpost.lexicon.models import Concept


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "organisation_count": Organisation.objects.filter(is_active=True).count(),
        "concept_count": Concept.objects.count(),
    }
    return render(request, "core/home.html", context)
