"""RSS 2.0 and Atom feeds of new opportunities, read back with feedparser."""

from __future__ import annotations

from datetime import UTC, timedelta

import feedparser
import pytest
from django.utils import timezone

from signpost.catalogue.models import Opportunity
from tests.catalogue.formats_helpers import make_opportunity
from tests.factories import ConceptFactory

pytestmark = pytest.mark.django_db


def _published_days_ago(opportunity, days: int) -> None:
    Opportunity.objects.filter(pk=opportunity.pk).update(published_at=timezone.now() - timedelta(days=days))


def _catalogue(provider):
    conservation = ConceptFactory(pref_label="Preventive conservation")
    older = make_opportunity(provider, title="Older course", tags=[conservation.uri])
    newer = make_opportunity(
        provider, title="Newer webinar", kind="webinar", summary="", description="Plain **Markdown** text."
    )
    make_opportunity(provider, title="Still a draft", status="draft")
    make_opportunity(provider, title="Taken down", status="withdrawn")
    _published_days_ago(older, 3)
    _published_days_ago(newer, 1)
    return older, newer


@pytest.mark.parametrize(
    ("path", "content_type", "version"),
    [
        ("/feeds/new-opportunities.xml", "application/rss+xml; charset=utf-8", "rss20"),
        ("/feeds/new-opportunities.atom", "application/atom+xml; charset=utf-8", "atom10"),
    ],
)
def test_the_feed_lists_published_opportunities_newest_first(
    client, provider_org, path, content_type, version
):
    _older, newer = _catalogue(provider_org)

    response = client.get(path)
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert feed.version == version
    assert not feed.bozo
    assert feed.feed.title == "New learning opportunities on Signpost"
    assert [e.title for e in feed.entries] == ["Newer webinar", "Older course"]
    first, second = feed.entries
    assert first.link == f"http://testserver/opportunities/{newer.pk}/"
    assert first.summary == "Plain Markdown text."
    assert first.author == "Heritage Skills Training"
    published = Opportunity.objects.get(pk=newer.pk).published_at
    assert first.published_parsed[:6] == published.astimezone(UTC).timetuple()[:6]
    assert second.summary == "Handle, store and display photographs safely."
    assert [t.term for t in second.tags] == ["Preventive conservation"]
    assert "tags" not in first


def test_the_feed_is_empty_but_valid_with_nothing_published(client):
    feed = feedparser.parse(client.get("/feeds/new-opportunities.xml").content)

    assert not feed.bozo
    assert feed.entries == []
