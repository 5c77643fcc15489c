"""From a source's bytes to an article: its main text as Markdown and what the source states of itself.

HTML goes through trafilatura, made for news pages: menus, share bars, cookie notes and comments are
dropped, and the title, author, date, site name and canonical address come from the page's metadata
(`<meta>`, Open Graph, JSON-LD). A date is taken only from metadata, never guessed from the text or
from today. Plain text keeps its paragraphs and lists; its first line is the title when it reads as
a headline.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field

from .pagemeta import read_statement, site_name
from .publications import host

MAX_TITLE = 90  # characters of a title made from a first sentence
MIN_WORDS = 20  # fewer words than this in a page's main text is a menu or a notice, not an article


class ExtractError(Exception):
    """Why a source gives no article, in the editor's terms."""


@dataclass
class Extracted:
    title: str
    body: str  # Markdown
    author: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    url: str | None = None  # the canonical address the page states
    notes: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # named as the page's author or publisher
    web_page: bool = False  # read from HTML, where a short main text means extraction missed it


def check_bytes(data: bytes) -> None:
    if b"\x00" in data[:8192]:
        raise ExtractError("binary file, not text or HTML")
    if not data.strip():
        raise ExtractError("empty file")


# HTML


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The page as text, in the charset the server or the page declares, else UTF-8."""
    check_bytes(data)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    found = _META_CHARSET.search(data[:4096])
    charset = declared or (found[1].decode("ascii") if found else None)
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            raise ExtractError(f'the page declares an unknown charset "{charset}"') from None
    try:
        return data.decode(charset or "utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        if charset is None:
            message = f"text is not UTF-8 and the page declares no charset: {where}"
        elif codecs.lookup(charset).name == "utf-8":
            message = f"text is not UTF-8, the charset the page declares: {where}"
        else:
            message = f"text is neither UTF-8 nor the charset the page declares ({charset}): {where}"
        raise ExtractError(message) from None


def read_html(html: str, url: str | None = None) -> Extracted:
    import trafilatura  # loaded only by `add`
    from trafilatura.metadata import extract_metadata

    body = trafilatura.extract(
        html,
        url=url,
        output_format="markdown",
        include_comments=False,
        include_formatting=True,
        include_tables=True,
        favor_precision=True,
    )
    if not body or len(body.split()) < MIN_WORDS:
        raise ExtractError("no main text found in the page")
    stated_only = {"extensive_search": False, "original_date": True}  # a date from metadata, not the text
    meta = extract_metadata(html, default_url=url, date_config=stated_only)
    title = (meta.title or "").strip()
    body = without_boilerplate(with_scripts_as_text(_without_leading_title(body.strip(), title)))
    if not title:
        title, note = _title_from_text(body)
        notes = [note]
    else:
        notes = []
    published = None
    if meta.date:
        try:
            published = dt.date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    statement = read_statement(html)
    guessed = (meta.sitename or "").strip() or None
    publication = site_name(statement, host(meta.url or url or ""), guessed)
    return Extracted(
        title=title,
        body=defuse(body),
        author="; ".join(statement.authors) or (meta.author or "").strip() or None,
        published=published,
        site_name=publication,
        url=meta.url or url,
        notes=notes,
        organisations=statement.organisations,
        web_page=True,
    )


_SUBSCRIPTS = str.maketrans("0123456789+-=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ")
_SUPERSCRIPTS = str.maketrans("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ")
_SCRIPT = re.compile(r"<(sub|sup)>([^<>]{1,12})</\1>", re.I)


def with_scripts_as_text(markdown: str) -> str:
    """`CO<sub>2</sub>` → `CO₂`, `m<sup>2</sup>` → `m²`; where Unicode has no such character
    (`21<sup>st</sup>`), the plain letters."""

    def replaced(match: re.Match[str]) -> str:
        table = _SUBSCRIPTS if match[1].lower() == "sub" else _SUPERSCRIPTS
        text = match[2]
        converted = text.translate(table)
        every_one = all(a != b or not a.isalnum() for a, b in zip(text, converted, strict=True))
        return converted if every_one else text

    return _SCRIPT.sub(replaced, markdown)


# What news pages put around an article: labels of link lists, calls to subscribe and to share.
_LABELS = re.compile(
    r"(related( articles| stories| coverage| content)?|read more|more on this( story)?|see also|recommended|"
    r"most (read|popular)|more from [\w ]+|mehr zum thema|mehr dazu|lesen sie (auch|mehr)|auch interessant|"
    r"weiterlesen|weitere artikel|das könnte sie (auch )?interessieren|zum thema|top stories)\s*:?",
    re.I,
)
_CALLS = re.compile(
    r"(sign up|subscribe|get (our|the) newsletter|newsletter|share (this|on)|follow us|click here|"
    r"jetzt (abonnieren|anmelden|teilen)|abonnieren sie|melden sie sich|teilen sie|folgen sie uns|"
    r"zum newsletter|hier klicken)\b",
    re.I,
)


def without_boilerplate(markdown: str) -> str:
    """The article without the blocks a page puts around it: a `Related` or `Read more` label and
    the list of links under it, a newsletter, subscription or share call."""
    blocks = markdown.split("\n\n")
    kept: list[str] = []
    dropping_links = False
    for block in blocks:
        plain = re.sub(r"[#*_>\[\]]", "", block).strip()
        words = len(plain.split())
        if _LABELS.fullmatch(plain):
            dropping_links = True
            continue
        if dropping_links and (_link_list(block) or (words <= 12 and not plain.endswith((".", "?", "!")))):
            continue
        dropping_links = False
        if words <= 25 and _CALLS.match(plain):
            continue
        kept.append(block)
    return "\n\n".join(kept)


def _link_list(block: str) -> bool:
    lines = [line for line in block.split("\n") if line.strip()]
    return bool(lines) and all(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line) for line in lines)


def _without_leading_title(body: str, title: str) -> str:
    first, _, rest = body.partition("\n")
    if title and first.lstrip("# ").strip() == title:
        return rest.strip()
    return body


# Plain text

_READING_TIME = re.compile(r"^\d+\s*(min|mins|minute|minutes|minuten|min\.)(\s*(read|lesezeit))?$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|(\d+)[.)])\s+(.*)$")


def decode_text(data: bytes) -> str:
    check_bytes(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ExtractError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def reads_as_headline(line: str) -> bool:
    """Short, and not closed like a sentence: a title or a heading rather than a paragraph."""
    stripped = line.strip()
    closed = stripped.endswith((".", ",", ";", ":"))
    return 0 < len(stripped) <= 150 and len(stripped.split()) <= 20 and not closed


def read_text(text: str, *, markdown: bool = False) -> Extracted:
    """A text file: the headline as the title, paragraphs and list lines kept (escaped, unless the
    file is Markdown already)."""
    lines = [line.rstrip() for line in text.split("\n")]
    places = [index for index, line in enumerate(lines) if line.strip()]  # of the non-empty lines
    while places and _READING_TIME.match(lines[places[0]].strip()):
        places.pop(0)
    if not places:
        raise ExtractError("empty file")
    content = [lines[index].strip() for index in places]
    title, start, notes = _headline(content, markdown)
    if not markdown:
        return Extracted(title=title, body=_text_to_markdown(content[start:], title), notes=notes)
    body = "\n".join(lines[places[start] :]) if start < len(places) else ""
    return Extracted(title=title, body=defuse(body.strip()), notes=notes)


def _headline(content: list[str], markdown: bool) -> tuple[str, int, list[str]]:
    """The title and where the body starts. A headline printed twice near the top (a page's heading
    and its teaser) wins over a short section label above it."""
    if markdown and content[0].startswith("# "):
        return content[0][2:].strip(), 1, []
    top = content[:6]
    for line in top[:4]:
        if reads_as_headline(line) and top.count(line) > 1:
            last = max(i for i, other in enumerate(top) if other == line)
            return line, last + 1, []
    if reads_as_headline(content[0]) and len(content) > 1:
        return content[0].lstrip("# ").strip(), 1, []
    title, note = _title_from_text(" ".join(content[:1]))
    return title, 0, [note]


def _title_from_text(text: str) -> tuple[str, str]:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0].lstrip("# ").strip()
    if len(sentence) > MAX_TITLE:
        sentence = sentence[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence, "no headline: the title is the first sentence, shortened"


def _text_to_markdown(lines: list[str], title: str) -> str:
    blocks: list[str] = []
    for line in lines:
        item = _LIST_ITEM.match(line)
        if item:
            marker = f"{item[1]}." if item[1] else "-"
            entry = f"{marker} {escape_text(item[2])}"
            if blocks and _LIST_ITEM.match(blocks[-1].split("\n")[-1]):
                blocks[-1] += "\n" + entry
            else:
                blocks.append(entry)
        elif line == title:
            continue  # the headline printed again below itself
        elif reads_as_headline(line) and len(line.split()) >= 2:
            blocks.append(f"## {escape_text(line)}")
        else:
            blocks.append(escape_text(line))
    return "\n\n".join(blocks)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|])")
_LINE_START = re.compile(r"^(#{1,6}\s|>|[-+=]\s|\d+[.)]\s)")


def escape_text(text: str) -> str:
    """Plain text that Markdown and the annotation syntax print as it is."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: "\\" + m[0], escaped)


def defuse(markdown: str) -> str:
    """Markdown from elsewhere, with anything that would read as an annotation escaped."""
    return markdown.replace("[[", "\\[\\[").replace("]]", "\\]\\]").replace("]{", "\\]{")


def detect_language(text: str) -> str:
    """The text's language as a BCP 47 primary tag, by py3langid (its model ships in the wheel)."""
    import py3langid  # loaded only by `add`

    language, _score = py3langid.classify(text[:20_000])
    return language
