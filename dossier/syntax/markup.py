"""The Markdown setup: markdown-it-py with our annotations, and the HTML they render to.

Rendering happens per file, before references are resolved, so cross-file values (an entity's URL, a
figure's summary) are written as placeholders that `resolve_placeholders` fills in once the whole
dossier is known. That keeps each file's parse-and-render independent of every other file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import OptionsDict
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

from .annotations import annotations_plugin
from .wikilinks import wikilink_plugin

PLACEHOLDER_OPEN, PLACEHOLDER_SEP, PLACEHOLDER_CLOSE = "\ue000", "\ue002", "\ue001"
_PLACEHOLDER = re.compile("\ue000([^\ue000\ue001\ue002]*)\ue002([^\ue000\ue001]*)\ue001")
BLOCK_ATTRIBUTES = ("lang",)  # `{lang=en}` above a paragraph, list or heading
PRIVATE_MARKERS = re.compile("[\ue000\ue001\ue002]")

QUOTES = {
    "de": "„“‚‘",
    "en": "“”‘’",
    "fr": ["«\xa0", "\xa0»", "‹\xa0", "\xa0›"],
    "es": "«»“”",
    "it": "«»“”",
    "ru": "«»„“",
    "zh": "“”‘’",
    "ja": "「」『』",
}


def placeholder(field: str, ref: str) -> str:
    """A marker for a value known only after every file is read, e.g. the `href` of a mentioned entity."""
    return f"{PLACEHOLDER_OPEN}{field}{PLACEHOLDER_SEP}{ref}{PLACEHOLDER_CLOSE}"


def resolve_placeholders(html: str, resolve: Callable[[str, str], str]) -> str:
    """Replace every placeholder with `resolve(field, ref)`, which returns HTML-escaped text."""
    return _PLACEHOLDER.sub(lambda m: resolve(m[1], m[2]), html)


@cache
def markdown(language: str = "en", html: bool = False, typographer: bool = True) -> MarkdownIt:
    """The parser for one language (quotes differ) and the dossier's Markdown options."""
    language = language.split("-")[0].lower()
    md = MarkdownIt(
        "commonmark",
        {"html": html, "typographer": typographer, "quotes": QUOTES.get(language, QUOTES["en"])},
    )
    md.enable(["table", "strikethrough"])
    if not html:  # raw HTML is then text: its rules would only look and decline
        md.disable(["html_block", "html_inline"])
    if typographer:
        md.enable(["replacements", "smartquotes"])
    md.use(wikilink_plugin)
    md.use(attrs_plugin, spans=True, after=())
    md.use(attrs_block_plugin, allowed=BLOCK_ATTRIBUTES)
    md.use(annotations_plugin)
    for rule in ("span", "link", "backticks"):
        _record_source_span(md, rule)
    md.add_render_rule("wikilink", _render_wikilink)
    md.add_render_rule("span_open", _render_span_open)
    md.add_render_rule("span_close", _render_span_close)
    md.add_render_rule("link_open", _render_link_open)
    return md


def _record_source_span(md: MarkdownIt, name: str) -> None:
    """Wrap an inline rule so its first token remembers where in the source it started and ended."""
    rules = md.inline.ruler.__rules__
    original = next(rule.fn for rule in rules if rule.name == name)

    def recording(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = original(state, silent)
        if matched and not silent:
            # push() may first flush pending text into a token of its own: skip past it.
            made = next((t for t in state.tokens[count:] if t.type != "text"), None)
            if made is not None:
                made.meta = {**made.meta, "start": start, "end": state.pos}
        return matched

    md.inline.ruler.at(name, recording)


def _attr(token: Token, name: str) -> str:
    value = token.attrGet(name)
    return "" if value is None else str(value)


def _render_wikilink(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: dict) -> str:
    token = tokens[idx]
    target = token.meta["target"]
    return (
        f'<a class="mention" id="{escape(token.meta["anchor"])}" '
        f'href="{placeholder("href", "entity:" + target)}" '
        f'title="{placeholder("title", "entity:" + target)}">{escape(token.content)}</a>'
    )


def _claim_ref(token: Token) -> str | None:
    if token.attrGet("fig") is not None:
        return "figure:" + _attr(token, "fig")
    if token.attrGet("event") is not None:
        return "event:" + _attr(token, "event")
    return None


def _render_span_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: dict) -> str:
    token = tokens[idx]
    lang = f' lang="{escape(_attr(token, "lang"))}"' if token.attrGet("lang") else ""
    ref = _claim_ref(token)
    if ref is None:
        return f"<span{lang}>"
    kind = ref.split(":", 1)[0]
    attributes = (
        f'class="claim claim-{kind}" id="{escape(token.meta["anchor"])}"{lang} '
        f'title="{placeholder("title", ref)}"'
    )
    if token.meta.get("contains_link"):
        return f"<span {attributes}>"
    return f'<a {attributes} href="{placeholder("href", ref)}">'


def _render_span_close(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: dict) -> str:
    opening = tokens[idx].meta.get("opening")
    if opening is None or _claim_ref(opening) is None:
        return "</span>"
    if opening.meta.get("contains_link"):
        ref = _claim_ref(opening)
        assert ref is not None
        mark = "fig" if ref.startswith("figure:") else "event"
        return f'<a class="claim-link" href="{placeholder("href", ref)}">[{mark}]</a></span>'
    return "</a>"


def _render_link_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: dict) -> str:
    token = tokens[idx]
    target = token.meta.get("content_link")
    if target is not None:
        token.attrSet("href", placeholder("href", "page:" + target))
    return self.renderToken(tokens, idx, options, env)
