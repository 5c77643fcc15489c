"""A project site: built for https://USER.github.io/REPO/ and served under /REPO/, as GitHub Pages
does, every link, asset, anchor and the 404 page work."""

from __future__ import annotations

import http.server
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, main
from linkcheck import crawl

PREFIX = "/dossier-repo/"


class _Pages(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX, with 404.html for anything missing, like GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return "/nonexistent"
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("subpath") / "site"
    assert (
        main(
            [
                "--root",
                str(REPO),
                "--out",
                str(out),
                "--quiet",
                "--base-url",
                "https://user.github.io/dossier-repo/",
            ]
        )
        == 0
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _Pages(*a, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}", out
    server.shutdown()
    server.server_close()


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def test_every_page_link_asset_and_anchor_works_under_the_sub_path(project_site) -> None:
    start, out = project_site
    reached, problems = crawl(start, fetch)
    assert problems == []
    pages = {
        f"{start}{p.parent.relative_to(out).as_posix()}/".replace("/./", "/") for p in out.rglob("index.html")
    }
    assert pages <= reached
    assert any(url.endswith(".css") for url in reached) and any(url.endswith(".js") for url in reached)
    assert f"{start}data/figures.csv" in reached and f"{start}feed.xml" in reached


def test_the_404_page_works_at_any_depth(project_site) -> None:
    start, _ = project_site
    for missing in ("no-such-page", "articles/missing/deeper/still/"):
        status, _, body = fetch(start + missing)
        assert status == 404 and b"Page not found" in body
        page_links = [link for link in body.decode().split('href="')[1:]]
        for link in (link.split('"')[0] for link in page_links):
            if link.startswith(PREFIX):
                assert fetch(start + link[len(PREFIX) :])[0] == 200, link


def test_feed_and_sitemap_carry_the_published_address(project_site) -> None:
    start, _ = project_site
    _, _, feed = fetch(start + "feed.xml")
    _, _, sitemap = fetch(start + "sitemap.xml")
    assert b"https://user.github.io/dossier-repo/articles/" in feed
    assert b"<loc>https://user.github.io/dossier-repo/timeline/</loc>" in sitemap
