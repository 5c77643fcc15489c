"""The search index in parts: bundles kept between builds, an edit re-indexing only the recent
bundle, and the search box finding what one index over the same pages would find."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import run, static_server

from dossier.pages import search, searchindex, searchwords

WORDS = [
    *("harbor", "glacier", "orchid", "lantern", "meadow", "copper", "falcon", "velvet", "quarry"),
    *("saffron", "tundra", "ember", "willow", "cobalt", "marble", "thistle", "juniper", "canyon"),
]


def article(number: int, *extra: str) -> str:
    """An article with two words of its own and one it shares with the next, and `extra` words."""
    own = f"{WORDS[number]} {WORDS[number + 1]}"
    return (
        f"---\ntitle: Report {number}\nlanguage: en\npublished: 2025-01-{number + 1:02d}\n---\n"
        f"Field report on {own} and the dossier at large. {' '.join(extra)}\n"
    )


@pytest.fixture
def parted(make_dossier, monkeypatch):
    """A dossier of 14 articles whose search index comes in parts of about four pages."""
    if not search.available():
        pytest.fail("Pagefind is missing: pip install -r requirements-test.txt")
    monkeypatch.setattr(searchindex, "PART_PAGES", 4)
    monkeypatch.setattr(searchindex, "FEW", 2)  # parts go to Pagefind by a glob, the recent bundle linked
    return make_dossier({f"content/articles/report-{n:02d}.md": article(n) for n in range(14)})


def listing(site: Path) -> dict:
    return json.loads((site / "pagefind/bundles.json").read_text())


def build(root: Path, capsys, *args: str) -> str:
    code, out, err = run(root, *args, capsys=capsys)
    assert code == 0, err
    return out


PAGE = """<!DOCTYPE html><html lang="de-AT"><head><title>Titel &amp; Thema</title></head>
<body><nav>Menü</nav><article data-pagefind-body><h1>Überschrift</h1><p>Alpha, <b>beta</b>.</p>
<section data-pagefind-ignore><section>innen</section>weg</section><img alt="Bildtext" src="x.png">
<script>var skript = 1;</script><p>„Ende“</p></article><footer>Fuß</footer></body></html>"""


def test_the_words_of_a_page_are_what_pagefind_could_index() -> None:
    assert searchwords.language(PAGE) == "de-at"
    assert searchwords.words(PAGE) == {
        "titel", "&", "thema", "überschrift", "alpha", "beta", "bildtext", "ende",
    }  # fmt: skip
    whole = PAGE.replace(" data-pagefind-body", "")  # no marked part: all of <body>
    assert {"menü", "fuß"} <= searchwords.words(whole) and "weg" not in searchwords.words(whole)


def test_a_vocabulary_page_holds_its_words_in_order() -> None:
    page = searchwords.vocabulary_page("en", ["b", "a<", "c"])
    assert '<html lang="en">' in page and "<p>b a&lt; c</p>" in page and "data-pagefind-body" in page
    assert searchwords.page_path("") == f"{searchwords.FOLDER}/unknown/index.html"


def test_parts_count_is_a_power_of_two_kept_while_the_site_grows_a_little(monkeypatch) -> None:
    monkeypatch.setattr(searchindex, "PART_PAGES", 100)
    assert searchindex.parts_for(10, None) == 1
    assert searchindex.parts_for(150, None) == 1
    assert searchindex.parts_for(151, None) == 2
    assert searchindex.parts_for(1000, None) == 8
    assert searchindex.parts_for(1100, 8) == 8  # grown a little: the same split
    assert searchindex.parts_for(2000, 8) == 16  # grown a lot: split anew
    assert searchindex.parts_for(100, 8) == 1
    assert searchindex.part_of("articles/a/index.html", 8) == searchindex.part_of("articles/a/index.html", 8)


def test_an_edit_reindexes_the_recent_bundle_and_leaves_the_parts_as_they_were(parted, capsys) -> None:
    out = build(parted, capsys)
    first = listing(parted / "site")
    parts = first["bundles"]
    assert len(parts) >= 4 and all(name.startswith("part") for name in parts) and first["hidden"] == []
    assert re.search(r"search index: \d+ pages indexed in (\d+) of \1 bundles", out)
    store = next((parted / ".cache").glob("search-*"))
    before = {p: p.stat().st_mtime_ns for p in store.rglob("*") if p.is_file() and p.name != "manifest.json"}

    (parted / "content/articles/report-03.md").write_text(article(3, "zeppelin"))
    out = build(parted, capsys)
    assert "search index: 1 page indexed in 1 of" in out
    second = listing(parted / "site")
    assert second["bundles"][:-1] == parts and second["bundles"][-1].startswith("recent-")
    assert len(second["hidden"]) == 1  # the article's stale copy in its part
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in before.items())

    (parted / "content/articles/report-05.md").unlink()
    build(parted, capsys)
    assert len(listing(parted / "site")["hidden"]) == 2  # the removed article's copy too


def test_the_recent_bundle_outgrowing_its_limit_reindexes_the_parts_holding_its_pages(
    parted, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(searchindex, "RECENT_LIMIT", 2)
    build(parted, capsys)
    parts = listing(parted / "site")["bundles"]
    for n in (1, 6, 11):
        (parted / f"content/articles/report-{n:02d}.md").write_text(article(n, "zeppelin"))
    build(parted, capsys)
    after = listing(parted / "site")
    redone = [name for name in after["bundles"] if name not in parts and name.startswith("part")]
    assert redone  # the parts holding most of the three edits were indexed again
    assert len(after["hidden"]) <= searchindex.RECENT_LIMIT // 2  # what is left for the recent bundle


def test_removed_pages_beyond_the_limit_reindex_their_parts(parted, capsys, monkeypatch) -> None:
    monkeypatch.setattr(searchindex, "RECENT_LIMIT", 2)
    build(parted, capsys)
    for n in (2, 7, 12):
        (parted / f"content/articles/report-{n:02d}.md").unlink()
    build(parted, capsys)
    assert len(listing(parted / "site")["hidden"]) <= 1  # the copies of removed pages do not pile up


def test_pages_a_glob_cannot_name_are_indexed_from_a_folder_of_links(parted, capsys, monkeypatch) -> None:
    monkeypatch.setattr(search, "GLOB_SPECIAL", frozenset("-"))  # as if every report's path had a comma
    build(parted, capsys)
    bundles = listing(parted / "site")["bundles"]
    assert len(bundles) >= 4
    store = next((parted / ".cache").glob("search-*"))
    manifest = json.loads((store / "manifest.json").read_text())
    assert all(copy["id"] for copy in manifest["homes"].values())  # every page found in its bundle
    assert sorted(p.name for p in store.iterdir() if not p.name.startswith("part")) == ["manifest.json"]


def test_a_build_with_the_cache_but_no_site_reuses_every_bundle(parted, capsys) -> None:
    """What the Pages workflow does: the cache restored, the site built from nothing."""
    build(parted, capsys)
    bundles = listing(parted / "site")
    subprocess.run(["rm", "-rf", str(parted / "site")], check=True)
    out = build(parted, capsys)
    assert re.search(r"search index unchanged \(\d+ bundles\)", out)
    assert listing(parted / "site") == bundles
    # After a one-article push: that article alone is indexed again, in the recent bundle.
    subprocess.run(["rm", "-rf", str(parted / "site")], check=True)
    (parted / "content/articles/report-03.md").write_text(article(3, "zeppelin"))
    out = build(parted, capsys)
    assert re.search(r"search index: 1 page indexed in 1 of \d+ bundles", out)
    assert listing(parted / "site")["bundles"][:-1] == bundles["bundles"]


def test_a_failing_pagefind_leaves_a_site_without_search_and_the_bundles_as_they_were(
    parted, capsys, monkeypatch
) -> None:
    build(parted, capsys)
    store = next((parted / ".cache").glob("search-*"))
    manifest = (store / "manifest.json").read_bytes()
    (parted / "content/articles/report-03.md").write_text(article(3, "zeppelin"))
    monkeypatch.setattr(search, "binary", lambda: Path("/bin/false"))
    out = build(parted, capsys)
    assert "search skipped: Pagefind failed" in out
    assert not (parted / "site/pagefind").exists()
    assert (store / "manifest.json").read_bytes() == manifest
    assert sorted(p.name for p in store.iterdir() if p.name.startswith("recent")) == []


# In the browser: the search box over several bundles, under a sub-path, against one index.

# Words of one article or two, a word only the newest bundle has, its prefix and plural, words no page
# has (one index then searches a shorter word), prefixes while typing, words of every page, two words.
QUERIES = [
    *WORDS[:10], "zeppelin", "zep", "zeppelins", "orchidarium", "orchidaceous", "qqxqzz", "glac", "report",
    "dossier", "copper falcon",
]  # fmt: skip


def box_results(page, term: str) -> tuple[int, set[str]]:
    """What the site's search box shows for `term`: the count and the addresses listed."""
    page.fill("#search-input", "")
    page.fill("#search-input", term)
    page.wait_for_function(
        "term => document.querySelector('#search-status').textContent.includes(term)", arg=term
    )
    count = int(re.match(r"\d+", page.text_content("#search-status") or "0")[0])
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.pathname)")
    return count, set(hrefs)


SINGLE = """async ([index, baseUrl, terms]) => {
  const pagefind = await import(index + "pagefind.js");
  await pagefind.options({ baseUrl });
  const found = {};
  for (const term of terms) {
    const search = await pagefind.search(term);
    found[term] = await Promise.all(search.results.map(async (r) => (await r.data()).url));
  }
  return found;
}"""


@pytest.mark.browser
def test_the_search_box_over_bundles_finds_what_one_index_finds(browser, parted, capsys, tmp_path) -> None:
    served = tmp_path / "served"
    site = served / "repo"
    args = ("--out", str(site), "--base-url", "https://example.org/repo/")
    build(parted, capsys, *args)
    (parted / "content/articles/report-03.md").write_text(
        article(3, "zeppelin orchidarium").replace(WORDS[3], "zinnia")  # gains two words, loses lantern
    )
    build(parted, capsys, *args)
    (parted / "content/articles/report-05.md").unlink()  # it shared falcon with report-06
    build(parted, capsys, *args)
    (parted / "content/articles/report-20.md").write_text(article(16, "quokka"))
    build(parted, capsys, *args)
    bundles = listing(site)["bundles"]
    assert len(bundles) >= 4 and bundles[-1].startswith("recent-")
    # One index over the same pages, made by Pagefind in one run, beside the site.
    single = subprocess.run(
        [str(search.binary()), "--site", str(site), "--output-path", str(served / "single"), "--silent"],
        capture_output=True,
    )
    assert single.returncode == 0, single.stdout

    with static_server(served) as url:
        page = browser.new_page()
        page.goto(url + "repo/articles/")
        page.focus("#search-input")
        assert box_results(page, "zeppelin") == (1, {"/repo/articles/report-03/"})
        # Only the recent bundle has "orchidarium"; the parts would search "orchid" instead.
        assert box_results(page, "orchidarium") == (1, {"/repo/articles/report-03/"})
        assert "/repo/articles/report-03/" not in box_results(page, WORDS[3])[1]  # the word it lost
        assert box_results(page, "falcon") == (1, {"/repo/articles/report-06/"})  # not the removed one
        assert box_results(page, "quokka") == (1, {"/repo/articles/report-20/"})
        shown = {term: box_results(page, term) for term in QUERIES}
        reference = browser.new_page()
        reference.goto(url + "repo/404.html")
        expected = reference.evaluate(SINGLE, [url + "single/", "/repo/", QUERIES])
        for term in QUERIES:
            count, hrefs = shown[term]
            assert count == len(expected[term]), term
            if count <= 10:
                assert hrefs == set(expected[term]), term
        assert len(QUERIES) == 20 and any(count > 10 for count, _ in shown.values())
        assert shown["orchidaceous"][0] > 0  # one index finds pages with "orchid": so do the bundles
        page.close()
        reference.close()
