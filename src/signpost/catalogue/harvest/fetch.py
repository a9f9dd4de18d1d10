"""Fetching a feed over HTTP: a time limit, a size limit, a few redirects, http(s) only.

Every way a fetch can go wrong becomes a FetchError whose message a provider can act on
("did not answer within 20 seconds", "answered with a web page (HTML), not an RSS or Atom
feed"), so the harvest log can show it as it is.

Feeds are fetched by the server, so by default addresses on private or local networks are
refused (a provider must not be able to make Signpost read its own network);
SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS turns that off for development and tests.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

DEFAULT_TIMEOUT = 20.0  # seconds, for connecting and for each read
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = {"text/html", "application/xhtml+xml"}

# What each kind of feed asks for, and how its data is named in messages.
ACCEPT = {
    "ical": "text/calendar, text/plain;q=0.5, */*;q=0.1",
    "jsonld": "application/ld+json, application/json, text/html;q=0.9, */*;q=0.1",
    "rss": "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1",
    "rpde": "application/json, */*;q=0.1",
}
DATA_NAMES = {
    "ical": "iCalendar data",
    "jsonld": "schema.org JSON-LD",
    "rss": "an RSS or Atom feed",
    "rpde": "an RPDE page (JSON)",
}


class FetchError(Exception):
    """A feed could not be fetched; the message says why, in words a provider can act on."""


@dataclass(frozen=True)
class Fetched:
    url: str  # where the content finally came from, after any redirects
    content: bytes
    content_type: str  # the media type, lower case, without parameters ("" when not given)


def feed_timeout() -> float:
    return float(getattr(settings, "SIGNPOST_FEED_TIMEOUT", DEFAULT_TIMEOUT))


def feed_max_bytes() -> int:
    return int(getattr(settings, "SIGNPOST_FEED_MAX_BYTES", DEFAULT_MAX_BYTES))


def check_address(url: str) -> str:
    """Return the problem with `url` as a feed address, or "" when it is usable (no network used)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return "Only http and https addresses can be harvested."
    if not parts.hostname:
        return "The address has no server name."
    if not _private_allowed():
        host = parts.hostname.strip("[]")
        if host == "localhost" or host.endswith(".localhost"):
            return "Signpost does not harvest addresses on this server (localhost)."
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return ""
        if _is_private(address):
            return f"Signpost does not harvest private or local network addresses ({host})."
    return ""


class Fetcher:
    """Fetches feed documents with one HTTP client (so an RPDE harvest reuses its connection)."""

    def __init__(self, *, timeout: float | None = None, max_bytes: int | None = None) -> None:
        self.timeout = feed_timeout() if timeout is None else timeout
        self.max_bytes = feed_max_bytes() if max_bytes is None else max_bytes
        site = getattr(settings, "SITE_URL", "")
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,  # followed by hand so each hop is checked
            headers={"User-Agent": f"Signpost feed harvester (+{site})".replace(" (+)", "")},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.client.close()

    def get(self, url: str, *, kind: str) -> Fetched:
        """Fetch `url` expecting a feed of `kind` (a FeedKind value); raise FetchError on any problem."""
        # The whole fetch, redirects and reading included, gets a few times the per-step limit,
        # so a server that trickles bytes cannot hold a harvest for ever.
        deadline = time.monotonic() + 3 * self.timeout
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_target(current)
            try:
                with self.client.stream("GET", current, headers={"Accept": ACCEPT.get(kind, "*/*")}) as reply:
                    if reply.is_redirect and "location" in reply.headers:
                        current = urljoin(current, reply.headers["location"])
                        continue
                    if not reply.is_success:
                        reason = f" {reply.reason_phrase}" if reply.reason_phrase else ""
                        raise FetchError(f"The server answered {reply.status_code}{reason}.")
                    content = self._read(reply, deadline)
                    content_type = reply.headers.get("content-type", "").split(";")[0].strip().lower()
            except httpx.TimeoutException as error:
                raise FetchError(f"The server did not answer within {self.timeout:g} seconds.") from error
            except httpx.ConnectError as error:
                raise FetchError(f"Could not connect to {urlsplit(current).hostname}: {error}.") from error
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
                raise FetchError(f"{current!r} is not a usable web address: {error}.") from error
            except httpx.HTTPError as error:
                raise FetchError(f"The feed could not be fetched: {error}.") from error
            _check_type(content, content_type, kind)
            return Fetched(url=current, content=content, content_type=content_type)
        raise FetchError(f"The address redirected more than {MAX_REDIRECTS} times.")

    def _read(self, reply: httpx.Response, deadline: float) -> bytes:
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(_too_big(self.max_bytes))
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(_too_big(self.max_bytes))
            if time.monotonic() > deadline:
                raise FetchError(
                    f"The server took longer than {3 * self.timeout:g} seconds to send the feed."
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_target(self, url: str) -> None:
        problem = check_address(url)
        if problem:
            raise FetchError(problem)
        if _private_allowed():
            return
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
        except (socket.gaierror, UnicodeError) as error:
            raise FetchError(f"The server name {host!r} could not be found.") from error
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            if _is_private(address):
                raise FetchError(
                    f"{host} is on a private or local network ({address}); Signpost does not harvest those."
                )


def fetch(url: str, *, kind: str, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """Fetch one feed document (see Fetcher.get)."""
    with Fetcher(timeout=timeout, max_bytes=max_bytes) as fetcher:
        return fetcher.get(url, kind=kind)


def looks_like_html(content: bytes) -> bool:
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<?xml") and b"<html" in head and b"<rss" not in head and b"<feed" not in head
    )


def _check_type(content: bytes, content_type: str, kind: str) -> None:
    """Refuse a web page where data was expected (a JSON-LD feed may be a page carrying JSON-LD)."""
    if kind == "jsonld":
        return
    if content_type in HTML_TYPES or looks_like_html(content):
        raise FetchError(
            f"The address answered with a web page (HTML), not {DATA_NAMES.get(kind, 'feed data')}. "
            "Check that it is the feed's own address, not the page that links to it."
        )


def _too_big(limit: int) -> str:
    size = f"{limit / 1024 / 1024:g} MB" if limit >= 1024 * 1024 else f"{limit / 1024:g} KB"
    return f"The feed is larger than {size}, the most Signpost harvests."


def _private_allowed() -> bool:
    return bool(getattr(settings, "SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS", False))


def _is_private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )
