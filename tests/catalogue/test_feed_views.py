"""The feeds pages and API: register, change, harvest now, read the log, delete."""

from __future__ import annotations

import json

import pytest

from signpost.catalogue.models import Feed, FeedKind, HarvestRun, Opportunity, Status
from tests.catalogue.feed_server import FIXTURES, RunningServer

RSS = "application/rss+xml"
RSS_FIXTURE = FIXTURES / "courses.rss"


@pytest.fixture
def server(settings):
    settings.SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS = True
    settings.SIGNPOST_FEED_TIMEOUT = 2
    with RunningServer() as running:
        yield running


@pytest.fixture
def feed(provider_org) -> Feed:
    return Feed.objects.create(
        provider=provider_org, name="Spring calendar", url="https://feeds.example.org/spring.ics", kind="ical"
    )


def api_json(client, method: str, path: str, data: dict | None = None):
    return getattr(client, method)(path, data=json.dumps(data or {}), content_type="application/json")


# --- Pages ----------------------------------------------------------------------------------


def test_feed_list_shows_feeds_with_their_last_harvest(client, priya, provider_org, feed):
    HarvestRun.objects.create(feed=feed, status="failed", message="The server answered 404 Not Found.")
    Feed.objects.filter(pk=feed.pk).update(last_status="failed")
    client.force_login(priya)

    response = client.get(f"/publish/{provider_org.slug}/feeds/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Feeds of Heritage Skills Training" in page
    assert f'href="/feeds/{feed.pk}/"' in page
    assert '<span class="harvest-status harvest-status-failed">Failed</span>' in page
    assert f'action="/feeds/{feed.pk}/harvest/"' in page
    assert 'name="url"' in page


def test_registering_a_feed_goes_to_its_page(client, priya, provider_org):
    client.force_login(priya)

    response = client.post(
        f"/publish/{provider_org.slug}/feeds/",
        {"name": "  Courses   feed ", "url": "https://training.example.org/courses.rss", "kind": "rss"},
    )

    feed = Feed.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/feeds/{feed.pk}/"
    assert (feed.name, feed.url, feed.kind, feed.provider, feed.created_by) == (
        "Courses feed",
        "https://training.example.org/courses.rss",
        "rss",
        provider_org,
        priya,
    )


def test_registering_shows_each_problem_beside_its_field_and_saves_nothing(client, priya, provider_org, feed):
    client.force_login(priya)

    response = client.post(
        f"/publish/{provider_org.slug}/feeds/", {"name": "", "url": "ftp://example.org/feed", "kind": "ical"}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "name": ["This field is required."],
        "url": ["'ftp://example.org/feed' is not a web address starting http:// or https://."],
    }
    assert Feed.objects.count() == 1


def test_registering_a_bad_address_names_the_field(client, priya, provider_org, feed):
    client.force_login(priya)

    for url, message in [
        (
            "ftp://example.org/feed",
            "'ftp://example.org/feed' is not a web address starting http:// or https://.",
        ),
        (feed.url, "Heritage Skills Training already has a feed at this address."),
        ("http://localhost:8000/feed.ics", "Signpost does not harvest addresses on this server (localhost)."),
        (
            "http://10.0.0.5/feed.ics",
            "Signpost does not harvest private or local network addresses (10.0.0.5).",
        ),
    ]:
        response = client.post(
            f"/publish/{provider_org.slug}/feeds/", {"name": "X", "url": url, "kind": "ical"}
        )

        assert response.status_code == 200
        assert response.context["form"].errors == {"url": [message]}
        assert message.replace("'", "&#x27;") in response.content.decode()
    assert Feed.objects.count() == 1


def test_an_unknown_kind_is_refused_by_the_form(client, priya, provider_org):
    client.force_login(priya)

    response = client.post(
        f"/publish/{provider_org.slug}/feeds/", {"name": "X", "url": "https://e.org/f", "kind": "csv"}
    )

    assert response.context["form"].errors == {
        "kind": ["Select a valid choice. csv is not one of the available choices."]
    }
    assert Feed.objects.count() == 0


def test_someone_who_does_not_publish_for_the_provider_is_refused(client, oliver, provider_org, feed):
    client.force_login(oliver)

    assert client.get(f"/publish/{provider_org.slug}/feeds/").status_code == 403
    assert client.get(f"/feeds/{feed.pk}/").status_code == 403
    assert client.post(f"/feeds/{feed.pk}/harvest/").status_code == 403
    assert HarvestRun.objects.count() == 0


def test_an_unknown_provider_or_feed_is_not_found(client, priya):
    client.force_login(priya)

    assert client.get("/publish/nobody/feeds/").status_code == 404
    assert client.get("/feeds/999999/").status_code == 404


def test_harvest_now_harvests_and_says_what_changed(client, priya, provider_org, server):
    url = server.serve("/courses.rss", (RSS_FIXTURE).read_bytes(), RSS)
    feed = Feed.objects.create(provider=provider_org, name="Courses", url=url, kind="rss")
    client.force_login(priya)

    response = client.post(f"/feeds/{feed.pk}/harvest/", follow=True)

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Harvested: 3 new, 0 updated, 0 unchanged, 0 withdrawn."
    ]
    page = response.content.decode()
    assert '<span class="harvest-status harvest-status-ok">Harvested</span>' in page
    assert Opportunity.objects.filter(feed=feed, status=Status.PUBLISHED).count() == 3


def test_harvest_now_of_a_broken_feed_shows_why_and_never_errors(client, priya, provider_org, server):
    url = server.serve("/calendar", "<!doctype html><html><body>Events</body></html>", "text/html")
    feed = Feed.objects.create(provider=provider_org, name="Calendar", url=url, kind="ical")
    client.force_login(priya)

    response = client.post(f"/feeds/{feed.pk}/harvest/", follow=True)

    assert response.status_code == 200
    message = (
        "The harvest failed: The address answered with a web page (HTML), not iCalendar data. "
        "Check that it is the feed's own address, not the page that links to it."
    )
    assert [str(m) for m in response.context["messages"]] == [message]
    assert HarvestRun.objects.get(feed=feed).status == "failed"


def test_harvest_now_with_htmx_replaces_the_log(client, priya, provider_org, server):
    url = server.serve("/bad.rss", (RSS_FIXTURE.parent / "bad_dates.rss").read_bytes(), RSS)
    feed = Feed.objects.create(provider=provider_org, name="Courses", url=url, kind="rss")
    client.force_login(priya)

    response = client.post(f"/feeds/{feed.pk}/harvest/", headers={"HX-Request": "true"})

    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<section id="harvest-log"')
    assert "Harvested: 1 new, 0 updated, 0 unchanged, 0 withdrawn; 2 items skipped." in page
    assert "Entry 3 “Collections care refresher”: end: is before the start" in page
    assert "<h1>" not in page


def test_the_log_lists_each_run_with_its_errors(client, priya, feed):
    HarvestRun.objects.create(
        feed=feed,
        status="partial",
        created=2,
        errors=[
            {"item": "x", "title": "T", "field": "start", "message": "bad", "text": "Entry 2 “T”: start: bad"}
        ],
    )
    client.force_login(priya)

    page = client.get(f"/feeds/{feed.pk}/").content.decode()

    assert "1 item skipped" in page
    assert "<li>Entry 2 “T”: start: bad</li>" in page
    assert "Harvested; some items skipped" in page


def test_changing_a_feed_can_pause_it_and_a_new_address_restarts_rpde(client, priya, provider_org):
    feed = Feed.objects.create(
        provider=provider_org,
        name="Sessions",
        url="https://oa.example.org/rpde",
        kind=FeedKind.RPDE,
        next_url="https://oa.example.org/rpde?afterId=9",
    )
    client.force_login(priya)

    response = client.post(
        f"/feeds/{feed.pk}/", {"name": "Sessions", "url": "https://oa.example.org/v2/rpde", "kind": "rpde"}
    )

    assert response.status_code == 302
    feed.refresh_from_db()
    assert (feed.url, feed.is_active, feed.next_url) == ("https://oa.example.org/v2/rpde", False, "")


def test_deleting_a_feed_can_withdraw_what_it_brought_in(client, priya, provider_org, feed):
    kept = Feed.objects.create(provider=provider_org, name="Other", url="https://e.org/o.ics", kind="ical")
    for number, source in enumerate([feed, feed, kept]):
        Opportunity.objects.create(
            provider=provider_org,
            title=f"Offer {number}",
            kind="course",
            format="online",
            status=Status.PUBLISHED,
            external_id=f"o{number}",
            feed=source,
        )
    client.force_login(priya)
    confirm = client.get(f"/feeds/{feed.pk}/delete/").content.decode()
    assert "It brought in 2 opportunities that are published now." in confirm

    response = client.post(f"/feeds/{feed.pk}/delete/", {"withdraw_opportunities": "on"}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Feed “Spring calendar” deleted. 2 opportunities withdrawn."
    ]
    assert not Feed.objects.filter(pk=feed.pk).exists()
    assert sorted(Opportunity.objects.values_list("title", "status", "feed")) == [
        ("Offer 0", "withdrawn", None),
        ("Offer 1", "withdrawn", None),
        ("Offer 2", "published", kept.pk),
    ]


def test_deleting_a_feed_keeps_its_opportunities_by_default(client, priya, provider_org, feed):
    Opportunity.objects.create(
        provider=provider_org, title="Offer", kind="course", format="online", status="published", feed=feed
    )
    client.force_login(priya)

    client.post(f"/feeds/{feed.pk}/delete/")

    assert list(Opportunity.objects.values_list("status", "feed")) == [("published", None)]


# --- API ------------------------------------------------------------------------------------


def test_api_registers_and_lists_feeds(client, priya, provider_org):
    client.force_login(priya)

    created = api_json(
        client,
        "post",
        f"/api/providers/{provider_org.slug}/feeds",
        {"name": "Sessions", "url": "https://oa.example.org/rpde", "kind": "rpde"},
    )
    listed = client.get(f"/api/providers/{provider_org.slug}/feeds")

    assert created.status_code == 201
    body = created.json()
    assert {
        k: body[k] for k in ("provider", "name", "url", "kind", "is_active", "last_status", "next_url")
    } == {
        "provider": "heritage-skills-training",
        "name": "Sessions",
        "url": "https://oa.example.org/rpde",
        "kind": "rpde",
        "is_active": True,
        "last_status": "",
        "next_url": "",
    }
    assert [f["id"] for f in listed.json()] == [body["id"]]


def test_api_refuses_a_bad_feed_with_the_fields_at_fault(client, priya, provider_org):
    client.force_login(priya)

    response = api_json(
        client,
        "post",
        f"/api/providers/{provider_org.slug}/feeds",
        {"name": "", "url": "nope", "kind": "csv"},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "name": ["Give the feed a name, such as “Spring courses calendar”."],
        "url": ["'nope' is not a web address starting http:// or https://."],
        "kind": ["'csv' is not one of: ical, jsonld, rss, rpde."],
    }
    assert Feed.objects.count() == 0


def test_api_harvest_returns_the_finished_run_and_the_runs_list_it(client, priya, provider_org, server):
    url = server.serve("/bad.rss", (RSS_FIXTURE.parent / "bad_dates.rss").read_bytes(), RSS)
    feed = Feed.objects.create(provider=provider_org, name="Courses", url=url, kind="rss")
    client.force_login(priya)

    response = client.post(f"/api/feeds/{feed.pk}/harvest")
    runs = client.get(f"/api/feeds/{feed.pk}/runs")

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "finished"
    run = body["run"]
    assert (run["status"], run["created"], run["feed"]) == ("partial", 1, feed.pk)
    assert [(e["item"], e["field"]) for e in run["errors"]] == [
        ("hst-fundraising", "start"),
        ("hst-care", "end"),
    ]
    assert runs.json()["count"] == 1
    assert runs.json()["items"][0]["id"] == run["id"]


def test_api_changes_pauses_and_deletes_a_feed(client, priya, feed):
    client.force_login(priya)

    patched = api_json(client, "patch", f"/api/feeds/{feed.pk}", {"is_active": False, "name": "Old calendar"})
    deleted = client.delete(f"/api/feeds/{feed.pk}?withdraw_opportunities=true")

    assert (patched.status_code, patched.json()["is_active"], patched.json()["name"]) == (
        200,
        False,
        "Old calendar",
    )
    assert deleted.status_code == 204
    assert not Feed.objects.exists()


def test_api_feed_of_another_provider_is_forbidden(client, oliver, feed):
    client.force_login(oliver)

    assert client.get(f"/api/feeds/{feed.pk}").status_code == 403
    assert client.post(f"/api/feeds/{feed.pk}/harvest").status_code == 403
    assert client.get("/api/feeds/999999").status_code == 404
    assert HarvestRun.objects.count() == 0


@pytest.fixture
def queued_tasks(settings):
    """The production task backend: harvests wait in the database for a worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_a_worker_backend_harvest_now_is_queued(client, priya, feed, queued_tasks):
    client.force_login(priya)

    page = client.post(f"/feeds/{feed.pk}/harvest/", follow=True)
    api = client.post(f"/api/feeds/{feed.pk}/harvest")

    assert [str(m) for m in page.context["messages"]] == [
        "Harvest queued: refresh this page in a minute to see its result."
    ]
    assert (api.status_code, api.json()["state"], api.json()["run"]) == (202, "queued", None)
    assert HarvestRun.objects.count() == 0


def test_with_a_worker_backend_the_command_queues_one_task_per_feed(feed, queued_tasks):
    from io import StringIO

    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    out = StringIO()
    call_command("harvest_feeds", stdout=out)

    task = DBTaskResult.objects.get()
    assert (
        out.getvalue()
        == f"feed {feed.pk} heritage-skills-training “Spring calendar” (ical): queued (task {task.id})\n"
    )
    assert task.args_kwargs == {"args": [feed.pk, False], "kwargs": {}}
    assert HarvestRun.objects.count() == 0
