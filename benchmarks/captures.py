"""What captures cost: `add` of the saved news pages, and the generated dossier built cold and warm.

    python benchmarks/captures.py [--articles 4000] [--runs 3]

First `add` of the 25 saved pages of ../shared/pages/ into a fresh dossier, as it is and with the
capture step left out in this process (the same code, `keep` and `saved_page` made to do nothing),
medians of `--runs`, interleaved; and the captures' size against the pages' own.

Makes the dossier of benchmarks/generate.py twice: as it is, and with a capture per article under
`sources/` (a saved page of the article's text as a resource record, the text as its conversion
record, written with the engine's own `keep`, and `archived:` in each article), then times
`python build.py --no-search` on each, cold (no cache, no site) and warm (nothing changed), medians of
`--runs`, interleaved. A cold build checks every capture (its digest, and the article's words
against it); a warm one checks none again.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from dossier.authoring.files.frontmatter import read_content_file, with_field  # noqa: E402
from dossier.authoring.sources.captures import keep, saved_page  # noqa: E402


def capture_every_article(root: Path) -> int:
    """A capture per article, as `add` makes one of a saved page; the bytes written in all."""
    for file in sorted((root / "content/articles").glob("*.md")):
        content = read_content_file(root, file)
        body = content.text[content.body_start :]
        page = f"<html><body><article>{body}</article></body></html>".encode()
        archived = keep(root, file.stem, saved_page(file.with_suffix(".html"), page, None), body)
        file.write_text(with_field(content, "archived", archived), encoding="utf-8")
    return sum(f.stat().st_size for f in (root / "sources").iterdir())


def add_seconds(folder: Path, capture: bool) -> tuple[float, int]:
    """`add` of every saved page into a fresh dossier: seconds, and the bytes of the captures."""
    from unittest import mock

    from authoring import SAVED, run_quietly

    from dossier.authoring.sources import add

    shutil.rmtree(folder, ignore_errors=True)
    run_quietly("new", str(folder), "--quiet")
    pages = sorted(str(page) for page in SAVED.glob("*.html"))
    skipped = (
        mock.patch.object(add, "saved_page", lambda *_: None),  # no capture: add writes none
    )
    with contextlib.ExitStack() as stack:
        if not capture:
            for patch in skipped:
                stack.enter_context(patch)
        started = time.perf_counter()
        run_quietly("add", *pages, "--root", str(folder))
        seconds = time.perf_counter() - started
    written = list((folder / "content/articles").glob("*.md"))
    assert len(written) == len(pages) + 1, "every page added (and the example article)"
    sources = folder / "sources"
    return seconds, sum(f.stat().st_size for f in sources.iterdir()) if sources.is_dir() else 0


def build_seconds(root: Path, cold: bool) -> float:
    if cold:
        shutil.rmtree(root / "site", ignore_errors=True)
        shutil.rmtree(root / ".cache", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), "--no-search", "--quiet"], check=True
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-captures-") as folder:
        from authoring import SAVED

        adds: dict[bool, list[float]] = {True: [], False: []}
        kept = 0
        for _ in range(args.runs):
            for capture in (True, False):
                seconds, size = add_seconds(Path(folder) / "added", capture)
                adds[capture].append(seconds)
                kept = max(kept, size)
        own = sum(page.stat().st_size for page in SAVED.glob("*.html"))
        print("| `add` of the saved pages | with capture | without |\n|---|---|---|")
        print(
            f"| {len(list(SAVED.glob('*.html')))} pages, {own / 1e6:.2f} MB | "
            f"{statistics.median(adds[True]):.2f} s ({kept / 1e6:.2f} MB of captures) | "
            f"{statistics.median(adds[False]):.2f} s |\n"
        )
        plain = generate(args.articles, Path(folder) / "plain")
        captured = generate(args.articles, Path(folder) / "captured")
        size = capture_every_article(captured)
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):
            for name, root in (("without captures", plain), ("a capture per article", captured)):
                times.setdefault((name, "cold"), []).append(build_seconds(root, cold=True))
                times.setdefault((name, "warm"), []).append(build_seconds(root, cold=False))
    print("| dossier | cold build | warm build (nothing changed) |\n|---|---|---|")
    for name in ("without captures", "a capture per article"):
        cold, warm = (statistics.median(times[(name, kind)]) for kind in ("cold", "warm"))
        print(f"| {args.articles:,} articles, {name} | {cold:.2f} s | {warm:.2f} s |")
    print(f"\nThe {args.articles:,} captures take {size / 1e6:.1f} MB.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
