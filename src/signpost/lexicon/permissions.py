"""Who may do what with the lexicon: reading is public, editing is for brokers and admins.

Views and API endpoints ask these functions and nothing else; the editing services ask them
again, so that no caller can write without the policy's say-so.
"""

from __future__ import annotations

from signpost.accounts.roles import Capability
from signpost.accounts.selectors import AnyUser, has_platform_capability
from signpost.lexicon.models import Concept, ConceptScheme, Mapping


def can_view_lexicon(user: AnyUser) -> bool:
    return True


def can_edit_scheme(user: AnyUser, scheme: ConceptScheme) -> bool:
    return has_platform_capability(user, Capability.EDIT_LEXICON)


def can_edit_concept(user: AnyUser, concept: Concept) -> bool:
    """A concept is edited by whoever may edit its scheme."""
    return can_edit_scheme(user, concept.scheme)


def can_edit_mapping(user: AnyUser, mapping: Mapping) -> bool:
    """A crosswalk belongs to its source concept's scheme (SKOS mapping properties are one-way)."""
    return can_edit_scheme(user, mapping.source.scheme)
