"""Names listed together: `ByteDance, Tencent und Baidu` are names of a kind, and the noun before
`such as` or `wie` says which (`firms such as Quillo, Vantix and Marbeck`)."""

from __future__ import annotations

import itertools
import re

from .cues import cue
from .occurrences import KEEP, Occurrence

_LIST_GAP = re.compile(r",\s*|\s+(?:und|and|oder|or|sowie|as well as|&)\s+|,\s+(?:und|and|oder|or)\s+")
# The noun for a kind before the examples of it: `firms such as`, `rivals like`, `Konzerne wie`.
_EXAMPLES_OF = re.compile(r"([\w\-]+)\s+(?:such\s+as|like|including|wie|etwa|darunter)\s+$", re.IGNORECASE)


def listed_together(body: str, occurrences: list[Occurrence]) -> None:
    """Names listed together are of a kind: where one of a list carries good evidence, the others
    gain; where a noun for a kind introduces the list as its examples, each is of that kind."""
    ordered = sorted(occurrences, key=lambda o: o.start)
    lists: list[list[Occurrence]] = [ordered[:1]] if ordered else []
    for previous, current in itertools.pairwise(ordered):
        if _LIST_GAP.fullmatch(body[previous.end : current.start]):
            lists[-1].append(current)
        else:
            lists.append([current])
    for members in lists:
        if len(members) >= 3 and max(o.evidence for o in members) >= KEEP:
            for occurrence in members:
                occurrence.evidence += 1.5
        examples = _EXAMPLES_OF.search(body, max(0, members[0].start - 40), members[0].start)
        kind = _kind_of(examples[1]) if examples else None
        if kind and kind != "person":
            for occurrence in members:
                occurrence.hints[kind] += 3  # as much as a name's own head noun says


def _kind_of(noun: str) -> str | None:
    """The type a noun for a kind points to, in the plural too (`firms`, `Konzerne`, `Banken`)."""
    endings = ("s", "e", "es", "en", "n")
    singulars = [noun] + [noun[: -len(ending)] for ending in endings if noun.endswith(ending)]
    return next((cue(word) for word in singulars if len(word) > 2 and cue(word)), None)
