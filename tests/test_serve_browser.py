"""The live preview in a real browser: saves show up, styles swap in place, errors overlay."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import ServeProcess, crowd, save
from test_serve import ARTICLE, FIRST

pytestmark = pytest.mark.browser
SHIPPED_LAYOUTS = Path(__file__).resolve().parents[1] / "layouts"

LONG = FIRST + "".join(f"\nParagraph {n} of filler so the page can scroll. " * 3 + "\n" for n in range(60))


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1000, "height": 600})
    page.goto(url)
    page.wait_for_function("window.__dossierBuild !== undefined")
    return page


def build_number(page) -> int:
    return page.evaluate("window.__dossierBuild")


def test_an_edit_shows_in_the_open_page(browser, make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/first/")
        save(root / ARTICLE, FIRST.replace("it will spend", "it will happily spend"))
        page.wait_for_selector("text=it will happily spend", timeout=20_000)
        page.close()


def test_an_edit_shows_in_the_open_page_of_a_crowded_root(browser, make_dossier) -> None:
    root = make_dossier()
    crowd(root)  # a built site, git objects and node_modules beside content/: none of it watched
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/first/")
        page.evaluate("window.notReloaded = true")
        before = page.evaluate("window.__dossierShown")
        save(root / ARTICLE, FIRST.replace("it will spend", "it will crowdedly spend"))
        page.wait_for_selector("text=it will crowdedly spend", timeout=5_000)
        assert page.evaluate("window.__dossierShown") > before  # the rebuilt page, swapped in
        assert page.evaluate("window.notReloaded") is True  # without loading the page again
        page.close()


def test_a_stylesheet_edit_applies_without_navigation_keeping_scroll(browser, make_dossier) -> None:
    root = make_dossier({ARTICLE: LONG, "layouts/assets/style.css": "body { background: rgb(1, 2, 3); }\n"})
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/first/")
        page.evaluate("window.scrollTo(0, 400); window.notReloaded = true")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(1, 2, 3)"
        save(root / "layouts/assets/style.css", "body { background: rgb(200, 100, 50); }\n")
        page.wait_for_function(
            "getComputedStyle(document.body).backgroundColor === 'rgb(200, 100, 50)'", timeout=20_000
        )
        assert page.evaluate("window.notReloaded") is True
        assert page.evaluate("window.scrollY") == 400
        page.close()


def test_a_content_reload_keeps_the_scroll_position(browser, make_dossier) -> None:
    root = make_dossier({ARTICLE: LONG})
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/first/")
        page.evaluate("window.scrollTo(0, 500)")
        # An edit below the place read: one above it may wrap a line, and the browser then keeps the
        # words in view (scroll anchoring) rather than the number.
        save(root / ARTICLE, LONG.replace("Paragraph 59 of filler", "Paragraph 59 of bold filler"))
        page.wait_for_selector("text=Paragraph 59 of bold filler", state="attached", timeout=20_000)
        page.wait_for_function("window.scrollY === 500", timeout=5_000)
        page.close()


def test_a_content_edit_swaps_the_page_in_place_and_its_marks_still_explain(browser, make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/first/")
        page.evaluate("window.notReloaded = true")
        shown = page.evaluate("window.__dossierShown")
        save(root / ARTICLE, FIRST.replace("it will spend", "it will [[Jane Roe|gladly]] spend"))
        page.wait_for_function(f"window.__dossierShown > {shown}", timeout=20_000)
        assert page.evaluate("window.notReloaded") is True  # swapped, not loaded again
        page.locator("main a.mention", has_text="gladly").hover()  # a mark of the new text
        assert page.locator("#annotation-tip").is_visible()
        assert page.locator("#annotation-tip").inner_text()
        assert page.locator("#annotation-tip").count() == 1
        # A layout edit may change every part of a page (its header, its footer): it loads again.
        shipped = (SHIPPED_LAYOUTS / "article.html").read_text()
        (root / "layouts").mkdir()
        save(root / "layouts/article.html", shipped.replace("</article>", "<p>Layout note</p></article>", 1))
        page.wait_for_function("window.notReloaded === undefined", timeout=20_000)
        page.wait_for_selector("text=Layout note")
        page.close()


def test_a_page_whose_output_did_not_change_is_not_reloaded(browser, make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/second/")
        before = build_number(page)
        page.evaluate("window.notReloaded = true")
        save(root / ARTICLE, FIRST.replace("it will spend", "it will quietly spend"))
        page.wait_for_function(f"window.__dossierBuild > {before}", timeout=20_000)
        assert page.evaluate("window.notReloaded") is True
        page.close()


def test_a_broken_annotation_shows_an_overlay_until_fixed(browser, make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/first/")
        save(root / ARTICLE, FIRST.replace("[[ACME]]", "[[ACME"))
        overlay = page.locator("#dossier-build-errors")
        overlay.wait_for(timeout=20_000)
        assert 'content/articles/first.md:7:1: error: unmatched "[["' in overlay.inner_text()
        assert page.locator("text=it will spend").count() == 1  # the last good page stays
        save(root / ARTICLE, FIRST.replace("it will spend", "it will finally spend"))
        page.wait_for_selector("text=it will finally spend", timeout=20_000)
        assert page.locator("#dossier-build-errors").count() == 0
        page.close()


def test_a_page_opened_while_the_build_is_broken_shows_the_overlay(browser, make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        save(root / ARTICLE, FIRST.replace("[[ACME]]", "[[Nobody]]"))
        server.wait_for("build failed")
        page = open_page(browser, server.url)
        page.locator("#dossier-build-errors").wait_for(timeout=10_000)
        assert 'unknown entity "Nobody"' in page.locator("#dossier-build-errors").inner_text()
        page.close()


def test_unlinked_mentions_are_marked_in_the_preview_only(browser, make_dossier, capsys) -> None:
    root = make_dossier(
        {ARTICLE: FIRST + "\nLater, ACME met Jane Roe in [a link to ACME](https://example.org/).\n"}
    )
    with ServeProcess(root) as server:
        page = open_page(browser, server.url + "articles/first/")
        page.wait_for_selector("#dossier-unlinked-note", timeout=10_000)
        marks = page.locator("article .body mark.dossier-unlinked")
        assert marks.all_inner_texts() == ["ACME", "Jane Roe"]  # not the linked one, not in the link
        assert marks.first.get_attribute("title") == "Not linked yet: [[ACME]]"
        note = page.locator("#dossier-unlinked-note")
        assert note.inner_text() == (
            "2 unlinked mentions of known entities (dotted). Link them: Link in the review panel"
        )  # the review panel's "link all", not a command for the terminal
        page.locator("#dossier-review li").first.wait_for()
        note.locator("button").click()
        focused = page.evaluate("document.activeElement.closest('#dossier-review li')?.dataset.suggestion")
        assert focused and page.evaluate("document.activeElement.dataset.reviewAction").startswith("accept")
        page.close()
    from conftest import run

    assert run(root, "--no-search", capsys=capsys)[0] == 0
    published = (root / "site/articles/first/index.html").read_text()
    assert "dossier-unlinked" not in published and "__dossier" not in published
