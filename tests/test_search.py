"""Site search: a Pagefind index built last, a search box that loads it only when used."""

from __future__ import annotations

import pytest
from conftest import REPO, main, static_server

from dossier.pages import search


def test_building_without_pagefind_says_search_was_skipped(make_dossier, capsys, monkeypatch) -> None:
    monkeypatch.setattr(search, "available", lambda: False)
    root = make_dossier()
    assert main(["--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "search skipped: Pagefind is not installed (pip install 'pagefind[extended]')" in out
    assert (root / "site/index.html").is_file() and not (root / "site/pagefind").exists()


@pytest.mark.browser
def test_typing_a_word_finds_its_article(browser, tmp_path) -> None:
    if not search.available():
        pytest.fail("Pagefind is missing: pip install -r requirements-test.txt")
    out = tmp_path / "site"
    assert main(["--root", str(REPO), "--out", str(out), "--quiet"]) == 0
    assert (out / "pagefind/bundles.json").is_file()
    with static_server(out) as url:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url + "timeline/")
        assert not any("pagefind" in r for r in requests)  # nothing loaded until used
        page.focus("#search-input")
        page.keyboard.type("qqxqzz")  # a word no page has
        page.wait_for_function("document.querySelector('#search-status').textContent.startsWith('0 results')")
        page.fill("#search-input", "")
        page.keyboard.type("Paukenschlag")
        found = "/^[1-9]\\d* results? for/.test(document.querySelector('#search-status').textContent)"
        page.wait_for_function(found)
        link = page.locator("#search-results a").first
        assert "KI-Paukenschlag" in link.inner_text()
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/articles/xiaomi-mimo-7b-sprachmodell/")
        page.close()
