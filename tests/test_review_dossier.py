"""Reviewing the whole dossier over real HTTP on 127.0.0.1 (DESIGN.md, "Reviewing the whole
dossier"): decisions grouped across articles, one decision writing every file of its group and
nothing else, exclusions dismissed, undo byte for byte, stale files and races refused whole."""

from __future__ import annotations

import functools
import textwrap
import time
from pathlib import Path

import pytest
from conftest import MINIMAL, write_files
from serving import ServeProcess
from test_review import Client, at_once, snapshot

from dossier.cli import main

ARTICLES = {
    "content/articles/third.md": """\
        ---
        title: Third
        language: en
        published: 2025-05-02
        ---
        Jane Roe met the Globex Corporation in Springfield. Globex Corporation said 24,871 employees
        work there.
        """,
    "content/articles/fourth.md": """\
        ---
        title: Fourth
        language: en
        published: 2025-05-09
        ---
        The Globex Corporation hired, Jane Roe said. Globex Corporation now counts 24,871 employees.
        """,
    "content/articles/fifth.md": """\
        ---
        title: Fifth
        language: en
        published: 2025-05-16
        ---
        Jane Roe spoke again. Globex Corporation listened; Jane Roe left.
        """,
}


@pytest.fixture
def review(tmp_path: Path):
    files = {**MINIMAL, **{path: textwrap.dedent(text) for path, text in ARTICLES.items()}}
    root = write_files(tmp_path / "dossier", files)
    with ServeProcess(root) as server:
        server.root = root
        yield server


def listed(client: Client) -> dict:
    status, body = client.request("GET", "/_review/decisions")
    assert status == 200, body
    return body


def decision_of(body: dict, kind: str, label: str) -> dict:
    return next(d for d in body["decisions"] if d["kind"] == kind and d["label"] == label)


def globex_of(body: dict) -> dict:
    return next(d for d in body["decisions"] if d["kind"] == "candidate" and "Globex" in d["label"])


def decide(client: Client, decision: dict, action: str = "accept", **extra) -> tuple[int, dict]:
    digests = {m["path"]: m["digest"] for m in decision["mentions"]}
    return client.request(
        "POST", "/_review/decide", {"id": decision["id"], "action": action, "digests": digests, **extra}
    )


def test_decisions_group_a_name_across_articles(review: ServeProcess) -> None:
    body = listed(Client(review))
    jane = decision_of(body, "entity", "Jane Roe")
    assert jane["articles"] == 3 and len(jane["mentions"]) == 4
    assert all(m["sentence"] and m["digest"] and m["line"] for m in jane["mentions"])
    globex = globex_of(body)
    assert globex["articles"] >= 2 and globex["proposal"]["name"].startswith("Globex")
    staff = [d for d in body["decisions"] if d["kind"] == "figure" and d["proposal"]]
    assert any(d["articles"] == 2 for d in staff)  # the same value and unit in two articles
    reach = [d["articles"] for d in body["decisions"]]
    assert reach == sorted(reach, reverse=True)
    assert body["total"] == body["made"] + len(body["decisions"]) and body["made"] > 0


def test_one_decision_links_every_mention_and_writes_nothing_else(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    before = snapshot(root)
    status, answer = decide(client, decision_of(listed(client), "entity", "Jane Roe"))
    assert status == 200, answer
    after = snapshot(root)
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == set(ARTICLES) == set(answer["changed"])
    for path in ARTICLES:
        text = (root / path).read_text()
        assert "Jane Roe" not in text.replace("[[Jane Roe]]", "")
    assert main(["check", "--root", str(root), "--quiet"]) == 0
    assert all(d["label"] != "Jane Roe" for d in listed(client)["decisions"])


def test_creating_a_candidate_links_it_everywhere_and_undo_restores_every_byte(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    before = snapshot(root)
    globex = globex_of(listed(client))
    status, answer = decide(client, globex, fields={"name": "Globex Corporation", "type": "organization"})
    assert status == 200, answer
    assert (root / "content/entities/globex-corporation.md").exists()
    linked = [path for path in ARTICLES if "[[Globex Corporation" in (root / path).read_text()]
    assert len(linked) == globex["articles"] >= 2
    assert main(["check", "--root", str(root), "--quiet"]) == 0
    status, answer = client.request("POST", "/_review/undo", {"decision": answer["decision"]})
    assert status == 200, answer
    assert snapshot(root) == before  # every file restored, the entity file removed


def test_an_excluded_mention_is_left_and_dismissed(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    jane = decision_of(listed(client), "entity", "Jane Roe")
    left = next(m for m in jane["mentions"] if m["path"] == "content/articles/fifth.md")
    status, answer = decide(client, jane, exclude=[left["id"]])
    assert status == 200, answer
    assert "content/dismissed.yaml" in answer["changed"]
    fifth = (root / "content/articles/fifth.md").read_text()
    assert fifth.count("[[Jane Roe]]") == 1 and fifth.count("Jane Roe") == 2
    dismissed = (root / "content/dismissed.yaml").read_text()
    assert "fifth.md" in dismissed and "Jane Roe" in dismissed
    again = [d for d in listed(client)["decisions"] if d["label"] == "Jane Roe"]
    assert not again  # the dismissed mention is not listed again
    assert main(["check", "--root", str(root), "--quiet"]) == 0


def test_a_file_changed_by_another_editor_makes_the_whole_decision_409(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    jane = decision_of(listed(client), "entity", "Jane Roe")
    fourth = root / "content/articles/fourth.md"
    fourth.write_text(fourth.read_text() + "\nAn editor's line.\n")
    before = snapshot(root)
    status, answer = decide(client, jane)
    assert status == 409 and "fourth.md" in answer["error"]
    assert snapshot(root) == before


def test_two_decisions_racing_one_wins(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    body = listed(client)
    jane = decision_of(body, "entity", "Jane Roe")
    globex = globex_of(body)
    results: list[int] = []
    at_once(*(functools.partial(lambda d: results.append(decide(client, d)[0]), d) for d in (jane, globex)))
    assert sorted(results) == [200, 409]
    assert main(["check", "--root", str(root), "--quiet"]) == 0


def test_refusals_of_the_new_routes_write_nothing(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    jane = decision_of(listed(client), "entity", "Jane Roe")
    digests = {m["path"]: m["digest"] for m in jane["mentions"]}
    body = {"id": jane["id"], "action": "accept", "digests": digests}
    before = snapshot(root)
    cases = [
        (body | {"digests": {**digests, "content/articles/third.md": "0" * 64}}, {}, 409),
        (body | {"id": "ent-nothing"}, {}, 404),  # fresh digests, an unknown id
        (body | {"id": "ent-nothing", "digests": {"content/articles/third.md": "0" * 64}}, {}, 409),
        (body | {"digests": {}}, {}, 400),
        (body | {"digests": {"../config.yaml": "0"}}, {}, 403),
        (body | {"digests": {"content/../config.yaml": "0"}}, {}, 403),
        (body | {"action": "delete"}, {}, 400),
        (body | {"exclude": ["not-a-mention"]}, {}, 400),
        (body | {"exclude": "all"}, {}, 400),
        (body, {"X-Dossier-Token": None}, 403),
        (body, {"X-Dossier-Token": "guess"}, 403),
        (body, {"Origin": None}, 403),
        (body, {"Origin": "http://evil.example"}, 403),
        (body, {"Host": "evil.example:80"}, 403),
        (b"x" * (64 * 1024 + 1), {}, 413),
        (b"{not json", {}, 400),
    ]
    for sent, headers, status in cases:
        got, answer = client.request("POST", "/_review/decide", sent, **headers)
        assert got == status, (sent if isinstance(sent, dict) else sent[:20], headers, answer)
    got, answer = client.request("POST", "/_review/undo", {"decision": "ent-nothing"})
    assert got == 404
    got, _ = client.request("GET", "/_review/decisions", None, Host="evil.example")
    assert got == 403
    assert snapshot(root) == before


@pytest.mark.browser
def test_the_dossier_wide_page_by_keyboard_alone(browser, review: ServeProcess) -> None:
    """Link every mention of a known entity, create a candidate and link it everywhere with one
    mention excluded, then undo: each change checked in the files and on the pages served."""
    root = review.root
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(review.url + "articles/third/")
    page.locator('#dossier-review a[href="/_review/"]').click()  # the article panel links the page
    page.wait_for_url("**/_review/")
    page.locator("#decisions > li").first.wait_for()
    assert "decisions made" in page.locator("#review-progress").text_content()

    def focus(label: str) -> None:
        page.keyboard.press("k")
        for _ in range(page.locator("#decisions > li").count()):
            if label in (page.locator('#decisions > li[aria-current="true"] .label').text_content() or ""):
                return
            page.keyboard.press("j")
        raise AssertionError(f"no decision {label}")

    def written(before: str) -> None:
        page.wait_for_function(
            "text => document.getElementById('review-status').textContent.startsWith('Written')"
            " && document.getElementById('review-status').textContent !== text",
            arg=before,
            timeout=20_000,
        )
        page.locator('#decisions:not([aria-busy="true"])').wait_for(timeout=20_000)  # listed again

    page.locator("body").focus()
    focus("Jane Roe")
    status = page.locator("#review-status").text_content()
    page.keyboard.press("a")
    written(status)
    assert all("[[Jane Roe]]" in (root / path).read_text() for path in ARTICLES)
    served = review.get("articles/fourth/")[2].decode()
    assert 'class="mention' in served and "Jane Roe" in served

    page.wait_for_function(
        "![...document.querySelectorAll('#decisions .label')].some(l => l.textContent === 'Jane Roe')"
    )
    focus("Globex")
    page.keyboard.press("Enter")  # open its mentions: focus on the first mention's exclude box
    page.keyboard.press("e")  # exclude that mention
    excluded = page.locator('#decisions > li[aria-current="true"] .mentions li').first
    excluded_path = excluded.locator(".where").text_content().split(":")[0]
    page.keyboard.press("Escape")
    page.locator('#decisions > li[aria-current="true"]').focus()
    status = page.locator("#review-status").text_content()
    page.keyboard.press("a")
    written(status)
    entity = next((root / "content/entities").glob("globex*.md"))
    assert excluded_path in (root / "content/dismissed.yaml").read_text()
    links = sum((root / p).read_text().count("[[Globex") for p in ARTICLES)
    kept = page.locator(
        '#decisions > li:has(.label:text-is("Globex Corporation")):has(.what:text("new entity"))'
    )
    assert links >= 1 and kept.count() == 0  # linked where not excluded; the decision is made
    assert main(["check", "--root", str(root), "--quiet"]) == 0

    page.keyboard.press("u")

    def undone() -> bool:  # the files tell (restored one after another: all of them, not the first)
        return not entity.exists() and not any("[[Globex" in (root / p).read_text() for p in ARTICLES)

    deadline = time.monotonic() + 20
    while not undone() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert undone(), page.locator("#review-status").text_content()
    page.close()


@pytest.mark.browser
def test_the_panel_says_what_is_wrong_with_an_article(browser, review: ServeProcess) -> None:
    """An article with a content error: the panel shows the engine's own `path:line:col: error:`
    line above its suggestions, and the API gives it with them."""
    article = review.root / "content/articles/fifth.md"
    article.write_text(article.read_text() + "\nJane Roe said [[ACME.\n")
    client = Client(review)
    status, listed = client.request("GET", "/_review/suggestions?path=content/articles/fifth.md")
    assert status == 200 and any(
        e.startswith("content/articles/fifth.md:") and ": error: unmatched" in e for e in listed["errors"]
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(review.url + "articles/fifth/")
    alert = page.locator('#dossier-review pre[role="alert"]')
    alert.wait_for(timeout=20_000)
    assert "content/articles/fifth.md:" in alert.text_content() and "error:" in alert.text_content()
    page.close()


@pytest.mark.browser
def test_the_article_panel_docks_shows_context_and_links_all(browser, review: ServeProcess) -> None:
    """Beside the article at 1280 px the panel leaves the header and navigation uncovered; each
    suggestion shows its sentence and its target; "link all N in the dossier" links the mentions of
    the other articles too; on a narrow screen the panel starts collapsed and opens on request."""
    root = review.root
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(review.url + "articles/third/")
    panel = page.locator("#dossier-review")
    jane = panel.locator("li", has=page.locator(".go", has_text="Jane Roe"))
    jane.wait_for()
    assert "→ Jane Roe (person)" in jane.locator(".target").text_content()
    assert "Jane Roe met the Globex Corporation" in jane.locator(".sentence").text_content()
    edge = panel.bounding_box()["x"]
    for part in ("header", "nav"):
        box = page.locator(part).first.bounding_box()
        assert box is not None and box["x"] + box["width"] <= edge + 1, part  # not under the panel
    everywhere = jane.locator('[data-review-action="accept-all"]')
    everywhere.wait_for(timeout=20_000)
    assert everywhere.text_content() == "Link all 4 in the dossier"
    everywhere.click()
    deadline = time.monotonic() + 20
    while "Jane Roe" in (root / "content/articles/fifth.md").read_text().replace("[[Jane Roe]]", ""):
        assert time.monotonic() < deadline, "the other articles were not linked"
        time.sleep(0.05)
    assert all("[[Jane Roe]]" in (root / path).read_text() for path in ARTICLES)
    page.close()

    narrow = browser.new_page(viewport={"width": 390, "height": 800})
    narrow.goto(review.url + "articles/third/")
    panel = narrow.locator("#dossier-review")
    toggle = panel.locator("button.collapse")
    toggle.wait_for()
    assert "collapsed" in panel.get_attribute("class") and toggle.get_attribute("aria-expanded") == "false"
    assert panel.bounding_box()["height"] < 80  # a small tab, not a cover over the page
    toggle.click()
    panel.locator("li").first.wait_for()
    assert panel.locator("button.collapse").get_attribute("aria-expanded") == "true"
    narrow.close()


def test_an_article_panel_asks_only_for_its_decisions_and_never_waits_on_a_large_dossier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.preview import review as api_module

    files = {**MINIMAL, **{path: textwrap.dedent(text) for path, text in ARTICLES.items()}}
    root = write_files(tmp_path / "dossier", files)
    api = api_module.ReviewAPI(root, enabled=True)
    third = {"path": ["content/articles/third.md"]}
    monkeypatch.setattr(api_module, "QUICK_LISTING_FILES", 2)  # as if the dossier were large
    assert api.decisions(third) == {"ready": False, "decisions": []}  # not listed since the build
    every = api.decisions()["decisions"]  # the dossier-wide page lists it
    mine = api.decisions(third)
    assert mine["ready"] and mine["decisions"]
    assert mine["decisions"] == [
        d for d in every if "content/articles/third.md" in {m["path"] for m in d["mentions"]}
    ]
    api.generation = lambda: 1  # a build since: that listing is stale, and this one took long
    api.listing_seconds = 5.0
    assert api.decisions(third)["ready"] is False
    api.listing_seconds = 0.01  # but a quick one is worked out for the panel
    assert api.decisions(third)["ready"] is True
