"""What a news page states of itself in its own markup, read before any name is guessed: its
publication (`og:site_name`, JSON-LD `publisher.name`, the `<title>` after a separator) and the
people of its byline (JSON-LD `author` entries that are people, `rel=author` links, byline markup).

trafilatura's metadata gives one site name and one author; where a page names its publication in
these places, or several authors, those are what a reader sees. An organisation named as the
author (a newsroom, the publisher itself) never takes a person's place.
"""

from __future__ import annotations

import html as html_text
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:-]\s+|\s*[|·•]\s*")
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])byline(?:$|[\s_-])", re.I)
_BY = re.compile(r"(?:^|\s)(?:by|von)\s+", re.I)
_MONTH_WORDS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januar|februar|märz|juni|juli|oktober|dezember|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez"
)
_BYLINE_END = re.compile(
    rf"\s*(?:\d|@|\||•|·|\s[-–—]\s|\b(?:{_MONTH_WORDS})\b\.?|\bupdated\b|\baktualisiert\b|\s(?:am|on|um|at)\s)",
    re.I,
)
_PERSON_TYPES = {"person"}
_ARTICLES = {"the", "der", "die", "das"}
_ADDRESS_LIKE = re.compile(r"\.[a-z]{2,4}$", re.I)  # `FAZ.NET`, `futurezone.at`
_ARTICLE_KEYS = ("author", "creator")
_MAX_BYLINE = 160  # characters of visible byline text worth reading as names
_BYLINES_READ = 2  # elements marked as bylines by their class, read in page order
_REL_AUTHOR = '//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]'
_ITEMPROP_AUTHOR = '//*[contains(concat(" ", normalize-space(@itemprop), " "), " author ")]'


@dataclass
class PageStatement:
    """The page's own words on where it was published and who wrote it, best first."""

    site_names: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # people, as JSON-LD and the visible byline name them
    organisations: list[str] = field(default_factory=list)  # named as author or publisher
    title: str = ""  # the `<title>`, whose last part often names the site


def read_statement(html: str) -> PageStatement:
    """What the page's markup states; nothing where it cannot be parsed."""
    from lxml import html as lxml_html  # trafilatura's own parser, loaded only by `add`

    statement = PageStatement()
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, TypeError, SyntaxError):
        return statement
    for content in tree.xpath('//meta[@property="og:site_name" or @name="og:site_name"]/@content'):
        _add(statement.site_names, content)
    for item in _json_ld(tree):
        publisher = item.get("publisher")
        for name in _names(publisher):
            _add(statement.site_names, name)
            _add(statement.organisations, name)
        for key in _ARTICLE_KEYS:  # a plain string says nothing of what it names: left out
            for entry in _entries(item.get(key)):
                name = _name_of(entry) if isinstance(entry, dict) else None
                if name:
                    _add(statement.authors if _is_person(entry) else statement.organisations, name)
    for name in _visible_byline(tree):
        _add(statement.authors, name)
    titles = tree.xpath("//title/text()")
    if titles:
        statement.title = " ".join(titles[0].split())
    return statement


def site_name(statement: PageStatement, site_host: str, guessed: str | None) -> str | None:
    """The publication's name as the page states it: of `og:site_name`, JSON-LD `publisher.name` and
    the title's last part, the first that names the host it was served from (`Reuters` before an
    edition's `U.S.`), else the first stated; trafilatura's guess (`guessed`) only where the page
    states none, and never a social-media handle."""
    stated = [*statement.site_names]
    suffix = title_suffix(statement.title, site_host)
    if suffix:
        stated.append(suffix)
    naming = [name for name in stated if site_host and names_host(name, site_host)]
    proper = [name for name in naming if not _ADDRESS_LIKE.search(name)]  # a name before an address
    if proper or naming or stated:
        return (proper or naming or stated)[0]
    return guessed if guessed and not guessed.startswith("@") else None


def names_host(name: str, site_host: str) -> bool:
    """Whether a name names the site at `site_host`: by its letters (`Süddeutsche.de` for
    sueddeutsche.de), its words (`Talbacher Bote` for talbach-bote.de), its initials or the host's
    (`FAZ`, `TB`)."""
    parts = [_letters(part) for part in site_host.split(".")[0].split("-") if _letters(part)]
    if not parts:
        return False
    label, letters = "".join(parts), _letters(name)
    words = re.findall(r"[a-z0-9]+", _folded(name))
    initials = "".join(word[0] for word in words)
    by_words = all(any(word.startswith(part) for word in words) for part in parts)
    named = [word for word in words if word not in _ARTICLES]
    # `nytimes` for `The New York Times`: the initials of the first words, then the last ones whole.
    by_initials = any(
        "".join(word[0] for word in named[:cut]) + "".join(named[cut:]) == label
        for cut in range(1, len(named))
    )
    host_initials = "".join(part[0] for part in parts) if len(parts) > 1 else None
    return bool(letters) and (
        label in letters
        or letters in label
        or initials == label
        or by_words
        or by_initials
        or letters == host_initials
    )


def title_suffix(title: str, site_host: str) -> str | None:
    """The part of a page's `<title>` that names its site (`… | Beispiel Zeitung`), where it matches the
    host it was served from (by its letters or its initials)."""
    parts = [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    if len(parts) < 2 or not site_host:
        return None
    return next((part for part in (parts[-1], parts[0]) if names_host(part, site_host)), None)


def _add(names: list[str], name: object) -> None:
    if isinstance(name, str):
        name = " ".join(html_text.unescape(name).split())
        if name and name not in names:
            names.append(name)


def _json_ld(tree) -> Iterator[dict]:
    """Every object of the page's JSON-LD, `@graph` members and lists included."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    pending.extend(item["@graph"])


def _entries(value: object) -> list[object]:
    return value if isinstance(value, list) else [value] if value else []


def _names(value: object) -> list[str]:
    return [name for entry in _entries(value) if (name := _name_of(entry))]


def _name_of(entry: object) -> str | None:
    if isinstance(entry, str):
        return entry.strip() or None
    if isinstance(entry, dict) and isinstance(entry.get("name"), str):
        return entry["name"].strip() or None
    return None


def _is_person(entry: dict) -> bool:
    kinds = entry.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.lower() in _PERSON_TYPES for kind in kinds)


def _visible_byline(tree) -> list[str]:
    """The names a reader sees in the byline: `itemprop=author` (its `name` where it has one), else
    the `rel=author` links of the first byline (related articles further down have theirs), else
    the first elements whose class names a byline (`byline`, `pb-byline`), each read after its `By`
    or `Von`."""
    marked = []
    for element in tree.xpath(_ITEMPROP_AUTHOR):
        named = element.xpath('.//*[contains(concat(" ", normalize-space(@itemprop), " "), " name ")]')
        marked.append((named[0] if named else element).text_content())
    names = [name for text in marked if (name := _byline_names(text))]
    if names:
        return names
    links = [link for link in tree.xpath(_REL_AUTHOR) if link.text_content().strip()]
    if links:
        first = links[0].getparent()
        return [
            name
            for link in links
            if link.getparent() is first and (name := _byline_names(link.text_content()))
        ]
    classed = [e for e in tree.xpath("//body//*[@class]") if _BYLINE_CLASS.search(e.get("class", ""))]
    return [name for element in classed[:_BYLINES_READ] if (name := _byline_names(element.text_content()))]


def _byline_names(text: str) -> str:
    """The names in a byline's text: after its `By`/`Von`, before a date, a handle or a separator."""
    text = " ".join(text.split())
    if len(text) > _MAX_BYLINE:
        return ""
    lead = _BY.search(text)
    if lead:
        text = text[lead.end() :]
    return _BYLINE_END.split(text, maxsplit=1)[0].strip(" ,.;:")


def _folded(text: str) -> str:
    """Lower case with umlauts as a host spells them (`ü` → `ue`) and other accents dropped."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _folded(text))
