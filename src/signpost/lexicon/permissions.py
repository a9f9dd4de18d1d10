"""Who may do what with the lexicon: reading is public, editing is for brokers and admins."""

from __future__ import annotations

from signpost.accounts.roles import Capability
from signpost.accounts.selectors import AnyUser, has_platform_capability
from signpost.lexicon.models import ConceptScheme


def can_view_lexicon(user: AnyUser) -> bool:
    return True


def can_edit_scheme(user: AnyUser, scheme: ConceptScheme) -> bool:
    return has_platform_capability(user, Capability.EDIT_LEXICON)
