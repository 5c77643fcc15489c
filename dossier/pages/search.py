"""Pagefind, the search indexer: finding its binary and indexing one folder of pages into one bundle.

Pagefind (the `pagefind` package on PyPI ships its binary) turns built pages into a static index
that the search box loads only when a reader starts a search. How the site's pages are split into
bundles and kept from build to build is `searchindex`'s job.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
from pathlib import Path

INSTALL = "pip install 'pagefind[extended]'"


def available() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def binary() -> Path | None:
    """The Pagefind executable the package installed, found as the package finds it (called
    directly: no Python start per bundle), without loading the package's asyncio service."""
    if not available():
        return None
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    for name in ("pagefind_bin_extended", "pagefind_bin"):
        if importlib.util.find_spec(name) is not None:
            return importlib.import_module(name).get_executable()
    from pagefind.service import get_executable  # an executable installed some other way

    return get_executable()


GLOB_SPECIAL = frozenset("*?[]{},\\")  # a path with one of these cannot be named in a glob as it is


def start(executable: Path, site: Path, output: Path, pages: list[str], workdir: Path) -> subprocess.Popen:
    """Start indexing `pages` (paths under `site`, none with a GLOB_SPECIAL character) into the
    bundle folder `output`. The list goes in a configuration file in `workdir`, where Pagefind
    looks for one: a command line has no room for thousands of paths."""
    workdir.mkdir(parents=True, exist_ok=True)
    glob = "{" + ",".join(pages) + "}"
    (workdir / "pagefind.json").write_text(json.dumps({"glob": glob}), encoding="utf-8")
    return subprocess.Popen(
        [str(executable), "--site", str(site), "--output-path", str(output), "--silent"],
        cwd=workdir,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def failure(process: subprocess.Popen, output: Path) -> str | None:
    """Wait for an indexing run; why it failed, or None when it wrote a bundle."""
    said, _ = process.communicate()
    if process.returncode == 0 and (output / "pagefind.js").is_file():
        return None
    lines = (said or "").strip().splitlines()
    return lines[-1] if lines else "no index written"
