"""The opportunity page: everything a person needs to decide and to ask, with its JSON-LD."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from signpost.catalogue import permissions
from signpost.catalogue.formats import display, jsonld, selectors
from signpost.catalogue.models import Status


def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_page(pk=pk)
    # A draft is "not found" to those who may not see it, exactly like a missing id.
    if opportunity is None or not permissions.can_view_opportunity(request.user, opportunity):
        raise Http404("No such opportunity")
    now = timezone.now()
    occurrences = [display.occurrence_display(o, now=now) for o in opportunity.occurrences.all()]
    upcoming = [o for o in occurrences if not o.is_past]
    context = {
        "opportunity": opportunity,
        "upcoming": upcoming,
        "earlier": [o for o in occurrences if o.is_past],
        "has_calendar": opportunity.status == Status.PUBLISHED
        and any(o.occurrence.start is not None for o in upcoming),
        "cost": display.describe_cost(opportunity),
        "language": display.language_name(opportunity.language),
        "tags": [link.concept for link in opportunity.tag_links.all()],
        "can_edit": permissions.can_edit_opportunity(request.user, opportunity),
        "jsonld": jsonld.script_text(
            jsonld.opportunity_jsonld(opportunity, absolute_url=request.build_absolute_uri)
        ),
        "indexable": opportunity.status == Status.PUBLISHED,
    }
    return render(request, "catalogue/opportunity_detail.html", context)
