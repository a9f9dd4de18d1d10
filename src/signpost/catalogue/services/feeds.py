"""Registering, changing and deleting a provider's feeds (who may: permissions.can_publish_for)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from signpost.accounts.models import Organisation, User
from signpost.catalogue.harvest.fetch import check_address
from signpost.catalogue.models import Feed, FeedKind
from signpost.catalogue.services.opportunities import withdraw_missing

MAX_FEEDS_PER_PROVIDER = 50
_url = URLValidator(schemes=["http", "https"])


@transaction.atomic
def register_feed(
    *, provider: Organisation, name: str, url: str, kind: str, created_by: User | None = None
) -> Feed:
    """Add a feed for `provider` to harvest; raises ValidationError naming the field at fault."""
    values = _clean(provider=provider, feed=None, name=name, url=url, kind=kind)
    if Feed.objects.filter(provider=provider).count() >= MAX_FEEDS_PER_PROVIDER:
        raise ValidationError(
            f"{provider.name} already has {MAX_FEEDS_PER_PROVIDER} feeds, the most allowed; "
            "delete one it no longer uses first."
        )
    return Feed.objects.create(provider=provider, created_by=created_by, **values)


@transaction.atomic
def update_feed(
    *,
    feed: Feed,
    name: str | None = None,
    url: str | None = None,
    kind: str | None = None,
    is_active: bool | None = None,
) -> Feed:
    """Change a feed's name, address, kind or whether scheduled harvests include it.

    A new address or kind starts an RPDE feed again from its first page.
    """
    values = _clean(
        provider=feed.provider,
        feed=feed,
        name=feed.name if name is None else name,
        url=feed.url if url is None else url,
        kind=feed.kind if kind is None else kind,
    )
    if values["url"] != feed.url or values["kind"] != feed.kind:
        feed.next_url = ""
    for field, value in values.items():
        setattr(feed, field, value)
    if is_active is not None:
        feed.is_active = is_active
    feed.save()
    return feed


@transaction.atomic
def delete_feed(*, feed: Feed, withdraw_opportunities: bool = False) -> int:
    """Delete a feed and its harvest log; its opportunities stay, withdrawn if asked (returns how many)."""
    withdrawn = withdraw_missing(feed=feed, seen_external_ids=set()) if withdraw_opportunities else 0
    feed.delete()
    return withdrawn


def address_problem(url: str, *, reach: bool = True) -> str:
    """What is wrong with `url` as a feed's address ("" if nothing); `reach`: check where it points."""
    if not url:
        return "Give the feed's web address."
    if len(url) > 1000:
        return f"The address is {len(url)} characters long; the most allowed is 1000."
    try:
        _url(url)
    except ValidationError:
        return f"{url!r} is not a web address starting http:// or https://."
    return check_address(url) if reach else ""


def _clean(*, provider: Organisation, feed: Feed | None, name: str, url: str, kind: str) -> dict[str, Any]:
    errors: dict[str, str] = {}
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = "Give the feed a name, such as “Spring courses calendar”."
    elif len(name) > 150:
        errors["name"] = f"The name is {len(name)} characters long; the most allowed is 150."
    url = (url or "").strip()
    # An address accepted before stays acceptable: renaming a feed must not fail on it.
    problem = address_problem(url, reach=feed is None or url != feed.url)
    if problem:
        errors["url"] = problem
    elif _taken(provider, url, feed):
        errors["url"] = f"{provider.name} already has a feed at this address."
    if kind not in FeedKind.values:
        errors["kind"] = f"{kind!r} is not one of: {', '.join(FeedKind.values)}."
    if errors:
        raise ValidationError(errors)
    return {"name": name, "url": url, "kind": kind}


def _taken(provider: Organisation, url: str, feed: Feed | None) -> bool:
    others = Feed.objects.filter(provider=provider, url=url)
    if feed is not None:
        others = others.exclude(pk=feed.pk)
    return others.exists()
