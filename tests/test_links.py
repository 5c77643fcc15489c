"""`python build.py links` against servers on 127.0.0.1–10 started by the test: every answer
reported as it is, within the time limits, and nothing but the loopback contacted."""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from test_authoring import new_dossier

from dossier.authoring.sources import links as links_module
from dossier.cli import main

HOSTS = [f"127.0.0.{n}" for n in range(1, 11)]


class Traffic:
    """What the servers saw: requests at once, overall and per host."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: Counter[str] = Counter()
        self.most: Counter[str] = Counter()
        self.total = 0
        self.most_total = 0
        self.methods: list[tuple[str, str]] = []

    @contextlib.contextmanager
    def request(self, host: str, method: str, path: str) -> Iterator[None]:
        with self.lock:
            self.now[host] += 1
            self.total += 1
            self.most[host] = max(self.most[host], self.now[host])
            self.most_total = max(self.most_total, self.total)
            self.methods.append((method, path))
        try:
            yield
        finally:
            with self.lock:
                self.now[host] -= 1
                self.total -= 1


def handler(traffic: Traffic) -> type[http.server.BaseHTTPRequestHandler]:
    class Pages(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self.answer("HEAD")

        def do_GET(self) -> None:
            self.answer("GET")

        def answer(self, method: str) -> None:
            host = self.server.server_address[0]
            with traffic.request(host, method, self.path):  # counted while it is being answered
                answer = self.decide(method, host)
            if answer is None:  # the connection reset
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                return
            self.status(*answer)

        def decide(self, method: str, host: str) -> tuple[int, dict[str, str]] | None:
            path = self.path
            if path.startswith("/slow"):
                time.sleep(3 if path == "/slow" else 0.4)
            elif path == "/hang":
                time.sleep(5)  # past the test's 4 s limit
            elif path == "/reset":
                return None
            elif path == "/moved":
                return 301, {"Location": "/new-home"}
            elif path == "/nohead" and method == "HEAD":
                return 405, {}
            return {"/gone": 404, "/removed": 410}.get(path, 200), {}

        def status(self, code: int, headers: dict[str, str] | None = None) -> None:
            with contextlib.suppress(OSError):
                self.send_response(code)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    return Pages


@pytest.fixture
def servers() -> Iterator[tuple[dict[str, str], Traffic]]:
    traffic = Traffic()
    running = []
    bases = {}
    for host in HOSTS:
        server = http.server.ThreadingHTTPServer((host, 0), handler(traffic))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        running.append(server)
        bases[host] = f"http://{host}:{server.server_address[1]}"
    try:
        yield bases, traffic
    finally:
        for server in running:
            server.shutdown()
            server.server_close()


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every connection goes to the loopback; any other host is answered as one that does not
    resolve, and named in the list returned."""
    asked: list[str] = []
    connect = socket.create_connection

    def create_connection(address, *args, **kwargs):
        host = address[0]
        if not host.startswith("127."):
            asked.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return asked


def dossier_with(tmp_path: Path, capsys, urls: list[str], references: list[str] = ()) -> Path:
    root = new_dossier(tmp_path, capsys)
    (root / "content/articles/example-article.md").unlink()
    (root / "content/index.md").write_text("---\ntitle: About\n---\nSources and their addresses.\n")
    for number, url in enumerate(urls):
        (root / f"content/articles/a{number:03d}.md").write_text(
            f"---\ntitle: Article {number}\nlanguage: en\nurl: {url}\n---\nSome words of article {number}.\n",
            encoding="utf-8",
        )
    if references:
        refs = "".join(f"    - title: Reference {n}\n      url: {url}\n" for n, url in enumerate(references))
        (root / "content/events.yaml").write_text(
            f"met:\n  date: 2025-01-02\n  title: They met\n  references:\n{refs}", encoding="utf-8"
        )
    return root


def run_links(root: Path, capsys, *extra: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["links", "--root", str(root), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_each_answer_is_reported_as_it_is(tmp_path, capsys, servers, loopback_only, monkeypatch) -> None:
    bases, traffic = servers
    monkeypatch.setattr(links_module, "TIMEOUT", 4.0)  # 10 s in use
    base = bases["127.0.0.1"]
    urls = [
        f"{base}/fine", f"{base}/moved", f"{base}/gone", f"{base}/removed", f"{bases['127.0.0.2']}/slow",
        f"{bases['127.0.0.3']}/hang", f"{bases['127.0.0.4']}/reset", "https://news.unreachable.dossier-test/x",
        f"{base}/nohead", "https://www.example.com/story", "https://notes.test/a", "ftp://files.local/a",
    ]  # fmt: skip
    root = dossier_with(tmp_path, capsys, urls, [f"{base}/gone"])
    started = time.monotonic()
    code, _, err = run_links(root, capsys)
    assert time.monotonic() - started < 8  # the slow and hanging ones side by side, within their limits
    assert code == 0
    lines = err.splitlines()
    at = {url: f"content/articles/a{n:03d}.md:4:6" for n, url in enumerate(urls)}
    assert (
        f"{at[urls[1]]}: warning: {base}/moved moved to {base}/new-home; the source has no capture"
        not in lines
    )
    assert f"{at[urls[1]]}: warning: {base}/moved moved to {base}/new-home" in lines
    assert f"{at[urls[2]]}: warning: {base}/gone answers 404; the source has no capture" in lines
    assert f"{at[urls[3]]}: warning: {base}/removed answers 410; the source has no capture" in lines
    assert f"{at[urls[5]]}: warning: {urls[5]}: no answer within 4 s; the source has no capture" in lines
    assert f"{at[urls[6]]}: warning: {urls[6]}: the connection was reset; the source has no capture" in lines
    unresolved = f"{urls[7]}: the host news.unreachable.dossier-test does not resolve"
    assert f"{at[urls[7]]}: warning: {unresolved}; the source has no capture" in lines
    assert f"content/events.yaml:6:12: warning: {base}/gone answers 404" in lines
    example = "https://www.example.com/story not checked: www.example.com is kept for examples"
    assert f"{at[urls[9]]}: note: {example}" in lines
    assert any(line.startswith(f"{at[urls[10]]}: note: https://notes.test/a not checked") for line in lines)
    assert any(line.startswith(f"{at[urls[11]]}: note: ftp://files.local/a not checked") for line in lines)
    assert not any(urls[0] in line or urls[4] in line or urls[8] in line for line in lines)  # fine
    assert lines[-1] == "checked 10 addresses: 3 fine, 1 moved, 6 with problems, 3 not checked"
    assert ("GET", "/nohead") in traffic.methods and ("HEAD", "/fine") in traffic.methods
    assert ("GET", "/fine") not in traffic.methods
    assert loopback_only == ["news.unreachable.dossier-test"]  # and no example or test name
    kept = yaml.safe_load((root / "content/links.yaml").read_text())
    assert kept[f"{base}/gone"]["status"] == 404 and kept[f"{base}/moved"]["final"] == f"{base}/new-home"
    assert kept[urls[5]]["problem"] == "no answer within 4 s" and "https://www.example.com/story" not in kept
    assert run_links(root, capsys, "--strict")[0] == 1


def test_json_and_the_captured_copy(tmp_path, capsys, servers, loopback_only) -> None:
    bases, _ = servers
    url = f"{bases['127.0.0.5']}/gone"
    root = dossier_with(tmp_path, capsys, [url, f"{bases['127.0.0.5']}/fine"])
    article = root / "content/articles/a000.md"
    digest = "0" * 64
    archived = (
        f"archived:\n  file: sources/a.warc.gz\n  sha256: '{digest}'\n  retrieved: '2026-12-01T10:00:00Z'\n"
    )
    article.write_text(article.read_text().replace("url:", archived + "url:"))
    _, _, err = run_links(root, capsys)
    assert (
        f"content/articles/a000.md:8:6: warning: {url} answers 404 (captured copy kept)" in err.splitlines()
    )
    _, out, _ = run_links(root, capsys, "--format", "json")
    rows = json.loads(out)
    assert [(row["url"], row["status"], row["captured"]) for row in rows] == [
        (url, 404, True),
        (f"{bases['127.0.0.5']}/fine", 200, False),
    ]


def test_at_most_eight_at_once_and_two_per_host(tmp_path, capsys, servers, loopback_only) -> None:
    bases, traffic = servers
    urls = [f"{bases[host]}/slow-{n}" for host in HOSTS for n in range(4)]
    urls += [f"{bases['127.0.0.1']}/slow-extra-{n}" for n in range(6)]
    root = dossier_with(tmp_path, capsys, urls)
    code, _, err = run_links(root, capsys)
    assert code == 0, err
    assert traffic.most_total <= 8 and max(traffic.most.values()) == 2
    assert err == "" or "0 with problems" in err


def test_the_build_marks_an_original_that_is_gone(tmp_path, capsys, servers, loopback_only) -> None:
    bases, _ = servers
    gone, fine = f"{bases['127.0.0.6']}/removed", f"{bases['127.0.0.6']}/fine"
    root = dossier_with(tmp_path, capsys, [gone, fine])
    run_links(root, capsys)
    assert main(["--root", str(root), "--no-search"]) == 0
    page = (root / "site/articles/a000/index.html").read_text(encoding="utf-8")
    today = yaml.safe_load((root / "content/links.yaml").read_text())[gone]["checked"]
    assert f"(gone: answered 410 on {today})" in page
    assert "gone: answered" not in (root / "site/articles/a001/index.html").read_text(encoding="utf-8")


def test_a_bad_entry_of_links_yaml_is_an_error_at_its_line(tmp_path, capsys) -> None:
    root = dossier_with(tmp_path, capsys, ["https://news.example.com/a"])
    (root / "content/links.yaml").write_text("https://a.site/x:\n  status: gone\n  checked: 2026-12-06\n")
    capsys.readouterr()
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert 'content/links.yaml:2:3: error: "status" must be an HTTP status such as 404' in err
