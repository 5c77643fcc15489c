"""`python build.py serve` over real HTTP on 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import textwrap
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import MINIMAL
from serving import ServeProcess, save

from dossier.preview.live import Preview
from dossier.preview.server import PreviewServer

ARTICLE = "content/articles/first.md"
FIRST = textwrap.dedent(MINIMAL[ARTICLE])


def raw_get(url: str, path: str) -> int:
    """A request with the path exactly as given, bypassing any client-side normalisation."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def read_until(stream: socket.socket, marker: bytes) -> bytes:
    received = b""
    while marker not in received:
        chunk = stream.recv(4096)
        assert chunk, f"connection closed before {marker!r}: {received!r}"
        received += chunk
    return received


def wait_until(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def test_serves_the_site_with_the_reload_script_and_no_store(make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        assert server.url.startswith("http://127.0.0.1:")
        status, headers, body = server.get("/articles/first/")
        assert status == 200
        assert headers["Cache-Control"] == "no-store"
        assert b'<script src="/__dossier/reload.js" defer></script>' in body
        assert b'href="../../assets/style.css"' in body  # plain asset names while previewing
        status, headers, body = server.get("/__dossier/reload.js")
        assert status == 200 and b"EventSource" in body
        status, _, body = server.get("/data/figures.json")
        assert status == 200 and json.loads(body)[0]["key"] == "pledge"
        status, _, body = server.get("/no/such/page/")
        assert status == 404 and b"Page not found" in body
        status, headers, _ = server.get("/articles/first")
        assert status == 200  # redirected to the folder with its slash
    assert server.stop() == 0
    assert not (root / "site").exists()  # the preview never writes the publishing folder


def test_published_site_never_contains_the_reload_script(make_dossier, capsys) -> None:
    from conftest import run

    root = make_dossier()
    assert run(root, capsys=capsys)[0] == 0
    for page in (root / "site").rglob("*.html"):
        assert b"__dossier" not in page.read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "/../config.yaml",
        "/%2e%2e/config.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/articles/../../config.yaml",
        "/articles/%2e%2e/%2e%2e/config.yaml",
        "/..%2fconfig.yaml",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/assets/..%5c..%5cconfig.yaml",
        "/index.html%00.css",
    ],
)
def test_path_traversal_gets_404(make_dossier, path: str) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        assert raw_get(server.url, path) == 404
        assert raw_get(server.url, "/") == 200  # and the server keeps serving


def test_an_edit_rebuilds_only_what_it_touches(make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        save(root / ARTICLE, FIRST.replace("it will spend", "it will surely spend"))
        match = server.wait_for(r"content/articles/first.md changed: (\d+) pages? written in (\d+) ms")
        assert 1 <= int(match.group(1)) < 11
        assert b"it will surely spend" in server.get("/articles/first/")[2]
        assert b"it will surely spend" not in server.get("/articles/second/")[2]


def test_the_open_page_is_made_first_and_the_pages_it_reaches_just_after(make_dossier) -> None:
    root = make_dossier()
    # A browser tab on the first article: its live reload stream names the page it shows.
    tab = "__dossier/events?page=articles/first/index.html"
    with ServeProcess(root) as server, urllib.request.urlopen(server.url + tab) as events:
        assert events.readline().startswith(b"event: state")
        save(root / ARTICLE, FIRST.replace("[[ACME]] said", "[[ACME]] clearly said"))
        pattern = r"first.md changed: (\d+) pages? written in \d+ ms \((\d+) of them just after"
        match = server.wait_for(pattern)
        assert 1 <= int(match.group(2)) < int(match.group(1))  # the open page among the first
        assert b"clearly said" in server.get("/articles/first/")[2]
        assert b"clearly said" in server.get("/entities/acme/")[2]  # made after, or when asked for


def test_the_pages_no_tab_shows_are_made_right_after_the_build_unasked(make_dossier) -> None:
    root = make_dossier()
    preview = Preview(root)
    try:
        preview.rebuild(None)
        preview.subscribe("articles/first/index.html")
        save(root / ARTICLE, FIRST.replace("[[ACME]] said", "[[ACME]] calmly said"))
        outcome, _ = preview.rebuild({ARTICLE})
        assert outcome is not None
        assert "articles/first/index.html" in outcome.rendered
        assert "entities/acme/index.html" in outcome.changed - set(outcome.rendered)
        page = preview.folder / "entities/acme/index.html"
        deadline = time.monotonic() + 10
        while b"calmly said" not in page.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert b"calmly said" in page.read_bytes()
    finally:
        preview.close()


def test_rapid_saves_end_with_the_last_save_served(make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        for number in range(20):
            save(root / ARTICLE, FIRST.replace("it will spend", f"it will spend (save {number})"))
            time.sleep(0.05)
        wait_until(lambda: b"(save 19)" in server.get("/articles/first/")[2])
        time.sleep(0.5)  # nothing still pending may roll it back
        assert b"(save 19)" in server.get("/articles/first/")[2]


def test_a_failed_build_keeps_the_last_good_site_and_reports(make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        save(root / ARTICLE, FIRST.replace("[[ACME]]", "[[Nobody]]"))
        server.wait_for(r"build failed \(1 error\); serving the last good site")
        assert 'content/articles/first.md:7:1: error: unknown entity "Nobody"' in "\n".join(server.output)
        status, _, body = server.get("/articles/first/")
        assert status == 200 and b"it will spend" in body
        save(root / ARTICLE, FIRST.replace("it will spend", "it will now spend"))
        server.wait_for(r"content/articles/first.md changed: \d+ pages? written")
        assert b"it will now spend" in server.get("/articles/first/")[2]


def test_events_stream_reports_each_build(make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        parts = urlsplit(server.url)
        stream = socket.create_connection((parts.hostname, parts.port), timeout=20)
        stream.sendall(f"GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1:{parts.port}\r\n\r\n".encode())
        received = read_until(stream, b"event: state")
        save(root / ARTICLE, FIRST.replace("[[ACME]]", "[[ACME"))
        received += read_until(stream, b"event: build")
        stream.close()
        text = received.decode()
        build = json.loads(text.split("event: build\ndata: ", 1)[1].split("\n", 1)[0])
        assert build["ok"] is False
        assert build["errors"][0].startswith("content/articles/first.md:7:1: error: unmatched")


def test_a_taken_port_gives_a_clear_message(make_dossier) -> None:
    root = make_dossier()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        import subprocess
        import sys

        from serving import REPO

        result = subprocess.run(
            [sys.executable, str(REPO / "build.py"), "serve", "--root", str(root), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_stops_cleanly(make_dossier) -> None:
    root = make_dossier()
    server = ServeProcess(root)
    assert server.get("/")[0] == 200
    assert server.stop() == 0
    server.wait_for("stopping")


@contextlib.contextmanager
def preview_server(root: Path) -> Iterator[tuple[Preview, str]]:
    """The preview's HTTP server in this process, so a test can reach into its build state."""
    preview = Preview(root)
    preview.rebuild()
    server = PreviewServer(("127.0.0.1", 0), preview)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield preview, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()
        preview.close()


def test_a_request_during_a_build_waits_for_it(make_dossier) -> None:
    with preview_server(make_dossier()) as (preview, url):
        preview.site.begin()  # a build starts...
        preview.site.write("articles/first/index.html", b"<p>the new build</p></body>")
        answers: list[bytes] = []
        page = url + "articles/first/"
        request = threading.Thread(
            target=lambda: answers.append(urllib.request.urlopen(page, timeout=20).read())
        )
        request.start()
        request.join(timeout=0.5)
        assert answers == []  # ...and the request waits rather than see a half-built site
        preview.site.commit()
        request.join(timeout=20)
        assert answers and answers[0].startswith(b"<p>the new build</p>")


def test_symlinks_out_of_the_preview_folder_are_not_followed(make_dossier, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    with preview_server(make_dossier()) as (preview, url):
        (preview.folder / "leak.txt").symlink_to(secret)
        (preview.folder / "leakdir").symlink_to(tmp_path, target_is_directory=True)
        assert raw_get(url, "/leak.txt") == 404
        assert raw_get(url, "/leakdir/secret.txt") == 404
        assert raw_get(url, "/index.html") == 200


def raw_exchange(url: str, request: bytes) -> bytes:
    """Send bytes exactly as given and return the status line the server answers with."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as stream:
        stream.sendall(request)
        stream.shutdown(socket.SHUT_WR)
        received = b""
        while b"\r\n" not in received:
            chunk = stream.recv(4096)
            if not chunk:
                break
            received += chunk
    return received.split(b"\r\n", 1)[0]


MALFORMED = {
    "garbage": b"\x00\x01\x02 not http at all\r\n\r\n",
    "too many words": b"GET / HTTP/1.1 extra words\r\n\r\n",
    "bad version": b"GET / HTTP/one\r\n\r\n",
    "no path": b"GET\r\n\r\n",
    "absolute path outside": b"GET /etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "encoded traversal": b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "bad percent": b"GET /%zz%ff HTTP/1.1\r\nHost: x\r\n\r\n",
    "huge request line": b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",
    "too many headers": b"GET / HTTP/1.1\r\n" + b"X-A: b\r\n" * 150 + b"\r\n",
    "post": b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    "foreign host": b"GET / HTTP/1.1\r\nHost: rebound.example\r\n\r\n",
    "delete": b"DELETE /index.html HTTP/1.1\r\nHost: x\r\n\r\n",
}


def test_malformed_requests_get_4xx_and_the_server_goes_on(make_dossier) -> None:
    with preview_server(make_dossier()) as (preview, url):
        for name, request in MALFORMED.items():
            status = raw_exchange(url, request)
            assert re.match(rb"HTTP/1\.[01] 4\d\d ", status), f"{name}: {status!r}"
        half = socket.create_connection(("127.0.0.1", urlsplit(url).port), timeout=10)
        half.sendall(b"GET / HT")  # a request that never finishes...
        half.close()
        assert raw_get(url, "/") == 200  # ...and the server still answers everyone else
        assert (preview.folder / "index.html").is_file()


def open_streams(url: str, count: int) -> list[socket.socket]:
    parts = urlsplit(url)
    streams = []
    for _ in range(count):
        stream = socket.create_connection((parts.hostname, parts.port), timeout=20)
        stream.sendall(f"GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1:{parts.port}\r\n\r\n".encode())
        streams.append(stream)
    for stream in streams:
        read_until(stream, b"event: state")
    return streams


def test_a_hundred_open_event_streams_all_hear_a_rebuild(make_dossier) -> None:
    root = make_dossier()
    with preview_server(root) as (preview, url):
        streams = open_streams(url, 100)
        (root / ARTICLE).write_text(FIRST.replace("spend", "invest"))
        preview.rebuild([ARTICLE])
        for stream in streams:
            received = read_until(stream, b"event: build\ndata: ")
            while b"\n\n" not in received.split(b"event: build", 1)[1]:
                received += stream.recv(4096)
            event = json.loads(received.split(b"event: build\ndata: ", 1)[1].split(b"\n", 1)[0])
            assert event["ok"] is True
            stream.close()
        with urllib.request.urlopen(url + "articles/first/", timeout=10) as response:
            status, body = response.status, response.read()
        assert status == 200 and b"invest" in body


def test_closed_tabs_do_not_leave_threads_behind(make_dossier) -> None:
    with preview_server(make_dossier()) as (preview, url):
        before = threading.active_count()
        streams = open_streams(url, 50)
        assert threading.active_count() >= before + 50
        for stream in streams:
            stream.close()
        wait_until(lambda: threading.active_count() <= before, timeout=5)
        wait_until(lambda: not preview.listeners, timeout=5)


def test_only_loopback_addresses_count_as_private() -> None:
    from dossier.preview.serve import _is_loopback

    assert all(_is_loopback(host) for host in ("127.0.0.1", "127.0.0.2", "::1", "localhost"))
    assert not any(_is_loopback(host) for host in ("0.0.0.0", "::", "192.168.1.20", "example.org"))


def test_responses_go_out_without_waiting_for_acknowledgements() -> None:
    """Headers and body are two writes on a kept-alive connection: with Nagle's algorithm the body
    waited for the browser's delayed acknowledgement of the headers, 40 ms on every swap after an
    edit (benchmarks/review.py measures what it costs)."""
    from dossier.preview.server import PreviewHandler

    assert PreviewHandler.protocol_version == "HTTP/1.1" and PreviewHandler.disable_nagle_algorithm
