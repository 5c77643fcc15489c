"""The `[[Name]]` / `[[Name|shown text]]` inline rule for entity mentions."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline


def wikilink_plugin(md: MarkdownIt) -> None:
    """Turn `[[target|text]]` into a `wikilink` token; its meta holds target, text and source span."""
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    if not src.startswith("[[", start):
        return False
    end = src.find("]]", start + 2, state.posMax)
    if end < 0:
        return False
    inner = src[start + 2 : end]
    if not inner.strip() or "[" in inner or "\n" in inner:
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
