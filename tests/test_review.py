"""The review API of the preview, over real HTTP on 127.0.0.1: every route and status of the contract
(DESIGN.md, "Review in the preview"), the threats of the dev-server advisories (foreign pages, DNS
rebinding, paths out of the dossier), and nothing written on any refusal."""

from __future__ import annotations

import functools
import http.client
import json
import re
import textwrap
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import MINIMAL, write_files
from serving import ServeProcess

from dossier.cli import main

ARTICLE = "content/articles/third.md"
THIRD = """\
    ---
    title: Third
    language: en
    published: 2025-05-02
    ---
    ACME spent 200 bn yuan on Friday. Jane Roe said the Globex Corporation had 24,871 employees.
    The Globex Corporation answered, and Globex grew.
    """


@pytest.fixture
def review(tmp_path: Path):
    root = write_files(tmp_path / "dossier", {**MINIMAL, ARTICLE: textwrap.dedent(THIRD)})
    with ServeProcess(root) as server:
        server.root = root
        yield server


class Client:
    def __init__(self, server: ServeProcess):
        self.server = server
        parts = urlsplit(server.url)
        self.host, self.port = parts.hostname, parts.port
        page = server.get("articles/third/")[2].decode()
        self.token = re.search(r'<meta name="dossier-token" content="([^"]+)">', page)[1]

    def request(self, method: str, path: str, body: object = None, **headers: str) -> tuple[int, dict]:
        data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if method == "POST":
            sent |= {"X-Dossier-Token": self.token, "Origin": f"http://127.0.0.1:{self.port}"}
            sent["Content-Type"] = "application/json"
        sent |= {k.replace("_", "-"): v for k, v in headers.items()}
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        connection.putrequest(method, path, skip_host=True)
        for name, value in sent.items():
            if value is not None:
                connection.putheader(name, value)
        if data is not None:
            connection.putheader("Content-Length", str(len(data)))
        connection.endheaders(data)
        response = connection.getresponse()
        text = response.read()
        connection.close()
        return response.status, (json.loads(text) if text.startswith(b"{") else {"raw": text.decode()})

    def suggestions(self, path: str = ARTICLE) -> dict:
        status, body = self.request("GET", f"/_review/suggestions?path={path}")
        assert status == 200, body
        return body

    def apply(self, listed: dict, suggestion: dict, action: str = "accept", **fields) -> tuple[int, dict]:
        body = {"path": listed["path"], "digest": listed["digest"], "id": suggestion["id"], "action": action}
        return self.request("POST", "/_review/apply", body | ({"fields": fields} if fields else {}))


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "content").rglob("*"))
        if p.is_file()
    }


def test_the_suggestions_of_an_article_are_the_clis(review: ServeProcess, capsys) -> None:
    client = Client(review)
    listed = client.suggestions()
    assert listed["path"] == ARTICLE and len(listed["digest"]) == 64
    kinds = {s["kind"] for s in listed["suggestions"]}
    assert {"entity", "figure", "event", "candidate"} <= kinds
    lines = [(s["line"], s["column"]) for s in listed["suggestions"]]
    assert lines == sorted(lines)  # reading order
    assert main(["suggest", "--format", "json", "--root", str(review.root), str(review.root / ARTICLE)]) == 0
    cli = {s["id"]: s.get("proposal") for s in json.loads(capsys.readouterr().out)}
    assert {s["id"]: s.get("proposal") for s in listed["suggestions"]} == cli


def test_accept_link_create_dismiss_and_undo(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    listed = client.suggestions()
    jane = next(s for s in listed["suggestions"] if s["kind"] == "entity" and s["text"] == "Jane Roe")
    status, body = client.apply(listed, jane)
    assert status == 200 and body["changed"] == [ARTICLE]
    assert "[[Jane Roe]] said" in (root / ARTICLE).read_text()

    listed = client.suggestions()
    count = next(s for s in listed["suggestions"] if s["kind"] == "figure" and s["text"].startswith("24,871"))
    assert count["proposal"]["label"] == "employees" and count["proposal"]["key"] == "employees"
    status, body = client.apply(listed, count, key="globex-staff", label="Globex staff")
    assert status == 200 and body["changed"] == [ARTICLE, "content/figures.yaml"]
    figures = (root / "content/figures.yaml").read_text()
    assert figures.startswith(textwrap.dedent(MINIMAL["content/figures.yaml"]))  # kept as it was
    assert "globex-staff:\n  label: Globex staff\n  unit: employees\n" in figures
    assert '[24,871]{fig=globex-staff value="24871"}' in (root / ARTICLE).read_text()

    listed = client.suggestions()
    globex = next(s for s in listed["suggestions"] if s["kind"] == "candidate")
    assert globex["proposal"]["name"] == "Globex Corporation" and globex["type"] == "organization"
    status, body = client.apply(listed, globex, type="organization")
    assert status == 200 and "content/entities/globex-corporation.md" in body["changed"]

    before = snapshot(root)
    status, body = client.request("POST", "/_review/undo", {"path": ARTICLE})
    assert status == 200 and "content/entities/globex-corporation.md" in body["changed"]
    assert not (root / "content/entities/globex-corporation.md").exists()
    assert snapshot(root) != before and "[[Globex" not in (root / ARTICLE).read_text()

    listed = client.suggestions()
    event = next(s for s in listed["suggestions"] if s["kind"] == "event")
    status, body = client.apply(listed, event, action="dismiss")
    assert status == 200 and body["changed"] == ["content/dismissed.yaml"]
    assert event["id"] not in {s["id"] for s in client.suggestions()["suggestions"]}
    assert main(["check", "--root", str(root), "--quiet"]) == 0


def test_refusals_write_nothing(review: ServeProcess, tmp_path: Path) -> None:
    client, root = Client(review), review.root
    listed = client.suggestions()
    some = listed["suggestions"][0]
    figure = next(s for s in listed["suggestions"] if s["kind"] == "figure" and s["target"] is None)
    before = snapshot(root)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: s\nlanguage: en\n---\nsecret\n")
    (root / "content/articles/link.md").symlink_to(outside / "secret.md")
    before = snapshot(root)
    body = {"path": ARTICLE, "digest": listed["digest"], "id": some["id"], "action": "accept"}
    cases = [
        ("POST", "/_review/apply", body | {"digest": "0" * 64}, {}, 409),  # changed since it was read
        ("POST", "/_review/apply", body | {"id": "nope"}, {}, 404),
        ("POST", "/_review/apply", body | {"action": "delete"}, {}, 400),
        ("POST", "/_review/apply", {**body, "id": figure["id"], "fields": {"key": "bad key!"}}, {}, 400),
        ("POST", "/_review/apply", body | {"path": "content/articles/none.md"}, {}, 404),
        ("POST", "/_review/apply", body | {"path": "../config.yaml"}, {}, 403),
        ("POST", "/_review/apply", body | {"path": "/etc/passwd"}, {}, 403),
        ("POST", "/_review/apply", body | {"path": "content/../config.yaml"}, {}, 403),
        ("POST", "/_review/apply", body | {"path": "content/articles/link.md"}, {}, 403),  # a link out
        ("POST", "/_review/apply", body, {"X-Dossier-Token": None}, 403),  # no token
        ("POST", "/_review/apply", body, {"X-Dossier-Token": "guess"}, 403),
        ("POST", "/_review/apply", body, {"Origin": None}, 403),  # no Origin
        ("POST", "/_review/apply", body, {"Origin": "http://evil.example"}, 403),  # a foreign page
        ("POST", "/_review/apply", body, {"Host": "evil.example:80"}, 403),  # DNS rebinding
        ("GET", f"/_review/suggestions?path={ARTICLE}", None, {"Host": "evil.example"}, 403),
        ("GET", "/articles/third/", None, {"Host": "rebound.example:8000"}, 403),
        ("POST", "/_review/apply", b"x" * (64 * 1024 + 1), {}, 413),
        ("POST", "/_review/apply", b"{not json", {}, 400),
        ("POST", "/_review/undo", {"path": ARTICLE}, {}, 404),  # nothing to undo
        ("GET", "/_review/nothing", None, {}, 404),
    ]
    for method, path, sent, headers, status in cases:
        got, answer = client.request(method, path, sent, **headers)
        assert got == status, (path, headers, answer)
    assert snapshot(root) == before


def test_a_write_that_would_leave_an_error_is_refused(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    listed = client.suggestions()
    figure = next(s for s in listed["suggestions"] if s["kind"] == "figure" and s["target"] is None)
    before = snapshot(root)
    status, body = client.apply(listed, figure, key="staff", label="", unit="employees")
    assert status == 400 and "label" in body["error"]
    event = next(s for s in listed["suggestions"] if s["kind"] == "event" and s["target"] is None)
    status, body = client.apply(listed, event, key="friday", title="A Friday", date="the 45th of Mars")
    assert status == 400 and body["error"].startswith("content/events.yaml:")  # the engine's own message
    assert snapshot(root) == before


def test_two_actions_racing_on_one_article(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    listed = client.suggestions()
    first, second = [s for s in listed["suggestions"] if s["kind"] == "entity"][:2]  # both write the article
    results: list[int] = []

    def act(suggestion: dict) -> None:
        results.append(client.apply(listed, suggestion)[0])

    at_once(*(functools.partial(act, s) for s in (first, second)))
    assert sorted(results) == [200, 409]
    assert main(["check", "--root", str(root), "--quiet"]) == 0


def at_once(*actions) -> None:
    """Run the actions in threads started together, and wait for them all."""
    threads = [threading.Thread(target=action) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_undo_after_an_edit_in_another_editor_is_refused(review: ServeProcess) -> None:
    client, root = Client(review), review.root
    listed = client.suggestions()
    jane = next(s for s in listed["suggestions"] if s["kind"] == "entity" and s["text"] == "Jane Roe")
    assert client.apply(listed, jane)[0] == 200
    article = root / ARTICLE
    article.write_text(article.read_text() + "\nAn editor's own line.\n")
    edited = snapshot(root)
    status, body = client.request("POST", "/_review/undo", {"path": ARTICLE})
    assert status == 409 and "changed since" in body["error"]
    assert snapshot(root) == edited


def test_a_dismissal_holds_while_its_sentence_is_unchanged(review: ServeProcess, capsys) -> None:
    client, root = Client(review), review.root
    listed = client.suggestions()
    event = next(s for s in listed["suggestions"] if s["kind"] == "event")
    assert client.apply(listed, event, action="dismiss")[0] == 200
    assert event["id"] not in {s["id"] for s in client.suggestions()["suggestions"]}
    assert main(["suggest", "--format", "json", "--root", str(root), str(root / ARTICLE)]) == 0
    assert event["text"] not in {
        s["text"] for s in json.loads(capsys.readouterr().out) if s["kind"] == "event"
    }
    article = root / ARTICLE
    article.write_text(article.read_text().replace("on Friday.", "on Friday, it said."))
    assert "Friday" in {s["text"] for s in client.suggestions()["suggestions"] if s["kind"] == "event"}


def test_a_bad_dismissal_is_an_error_with_its_line(tmp_path: Path, capsys) -> None:
    root = write_files(
        tmp_path / "d", {**MINIMAL, "content/dismissed.yaml": "- path: x.md\n  kind: nonsense\n"}
    )
    assert main(["check", "--root", str(root)]) == 1
    assert "content/dismissed.yaml:2:" in capsys.readouterr().err


def test_the_published_site_has_no_panel(tmp_path: Path, capsys) -> None:
    root = write_files(tmp_path / "d", {**MINIMAL, ARTICLE: textwrap.dedent(THIRD)})
    assert main(["--root", str(root), "--no-search", "--quiet"]) == 0
    for page in (root / "site").rglob("*"):
        if page.is_file() and page.suffix in (".html", ".js", ".css"):
            text = page.read_text(errors="replace")
            assert "dossier-token" not in text and "_review" not in text and "review.js" not in text


def test_beyond_loopback_the_api_is_off_unless_asked(tmp_path: Path) -> None:
    root = write_files(tmp_path / "d", dict(MINIMAL))
    with ServeProcess(root, "--host", "0.0.0.0") as server:
        port = urlsplit(server.url).port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", f"/_review/suggestions?path={ARTICLE}", headers={"Host": f"0.0.0.0:{port}"})
        response = connection.getresponse()
        assert response.status == 403 and b"review is off" in response.read()
        connection.request("GET", "/articles/first/", headers={"Host": f"0.0.0.0:{port}"})
        assert b"dossier-token" not in connection.getresponse().read()


def fresh(page) -> None:
    """The panel's list, read after the last rebuild (an action on a stale one is refused)."""
    page.wait_for_selector('#dossier-review:not([aria-busy="true"]) li', timeout=20_000)


@pytest.mark.browser
def test_the_panel_in_a_real_browser(browser, review: ServeProcess) -> None:
    """Link a known entity by a click, create a figure through its prefilled fields, dismiss, undo,
    and the same by keyboard: each change in the file and on the reloaded page."""
    root = review.root
    article = root / ARTICLE
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(review.url + "articles/third/")
    page.wait_for_function("window.__dossierBuild !== undefined")
    panel = page.locator("#dossier-review")
    fresh(page)
    assert page.locator("mark.review-mark").count() >= 3  # the suggestions are marked in the text

    jane = panel.locator("li", has=page.locator(".go", has_text="Jane Roe"))
    jane.locator('[data-review-action="accept"]').click()
    page.wait_for_selector('article a.mention:has-text("Jane Roe")', timeout=20_000)  # reloaded
    assert "[[Jane Roe]] said" in article.read_text()

    fresh(page)
    count = panel.locator("li", has=page.locator(".go", has_text="24,871"))
    count.locator("button.edit").click()
    count.locator('input[name="key"]').fill("globex-staff")
    count.locator('input[name="label"]').fill("Globex staff")
    count.locator('[data-review-action="accept"]').click()
    page.wait_for_selector('article .claim-figure:has-text("24,871")', timeout=20_000)
    assert "globex-staff:" in (root / "content/figures.yaml").read_text()

    fresh(page)
    friday = panel.locator("li", has=page.locator(".go", has_text="Friday"))
    friday.locator('[data-review-action="dismiss"]').click()
    page.wait_for_function(
        "![...document.querySelectorAll('#dossier-review .go')].some(b => b.textContent.includes('Friday'))"
    )
    assert "Friday" in (root / "content/dismissed.yaml").read_text()

    page.locator('[data-review-action="undo"]').first.click()  # undoes the dismissal
    page.wait_for_function(
        "document.querySelector('#dossier-review').textContent.includes('Written')", timeout=20_000
    )
    assert not (root / "content/dismissed.yaml").exists()  # the undone dismissal made it: gone again

    # The keyboard alone: focus in the panel, j to the next suggestion, a to accept it.
    page.reload()
    fresh(page)
    before = article.read_text()
    panel.focus()
    page.keyboard.press("k")
    first = panel.locator('li[aria-current="true"]').get_attribute("data-suggestion")
    shown = page.evaluate("window.__dossierShown")
    page.keyboard.press("a")
    page.wait_for_function(f"window.__dossierShown > {shown}", timeout=20_000)  # the rebuilt page shown
    assert article.read_text() != before and first
    fresh(page)
    panel.focus()
    page.keyboard.press("u")
    for _ in range(100):
        if article.read_text() == before:
            break
        page.wait_for_timeout(100)
    assert article.read_text() == before
    page.close()
