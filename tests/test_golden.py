"""Golden copies of key pages of the real dossier, reviewed as diffs.

Regenerate after an intended change with:  DOSSIER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
PAGES = [
    "index.html",
    "figures/index.html",
    "timeline/index.html",
    "articles/index.html",
    "articles/gizmochina-xiaomi-rd-push/index.html",
    "entities/xiaomi/index.html",
    "entities/lu-weibing/index.html",
    "data/figures.csv",
]


def normalise(text: str) -> str:
    """Asset names carry a content hash; a stylesheet edit should not churn every golden page."""
    return re.sub(r"(assets/[\w-]+)\.[0-9a-f]{10}\.", r"\1.HASH.", text)


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(real_site: Path, page: str) -> None:
    built = normalise((real_site / page).read_text(encoding="utf-8"))
    golden = GOLDEN / page.replace("/", "__")
    if os.environ.get("DOSSIER_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(built, encoding="utf-8")
    assert golden.exists(), "no golden copy yet: run with DOSSIER_UPDATE_GOLDEN=1"
    assert built == golden.read_text(encoding="utf-8")
