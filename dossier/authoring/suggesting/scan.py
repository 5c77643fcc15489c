"""Where a Markdown body already has annotations, links and code: found in one linear pass over
the source, so suggestions keep out of them and the benchmark can strip them.

This reads the source text, not markdown-it's tokens, because suggestions must point at (and
rewrite) exact places in the file; it follows the same rules as the annotation syntax: `[[...]]`
up to the first `]]` with no `[` or line break inside, `[text]{...}` with brackets nesting, and
`\\` escaping the next character.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass, field

from ...syntax.wikilinks import WIKILINK

_ATTRIBUTES = re.compile(r"\{([^{}\n]*)\}")
_PAIR = re.compile(r'([A-Za-z_][\w:-]*)=(?:"([^"]*)"|([^\s"}]+))')
_TOKENS = re.compile(r"\\.|\[\[|\[|\]|`+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[^\n]*$|\Z)", re.M | re.S)
_OTHER_PROTECTED = re.compile(
    r"<[A-Za-z/!][^<>\n]*>"  # raw HTML tags and autolinks
    r"|https?://[^\s<>()\[\]]+"  # bare addresses
    r"|^\{[^{}\n]*\}[ \t]*$",  # attribute lines such as {lang=en}
    re.M,
)


@dataclass
class Found:
    """An annotation or link in the source: its whole span and the span of the text it shows."""

    kind: str  # "mention", "figure", "event", "span" (only lang=), or "link"
    start: int
    end: int
    text_start: int
    text_end: int
    target: str = ""  # the entity name, figure or event key, or link address
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Scanned:
    found: list[Found]
    protected: list[tuple[int, int]]  # sorted, merged: no suggestion may overlap one

    def is_free(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.protected, (start, float("inf"))) - 1
        if index >= 0 and self.protected[index][1] > start:
            return False
        following = index + 1
        return following >= len(self.protected) or self.protected[following][0] >= end


def attributes(text: str) -> dict[str, str]:
    return {m[1]: m[2] if m[2] is not None else m[3] for m in _PAIR.finditer(text)}


@functools.lru_cache(maxsize=4)  # suggestions and candidates read the same body one after the other
def scan(text: str) -> Scanned:
    code = [(m.start(), m.end()) for m in _FENCE.finditer(text)]
    found: list[Found] = []
    opened: list[int] = []
    fence = 0
    token = _TOKENS.search(text)
    while token is not None:
        at, resume = token.start(), token.end()
        while fence < len(code) and code[fence][1] <= at:
            fence += 1
        mark = token[0]
        if fence < len(code) and code[fence][0] <= at:
            resume = code[fence][1]
        elif mark.startswith("`"):
            close = text.find(mark, resume)
            paragraph_end = text.find("\n\n", resume)
            if close >= 0 and (paragraph_end < 0 or close < paragraph_end):
                code.insert(fence, (at, close + len(mark)))
                resume = close + len(mark)
        elif mark == "[[":
            wikilink = WIKILINK.match(text, at)
            if wikilink and wikilink[1].strip():
                target, _, shown = wikilink[1].partition("|")
                inner = at + 2 + (len(target) + 1 if shown else 0)
                found.append(Found("mention", at, wikilink.end(), inner, wikilink.end() - 2, target.strip()))
                resume = wikilink.end()
            else:  # a bracket, then perhaps a mention starting at the next one: `[[[Name]] said]{...}`
                opened.append(at)
                resume = at + 1
        elif mark == "[":
            opened.append(at)
        elif mark == "]" and opened:
            _close(text, opened.pop(), at, found)
        token = _TOKENS.search(text, resume)
    protected = [(f.start, f.end) for f in found] + code
    protected += [(m.start(), m.end()) for m in _OTHER_PROTECTED.finditer(text)]
    found.sort(key=lambda f: (f.start, -f.end))
    return Scanned(found, _merged(protected))


def _close(text: str, start: int, at: int, found: list[Found]) -> None:
    """`]` at `at` closes the `[` at `start`: an annotation when `{...}` follows, a link when `(...)`."""
    following = text[at + 1 : at + 2]
    if following == "{":
        block = _ATTRIBUTES.match(text, at + 1)
        if block:
            pairs = attributes(block[1])
            kind = "figure" if "fig" in pairs else "event" if "event" in pairs else "span"
            target = pairs.get("fig") or pairs.get("event") or ""
            found.append(Found(kind, start, block.end(), start + 1, at, target, pairs))
    elif following == "(":
        close = text.find(")", at + 2)
        line_end = text.find("\n", at + 2)
        if close >= 0 and (line_end < 0 or close < line_end):
            found.append(Found("link", start, close + 1, start + 1, at, text[at + 2 : close]))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def strip(text: str) -> tuple[str, list[Found]]:
    """The text as a reader sees it, without annotation markup, and each annotation with its shown
    text's span in the stripped text (for scoring suggestions against an editor's annotations)."""
    scanned = scan(text)
    cuts: list[tuple[int, int]] = []
    for item in scanned.found:
        if item.kind in ("mention", "figure", "event", "span"):
            cuts += [(item.start, item.text_start), (item.text_end, item.end)]
    cuts.sort()
    pieces, removed_before, last = [], [0], 0
    starts = [start for start, _ in cuts]
    for start, end in cuts:
        pieces.append(text[last:start])
        removed_before.append(removed_before[-1] + end - start)
        last = end
    pieces.append(text[last:])

    def moved(offset: int) -> int:
        index = bisect.bisect_right(starts, offset - 1)  # cuts that start before `offset`
        removed = removed_before[index]
        if index and cuts[index - 1][1] > offset:  # inside a cut: at its start
            removed -= cuts[index - 1][1] - offset
        return offset - removed

    stripped = [
        Found(
            f.kind,
            moved(f.text_start),
            moved(f.text_end),
            moved(f.text_start),
            moved(f.text_end),
            f.target,
            f.attributes,
        )
        for f in scanned.found
        if f.kind in ("mention", "figure", "event")
    ]
    return "".join(pieces), stripped


class LineIndex:
    """Offsets in a text as 1-based lines and columns, counted in characters."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def suggestion_id(path: str, kind: str, start: int, end: int, what: str) -> str:
    """A suggestion's id: stable while the file is unchanged, made from where it is and what it says."""
    return hashlib.sha256(f"{path}\0{kind}\0{start}\0{end}\0{what}".encode()).hexdigest()[:16]
