"""The opportunity page and the formats out (calendars, feeds, the RPDE change feed).

Everything here is public and read-only, except that a draft's page and calendar are "not
found" (404, never a log-in prompt) for anyone who may not edit it.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from signpost.accounts.models import Organisation
from signpost.lexicon.models import Concept, ConceptScheme
from tests.architecture.permission_walk import EVERYONE, Operation
from tests.catalogue.formats_helpers import make_opportunity

DRAFT_EDITORS = frozenset({"priya", "bea", "ada"})
DRAFT_HIDDEN = {"anonymous": 404, "maya": 404, "oliver": 404}

OPERATIONS: list[Operation] = [
    Operation(
        "catalogue:opportunity_detail", "get", lambda w: f"/opportunities/{w.fmt_published.pk}/", EVERYONE
    ),
    Operation(
        "catalogue:opportunity_detail",
        "get",
        lambda w: f"/opportunities/{w.fmt_draft.pk}/",
        DRAFT_EDITORS,
        refused_status=DRAFT_HIDDEN,
    ),
    Operation(
        "catalogue:opportunity_ics",
        "get",
        lambda w: f"/opportunities/{w.fmt_published.pk}/calendar.ics",
        EVERYONE,
    ),
    Operation(
        "catalogue:opportunity_ics",
        "get",
        lambda w: f"/opportunities/{w.fmt_draft.pk}/calendar.ics",
        DRAFT_EDITORS,
        refused_status=DRAFT_HIDDEN,
    ),
    Operation(
        "catalogue:provider_ics", "get", lambda w: f"/calendars/providers/{w.fmt_provider.slug}.ics", EVERYONE
    ),
    Operation(
        "catalogue:region_ics", "get", lambda w: "/calendars/regions/yorkshire-and-the-humber.ics", EVERYONE
    ),
    Operation("catalogue:area_ics", "get", lambda w: f"/calendars/areas/{w.fmt_area.pk}.ics", EVERYONE),
    Operation("catalogue:rss", "get", lambda w: "/feeds/new-opportunities.xml", EVERYONE),
    Operation("catalogue:atom", "get", lambda w: "/feeds/new-opportunities.atom", EVERYONE),
    Operation("GET /api/rpde/opportunities", "get", lambda w: "/api/rpde/opportunities", EVERYONE),
]


def world(base: SimpleNamespace) -> dict[str, Any]:
    provider = Organisation.objects.get(slug="heritage-skills-training")
    scheme, _ = ConceptScheme.objects.get_or_create(
        slug="walk-formats", defaults={"uri": "https://example.org/walk-formats", "title": "Walk formats"}
    )
    area = Concept.objects.create(
        scheme=scheme, uri="https://example.org/walk-formats/care", pref_label="Care", is_top_concept=True
    )
    return {
        "fmt_provider": provider,
        "fmt_area": area,
        "fmt_published": make_opportunity(provider, title="Walk: published", tags=[area.uri]),
        "fmt_draft": make_opportunity(provider, title="Walk: draft", status="draft"),
    }
