"""The repository's own dossier, built fresh for the scripts in tools/."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "tools" / "out"


def build_real_site() -> Path:
    """Build the dossier into tools/out/site/ (search included) and return the folder."""
    sys.path.insert(0, str(REPO))
    from dossier.cli import main

    site = OUT / "site"
    if main(["--root", str(REPO), "--out", str(site), "--quiet"]) != 0:
        raise SystemExit("the dossier did not build; run `python build.py` to see why")
    return site
