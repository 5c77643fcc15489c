"""`python build.py add SOURCE...`: text files, saved pages, folders of them and URLs as articles.

Front matter holds only what a source states: `published` from the page's metadata, `url` from the
address fetched or the page's canonical link, `author` when the byline names people, `source` the
publication the page names (matched to a publication entity, or written as a new one; see
`publications`). Nothing is invented (no summary, no date of the import), and what could not be
determined is said. An existing file is never overwritten, and the same source is not added twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..files.frontmatter import read_content_file
from ..files.newfiles import create_unique
from ..files.slugs import slug_choices, slugify
from .captures import Capture, fetch_captured, keep, saved_page
from .extract import Extracted, ExtractError, decode_html, decode_text, detect_language, read_html
from .extract import read_text as read_text_source
from .fetch import FetchError
from .publications import Publications, people, publication_of

ARTICLES = "content/articles"
SHORT_TEXT = 80  # words: less is a caption, a teaser or the free part of a paywalled page
TEXT_TYPES = (".txt", ".md", ".markdown")
HTML_TYPES = (".html", ".htm")


@dataclass
class Added:
    source: str
    path: str  # the article written, relative to the root
    language: str
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # other files written for it (its publication)


@dataclass
class Failed:
    source: str
    message: str


@dataclass
class _Known:
    """What the dossier already holds: articles by address and by text, and its publications."""

    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    slugs: set[str] = field(default_factory=set)


def add_sources(root: Path, sources: list[str]) -> Iterator[Added | Failed]:
    """Add each source in turn; one result per article written or source refused."""
    known = _known(root)
    publications = Publications(root)
    for source in sources:
        for item in _expand(source):
            if isinstance(item, Failed):
                yield item
                continue
            try:
                yield _add_one(root, item, known, publications)
            except (ExtractError, FetchError) as exc:
                yield Failed(item, str(exc))


def _expand(source: str) -> Iterator[str | Failed]:
    """A URL or file as it is; a folder as the files under it, in order (hidden ones left out)."""
    if source.startswith(("http://", "https://")):
        yield source
        return
    path = Path(source)
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
            if file.is_file() and not hidden:
                yield str(file)
        return
    if not path.exists():
        yield Failed(source, "no such file or folder")
        return
    yield source


def _add_one(root: Path, source: str, known: _Known, publications: Publications) -> Added | Failed:
    extracted, fetched_url, capture = _extract(source)
    url = extracted.url or fetched_url
    if url and url in known.urls:
        return Failed(source, f"already in the dossier as {known.urls[url]}")
    fingerprint = _fingerprint(extracted.body)
    if fingerprint in known.texts:
        return Failed(source, f"the same text is already in the dossier as {known.texts[fingerprint]}")
    language = detect_language(f"{extracted.title}\n{extracted.body}")
    notes = list(extracted.notes)
    written: list[str] = []
    front: dict[str, object] = {"title": extracted.title, "language": language}
    publication = publication_of(extracted.site_name, url)
    if publication:
        front["source"], new_entity = publications.source_for(publication)
        if new_entity:
            written.append(new_entity)
            notes.append(f"publication {publication.name} written to {new_entity}")
    else:
        notes.append("no source stated")
    if extracted.published:
        front["published"] = extracted.published
    else:
        notes.append("no publication date stated")
    if url:
        front["url"] = url
    author = people(extracted.author, publication, extracted.organisations)
    if author:
        front["author"] = author
    else:
        notes.append("no author named")
    if capture is not None:
        archived = keep(root, slugify(extracted.title), capture, extracted.body)
        front["archived"] = archived
        written.append(archived["file"])
    else:
        notes.append("no capture: the source was given as text")
    path = _write_article(root, front, extracted.body, slugify(extracted.title), known)
    if url:
        known.urls[url] = path
    known.texts[fingerprint] = path
    words = len(extracted.body.split())
    warnings = []
    if extracted.web_page and words < SHORT_TEXT:
        warnings.append(
            f"the main text of {source} is only {words} words: a caption, a teaser or a paywalled page? "
            "Check it against the page"
        )
    return Added(source, path, language, notes, warnings, written)


def _extract(source: str) -> tuple[Extracted, str | None, Capture | None]:
    """What a source says, the address it was fetched from, and the page as read (none for text)."""
    if source.startswith(("http://", "https://")):
        page, capture = fetch_captured(source)
        return read_html(decode_html(page.body, page.charset), url=page.url), page.url, capture
    suffix = Path(source).suffix.lower()
    if suffix not in TEXT_TYPES + HTML_TYPES:
        raise ExtractError("not a .txt, .md, .html or .htm file")
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read the file: {exc.strerror or exc}") from None
    if suffix in HTML_TYPES:
        extracted = read_html(decode_html(data))
        return extracted, None, saved_page(Path(source), data, extracted.url)
    return read_text_source(decode_text(data), markdown=suffix != ".txt"), None, None


def _fingerprint(body: str) -> str:
    """The same words in the same order, whatever the markup and spacing around them."""
    words = re.sub(r"[\W_]+", " ", body).casefold().split()
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def _known(root: Path) -> _Known:
    known = _Known()
    articles = root / ARTICLES
    for file in sorted(articles.glob("*.md")) if articles.is_dir() else []:
        known.slugs.add(file.stem)
        front, body = _front_matter(root, file)
        if isinstance(front.get("url"), str):
            known.urls[front["url"]] = file.relative_to(root).as_posix()
        known.texts[_fingerprint(body)] = file.relative_to(root).as_posix()
    return known


def _front_matter(root: Path, file: Path) -> tuple[dict, str]:
    """An existing file's front matter and body, or empty ones where it does not read (the build
    reports that file; adding others goes on)."""
    content = read_content_file(root, file)
    if content is None:
        return {}, ""
    return content.front, content.text[content.body_start :]


def _write_article(root: Path, front: dict[str, object], body: str, slug: str, known: _Known) -> str:
    """Write `content/articles/SLUG.md` whole, never over an existing file (a taken slug gets `-2`)."""
    text = "---\n" + _yaml(front) + "---\n" + body.rstrip() + "\n"
    written = create_unique(root / ARTICLES, slug_choices(slug), known.slugs, text)
    return f"{ARTICLES}/{written}.md"


def _yaml(front: dict[str, object]) -> str:
    return yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)
