"""Writes about organisations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from signpost.accounts import permissions
from signpost.accounts.models import Organisation
from signpost.accounts.selectors import AnyUser
from signpost.core.models import Sector

EDITABLE_FIELDS = (
    "name", "kind", "region", "size_band", "parent", "description", "website", "email", "phone",
    "address", "town", "postcode", "country",
)  # fmt: skip


@transaction.atomic
def update_organisation(
    *, organisation: Organisation, actor: AnyUser, data: dict[str, Any], sectors: list[Sector] | None = None
) -> Organisation:
    """Change an organisation's details. `data` holds already-typed values for EDITABLE_FIELDS."""
    if not permissions.can_edit_organisation(actor, organisation):
        raise PermissionDenied("You may not edit this organisation.")
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed here."))
    parent = data.get("parent", organisation.parent)
    while parent is not None:
        if parent.pk == organisation.pk:
            raise ValidationError({"parent": "An organisation cannot be its own parent or ancestor."})
        parent = parent.parent
    for field, value in data.items():
        setattr(organisation, field, value)
    organisation.full_clean(exclude=["slug"])
    organisation.save()
    if sectors is not None:
        organisation.sectors.set(sectors)
    return organisation
