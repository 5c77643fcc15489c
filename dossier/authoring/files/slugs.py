"""File names for new articles: lower-case ASCII from the title, never one already taken."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

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


def slug_choices(slug: str) -> Iterator[str]:
    """`slug`, then `slug-2`, `slug-3`, ...: the names to try, in order, until one is free."""
    yield slug
    for number in itertools.count(2):
        yield f"{slug}-{number}"
