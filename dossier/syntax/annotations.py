"""From a parsed Markdown token stream to the dossier's annotations: mentions, claims, links.

Two core rules of the parser (`annotations_plugin`): one finds annotation-like text that did not
parse, while escapes are still tokens of their own; the last collects every annotation as the
token stream is finished, with a stable anchor id, its position and the sentence around it.
"""

from __future__ import annotations

import bisect
import posixpath
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs.parse import ParseError, parse

from ..diagnostics import Diagnostic, Position, excerpt, quote
from ..records import compact
from .names import did_you_mean, name_key
from .values import Value, ValueSyntaxError, parse_value

# Per-file limits that no real article reaches: the last guard against hostile content, which every
# step already handles in linear time.
MAX_ANNOTATIONS = 50_000
MAX_NESTING = 16  # [text]{...} annotations inside each other
MAX_ERRORS = 100  # errors listed per file; the rest are counted

CLAIM_ATTRIBUTES = {
    "fig": ("value", "unit", "lang"),
    "event": ("lang",),
    "": ("lang",),
}
ALL_ATTRIBUTES = ("fig", "event", "value", "unit", "lang")


@compact
@dataclass(slots=True, unsafe_hash=True)
class Context:
    """The sentence around an annotation, split so the annotated words can be highlighted."""

    before: str
    text: str
    after: str


@compact
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    target: str
    text: str
    anchor: str
    position: Position
    context: Context


@compact
@dataclass(slots=True, unsafe_hash=True)
class Claim:
    kind: str  # "figure" or "event"
    key: str
    text: str
    anchor: str
    position: Position
    context: Context
    value: Value | None = None
    unit: str | None = None


@dataclass(frozen=True)
class ContentLink:
    target: str  # path under content/, posix
    fragment: str
    position: Position


@dataclass
class Annotated:
    """What one Markdown body yields: HTML with placeholders, and its annotations.

    `passages` holds the passage of each mention, then of each claim, as the pages quote it, made
    once with the layouts (`pages.passages`). The HTML is kept compressed (`packed_html`, a sixth of
    its size as a string): the bodies are most of a large dossier's memory, and each is read about
    once per build, to render its page."""

    packed_html: bytes = b""
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    links: list[ContentLink] = field(default_factory=list)
    words: int = 0
    lead: str = ""  # the first paragraph as plain text, for descriptions
    passages: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def html(self) -> str:
        return zlib.decompress(self.packed_html).decode() if self.packed_html else ""

    @html.setter
    def html(self, html: str) -> None:
        self.packed_html = zlib.compress(html.encode(), 1) if html else b""


# Markdown-it refuses these link targets and leaves the link as text; the editor should know.
_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data|file):", re.I)
UNSAFE_LINK = "unsafe-link"


def annotations_plugin(md: MarkdownIt) -> None:
    """Flag `]{`, `[[` and refused links left in text (before text_join, so escapes are exempt), and
    collect the annotations of a body parsed with a `_Collector` in its env (see `annotate`)."""
    md.core.ruler.before("text_join", "unparsed_annotations", _find_unparsed)
    md.core.ruler.push("collect_annotations", _collect)


def _collect(state: StateCore) -> None:
    collector = state.env.get("collector")
    if collector is None:  # parsed by someone else: nothing to collect
        return
    for block in state.tokens:
        if block.type == "inline":
            collector.inline(block)
        elif "insecure_attrs" in block.meta and block.map:
            names = ", ".join(sorted(block.meta["insecure_attrs"]))
            where = Position(collector.path, block.map[0] + collector.line_offset, 1)
            collector.error(where, f"only lang= is allowed in a block's {{...}} line, not {names}")
    for block, marker, offset in state.env.get("unparsed", []):
        collector.unparsed(block, marker, offset)
    collector.finish()


def _find_unparsed(state: StateCore) -> None:
    found = state.env.setdefault("unparsed", [])
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        content = block.content
        covered = _Spans(
            (child.meta["start"], child.meta["end"]) for child in block.children if "start" in child.meta
        )
        for marker in ("]{", "[["):
            free = [
                i
                for i in _occurrences(content, marker)
                if not (i > 0 and content[i - 1] == "\\") and not covered.contains(i)
            ]
            needed = sum(c.content.count(marker) for c in block.children if c.type == "text")
            for offset in free[:needed]:
                found.append((block, marker, offset))
        text = "".join(c.content for c in block.children if c.type == "text")
        unsafe = [
            m.start()
            for m in _UNSAFE_LINK.finditer(content)
            if content[m.start() - 1 : m.start()] != "\\" and not covered.contains(m.start())
        ]
        for offset in unsafe[: len(_UNSAFE_LINK.findall(text))]:
            found.append((block, UNSAFE_LINK, offset))


class _Spans:
    """Source spans of parsed annotations; `contains` is a binary search, so checking every marker
    of a long line stays linear in its length."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []  # the furthest end of any span starting at or before this one
        for start, end in sorted(spans):
            self.starts.append(start)
            self.ends.append(max(end, self.ends[-1]) if self.ends else end)

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def _occurrences(text: str, marker: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(marker), text)]


# How far an explanation of unparsed text looks for the bracket or brace that belongs to it: far
# enough for any real annotation, and a bound, so a line of many unparsed markers stays linear.
_LOOK_AROUND = 400

_ABBREVIATIONS = {
    "mrd", "mio", "nr", "bzw", "ca", "dr", "mr", "mrs", "ms", "st", "vs", "etc", "inc", "co",
    "ltd", "corp", "jr", "sr", "prof", "no", "z", "b", "u", "a", "usw", "ggf", "evtl", "vgl",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?…][\"”“»)]?\s+")
_CONTEXT_LIMIT = 320


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def sentence_ends(text: str) -> list[tuple[int, int]]:
    """(end of sentence, start of the next) for each sentence break, skipping abbreviations and
    ordinals such as "z. B." or "17. Dezember"."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start() + 1)
        if word and (word.group(1).lower() in _ABBREVIATIONS or word.group(1).isdigit()):
            continue
        ends.append((match.start() + 1, match.end()))
    return ends


def _context(plain: str, ends: list[tuple[int, int]], start: int, end: int) -> Context:
    """The sentence around `start..end`, trimmed to a readable length.

    Only the characters that can be shown are sliced, so a line of a million characters with many
    annotations costs each of them the same."""
    index = bisect.bisect_right(ends, (start, len(plain) + 1)) - 1  # the last break with a start before
    while index >= 0 and ends[index][1] > start:
        index -= 1
    left = ends[index][1] if index >= 0 else 0
    after_index = bisect.bisect_right(ends, (end, len(plain) + 1))
    right = ends[after_index][0] if after_index < len(ends) else len(plain)
    text = plain[start:end]
    room = max(_CONTEXT_LIMIT - len(text), 40) // 2
    trim_before, trim_after = start - left > room, right - end > room
    before = "…" + plain[start - room : start].split(" ", 1)[-1] if trim_before else plain[left:start]
    after = plain[end : end + room].rsplit(" ", 1)[0] + "…" if trim_after else plain[end:right]
    return Context(before.lstrip(), text, after.rstrip())


def anchor_slug(text: str) -> str:
    """A readable id fragment: lower case, Unicode letters kept, other runs turned into `-`."""
    slug = re.sub(r"[^\w]+", "-", text.casefold()).strip("-_")
    return slug or "x"


class _BlockLines:
    """Where each line of an inline block's content sits in the source file.

    An inline block's content is its source lines with their indentation (and a list or quote
    marker) taken off; each line's shift is found once, so locating many annotations on one long
    line costs each of them a binary search."""

    def __init__(self, block: Token, source_lines: list[str]):
        self.first = block.map[0] if block.map else 0
        self.content_lines = block.content.split("\n")
        self.starts = [0]
        for line in self.content_lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.source_lines = source_lines
        self.shifts: dict[int, int] = {}

    def locate(self, offset: int) -> tuple[int, int]:
        """(0-based source line, 1-based column) of a content offset."""
        index = bisect.bisect_right(self.starts, offset) - 1
        source_index = min(self.first + index, len(self.source_lines) - 1)
        shift = self.shifts.get(index)
        if shift is None:
            content_line = self.content_lines[index]
            source_line = self.source_lines[source_index] if self.source_lines else ""
            found = max(source_line.find(content_line.strip()), 0) if content_line.strip() else 0
            shift = self.shifts[index] = found - (len(content_line) - len(content_line.lstrip()))
        return source_index, max(shift + offset - self.starts[index] + 1, 1)


class _Collector:
    def __init__(self, path: str, line_offset: int, source: str, content_dir: str):
        self.path = path
        self.line_offset = line_offset
        self.lines = source.split("\n")
        self.content_dir = content_dir
        self.result = Annotated()
        self.anchors: Counter[str] = Counter()
        self.block_lines: dict[int, _BlockLines] = {}
        self.unshown: list[Position] = []

    def position(self, block: Token, offset: int) -> Position:
        """File position of character `offset` of an inline block's content."""
        lines = self.block_lines.get(id(block))
        if lines is None:
            lines = self.block_lines[id(block)] = _BlockLines(block, self.lines)
        line, column = lines.locate(offset)
        return Position(self.path, line + 1 + self.line_offset, column)

    def error(self, position: Position, message: str) -> None:
        if len(self.result.diagnostics) < MAX_ERRORS:
            self.result.diagnostics.append(Diagnostic(position, "error", message))
        else:
            self.unshown.append(position)

    def finish(self) -> None:
        """Say how many errors were not listed, and refuse a body with more annotations than a file may
        hold (the last guard, after every step has been made linear)."""
        count = len(self.result.mentions) + len(self.result.claims)
        if count > MAX_ANNOTATIONS:
            first = self.result.diagnostics[0].position if self.result.diagnostics else Position(self.path)
            self.result.diagnostics.append(
                Diagnostic(
                    first, "error", f"{count:,} annotations; a file may hold at most {MAX_ANNOTATIONS:,}"
                )
            )
        if self.unshown:
            message = (
                f"{len(self.unshown):,} more errors in this file (only the first {MAX_ERRORS} are listed)"
            )
            self.result.diagnostics.append(Diagnostic(self.unshown[0], "error", message))

    def anchor(self, prefix: str) -> str:
        self.anchors[prefix] += 1
        return f"{prefix}-{self.anchors[prefix]}"

    def inline(self, block: Token) -> None:
        plain: list[str] = []
        length = 0
        spans: list[tuple[Token, int]] = []
        pending: list[tuple[str, Token, int, int]] = []  # kind, token, plain start, plain end
        children = block.children or []
        for child in children:
            if child.type in ("text", "code_inline"):
                plain.append(child.content)
                length += len(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                plain.append(" ")
                length += 1
            elif child.type == "wikilink":
                pending.append(("mention", child, length, length + len(child.content)))
                plain.append(child.content)
                length += len(child.content)
                if spans:
                    spans[-1][0].meta["contains_link"] = True
            elif child.type == "span_open":
                spans.append((child, length))
                child.meta["contains_link"] = False
                if len(spans) == MAX_NESTING + 1:
                    where = self.position(block, child.meta.get("start", 0))
                    self.error(where, f"annotations nested more than {MAX_NESTING} deep")
            elif child.type == "span_close" and spans:
                opening, start = spans.pop()
                child.meta["opening"] = opening
                pending.append(("claim", opening, start, length))
                if spans and opening.meta["contains_link"]:
                    spans[-1][0].meta["contains_link"] = True
            elif child.type == "link_open":
                self.link(block, child)
                if spans:
                    spans[-1][0].meta["contains_link"] = True
        text = "".join(plain)
        self.result.words += len(text.split())
        if not self.result.lead and len(text) > 40:
            self.result.lead = text
        ends = sentence_ends(text) if pending else []
        for kind, token, start, end in pending:
            where = self.position(block, token.meta.get("start", 0))
            context = _context(text, ends, start, end)
            if kind == "mention":
                self.mention(token, where, context)
            else:
                self.claim(token, where, context, context.text)  # one string for both, kept once

    def mention(self, token: Token, where: Position, context: Context) -> None:
        anchor = self.anchor("m-" + anchor_slug(token.meta["target"]))
        token.meta["anchor"] = anchor
        self.result.mentions.append(Mention(token.meta["target"], context.text, anchor, where, context))

    def claim(self, token: Token, where: Position, context: Context, text: str) -> None:
        attrs = {name: str(value) for name, value in token.attrs.items()}
        made = self._claim(attrs, where, context, text)
        if made is None:  # render what could not be understood as plain text, not as a claim
            token.attrs = {k: v for k, v in token.attrs.items() if k == "lang"}
            return
        token.meta["anchor"] = made.anchor
        self.result.claims.append(made)

    def _claim(self, attrs: dict[str, str], where: Position, context: Context, text: str) -> Claim | None:
        kinds = [name for name in ("fig", "event") if name in attrs]
        if len(kinds) > 1:
            self.error(where, "an annotation is either fig= or event=, not both")
            return None
        kind = kinds[0] if kinds else ""
        allowed = (kind, *CLAIM_ATTRIBUTES[kind]) if kind else CLAIM_ATTRIBUTES[""]
        unknown = sorted(set(attrs) - set(allowed) - {"class", "id"})
        for name in unknown:
            if name in ALL_ATTRIBUTES:
                self.error(where, f"{quote(name)} does not belong on this annotation")
            else:
                hint = did_you_mean(name, ALL_ATTRIBUTES)
                self.error(where, f"unknown annotation attribute {quote(name)}{hint}")
        if not kind:
            if "lang" not in attrs:
                self.error(where, "a [text]{...} annotation needs fig=KEY or event=KEY")
            return None
        key = name_key(attrs[kind])
        if not key:
            self.error(where, f"{kind}= needs a key")
            return None
        value = None
        if kind == "fig":
            if "value" not in attrs:
                self.error(where, f'figure claim {quote(key)} needs value="..."')
                return None
            try:
                value = parse_value(attrs["value"])
            except ValueSyntaxError as exc:
                self.error(where, f"bad value: {exc}")
                return None
        if unknown:
            return None
        prefix = "fig" if kind == "fig" else "ev"
        return Claim(
            kind="figure" if kind == "fig" else "event",
            key=key,
            text=text,
            anchor=self.anchor(f"{prefix}-{anchor_slug(key)}"),
            position=where,
            context=context,
            value=value,
            unit=attrs.get("unit"),
        )

    def link(self, block: Token, token: Token) -> None:
        href = str(token.attrGet("href") or "")
        if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith(("/", "#", "//")):
            return
        target, _, fragment = href.partition("#")
        if not target.endswith(".md"):
            return
        resolved = posixpath.normpath(posixpath.join(self.content_dir, unquote(target)))
        token.meta["content_link"] = resolved + (f"#{fragment}" if fragment else "")
        where = self.position(block, token.meta.get("start", 0))
        self.result.links.append(ContentLink(resolved, fragment, where))

    def unparsed(self, block: Token, marker: str, offset: int) -> None:
        content = block.content
        if marker == UNSAFE_LINK:
            match = _UNSAFE_LINK.match(content, offset)
            scheme, at = (match[1].lower(), match.start(1)) if match else ("this", offset)
            self.error(
                self.position(block, at),
                f"links to {scheme}: URLs are not allowed (they could run code); use an http(s) address",
            )
            return
        if marker == "[[":
            close = content.find("]]", offset, offset + _LOOK_AROUND)
            inner = content[offset + 2 : close] if close >= 0 else None
            empty = inner is not None and "\n" not in inner and not inner.partition("|")[0].strip()
            problem = "empty entity mention" if empty else 'unmatched "[["'
            self.error(
                self.position(block, offset),
                f"{problem}: an entity mention is [[Name]] or [[Name|shown text]]",
            )
            return
        start = content.rfind("[", max(offset - _LOOK_AROUND, 0), offset)
        start = start if start >= 0 and "\n" not in content[start:offset] else offset
        close = content.find("}", offset, offset + _LOOK_AROUND)
        snippet = content[start : close + 1] if close >= 0 else content[start : offset + 20].split("\n")[0]
        reason = _explain(content[offset + 1 : close + 1]) if close >= 0 else "no closing }"
        self.error(self.position(block, start), f"annotation not parsed: {quote(snippet)}: {reason}")


_BARE_VALUE = re.compile(r'([A-Za-z0-9_:-]+)=([^"\s}][^}"]*?)(?=\s+[A-Za-z0-9_:-]+=|\s*})')


def _explain(attributes: str) -> str:
    """Why a `{...}` block is not valid attribute syntax, in the editor's terms."""
    for match in _BARE_VALUE.finditer(attributes):
        name, value = match.groups()
        if not re.fullmatch(r"[A-Za-z0-9_:-]+", value):
            return f"quote the value of {excerpt(name)}: {excerpt(name)}={quote(value)}"
    try:
        parse(attributes)
    except ParseError:
        return 'write attributes as key=value or key="any value"'
    return "it does not follow [text]{key=value ...}"


def annotate(
    md: MarkdownIt, source: str, *, path: str, line_offset: int = 0, content_dir: str = ""
) -> Annotated:
    """Parse and render one Markdown body, collecting its annotations with file positions."""
    collector = _Collector(path, line_offset, source, content_dir)
    env: dict = {"collector": collector}
    tokens = md.parse(source, env)  # the last core rule collects (`annotations_plugin`)
    collector.result.html = md.renderer.render(tokens, md.options, env)
    return collector.result
