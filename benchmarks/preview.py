"""Live preview speed: incremental rebuilds and save-to-reload latency in a real browser.

    python benchmarks/preview.py [--articles 4000] [--edits 20] [--no-browser]

Prints a table: for the repository's dossier and a generated one, the median time to rebuild after
one article edit (in-process, what `serve` does per save), and the median time from writing a file to
the open page showing the change (Debian's Chromium, driven by Playwright).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from generate import generate  # noqa: E402

from dossier.incremental.project import Project  # noqa: E402
from dossier.preview.live import LiveSite  # noqa: E402

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def edits_of(text: str, kind: str, count: int) -> list[str]:
    """Versions of an article: text outside annotations, or inside an annotated sentence."""
    if kind == "plain text":
        return [text.replace("\n\n", f"\n\nEdited paragraph {n}.\n\n", 1) for n in range(count)]
    first = text.index("[[")
    return [text[:first] + f"Edited {n} " + text[first:] for n in range(count)]


def incremental(root: Path, article: str, kind: str, count: int) -> float:
    """Median milliseconds of `serve`'s rebuild after saving one article."""
    project = Project(root, serving=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-preview-"))
    site = LiveSite(folder)
    site.begin()
    project.build(site)
    site.commit()
    file = root / article
    original = file.read_text()
    times = []
    for version in edits_of(original, kind, count):
        file.write_text(version)
        started = time.perf_counter()
        site.begin()
        project.build(site, {article})
        site.commit()
        times.append((time.perf_counter() - started) * 1000)
    file.write_text(original)
    shutil.rmtree(folder)
    return statistics.median(times)


def save_to_reload(root: Path, article: str, count: int) -> float:
    """Median milliseconds from writing an article to its open page showing the change."""
    from playwright.sync_api import sync_playwright
    from serving import ServeProcess

    file = root / article
    original = file.read_text()
    slug = Path(article).stem
    times = []
    with ServeProcess(root, startup_timeout=600) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{server.url}articles/{slug}/")
        page.wait_for_function("window.__dossierBuild !== undefined")
        for number in range(count):
            marker = f"Marker{number}x{time.monotonic_ns()}"
            started = time.perf_counter()
            file.write_text(original.replace("\n\n", f"\n\n{marker}.\n\n", 1))
            page.wait_for_function(
                f"document.body && document.body.innerText.includes('{marker}')", timeout=60_000
            )
            times.append((time.perf_counter() - started) * 1000)
            page.wait_for_function("window.__dossierBuild !== undefined")
        browser.close()
    file.write_text(original)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-dossier-"))
    real = work / "real"
    shutil.copytree(
        REPO, real, ignore=shutil.ignore_patterns("site", ".cache", ".git", ".venv", "tests", "benchmarks")
    )
    generated = generate(args.articles, work / f"generated-{args.articles}")
    corpora = [
        ("MiMo dossier (4 articles)", real, "content/articles/xiaomi-mimo-7b-sprachmodell.md"),
        (f"generated ({args.articles} articles)", generated, "content/articles/report-00010.md"),
    ]
    print(f"{'dossier':<32} {'measure':<44} {'median':>10}")
    for name, root, article in corpora:
        for kind in ("plain text", "annotated sentence"):
            ms = incremental(root, article, kind, args.edits)
            print(f"{name:<32} {'rebuild after one edit (' + kind + ')':<44} {ms:>7.0f} ms", flush=True)
        if not args.no_browser:
            ms = save_to_reload(root, article, args.edits)
            print(f"{name:<32} {'save to reload in Chromium':<44} {ms:>7.0f} ms", flush=True)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
