"""Long names the text abbreviates where it first uses them: `Bundesamt für Sicherheit in der
Informationstechnik (BSI)`, `International Union for Conservation of Nature (IUCN)`; and the acronym a
name defines right after it (`defined_acronym`), an alias of the name. Small words
inside such a name break it into several runs of capitalised words; where an acronym in brackets
follows, the words before it that spell the acronym are one name, and the runs inside it are not.

The long form is found as Schwartz and Hearst find it (A Simple Algorithm for Identifying
Abbreviation Definitions in Biomedical Text, 2003): the acronym's letters in order, in at most
|A| + 5 words before the definition, the first at the start of a word. Where they take the nearest
letters, the alignment here takes the one with the most letters at the start of a word (`Schutz`,
not the `s` of `geistigen`, for the S of VSGE); and a long form begins and ends with a capitalised
word (or ends with a number) and counts only where at least two of the acronym's letters start
words (`Kassenärztliche Bundesvereinigung`: K and B).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .occurrences import KEEP, Occurrence, Text, merged_into
from .vocabulary import HYPHENS, compound_spells

DEFINED = 1.0  # evidence a long form gains over its best run for spelling the acronym after it
_DEFINITION = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)|,\s*(?:kurz|short)\s+([A-Z][A-Za-z]{1,7})\b")
_BOUNDARY = re.compile(r"[.!?;:,()\[\]\"“”„«»\n]")  # no long form reaches over these
_WORD = re.compile(r"\S+")
_REACH = 300  # characters before a definition looked at
# An acronym right after a name, defined there (`Screen Actors Guild (SAG)`, `…, kurz VSGE`).
_ACRONYM_AFTER = re.compile(r"[\s\"”“'’*_]*(?:\(|,?\s*(?:kurz|short|or)\s+\**)([A-Z][A-Za-z]{1,7})\b")


def with_long_forms(text: Text, occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """The occurrences, where the text defines an acronym after a long name it breaks into runs,
    with the runs inside the long name replaced by one occurrence of it (in text order)."""
    found = sorted(occurrences, key=lambda o: o.start)
    for definition in _DEFINITION.finditer(text.body):
        acronym = definition[1] or definition[2]
        if sum(c.isupper() for c in acronym) < 2:
            continue  # `(Reuters)`, `(Mimo)`: no acronym
        span = long_form(text.body, definition.start(), acronym)
        if span is None:
            continue
        found = merged_into(text.body, found, *span, _defined_evidence)
    return found


def _defined_evidence(pieces: list[Occurrence]) -> float:
    return max([KEEP, *(piece.evidence for piece in pieces)]) + DEFINED


def long_form(body: str, at: int, acronym: str) -> tuple[int, int] | None:
    """Where the long name that `acronym`, defined at `at`, stands for begins and ends, or None."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    window_start = max(0, at - _REACH)
    window = body[window_start:at]
    boundaries = list(_BOUNDARY.finditer(window))
    if boundaries:
        window_start += boundaries[-1].end()
        window = body[window_start:at]
    words = [(m.start() + window_start, m.end() + window_start) for m in _WORD.finditer(window)]
    words = words[-(len(letters) + 5) :]
    if not words or not (body[words[-1][0]].isupper() or body[words[-1][0]].isdigit()):
        return None  # a name ends in a capitalised word or a number (`… Act of 1940`)
    # One German compound that spells the acronym (`Weltgesundheitsorganisation (WHO)`), or two words
    # at least: one word is a run already.
    best = words[-1] if compound_spells(body[words[-1][0] : words[-1][1]], letters) else None
    best_starts = 1
    for first in range(len(words) - 2, -1, -1):
        start, _ = words[first]
        if not body[start].isupper() or body[start].lower() != letters[0]:
            continue
        starts = _word_starts_matched(body, words[first:], letters[1:])
        if starts is not None and 1 + starts > best_starts:
            best, best_starts = (start, words[-1][1]), 1 + starts
    return best


def _word_starts_matched(body: str, words: list[tuple[int, int]], letters: list[str]) -> int | None:
    """The most of `letters` that can be matched, in order and every one of them, at the start of a
    word or of a hyphenated part among the characters after the first word's first; None where
    they cannot all be matched."""
    characters: list[tuple[str, bool]] = []
    for index, (start, end) in enumerate(words):
        for offset, character in enumerate(body[start:end]):
            if index == 0 and offset == 0:
                continue
            at_start = offset == 0 or body[start + offset - 1] in "-‑"
            characters.append((character.lower(), at_start))
    impossible = -1
    # best[j]: the most word starts matching letters[:j] within the characters read so far.
    best = [0] + [impossible] * len(letters)
    for character, at_start in characters:
        for j in range(len(letters), 0, -1):
            if letters[j - 1] == character and best[j - 1] != impossible:
                best[j] = max(best[j], best[j - 1] + at_start)
    return None if best[-1] == impossible else best[-1]


def defined_acronym(body: str, occurrence: Occurrence) -> str | None:
    """`Screen Actors Guild (SAG)`, `Kraftfahrt-Bundesamt (KBA)`, `Verband zum Schutz … , kurz VSGE`:
    the acronym defined right after."""
    following = body[occurrence.end : occurrence.end + 24]
    found = _ACRONYM_AFTER.match(following)
    parts = [part for word in occurrence.words for part in HYPHENS.split(word)]  # `Kraftfahrt-Bundesamt`
    if not found:
        return None
    acronym = found[1]
    capitals = [c for c in acronym if c.isupper()]
    if len(parts) == 1:
        return acronym if len(capitals) >= 2 and compound_spells(parts[0], capitals) else None
    initials = [part[0].upper() for part in parts if part[:1].isupper()]
    return acronym if capitals and capitals[0] == initials[0] and len(capitals) >= 2 else None
