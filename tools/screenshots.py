"""Screenshots of every page type at phone and desktop width, light and dark, for a person to look at.

    python tools/screenshots.py [--out tools/out/screenshots]

Builds the repository's dossier, serves it on 127.0.0.1 and saves full-page PNGs from Debian's
Chromium, named `<page type>-<width>-<scheme>.png`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.checkers import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES
from tools.site import OUT, build_real_site
from tools.static import static_server

WIDTHS = {"phone": (390, 844), "tablet": (820, 1180), "desktop": (1280, 900)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    site = build_real_site()
    args.out.mkdir(parents=True, exist_ok=True)
    with static_server(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for kind, path in PAGE_TYPES.items():
            for width_name, (width, height) in WIDTHS.items():
                for scheme in ("light", "dark"):
                    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page.goto(url + path)
                    file = args.out / f"{kind.replace(' ', '-')}-{width_name}-{scheme}.png"
                    page.screenshot(path=str(file), full_page=True)
                    page.close()
                    print(file.relative_to(Path.cwd()) if file.is_relative_to(Path.cwd()) else file)
        browser.close()


if __name__ == "__main__":
    main()
