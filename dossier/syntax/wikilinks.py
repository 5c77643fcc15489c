"""The `[[Name]]` / `[[Name|shown text]]` inline rule for entity mentions."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# `[[`, then anything but `[` or a line break up to the first `]]`. The match stops at the first `[`, so
# a run of brackets costs linear time in all (a search for `]]` from every `[[` would be quadratic).
WIKILINK = re.compile(r"\[\[((?:[^\[\]\n]|\](?!\]))*)\]\]")


def wikilink_plugin(md: MarkdownIt) -> None:
    """Turn `[[target|text]]` into a `wikilink` token; its meta holds target, text and source span."""
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    if not src.startswith("[[", start):
        return False
    match = WIKILINK.match(src, start, state.posMax)
    if match is None:
        return False
    inner, end = match[1], match.end() - 2
    if not inner.strip():
        return False
    target, _, text = inner.partition("|")
    target, text = target.strip(), text.strip()
    if not target:
        return False
    if not silent:
        token = state.push("wikilink", "a", 0)
        token.content = text or target
        token.meta = {"target": target, "text": text or target, "start": start, "end": end + 2}
    state.pos = end + 2
    return True
