"""`python build.py new` and `python build.py add`: starting a dossier and bringing sources in."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run

from dossier.authoring.files.slugs import slugify
from dossier.authoring.sources import fetch
from dossier.cli import main

SEEDS = REPO / "tests" / "seeds"


def new_dossier(tmp_path: Path, capsys) -> Path:
    root = tmp_path / "fresh"
    assert main(["new", str(root), "--title", "Fresh dossier"]) == 0
    capsys.readouterr()
    return root


def front_matter(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8").split("---\n")[1])


def articles(root: Path) -> dict[str, Path]:
    return {
        p.name: p for p in sorted((root / "content/articles").glob("*.md")) if p.name != "example-article.md"
    }


def add(root: Path, *sources: str, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["add", *sources, "--root", str(root)])
    out, err = capsys.readouterr()
    return code, out, err


# new


def test_new_makes_a_dossier_that_builds_strictly_without_a_warning(tmp_path: Path, capsys) -> None:
    root = tmp_path / "my-dossier"
    code = main(["new", str(root), "--language", "de"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith(f"started a dossier in {root} (12 files)")
    config = yaml.safe_load((root / "config.yaml").read_text())
    assert config["title"] == "My dossier" and config["language"] == "de"
    assert (root / ".gitignore").read_text().splitlines()[:2] == ["site/", ".cache/"]
    workflow = (root / ".github/workflows/pages.yml").read_text()
    assert workflow == (REPO / ".github/workflows/pages.yml").read_text()
    code, out, err = run(root, "--strict", "--no-search", capsys=capsys)
    assert code == 0, err
    assert err == "" and "warning" not in out
    article = (root / "site/articles/beispielartikel/index.html").read_text()  # the German example
    for mark in ('class="mention"', 'class="claim claim-figure"', 'class="claim claim-event"'):
        assert mark in article
    assert 'href="../../entities/beispiel-ag/"' in article  # the link to another content file


def test_new_with_a_title_that_needs_quoting(tmp_path: Path, capsys) -> None:
    root = tmp_path / "d"
    assert (
        main(
            ["new", str(root), "--title", 'Chips: "the race" #1'],
        )
        == 0
    )
    assert yaml.safe_load((root / "config.yaml").read_text())["title"] == 'Chips: "the race" #1'
    assert run(root, "check", "--strict", capsys=capsys)[0] == 0


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys) -> None:
    root = tmp_path / "busy"
    root.mkdir()
    (root / "notes.txt").write_text("mine")
    assert main(["new", str(root)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"python build.py: error: {root} exists and is not empty; "
        "new starts a dossier in a new or empty folder"
    ]
    assert [p.name for p in root.iterdir()] == ["notes.txt"]


def test_new_into_an_empty_folder_and_a_bad_language(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["new", str(empty)]) == 0
    assert (empty / "content/articles/example-article.md").is_file()
    assert main(["new", str(tmp_path / "other"), "--language", "not a tag"]) == 2
    assert "is not a BCP 47 tag" in capsys.readouterr().err
    assert not (tmp_path / "other").exists()


# add: the four seeds


def test_the_four_seeds_come_in_with_their_languages_and_titles(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) == 4
    code, out, _ = add(root, *map(str, seeds), capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[-1] == "added 4 articles"
    written = [line.split(":", 1)[0] for line in lines[:-1]]
    languages = [front_matter(root / path)["language"] for path in written]
    assert languages == ["de", "de", "en", "de"]
    titles = [front_matter(root / path)["title"] for path in written]
    assert titles[2] == "Xiaomi Deepens Technology Push With Major R&D Investment and MiMo AI Launch"
    assert titles[3].startswith("Der nächste KI-Paukenschlag aus China")
    assert written[3] == "content/articles/der-nachste-ki-paukenschlag-aus-china-jetzt-greift-auch.md"
    for path in written:
        front = front_matter(root / path)
        assert set(front) == {"title", "language"}  # the seeds state no date, author, address or outlet
        assert len(front["title"]) <= 100
    assert "no publication date stated" in lines[0] and "no source stated" in lines[0]
    assert run(root, "--no-search", capsys=capsys)[0] == 0


def test_a_text_keeps_paragraphs_lists_and_headings_and_escapes_markup(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    source = tmp_path / "note.txt"
    source.write_text(
        "A short headline\n\nFirst paragraph says [[not a mention]] and ]{not a claim}.\n\n"
        "What comes next\n- one point\n- another point\nLast paragraph.\n"
    )
    assert add(root, str(source), capsys=capsys)[0] == 0
    text = (root / "content/articles/a-short-headline.md").read_text()
    body = text.split("---\n", 2)[2]
    assert body == (
        "First paragraph says \\[\\[not a mention\\]\\] and \\]\\{not a claim\\}.\n\n"
        "## What comes next\n\n- one point\n- another point\n\nLast paragraph.\n"
    )
    assert run(root, "--no-search", capsys=capsys)[0] == 0


# add: saved web pages

NEWS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Chipmaker doubles its budget | The Example Ledger</title>
<meta property="og:title" content="Chipmaker doubles its research budget">
<meta property="og:site_name" content="The Example Ledger">
<meta property="og:url" content="https://ledger.example.com/tech/chipmaker-budget">
<link rel="canonical" href="https://ledger.example.com/tech/chipmaker-budget">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Chipmaker doubles its research budget", "datePublished": "2025-12-17T09:30:00+08:00",
 "author": {"@type": "Person", "name": "Mira Chen"},
 "publisher": {"@type": "Organization", "name": "The Example Ledger"}}</script>
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/tech">Technology</a> <a href="/world">World news</a></nav>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
 <button>Accept all cookies</button></div>
<main><article>
<h1>Chipmaker doubles its research budget</h1>
<p class="byline">By Mira Chen</p>
<p>The company said on Wednesday that it would spend twice as much on research over the next five
years as in the five before, with most of the money going to chip design and artificial intelligence.</p>
<h2>Where the money goes</h2>
<p>Most of the new budget is meant for a design centre that will employ several thousand engineers,
the chief executive told analysts during a call that lasted nearly two hours.</p>
<ul><li>Chip design and verification</li><li>Models that run on the phone itself</li></ul>
<p>Analysts said the plan was ambitious but matched what rivals have announced this year.</p>
</article></main>
<div class="share-bar">Share this article: Facebook Twitter LinkedIn Email</div>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Join the discussion and leave a comment below, first one wins.</p></div></section>
<footer>© The Example Ledger. All rights reserved.</footer>
</body></html>
"""

META_ONLY_PAGE = """<html><head><meta charset="utf-8"><title>Quarterly figures are out</title>
<meta name="author" content="Jonas Weber">
<meta name="date" content="2024-11-02">
<meta name="description" content="The quarterly figures.">
</head><body><div class="content">
<h1>Quarterly figures are out</h1>
<p>Revenue rose in the third quarter, the company said, driven by sales of phones and of the cars it
started to deliver earlier this year; profits grew faster than revenue for the first time.</p>
<p>The company expects the trend to continue through the winter, when new models reach the shops in
Europe and in South East Asia, where it has opened several hundred stores.</p>
</div></body></html>
"""

LATIN1_PAGE = """<html><head><meta charset="iso-8859-1"><title>Größere Budgets für die Forschung</title>
<meta name="author" content="Jörg Müller"></head><body><article>
<h1>Größere Budgets für die Forschung</h1>
<p>Das Unternehmen erhöht seine Ausgaben für Forschung und Entwicklung deutlich und will in den
nächsten fünf Jahren doppelt so viel investieren wie in den fünf Jahren zuvor, sagte der Vorstand.</p>
<p>Der größte Teil des Geldes fließt in die Entwicklung eigener Chips und in Modelle für künstliche
Intelligenz, die direkt auf den Geräten laufen, teilte das Unternehmen am Mittwoch mit.</p>
</article></body></html>
"""

FURNITURE = (
    "Accept all cookies",
    "Share this article",
    "leave a comment",
    "World news",
    "All rights reserved",
)


def test_a_news_page_gives_its_metadata_and_main_text_without_furniture(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    page = tmp_path / "saved.html"
    page.write_text(NEWS_PAGE)
    publication = root / "content/entities/ledger.md"
    publication.write_text("---\nname: The Example Ledger\ntype: publication\n---\n")
    code, out, _ = add(root, str(page), capsys=capsys)
    assert code == 0, out
    (article,) = articles(root).values()
    front = front_matter(article)
    assert front == {
        "title": "Chipmaker doubles its research budget",
        "language": "en",
        "source": "The Example Ledger",
        "published": front["published"],
        "url": "https://ledger.example.com/tech/chipmaker-budget",
        "author": "Mira Chen",
        "archived": front["archived"],  # the saved page's capture (tests/test_captures.py)
    }
    assert front["archived"]["file"] == f"sources/{article.stem}.warc.gz"
    assert str(front["published"]) == "2025-12-17"
    body = article.read_text().split("---\n", 2)[2]
    assert "twice as much on research" in body and "## Where the money goes" in body
    assert "- Chip design and verification" in body
    for furniture in FURNITURE:
        assert furniture not in body, furniture
    assert out.splitlines()[0] == f"content/articles/{article.name}: added from {page} (en)"
    assert run(root, "--no-search", capsys=capsys)[0] == 0


def test_a_page_with_metadata_only_in_meta_tags(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    page = tmp_path / "meta.htm"
    page.write_text(META_ONLY_PAGE)
    code, out, _ = add(root, str(page), capsys=capsys)
    assert code == 0
    (article,) = articles(root).values()
    front = front_matter(article)
    assert front["title"] == "Quarterly figures are out"
    assert front["author"] == "Jonas Weber"
    assert str(front["published"]) == "2024-11-02"
    assert "url" not in front and "source" not in front
    assert "Revenue rose in the third quarter" in article.read_text()
    assert "no source stated" in out


def test_a_page_in_iso_8859_1_declared_by_its_meta_charset(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    page = tmp_path / "alt.html"
    page.write_bytes(LATIN1_PAGE.encode("iso-8859-1"))
    code, out, _ = add(root, str(page), capsys=capsys)
    assert code == 0, out
    (article,) = articles(root).values()
    assert article.name == "grossere-budgets-fur-die-forschung.md"
    front = front_matter(article)
    assert front["title"] == "Größere Budgets für die Forschung"
    assert front["author"] == "Jörg Müller" and front["language"] == "de"
    assert "no publication date stated" in out
    assert "doppelt so viel investieren" in article.read_text(encoding="utf-8")


# add: URLs from a server on 127.0.0.1


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/news":
            self._send(200, NEWS_PAGE.encode(), "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/meta")
            self.end_headers()
        elif self.path == "/meta":
            self._send(200, META_ONLY_PAGE.encode(), "text/html")
        elif self.path == "/broken":
            self._send(500, b"oops", "text/plain")
        elif self.path == "/huge":
            self._send(200, b"<p>" + b"x" * fetch.MAX_BYTES + b"</p>", "text/html")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, NEWS_PAGE.encode(), "text/html")
        else:
            self._send(404, b"no such page", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def page_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_is_fetched_and_a_redirect_followed(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    with page_server() as base:
        code, out, err = add(root, f"{base}/news", f"{base}/moved", capsys=capsys)
    assert code == 0, err
    fronts = {front_matter(p)["title"]: front_matter(p) for p in articles(root).values()}
    assert (
        fronts["Chipmaker doubles its research budget"]["url"]
        == "https://ledger.example.com/tech/chipmaker-budget"
    )
    assert fronts["Quarterly figures are out"]["url"] == f"{base}/meta"  # where the redirect led
    assert out.splitlines()[-1] == "added 2 articles"


def test_urls_that_fail_each_say_why(tmp_path: Path, capsys, monkeypatch) -> None:
    root = new_dossier(tmp_path, capsys)
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        closed_port = spare.getsockname()[1]  # nothing listens once it is closed
    with page_server() as base:
        sources = [f"{base}/missing", f"{base}/broken", f"{base}/huge", f"{base}/slow"]
        sources.append(f"http://127.0.0.1:{closed_port}/page")
        code, _, err = add(root, *sources, capsys=capsys)
    assert code == 1
    assert err.splitlines() == [
        f"{base}/missing: error: HTTP 404 Not Found",
        f"{base}/broken: error: HTTP 500 Internal Server Error",
        f"{base}/huge: error: the page is over 10 MB",
        f"{base}/slow: error: no answer from 127.0.0.1 within 0.5 s",
        f"http://127.0.0.1:{closed_port}/page: error: 127.0.0.1 refused the connection",
        "added 0 articles; 5 sources could not be added",
    ]
    assert articles(root) == {}


def test_a_host_that_does_not_resolve(tmp_path: Path, capsys, monkeypatch) -> None:
    root = new_dossier(tmp_path, capsys)

    def no_such_host(*args: object, **kwargs: object) -> None:
        # What the resolver answers for an unknown name; the tests reach no address but the loopback.
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    code, _, err = add(root, "https://news.example.invalid/story", capsys=capsys)
    assert code == 1
    assert (
        err.splitlines()[0]
        == "https://news.example.invalid/story: error: cannot find the host news.example.invalid"
    )


# add: bad input, each with its line


def test_every_bad_file_says_why_and_the_good_ones_are_still_added(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Good news headline\n\nA paragraph of good news for everyone.\n")
    (folder / "b-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "c-empty.md").write_text("  \n\n")
    (folder / "d-latin1.txt").write_bytes("Größe\n\nÄrger über Öl.\n".encode("iso-8859-1"))
    (folder / "e-no-text.html").write_text(
        "<html><head><title>x</title></head><body><nav>Home</nav></body></html>"
    )
    (folder / "f-mismatch.html").write_bytes(
        '<html><head><meta charset="utf-8"></head><body><p>Grüße</p></body></html>'.encode("iso-8859-1")
    )
    (folder / "f-undeclared.html").write_bytes("<html><body><p>Grüße</p></body></html>".encode("latin-1"))
    (folder / "f-windows-1252.html").write_bytes(
        b'<html><head><meta charset="windows-1252"></head><body><p>Gr\x81\xfc\xdfe</p></body></html>'
    )
    (folder / "g-photo.pdf").write_bytes(b"%PDF-1.4")
    (folder / "h-unreadable.txt").symlink_to("/proc/self/mem")  # reading it fails with an I/O error
    (folder / "z-good.html").write_text(META_ONLY_PAGE)
    code, _, err = add(root, str(folder), str(tmp_path / "missing.txt"), capsys=capsys)
    assert code == 1
    assert err.splitlines() == [
        f"{folder}/b-binary.txt: error: binary file, not text or HTML",
        f"{folder}/c-empty.md: error: empty file",
        f"{folder}/d-latin1.txt: error: not UTF-8 text (byte 0xf6 on line 1)",
        f"{folder}/e-no-text.html: error: no main text found in the page",
        f"{folder}/f-mismatch.html: error: text is not UTF-8, the charset the page declares: "
        "byte 0xfc at offset 52",
        f"{folder}/f-undeclared.html: error: text is not UTF-8 and the page declares no charset: "
        "byte 0xfc at offset 17",
        f"{folder}/f-windows-1252.html: error: text is neither UTF-8 nor the charset the page declares "
        "(windows-1252): byte 0x81 at offset 59",
        f"{folder}/g-photo.pdf: error: not a .txt, .md, .html or .htm file",
        f"{folder}/h-unreadable.txt: error: cannot read the file: Input/output error",
        f"content/articles/quarterly-figures-are-out.md: warning: the main text of {folder}/z-good.html is "
        "only 64 words: a caption, a teaser or a paywalled page? Check it against the page",
        f"{tmp_path}/missing.txt: error: no such file or folder",
        "added 2 articles; 10 sources could not be added",
    ]
    assert sorted(articles(root)) == ["good-news-headline.md", "quarterly-figures-are-out.md"]
    assert [p.name for p in (root / "content/articles").iterdir() if p.name.startswith(".")] == []


def test_the_same_source_twice_is_refused_and_a_taken_slug_gets_a_number(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("Budget news\n\nThe first story about the budget.\n")
    second.write_text("Budget news\n\nA different story under the same headline.\n")
    assert add(root, str(first), str(second), capsys=capsys)[0] == 0
    assert sorted(articles(root)) == ["budget-news-2.md", "budget-news.md"]
    code, _, err = add(root, str(first), capsys=capsys)
    assert code == 1
    assert err.splitlines()[0] == (
        f"{first}: error: the same text is already in the dossier as content/articles/budget-news.md"
    )
    page = tmp_path / "page.html"
    page.write_text(NEWS_PAGE)
    add(root, str(page), capsys=capsys)
    code, _, err = add(root, str(page), capsys=capsys)
    assert err.splitlines()[0].endswith(
        "already in the dossier as content/articles/chipmaker-doubles-its-research-budget.md"
    )


def test_add_needs_a_dossier(tmp_path: Path, capsys) -> None:
    assert main(["add", "x.txt", "--root", str(tmp_path)]) == 2
    assert "holds no config.yaml" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Der nächste KI-Paukenschlag", "der-nachste-ki-paukenschlag"),
        ("Straße & Œuvre: Ærø", "strasse-oeuvre-aero"),
        ("Xiaomi's 200 bn pledge!", "xiaomi-s-200-bn-pledge"),
        ("小米", "article"),
        ("word " * 30, "word-" * 11 + "word"),
    ],
)
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug
