"""A small HTTP server on 127.0.0.1 (any free port) that serves feeds to the harvest tests.

Routes are set per test: a body, a content type, a status, an optional delay (to make a feed
time out) or a redirect. It runs in a thread, one thread per request, so a slow route never
holds up the others.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/octet-stream"
    status: int = 200
    delay: float = 0.0
    location: str = ""


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    port: int = 0

    def serve(self, path: str, body: bytes | str, content_type: str, **options: object) -> str:
        """Serve `body` at `path`; returns the full address."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(body=data, content_type=content_type, **options)  # type: ignore[arg-type]
        return self.url(path)

    def serve_file(self, path: str, name: str, content_type: str) -> str:
        return self.serve(path, (FIXTURES / name).read_bytes(), content_type)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, location=location)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _handler(server_state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_state.hits.append(self.path)
            route = server_state.routes.get(self.path)
            if route is None:
                route = Route(body=b"not found", content_type="text/plain", status=404)
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                if route.location:
                    self.send_header("Location", route.location)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the harvester gave up waiting, as the timeout test means it to

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class RunningServer:
    def __init__(self) -> None:
        self.state = FeedServer()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.httpd.daemon_threads = True
        self.state.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self.state

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
