"""Publishing API: providers' editors (and brokers) create, change, publish, withdraw and
delete opportunities from their own programs.

Every operation needs a signed-in caller (a personal token or the session) whom the
catalogue policy lets publish for the provider: 401 otherwise, then 403. The same services
as the pages do the work, so the rules are the same; a refused change answers 422 with
`{"detail": "Invalid input", "errors": {field: [message]}}`, where a date's field is
written `occurrences.<n>.<field>`, and nothing is written.
"""

from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from signpost.accounts.models import Organisation
from signpost.api_auth import signed_in
from signpost.catalogue import manage_selectors as selectors
from signpost.catalogue import permissions
from signpost.catalogue.models import Opportunity
from signpost.catalogue.schemas import (
    EditableOpportunityOut,
    EditableOpportunitySummaryOut,
    OpportunityIn,
    OpportunityPatchIn,
    StatusIn,
)
from signpost.catalogue.services import editing

router = Router(tags=["catalogue"])


def _provider_or_404(slug: str) -> Organisation:
    provider = selectors.provider_for_publishing(slug=slug)
    if provider is None:
        raise HttpError(404, "No such organisation")
    return provider


def _editable_or_404(request: HttpRequest, opportunity_id: int) -> Opportunity:
    opportunity = selectors.opportunity_for_editing(pk=opportunity_id)
    if opportunity is None:
        raise HttpError(404, "No such opportunity")
    if not permissions.can_edit_opportunity(request.user, opportunity):
        raise PermissionDenied("You may not edit this provider's opportunities.")
    return opportunity


def _full(opportunity: Opportunity) -> Opportunity:
    return selectors.opportunity_for_api(pk=opportunity.pk)


@router.get("/providers/{slug}/opportunities", response=list[EditableOpportunitySummaryOut], auth=signed_in)
@paginate(PageNumberPagination, page_size=settings.SIGNPOST_PAGE_SIZE)
def list_provider_opportunities(
    request: HttpRequest,
    slug: str,
    status: str = Query("", description="Only this status: draft, published, withdrawn or past"),
    q: str = Query("", description="Only titles containing this"),
) -> Any:
    """A provider's own opportunities, drafts included (its editors, brokers and admins)."""
    provider = _provider_or_404(slug)
    if not permissions.can_publish_for(request.user, provider):
        raise PermissionDenied(f"You may not publish for {provider.name}.")
    return selectors.editable_opportunities(user=request.user, provider=provider, status=status, q=q)


@router.post("/providers/{slug}/opportunities", response={201: EditableOpportunityOut}, auth=signed_in)
def create_opportunity(request: HttpRequest, slug: str, payload: OpportunityIn) -> Any:
    """Create an opportunity with its dates and lexicon tags, as a draft unless `status` is
    "published" (which needs a contact email or phone). `external_id`, your own id, must not be
    in use among the provider's opportunities; change an existing one with PATCH."""
    provider = _provider_or_404(slug)
    opportunity = editing.create_opportunity(
        provider=provider, actor=request.user, data=payload.to_record(), source="api"
    )
    return Status(201, _full(opportunity))


@router.patch("/opportunities/{opportunity_id}", response=EditableOpportunityOut, auth=signed_in)
def update_opportunity(request: HttpRequest, opportunity_id: int, payload: OpportunityPatchIn) -> Any:
    """Change an opportunity. Fields left out keep their values; `tags` and `occurrences`, when
    sent, replace all of them. The status changes only through /status."""
    opportunity = _editable_or_404(request, opportunity_id)
    sent = payload.model_dump(exclude_unset=True)
    tags = sent.pop("tags", None)
    dates = sent.pop("occurrences", None)
    occurrences = None
    if dates is not None:
        occurrences = [o.to_record() for o in payload.occurrences or []]
    record = replace(editing.record_for(opportunity), **sent)
    editing.update_opportunity(
        opportunity=opportunity, actor=request.user, data=record, tags=tags, occurrences=occurrences
    )
    return _full(opportunity)


@router.post("/opportunities/{opportunity_id}/status", response=EditableOpportunityOut, auth=signed_in)
def change_status(request: HttpRequest, opportunity_id: int, payload: StatusIn) -> Any:
    """Publish (needs a contact email or phone), withdraw, or return to draft."""
    opportunity = _editable_or_404(request, opportunity_id)
    editing.change_status(opportunity=opportunity, actor=request.user, status=payload.status)
    return _full(opportunity)


@router.delete("/opportunities/{opportunity_id}", response={204: None}, auth=signed_in)
def delete_opportunity(request: HttpRequest, opportunity_id: int) -> Any:
    """Delete a draft. Anything published is withdrawn instead (422 says so)."""
    opportunity = _editable_or_404(request, opportunity_id)
    editing.delete_opportunity(opportunity=opportunity, actor=request.user)
    return Status(204, None)
