"""File names for new articles: lower-case ASCII from the title, never one already taken."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_SLUG = 60  # characters; longer titles are cut at a word boundary

# Letters that do not decompose into an ASCII base letter plus marks.
_SPELLED = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ı": "i"})


def slugify(title: str) -> str:
    """`Der nächste KI-Paukenschlag` → `der-nachste-ki-paukenschlag`."""
    text = unicodedata.normalize("NFKD", title.casefold().translate(_SPELLED))
    ascii_text = text.encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > MAX_SLUG and slug:
            break
        slug = longer[:MAX_SLUG]
    return slug or "article"


def free_slug(folder: Path, slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... when a file or an earlier article of this run has it."""
    candidate, number = slug, 1
    while candidate in taken or (folder / f"{candidate}.md").exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
