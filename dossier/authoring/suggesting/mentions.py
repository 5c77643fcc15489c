"""Unlinked mentions: every entity's name and aliases found in prose at once, with the inflections
German and English use (genitive `Siemens'`, `Boschs`, possessive `Bosch's`/`Bosch’s`, a name joined by a
hyphen to a noun), never inside a longer word.

One Aho–Corasick automaton holds every spelling, so the cost is one pass over the text whatever
the number of entities; the longest name at a place wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

# After a name: the genitive s, a possessive 's, or (after a name ending in s) a bare apostrophe.
_SUFFIXES = ("’s", "'s", "’", "'", "s")


@dataclass(frozen=True)
class Spelling:
    text: str  # as written in the entity file
    slugs: frozenset[str]  # the entities it names; more than one makes it ambiguous


@dataclass(frozen=True)
class Unlinked:
    start: int
    end: int  # the shown text, suffix included
    spelling: Spelling


class MentionMatcher:
    def __init__(self, spellings: Iterable[tuple[str, str]]):
        """`spellings`: (spelling, entity slug) pairs, from names and aliases."""
        owners: dict[str, set[str]] = {}
        for text, slug in spellings:
            text = " ".join(text.split())
            if len(text) >= 2:
                owners.setdefault(text, set()).add(slug)
        self.automaton = ahocorasick.Automaton()
        for text, slugs in owners.items():
            self.automaton.add_word(text, Spelling(text, frozenset(slugs)))
        self.empty = not owners
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> Iterator[Unlinked]:
        if self.empty:
            return
        for last, spelling in self.automaton.iter_long(text):
            start, end = last + 1 - len(spelling.text), last + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            end = _with_suffix(text, end, spelling.text)
            if end is None:
                continue
            yield Unlinked(start, end, spelling)


def _with_suffix(text: str, end: int, name: str) -> int | None:
    """Where the mention ends, an inflection included; None when the name runs on into a word."""
    ends_in_s = name.endswith(("s", "S", "x", "z"))
    for suffix in _SUFFIXES:
        if (suffix == "s") == ends_in_s and suffix in ("s", "’", "'"):
            continue  # a genitive s after a name not ending in s; a bare apostrophe only after one
        if text.startswith(suffix, end) and not _word_char(text, end + len(suffix)):
            return end + len(suffix)
    return None if _word_char(text, end) else end


def _word_char(text: str, at: int) -> bool:
    return at < len(text) and (text[at].isalnum() or text[at] == "_")
