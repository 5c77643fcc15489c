"""Site search with Pagefind, run as the last step of a publishing build.

Pagefind (the `pagefind` package on PyPI ships its binary) indexes the built pages into a static
index under `pagefind/`, which the search box loads only when a reader starts a search.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

INSTALL = "pip install 'pagefind[extended]'"


def available() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def index_site(folder: Path) -> str:
    """Index `folder` in place; returns a line saying what happened (never raises for search)."""
    if not available():
        return f"search skipped: Pagefind is not installed ({INSTALL})"
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", "pagefind", "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not (folder / "pagefind" / "pagefind.js").is_file():
        reason = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no index written"]
        return f"search skipped: Pagefind failed ({reason[0]})"
    return "search index built"
