"""Captures: every page `add` reads kept as a WARC under sources/ (DESIGN.md, "Captured sources"),
read back here with warcio; pages from a server on 127.0.0.1 started by the test."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

from conftest import unavailable
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_authoring import NEWS_PAGE, add, articles, front_matter, new_dossier, page_server
from warcio.archiveiterator import ArchiveIterator

from dossier.authoring.sources import fetch
from dossier.cli import main
from dossier.diagnostics import Position
from dossier.model.documents import Archived
from dossier.reading.captures import check_capture
from dossier.warc import contents
from tools.checkers import ToolMissing, nu_check
from tools.static import static_server


def records(file: Path) -> list:
    """Each record of a WARC with its payload read (as content_stream gives it) and its headers."""
    found = []
    with file.open("rb") as stream:
        for record in ArchiveIterator(stream):
            payload = record.content_stream().read()
            found.append((record.rec_type, record.rec_headers, record.http_headers, payload))
    return found


def only_article(root: Path) -> tuple[dict, str]:
    (file,) = articles(root).values()
    return front_matter(file), file.read_text(encoding="utf-8").split("---\n", 2)[2]


def added_from_the_server(tmp_path: Path, capsys, page: str) -> tuple[Path, str]:
    """A fresh dossier with one page of the test's server added: the root and the server's base."""
    root = new_dossier(tmp_path, capsys)
    with page_server() as base:
        code, _, err = add(root, f"{base}{page}", capsys=capsys)
    assert code == 0, err
    return root, base


def test_a_url_is_kept_as_the_exchange_with_the_text_extracted(tmp_path: Path, capsys) -> None:
    root, base = added_from_the_server(tmp_path, capsys, "/news")
    front, body = only_article(root)
    archived = front["archived"]
    assert archived["file"].startswith("sources/") and archived["file"].endswith(".warc.gz")
    assert len(archived["retrieved"]) == 20 and archived["retrieved"].endswith("Z")
    kept = {
        kind: (headers, http, payload) for kind, headers, http, payload in records(root / archived["file"])
    }
    assert sorted(kept) == ["conversion", "request", "response"]
    request_headers = kept["request"][0]
    response, http, page = kept["response"]
    conversion, _, text = kept["conversion"]
    assert request_headers.get_header("WARC-Target-URI") == f"{base}/news"
    assert http.get_statuscode() == "200" and http.get_header("Content-Type") == "text/html; charset=utf-8"
    assert page == NEWS_PAGE.encode()  # the body as served, byte for byte
    assert archived["sha256"] == hashlib.sha256(page).hexdigest()
    assert conversion.get_header("WARC-Refers-To") == response.get_header("WARC-Record-ID")
    assert text.decode("utf-8").strip() == body.strip()  # the main text add extracted


def test_a_redirect_is_kept_with_the_page_it_led_to(tmp_path: Path, capsys) -> None:
    root, base = added_from_the_server(tmp_path, capsys, "/moved")
    front, _ = only_article(root)
    assert front["url"] == f"{base}/meta"
    exchange = records(root / front["archived"]["file"])
    responses = [
        (http.get_statuscode(), rec.get_header("WARC-Target-URI"))
        for kind, rec, http, _ in exchange
        if kind == "response"
    ]
    assert responses == [("302", f"{base}/moved"), ("200", f"{base}/meta")]
    conversion = next(rec for kind, rec, _, _ in exchange if kind == "conversion")
    assert conversion.get_header("WARC-Target-URI") == f"{base}/meta"


def test_a_failed_or_oversized_fetch_writes_no_capture_and_no_article(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    with page_server() as base:
        code, _, err = add(root, f"{base}/huge", f"{base}/broken", f"{base}/missing", capsys=capsys)
    assert code == 1
    assert f"{base}/huge: error: the page is over {fetch.MAX_BYTES // (1024 * 1024)} MB" in err
    assert articles(root) == {}
    assert not (root / "sources").exists() or list((root / "sources").iterdir()) == []


def test_a_saved_page_is_kept_as_a_resource_record_of_its_bytes(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    saved = tmp_path / "saved" / "ledger.html"
    saved.parent.mkdir()
    saved.write_bytes(NEWS_PAGE.encode())
    code, _, err = add(root, str(saved), capsys=capsys)
    assert code == 0, err
    front, _ = only_article(root)
    (kind, headers, _, payload), (second, *_) = records(root / front["archived"]["file"])
    assert (kind, second) == ("resource", "conversion")
    assert payload == saved.read_bytes()
    assert front["archived"]["sha256"] == hashlib.sha256(payload).hexdigest()
    # The address the page states, not the folder it was saved in (which may name the editor).
    assert headers.get_header("WARC-Target-URI") == "https://ledger.example.com/tech/chipmaker-budget"


def test_a_text_source_has_no_capture_and_says_so(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    text = tmp_path / "note.txt"
    text.write_text("A headline\n\n" + "Words of a plain text source, given as text. " * 20)
    code, out, _ = add(root, str(text), capsys=capsys)
    assert code == 0
    front, _ = only_article(root)
    assert "archived" not in front and "no capture: the source was given as text" in out


def test_colliding_slugs_get_two_captures_and_no_capture_ever_changes(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_bytes(NEWS_PAGE.encode())
    # The same headline (so the same slug) over another text at another address.
    other = NEWS_PAGE.replace("twice as much", "three times as much").replace('budget"', 'budget-2"')
    second.write_bytes(other.encode())
    assert add(root, str(first), capsys=capsys)[0] == 0
    kept = {file: file.read_bytes() for file in (root / "sources").iterdir()}
    code, _, err = add(root, str(second), capsys=capsys)
    assert code == 0, err
    captures = sorted((root / "sources").iterdir())
    assert len(captures) == 2 and {
        f["archived"]["file"] for f in map(front_matter, articles(root).values())
    } == {f"sources/{file.name}" for file in captures}
    assert all(file.read_bytes() == data for file, data in kept.items())  # never replaced
    assert io.BytesIO(captures[0].read_bytes()).read(2) == b"\x1f\x8b"  # gzip-compressed


# Verified text: the article against the capture of its source


def captured_article(tmp_path: Path, capsys) -> tuple[Path, Path, dict]:
    root = new_dossier(tmp_path, capsys)
    saved = tmp_path / "ledger.html"
    saved.write_bytes(NEWS_PAGE.encode())
    assert add(root, str(saved), capsys=capsys)[0] == 0
    (article,) = articles(root).values()
    return root, article, front_matter(article)


def check(root: Path, capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["check", "--root", str(root)])
    out, err = capsys.readouterr()
    return code, [line for line in (out + err).splitlines() if "capture" in line]


def test_an_article_as_captured_checks_clean(tmp_path: Path, capsys) -> None:
    root, _, _ = captured_article(tmp_path, capsys)
    assert check(root, capsys) == (0, [])


def test_a_word_changed_inside_the_source_is_a_warning_with_both_versions(tmp_path: Path, capsys) -> None:
    root, article, _ = captured_article(tmp_path, capsys)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("twice as much", "three times as much"), encoding="utf-8")
    line = next(n for n, row in enumerate(article.read_text().splitlines(), 1) if "three times" in row)
    column = article.read_text().splitlines()[line - 1].index("three") + 1
    code, lines = check(root, capsys)
    assert code == 0
    path = "content/articles/" + article.name
    assert lines == [
        f'{path}:{line}:{column}: warning: differs from the captured source: "three times" was "twice"'
    ]


def test_a_paragraph_left_out_is_no_warning_and_is_counted_on_the_page(tmp_path: Path, capsys) -> None:
    root, article, _ = captured_article(tmp_path, capsys)
    text = article.read_text(encoding="utf-8")
    cut = "Analysts said the plan was ambitious but matched what rivals have announced this year."
    assert cut in text
    article.write_text(text.replace(cut, ""), encoding="utf-8")
    assert check(root, capsys) == (0, [])
    assert main(["--root", str(root)]) == 0
    page = (root / "site/articles" / article.stem / "index.html").read_text(encoding="utf-8")
    assert "1 paragraph of the source left out" in page and "Retrieved " in page


def test_a_capture_edited_inside_its_record_or_cut_short_is_an_error(tmp_path: Path, capsys) -> None:
    root, article, front = captured_article(tmp_path, capsys)
    capture = root / front["archived"]["file"]
    original = capture.read_bytes()
    path = "content/articles/" + article.name
    # Edited inside the page's record, each record compressed on its own again: it reads, but its
    # page is another.
    plain = gzip.decompress(original).replace(b"twice as much", b"twice as many")
    members = [b"WARC/1." + part for part in plain.split(b"WARC/1.")[1:]]
    capture.write_bytes(b"".join(gzip.compress(member) for member in members))
    code, lines = check(root, capsys)
    assert code == 1
    file = front["archived"]["file"]
    message = f"error: the capture {file} does not match its sha256: it changed since it was made"
    assert lines == [f"{path}:{archived_line(article)}:1: {message}"]
    capture.write_bytes(original[: len(original) // 2])  # cut short: unreadable, or another page
    code, lines = check(root, capsys)
    assert code == 1 and len(lines) == 1 and f"{path}:{archived_line(article)}:1: error: " in lines[0]
    capture.unlink()
    code, lines = check(root, capsys)
    assert code == 1 and "error: cannot read the capture" in lines[0]


def archived_line(article: Path) -> int:
    return next(n for n, row in enumerate(article.read_text().splitlines(), 1) if row.startswith("archived:"))


def test_an_article_already_in_the_dossier_is_captured_afterwards(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    with page_server() as base:
        article = root / "content/articles/later.md"
        article.write_text(f"---\ntitle: Later\nlanguage: en\nurl: {base}/news\n---\nSome words.\n")
        capsys.readouterr()
        assert main(["add", "--capture", "content/articles/later.md", "--root", str(root)]) == 0
    assert capsys.readouterr().out == "content/articles/later.md: captured in sources/later.warc.gz\n"
    front = front_matter(article)
    assert front["archived"]["file"] == "sources/later.warc.gz" and front["url"] == f"{base}/news"
    assert article.read_text().endswith("---\nSome words.\n")  # the body as it was
    page = next(
        payload for kind, _, _, payload in records(root / "sources/later.warc.gz") if kind == "response"
    )
    assert hashlib.sha256(page).hexdigest() == front["archived"]["sha256"]
    # Captured once: a second time is refused, and nothing changes.
    before = article.read_bytes()
    assert main(["add", "--capture", "content/articles/later.md", "--root", str(root)]) == 1
    assert "has a capture already: sources/later.warc.gz" in capsys.readouterr().err
    assert article.read_bytes() == before and len(list((root / "sources").iterdir())) == 1


def test_an_article_without_an_address_is_captured_from_a_saved_page(tmp_path: Path, capsys) -> None:
    root = new_dossier(tmp_path, capsys)
    article = root / "content/articles/typed.md"
    article.write_text("---\ntitle: Typed\nlanguage: en\n---\nSome words.\n")
    capsys.readouterr()
    assert main(["add", "--capture", "content/articles/typed.md", "--root", str(root)]) == 1
    assert "names no http(s) url to fetch; give a saved page of it" in capsys.readouterr().err
    saved = tmp_path / "typed.html"
    saved.write_bytes(NEWS_PAGE.encode())
    assert main(["add", "--capture", "content/articles/typed.md", str(saved), "--root", str(root)]) == 0
    (kind, _, _, payload), *_ = records(root / front_matter(article)["archived"]["file"])
    assert kind == "resource" and payload == saved.read_bytes()


# The captured copy in the site (captures: public)

HOSTILE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour opens</title>
<script>window.ranInline = true;</script>
<link rel="stylesheet" href="{remote}/style.css">
</head><body onload="window.ranOnload = true">
<article><h1>Harbour opens after years of work</h1>
<p>The new harbour opened on Monday after six years of building, the port authority said, and the
first ships are expected to call before the end of the month, bringing goods from across the sea.</p>
<p>Officials said the project cost more than planned but would pay for itself within a decade as
traffic grows and the town becomes a stop on the coastal route that many lines now sail.</p>
<p><img src="{remote}/photo.jpg" alt="The harbour at dawn" onerror="window.ranOnerror = true">
<a href="javascript:window.ranLink = true">Read more</a> <a href="https://port.example.org/news">News</a></p>
<form action="{remote}/vote"><input name="vote"><button>Vote</button></form>
<iframe src="{remote}/frame.html"></iframe>
<video src="{remote}/clip.mp4" poster="{remote}/poster.jpg"></video>
</article></body></html>
"""


def test_a_public_capture_is_published_safe(tmp_path: Path, capsys, browser) -> None:
    root = new_dossier(tmp_path, capsys)
    config = root / "config.yaml"
    config.write_text(config.read_text() + "captures: public\nbase_url: https://dossier.example.org/\n")
    remote: list[tuple[str, int]] = []  # what the page would fetch from the other server
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with static_server(elsewhere, remote) as other:
        saved = tmp_path / "harbour.html"
        saved.write_text(HOSTILE.format(remote=other))
        assert add(root, str(saved), capsys=capsys)[0] == 0
        (article,) = articles(root).values()
        assert main(["--root", str(root), "--no-search"]) == 0
        site = root / "site"
        copy = site / "articles" / article.stem / "captured" / "index.html"
        html = copy.read_text(encoding="utf-8")
        assert (
            '<meta name="robots" content="noindex">' in html and "A captured copy, not the original." in html
        )
        assert (
            "captured/" not in (site / "sitemap.xml").read_text()
            and "captured/" not in (site / "feed.xml").read_text()
        )
        assert "data-pagefind-body" not in html  # out of the search index
        article_page = (site / "articles" / article.stem / "index.html").read_text(encoding="utf-8")
        copy_address = f"https://dossier.example.org/articles/{article.stem}/captured/"
        assert (
            f'/{article.stem}/captured/">' in article_page
            and f'"archivedAt": "{copy_address}"' in article_page
        )
        with static_server(site) as url:
            page = browser.new_page()
            page.goto(f"{url}articles/{article.stem}/captured/")
            page.locator(".captured-copy h1", has_text="Harbour opens after years of work").wait_for()
            page.get_by_text("Read more").click()
            page.wait_for_timeout(300)
            ran = page.evaluate("[window.ranInline, window.ranOnload, window.ranOnerror, window.ranLink]")
            assert ran == [None, None, None, None]  # nothing of the page ran
            copy_part = page.locator(".captured-copy")
            assert copy_part.locator("iframe, form, script, video[src], img").count() == 0
            page.close()
    assert remote == []  # and nothing was fetched from elsewhere
    single = tmp_path / "copy-only"
    single.mkdir()
    (single / "index.html").write_bytes(copy.read_bytes())
    try:
        assert nu_check(single) == []
    except ToolMissing as missing:
        unavailable(str(missing))


def test_captures_stay_private_by_default(tmp_path: Path, capsys) -> None:
    root, article, _ = captured_article(tmp_path, capsys)
    assert main(["--root", str(root), "--no-search"]) == 0
    assert not (root / "site/articles" / article.stem / "captured").exists()
    assert "/captured/" not in (root / "site/articles" / article.stem / "index.html").read_text()


def test_the_data_exports_name_the_capture_of_each_passage(tmp_path: Path, capsys) -> None:
    root, article, front = captured_article(tmp_path, capsys)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("five years", "[five years]{fig=horizon value=5 unit=years}"))
    (root / "content/figures.yaml").write_text(
        (root / "content/figures.yaml").read_text() + "horizon:\n  label: Horizon\n  unit: years\n"
    )
    assert main(["--root", str(root), "--no-search"]) == 0
    figures = json.loads((root / "site/data/figures.json").read_text())
    stated = next(f for f in figures if f["key"] == "horizon")
    (claim,) = stated["claims"]
    assert claim["capture_sha256"] == front["archived"]["sha256"]


FLIPS = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0), flips=FLIPS)
def test_a_damaged_capture_gives_diagnostics_never_a_traceback(tmp_path_factory, capsys, cut, flips) -> None:
    """Cut short or with bytes changed anywhere: the check says so, or what it reads is what was
    kept (a gzip trailer cut, say); it never raises."""
    root, article, front = CAPTURED.get("made") or CAPTURED.setdefault(
        "made", captured_article(tmp_path_factory.mktemp("damaged"), capsys)
    )
    capture = root / front["archived"]["file"]
    original = CAPTURED.setdefault("bytes", capture.read_bytes())
    data = bytearray(original[: len(original) - cut % len(original)] if cut else original)
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    capture.write_bytes(bytes(data))
    archived = Archived(front["archived"]["file"], front["archived"]["sha256"], "x", Position("a.md", 8, 1))
    try:
        found = check_capture(root, ("content/articles/" + article.name, archived))
    finally:
        capture.write_bytes(original)
    if not found.diagnostics:
        kept, read = contents(io.BytesIO(original)), contents(io.BytesIO(bytes(data)))
        assert (read.sha256, read.converted) == (kept.sha256, kept.converted)


CAPTURED: dict = {}  # one captured article for every example (made at the first)
