"""Time feed harvests: an RSS feed and an RPDE feed of generated courses, served on 127.0.0.1.

    SIGNPOST_SQLITE_PATH=/tmp/bench.sqlite3 .venv/bin/python benchmarks/harvest_feeds.py
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/harvest_feeds.py --items 5000

Each feed is harvested three times: first (everything is new), again (nothing changed), and
after a tenth of the items changed and a tenth vanished (RSS) or were deleted (RPDE, which then
reads only the new pages). Everything runs in one transaction that is rolled back, so the
database is left as it was; the search index, updated after commit, is not part of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
RPDE_PAGE = 500


def rss(items: list[tuple[int, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(title)}</title><guid>course-{n}</guid>"
        f"<link>https://training.example.org/courses/{n}</link>"
        f"<description>{escape(title)}: a day of practice for library and museum staff.</description>"
        f"<ev:startdate>2030-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00Z</ev:startdate>"
        f"<ev:enddate>2030-{1 + n % 12:02d}-{1 + n % 28:02d}T16:00:00Z</ev:enddate>"
        f"<ev:location>Central Library, Leeds</ev:location></item>"
        for n, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/">'
        f"<channel><title>Bench</title><link>https://training.example.org/</link><description>b</description>"
        f"{entries}</channel></rss>"
    ).encode()


def rpde_item(n: int, title: str, modified: int, *, deleted: bool = False) -> dict:
    item: dict = {"state": "deleted" if deleted else "updated", "kind": "SessionSeries", "id": str(n)}
    item["modified"] = modified
    if not deleted:
        item["data"] = {
            "@type": "SessionSeries",
            "name": title,
            "description": f"{title}: weekly sessions.",
            "location": {
                "@type": "Place",
                "name": "Riverside Museum",
                "address": {"addressLocality": "Bristol"},
            },
            "offers": [{"@type": "Offer", "price": 10, "priceCurrency": "GBP"}],
            "subEvent": [
                {"@type": "ScheduledSession", "startDate": f"2030-03-{1 + w:02d}T10:00:00Z"} for w in range(4)
            ],
        }
    return item


class Routes(dict):
    pass


def serve(routes: Routes) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind = routes.get(self.path, (b"", "text/plain"))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def rpde_pages(routes: Routes, base: str, items: list[dict], start: int) -> int:
    """Serve `items` as pages from /rpde?after=start; returns the position after the last."""
    position = start
    for offset in range(0, len(items), RPDE_PAGE):
        chunk = items[offset : offset + RPDE_PAGE]
        after = position + len(chunk)
        path = "/rpde" if position == 0 else f"/rpde?after={position}"
        routes[path] = (
            json.dumps({"items": chunk, "next": f"{base}/rpde?after={after}"}).encode(),
            "application/json",
        )
        position = after
    routes[f"/rpde?after={position}"] = (
        json.dumps({"items": [], "next": f"{base}/rpde?after={position}"}).encode(),
        "application/json",
    )
    return position


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=2000, help="items in each feed (default 2000)")
    options = parser.parse_args()
    n = options.items

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.settings")
    os.environ["SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS"] = "1"
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from signpost.accounts.models import Organisation
    from signpost.catalogue.harvest.service import harvest_feed
    from signpost.catalogue.models import Feed

    call_command("migrate", verbosity=0)
    routes = Routes()
    httpd, base = serve(routes)
    titles = [(i, f"Course {i}") for i in range(n)]
    tenth = max(n // 10, 1)
    print(f"Database: {connection.vendor}; {n:,} items per feed")
    columns = ("new", "upd", "same", "gone")
    print(
        f"{'feed':<6} {'harvest':<28} "
        + " ".join(f"{c:>6}" for c in columns)
        + f" {'seconds':>8} {'items/s':>8}"
    )

    def report(kind: str, label: str, run, items: int) -> None:
        seconds = (run.finished_at - run.started_at).total_seconds()
        rate = items / seconds if seconds else 0
        print(
            f"{kind:<6} {label:<28} {run.created:>6} {run.updated:>6} {run.unchanged:>6} {run.withdrawn:>6} "
            f"{seconds:>8.2f} {rate:>8.0f}"
        )
        assert run.status == "ok", run.message

    started = time.perf_counter()
    with transaction.atomic():
        provider = Organisation.objects.create(
            name="Bench provider", slug="bench-provider-harvest", kind="training-provider"
        )
        routes["/feed.rss"] = (rss(titles), "application/rss+xml")
        feed = Feed.objects.create(provider=provider, name="RSS", url=f"{base}/feed.rss", kind="rss")
        report("rss", "first", harvest_feed(feed), n)
        report("rss", "again, unchanged", harvest_feed(feed), n)
        changed = [(i, f"{t} (revised)" if i < 2 * tenth else t) for i, t in titles[tenth:]]
        routes["/feed.rss"] = (rss(changed), "application/rss+xml")
        report("rss", "10% changed, 10% gone", harvest_feed(feed), len(changed))

        position = rpde_pages(routes, base, [rpde_item(i, t, i + 1) for i, t in titles], 0)
        rpde = Feed.objects.create(provider=provider, name="RPDE", url=f"{base}/rpde", kind="rpde")
        report("rpde", "first", harvest_feed(rpde), n)
        report("rpde", "again, caught up", harvest_feed(rpde), 0)
        news = [rpde_item(i, f"Course {i} (revised)", position + i + 1) for i in range(tenth)]
        news += [rpde_item(i, "", position + tenth + i + 1, deleted=True) for i in range(tenth, 2 * tenth)]
        routes.clear()
        rpde_pages(routes, base, news, position)
        # The incremental run starts from the saved position, whose page now lists the news.
        report("rpde", "10% changed, 10% deleted", harvest_feed(rpde), len(news))
        transaction.set_rollback(True)
    httpd.shutdown()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Total {time.perf_counter() - started:.1f}s; peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
