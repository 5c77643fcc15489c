"""How fast the review panel of the preview answers, as an editor feels it.

    python benchmarks/review.py [--articles 4000] [--runs 5] [--screenshot docs/review-panel.png]

Starts `python build.py serve` on a copy of the MiMo dossier with its annotations stripped (so every
article has suggestions to review) and on the generated dossier of `--articles` articles
(benchmarks/generate.py), then times, medians of `--runs`:

- the GET of one article's suggestions from the running preview (over HTTP on 127.0.0.1);
- in Debian's Chromium, a click on an action in the panel until the reloaded page shows the change
  (the write, the watcher's rebuild and the reload).

With `--screenshot`, the panel on a MiMo article is saved as a PNG (the README shows it).
"""

from __future__ import annotations

import argparse
import statistics
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


def grouping(root: Path, editor: list) -> dict[str, str]:
    """The stripped dossier's suggestions grouped into decisions, and how many of the editor's
    stripped annotations accepting the right decisions restores: a decision is right when most of
    its mentions stand where the editor had an annotation of that kind (mentions of a candidate
    count as entity annotations)."""
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
    return {
        "suggestions listed, stripped MiMo dossier": str(sum(len(d.mentions) for d in found)),
        "decisions they group into": f"{len(found)} ({seconds:.2f} s to list, in process)",
        "stripped annotations restored by accepting the right decisions": (
            f"{len(restored)} of {len(editor)}, in {len(right)} decisions"
        ),
        "of them figure or event decisions spanning two articles or more": str(len(wide)),
    }


def median_ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f} ms (median of {len(times)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    from generate import generate
    from playwright.sync_api import sync_playwright
    from suggest import strip_dossier

    rows: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="dossier-review-") as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        mimo = Path(temporary) / "mimo"
        rows |= grouping(mimo, strip_dossier(REPO, mimo))
        slug = "xiaomi-rd-investment-mimo-launch"
        with ServeProcess(mimo) as server:
            path = f"content/articles/{slug}.md"
            rows["GET one article's suggestions, MiMo dossier"] = median_ms(
                get_seconds(server.url, path, args.runs)
            )
            if args.screenshot:
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"{server.url}articles/{slug}/")
                page.locator("#dossier-review li").first.wait_for()
                page.locator("#dossier-review").focus()
                page.keyboard.press("j")
                args.screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.screenshot))
                page.close()
            clicks = click_seconds(browser, server.url, slug, args.runs, "entity")
            rows["click to reloaded page, linking a known entity, MiMo dossier (goal < 200 ms)"] = median_ms(
                clicks
            )
        if args.articles:
            corpus = generate(args.articles, Path(temporary) / "corpus", False)
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
                label = f"click to reloaded page, a new event, {args.articles:,} articles (goal < 400 ms)"
                rows[label] = median_ms(clicks)
        browser.close()
    print("| measure | value |\n|---|---|")
    for name, value in rows.items():
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
