"""What a reader's first search downloads: the search index in parts against one index.

    python benchmarks/search.py [--articles 4000] [--edits 3]

Builds the generated dossier of `--articles` articles with the default command (the index in parts),
edits `--edits` articles and builds again (so the recent bundle and hidden copies are in play), then
indexes the same built pages with one Pagefind run beside it. In Debian's Chromium, each query runs
in a fresh browser context (nothing cached): once through the site's search box, once as the search
box did with one index (import Pagefind, search, load the first ten results). Prints the bytes each
downloaded (as served, the files as Pagefind wrote them) and whether both found the same pages.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from dossier.pages import search  # noqa: E402
from tools.checkers import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tools.static import static_server  # noqa: E402

QUERIES = ["company", "phones", "regulators", "growth", "Diveka", "report", "chips cars", "investors", "rev"]

ONE_INDEX = """async ([index, baseUrl, term]) => {
  const pagefind = await import(index + "pagefind.js");
  await pagefind.options({ baseUrl });
  const search = await pagefind.search(term);
  await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return search.results.length;
}"""


def build(root: Path, out: Path) -> None:
    command = [sys.executable, str(REPO / "build.py"), "--quiet", "--root", str(root), "--out", str(out)]
    subprocess.run(command, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    root = generate(args.articles, WORK / f"search-{args.articles}")
    served = WORK / f"search-{args.articles}-served"
    site = served / "repo"
    started = time.perf_counter()
    build(root, site)
    cold = time.perf_counter() - started
    for number in range(1, args.edits + 1):
        article = root / f"content/articles/report-{number * 7:05d}.md"
        article.write_text(article.read_text() + f"\nAn added line with the word edit{number}.\n")
        build(root, site)
    single = served / "single"
    subprocess.run(
        [str(search.binary()), "--site", str(site), "--output-path", str(single), "--silent"], check=True
    )
    rows = []
    log: list[tuple[str, int]] = []
    with sync_playwright() as playwright, static_server(served, log) as url:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for term in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + "repo/articles/")
            log.clear()
            page.fill("#search-input", term)
            page.wait_for_function(
                "term => document.querySelector('#search-status').textContent.includes(term)", arg=term
            )
            shown = page.text_content("#search-status") or ""
            parts = sum(size for path, size in log if path.startswith("/repo/pagefind/"))
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + "repo/articles/")
            log.clear()
            count = page.evaluate(ONE_INDEX, [url + "single/", "/repo/", term])
            one = sum(size for path, size in log if path.startswith("/single/"))
            context.close()
            rows.append((term, parts, one, shown.split(" ")[0] == str(count)))
        browser.close()
    print(f"{args.articles} articles; the default command's cold build took {cold:.1f} s")
    print(f"{'query':<14} {'in parts':>10} {'one index':>10} {'ratio':>6}  same count")
    for term, parts, one, same in rows:
        print(f"{term:<14} {parts / 1024:>8.0f} KB {one / 1024:>8.0f} KB {parts / one:>6.2f}  {same}")
    ratios = [parts / one for _, parts, one, _ in rows]
    print(f"median ratio {statistics.median(ratios):.2f}, largest {max(ratios):.2f}")


if __name__ == "__main__":
    main()
