"""The preview's HTTP server: the live site, a Server-Sent Events stream, and the reload script.

Only files inside the preview folder are served; every response says `Cache-Control: no-store`;
requests made while a build runs wait for it to finish.
"""

from __future__ import annotations

import http.server
import json
import mimetypes
import posixpath
import queue
import select
import socket
import socketserver
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from ..pages.layouts import ENGINE_LAYOUTS
from .live import FETCH_SECONDS, BuildEvent, Preview
from .review import PREFIX, ReviewAPI, allowed_hosts, handle

CLIENT = ENGINE_LAYOUTS / "preview" / "reload.js"
PANEL = ENGINE_LAYOUTS / "preview" / "review.js"
PANEL_PATH = "/__dossier/review.js"
DECISIONS = ENGINE_LAYOUTS / "preview" / "decisions.js"
DECISIONS_PATH = "/__dossier/decisions.js"
REVIEW_PAGE = ENGINE_LAYOUTS / "preview" / "decisions.html"  # served at PREFIX: the dossier-wide review
EVENTS_PATH = "/__dossier/events"
CLIENT_PATH = "/__dossier/reload.js"
UNLINKED_PATH = "/__dossier/unlinked/"  # + an article's slug: its unlinked mentions, as JSON
HEARTBEAT_SECONDS = 10.0
POLL_SECONDS = 0.5  # how soon a closed tab's event stream is noticed and its thread ends
NOT_BUILT = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Not built yet</title></head><body><main><h1>The dossier has not built yet</h1>
<p>Fix the errors shown in the terminal; this page reloads by itself.</p></main></body></html>"""


def inject_client(html: bytes, token: str | None = None) -> bytes:
    """Add the reload script before `</body>` (or at the end), and where the review API is on, the
    page's token and the review panel's script; only the preview ever does this."""
    tag = f'<script src="{CLIENT_PATH}" defer></script>'
    if token is not None:
        tag += f'<meta name="dossier-token" content="{token}"><script src="{PANEL_PATH}" defer></script>'
    index = html.rfind(b"</body>")
    return html[:index] + tag.encode() + html[index:] if index >= 0 else html + tag.encode()


class PreviewServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False
    request_queue_size = 128  # many tabs reconnecting at once after a restart

    def __init__(
        self,
        address: tuple[str, int],
        preview: Preview,
        *,
        review: bool = True,
        rebuild: Callable[[set[str]], None] | None = None,
    ):
        """`rebuild`: how the files a review action wrote are built (by default, as the watcher does)."""
        self.preview = preview
        self.closing = threading.Event()
        super().__init__(address, PreviewHandler)
        self.hosts = allowed_hosts(address[0], self.server_address[1])
        self.review = ReviewAPI(
            preview.project.root,
            enabled=review,
            generation=lambda: preview.last.number,
            written=rebuild or (lambda paths: preview.rebuild(paths)),
            fetched=lambda: preview.site.wait_for_fetches(FETCH_SECONDS),
            read_ahead=preview.project.documents.read_ahead,
        )

    @property
    def token(self) -> str | None:
        """The token the preview's pages carry, where the review API is on."""
        return self.review.token if self.review.enabled else None

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """A broken request costs that request only; one line, no traceback, the server goes on."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            print(f"preview: request from {client_address[0]} failed: {error!r}", file=sys.stderr)


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.0"  # even an unreadable request gets a proper status line
    # A response is its headers, then its body, in two writes: with Nagle's algorithm the body waits
    # for the headers' acknowledgement, which the browser delays by 40 ms (every swap took 40 ms
    # longer). Kept-alive connections are why; each write goes out at once instead.
    disable_nagle_algorithm = True
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s\n"

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal shows builds, not requests

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def _foreign_host(self) -> bool:
        """Refuse (403) a request naming another host than the preview's: a page of another site
        whose name was rebound to this address (DNS rebinding). A request naming none (an old
        HTTP/1.0 client, never a browser) may read pages, never the review API."""
        host = self.headers.get("Host")
        if host in self.server.hosts or (host is None and not self.path.startswith(PREFIX)):
            return False
        self.close_connection = True
        self._send(403, "text/plain; charset=utf-8", b"403 this preview answers only to its own address\n")
        return True

    def do_HEAD(self) -> None:
        if not self._foreign_host():
            self._serve(head=True)

    def _read_only(self) -> None:
        """The preview only serves files: other methods get 405, and the connection goes on."""
        self.send_response(405)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _read_only

    def do_POST(self) -> None:
        if self._foreign_host():
            return
        if not urlsplit(self.path).path.startswith(PREFIX):
            self._read_only()
            return
        self._review("POST")

    def _review(self, method: str) -> None:
        status, body = handle(self.server.review, method, self.path, self.headers, self.rfile.read)
        if status == 413:
            self.close_connection = True  # the body is not read
        self._send(status, "application/json; charset=utf-8", json.dumps(body, ensure_ascii=False).encode())

    def do_GET(self) -> None:
        if self._foreign_host():
            return
        path = urlsplit(self.path).path
        if path == PREFIX and self.server.token is not None:
            self._send(
                200, "text/html; charset=utf-8", inject_client(REVIEW_PAGE.read_bytes(), self.server.token)
            )
        elif path.startswith(PREFIX):
            self._review("GET")
        elif path == PANEL_PATH:
            self._send(200, "text/javascript; charset=utf-8", PANEL.read_bytes())
        elif path == DECISIONS_PATH:
            self._send(200, "text/javascript; charset=utf-8", DECISIONS.read_bytes())
        elif path == EVENTS_PATH:
            self._events()
        elif path == CLIENT_PATH:
            self._send(200, "text/javascript; charset=utf-8", CLIENT.read_bytes())
        elif path.startswith(UNLINKED_PATH):
            body = json.dumps(self.server.preview.unlinked(unquote(path[len(UNLINKED_PATH) :])))
            self._send(200, "application/json; charset=utf-8", body.encode())
        else:
            self._serve(head=False)

    def _send(self, code: int, content_type: str, body: bytes, head: bool = False) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _resolve(self) -> Path | None:
        """The file a request names, or None when it names nothing inside the preview folder."""
        raw = urlsplit(self.path).path
        if not raw.startswith("/"):
            return None
        path = unquote(raw)
        if "\x00" in path or "\\" in path or any(part == ".." for part in path.split("/")):
            return None
        folder = self.server.preview.folder.resolve()
        relative = posixpath.normpath(path).lstrip("/")
        target = (folder / relative).resolve() if relative not in ("", ".") else folder
        if not target.is_relative_to(folder):
            return None
        return target

    def _serve(self, head: bool) -> None:
        preview = self.server.preview
        preview.site.wait_ready()
        target = self._resolve()
        if target is not None:
            relative = target.relative_to(preview.folder.resolve()).as_posix()
            preview.site.materialize(relative)
        if target is not None and target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if target is None or not target.is_file():
            fallback = preview.folder / "404.html"
            body = fallback.read_bytes() if fallback.is_file() else NOT_BUILT
            self._send(404, "text/html; charset=utf-8", inject_client(body, self.server.token), head)
            return
        body = target.read_bytes()
        preview.site.fetched(target.relative_to(preview.folder.resolve()).as_posix())
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type == "text/html":
            body = inject_client(body, self.server.token)
        if content_type.startswith("text/") or content_type in ("application/json", "application/xml"):
            content_type += "; charset=utf-8"
        self._send(200, content_type, body, head)

    def _events(self) -> None:
        """Server-Sent Events: the state of the last build at once, then every build as it ends."""
        preview = self.server.preview
        page = parse_qs(urlsplit(self.path).query).get("page", [""])[0]
        listener = preview.subscribe(page)
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self._event(preview.last.state(), "state")
            quiet = 0.0
            while not self.server.closing.is_set() and not self._client_gone():
                try:
                    event = listener.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    quiet += POLL_SECONDS
                    if quiet >= HEARTBEAT_SECONDS:  # keeps proxies and idle timers from closing it
                        self.wfile.write(b": heartbeat\n\n")
                        self.wfile.flush()
                        quiet = 0.0
                    continue
                quiet = 0.0
                if event is None:
                    break
                self._event(event, "build")
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass
        finally:
            preview.unsubscribe(listener)

    def _client_gone(self) -> bool:
        """Whether the browser closed the stream: its socket reads as ended (or failed)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _event(self, event: BuildEvent, name: str) -> None:
        self.wfile.write(f"event: {name}\ndata: {event.to_json()}\n\n".encode())
        self.wfile.flush()
