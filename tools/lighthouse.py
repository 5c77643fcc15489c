"""Lighthouse reports for the home, an article, an entity, the timeline and the figures page.

    python tools/lighthouse.py [--out tools/out/lighthouse]

Builds the repository's dossier, serves it on 127.0.0.1, runs Lighthouse (npm, pinned in
tools/package.json) against Debian's Chromium, saves each HTML and JSON report and prints the scores.
The test suite checks the same scores (tests/test_quality.py) without keeping the reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.checkers import LIGHTHOUSE_CATEGORIES, LIGHTHOUSE_PAGES, PAGE_TYPES, lighthouse
from tools.site import OUT, build_real_site
from tools.static import static_server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT / "lighthouse")
    args = parser.parse_args()
    site = build_real_site()
    print("{:<10} {:>12} {:>14} {:>15} {:>5}".format("page", *LIGHTHOUSE_CATEGORIES))
    with static_server(site) as url:
        for kind in LIGHTHOUSE_PAGES:
            scores = lighthouse(url + PAGE_TYPES[kind], report=args.out / f"{kind}.html")
            print("{:<10} {:>12} {:>14} {:>15} {:>5}".format(kind, *scores.values()))
    print(f"reports in {args.out}")


if __name__ == "__main__":
    main()
