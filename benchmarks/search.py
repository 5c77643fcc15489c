"""The search index in parts, by part size: what an edit's re-index costs against what a reader's
first search downloads, beside one Pagefind index over the same pages.

    python benchmarks/search.py [--articles 4000] [--part-pages 256,512,1024,8192]

Builds the generated dossier of `--articles` articles once without search, then for each part size
indexes a copy of that site afresh (the cold index: time, and peak memory of the largest process,
Pagefind's included), edits one article's page and indexes again (the edit's re-index), all in child
processes under /usr/bin/time. One Pagefind run over the same pages is the reference. In Debian's
Chromium each query runs in a fresh browser context (nothing cached): through the site's search box
over the parts, and as the search box did with one index (import Pagefind, search, load the first
ten results). Prints the bytes downloaded as served (the files as Pagefind wrote them) and whether
both counted the same results.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
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

TIME = shutil.which("time") or "/usr/bin/time"
ADDED = "<p>An added zeppelin line.</p>"
SHOWN = "term => document.querySelector('#search-status').textContent.includes(term)"
QUERIES = ["company", "phones", "regulators", "growth", "Diveka", "report", "chips cars", "investors", "rev"]

INDEX = """import sys
from pathlib import Path
from dossier.pages import searchindex
searchindex.PART_PAGES = int(sys.argv[1])
print(searchindex.index_site(Path(sys.argv[2]), Path(sys.argv[3])))
"""

ONE_INDEX = """async ([index, baseUrl, term]) => {
  const pagefind = await import(index + "pagefind.js");
  await pagefind.options({ baseUrl });
  const search = await pagefind.search(term);
  await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return search.results.length;
}"""


def timed(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak resident KB of the largest process, and what the command printed."""
    result = subprocess.run([TIME, "-f", "%e %M", *command], capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    wall, peak = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(peak), result.stdout.strip()


def edit(site: Path) -> None:
    """A word added to one article's page, as a build after a one-article edit writes it anew."""
    page = site / "articles/report-00010/index.html"
    text = page.read_text(encoding="utf-8").replace(
        "</article>", "<p>An added zeppelin line.</p></article>", 1
    )
    page.unlink()  # a new file, as the build writes it (the copy shares the original's inode)
    page.write_text(text, encoding="utf-8")


def first_search(browser, url: str, term: str, served: list[tuple[str, int]], prefix: str) -> tuple[int, str]:
    """Bytes a fresh reader downloads for one search through the box under `prefix`, and its status."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}{prefix}articles/")
    served.clear()
    page.fill("#search-input", term)
    page.wait_for_function(
        "term => document.querySelector('#search-status').textContent.includes(term)", arg=term
    )
    status = page.text_content("#search-status") or ""
    context.close()
    return sum(size for path, size in served if path.startswith(f"/{prefix}pagefind/")), status


def one_index(browser, url: str, term: str, served: list[tuple[str, int]]) -> tuple[int, int]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}single-site/articles/")
    served.clear()
    count = page.evaluate(ONE_INDEX, [url + "single/", "/single-site/", term])
    context.close()
    return sum(size for path, size in served if path.startswith("/single/")), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--part-pages", default="256,512,1024,8192")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [int(size) for size in args.part_pages.split(",")]
    root = generate(args.articles, WORK / f"search-{args.articles}")
    served_folder = WORK / f"search-{args.articles}-served"
    shutil.rmtree(served_folder, ignore_errors=True)
    built = served_folder / "single-site"
    command = [sys.executable, str(REPO / "build.py"), "--quiet", "--root", str(root), "--out", str(built)]
    subprocess.run([*command, "--no-search"], check=True)
    edit(built)
    one_wall, one_peak, _ = timed(
        [
            str(search.binary()),
            "--site",
            str(built),
            "--output-path",
            str(served_folder / "single"),
            "--silent",
        ]
    )
    rows = []
    for size in sizes:
        site = served_folder / f"p{size}"
        store = WORK / f"search-store-{size}"
        shutil.rmtree(store, ignore_errors=True)
        subprocess.run(["cp", "-al", str(built), str(site)], check=True)
        page = site / "articles/report-00010/index.html"
        original = (built / "articles/report-00010/index.html").read_text(encoding="utf-8")
        page.unlink()
        page.write_text(original.replace(ADDED, ""), encoding="utf-8")
        cold = timed([sys.executable, "-c", INDEX, str(size), str(site), str(store)])
        edit(site)
        again = timed([sys.executable, "-c", INDEX, str(size), str(site), str(store)])
        rows.append((size, cold, again))

    log: list[tuple[str, int]] = []
    downloads: dict[int, list[tuple[int, int, bool]]] = {size: [] for size in sizes}
    with sync_playwright() as playwright, static_server(served_folder, log) as url:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for term in [*QUERIES, "zeppelin"]:
            reference, count = one_index(browser, url, term, log)
            for size in sizes:
                taken, status = first_search(browser, url, term, log, f"p{size}/")
                downloads[size].append((taken, reference, status.split(" ")[0] == str(count)))
        browser.close()

    print(f"{args.articles} articles; one Pagefind index: {one_wall:.2f} s, {one_peak // 1024} MB")
    columns = ("pages/part", "bundles", "cold index", "peak memory", "edit re-index", "first search")
    columns += ("vs one", "same")
    print("{:>10} {:>8} {:>11} {:>12} {:>14} {:>13} {:>7} {:>5}".format(*columns))
    for size, (cold_wall, cold_peak, said), (edit_wall, _, _) in rows:
        taken = [t for t, _, _ in downloads[size]]
        ratio = statistics.median(t / r for t, r, _ in downloads[size])
        same = all(s for _, _, s in downloads[size])
        bundles = said.rsplit(" of ", 1)[-1].split(" ")[0]
        print(
            f"{size:>10} {bundles:>8} {cold_wall:>9.2f} s {cold_peak // 1024:>9} MB {edit_wall:>12.2f} s "
            f"{statistics.median(taken) / 1024:>10.0f} KB {ratio:>7.2f} {same!s:>5}"
        )
    print(f"queries: {', '.join([*QUERIES, 'zeppelin'])}; first search = median bytes over them")


if __name__ == "__main__":
    main()
