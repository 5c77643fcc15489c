"""How names and keys compare: the same letters match however they are encoded or capitalised.

Text copied from PDFs and some macOS tools arrives decomposed (NFD: `u` plus a combining diaeresis)
while most editors write composed letters (NFC: `ü`); both must name the same entity.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

_LONGEST_TYPO = 100  # a word longer than this is not a misspelt name (and difflib is quadratic in it)


def name_key(text: str) -> str:
    """The form names are compared in: whitespace runs as one space, canonically decomposed, case
    folded, then composed again (Unicode's canonical caseless match, in NFC)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", " ".join(text.split())).casefold())


def encoding_note(first: str, second: str) -> str:
    """A note for a message that quotes two names which look the same but are encoded differently."""
    if first != second and unicodedata.normalize("NFC", first) == unicodedata.normalize("NFC", second):
        return " (the same letters, encoded differently: one composed, one decomposed)"
    return ""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' suffix when one candidate is close to `word`, else ''."""
    if len(word) > _LONGEST_TYPO:
        return ""
    pool = {name_key(c): c for c in candidates}
    close = difflib.get_close_matches(name_key(word), list(pool), n=1, cutoff=0.75)
    return f' (did you mean "{pool[close[0]]}"?)' if close else ""
