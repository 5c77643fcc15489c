"""`python build.py add SOURCE...`: text files, saved pages, folders of them and URLs as articles.

Front matter holds only what a source states: `published` from the page's metadata, `url` from the
address fetched or the page's canonical link, `author` when named, `source` when the site's name or
address matches a publication entity of the dossier. Nothing is invented (no summary, no date of
the import), and what could not be determined is said. An existing file is never overwritten, and
the same source is not added twice.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..syntax.names import name_key
from .extract import Extracted, ExtractError, decode_html, decode_text, detect_language, read_html
from .extract import read_text as read_text_source
from .fetch import FetchError, fetch
from .frontmatter import entity_files, read_content_file
from .slugs import free_slug, slugify

ARTICLES = "content/articles"
TEXT_TYPES = (".txt", ".md", ".markdown")
HTML_TYPES = (".html", ".htm")


@dataclass
class Added:
    source: str
    path: str  # the article written, relative to the root
    language: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Failed:
    source: str
    message: str


@dataclass
class _Known:
    """What the dossier already holds: articles by address and by text, and its publications."""

    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    publications: dict[str, str] = field(default_factory=dict)  # name key or host → entity name
    slugs: set[str] = field(default_factory=set)


def add_sources(root: Path, sources: list[str]) -> Iterator[Added | Failed]:
    """Add each source in turn; one result per article written or source refused."""
    known = _known(root)
    for source in sources:
        for item in _expand(source):
            if isinstance(item, Failed):
                yield item
                continue
            try:
                yield _add_one(root, item, known)
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


def _add_one(root: Path, source: str, known: _Known) -> Added | Failed:
    extracted, fetched_url = _extract(source)
    url = extracted.url or fetched_url
    if url and url in known.urls:
        return Failed(source, f"already in the dossier as {known.urls[url]}")
    fingerprint = _fingerprint(extracted.body)
    if fingerprint in known.texts:
        return Failed(source, f"the same text is already in the dossier as {known.texts[fingerprint]}")
    language = detect_language(f"{extracted.title}\n{extracted.body}")
    notes = list(extracted.notes)
    front: dict[str, object] = {"title": extracted.title, "language": language}
    publication = _publication(extracted, url, known)
    if publication:
        front["source"] = publication
    elif extracted.site_name or url:
        notes.append(f"source not matched: {extracted.site_name or _host(url or '')}")
    else:
        notes.append("no source stated")
    if extracted.published:
        front["published"] = extracted.published
    else:
        notes.append("no publication date stated")
    if url:
        front["url"] = url
    if extracted.author:
        front["author"] = extracted.author
    else:
        notes.append("no author named")
    path = _write_article(root, front, extracted.body, slugify(extracted.title), known)
    if url:
        known.urls[url] = path
    known.texts[fingerprint] = path
    return Added(source, path, language, notes)


def _extract(source: str) -> tuple[Extracted, str | None]:
    if source.startswith(("http://", "https://")):
        page = fetch(source)
        return read_html(decode_html(page.body, page.charset), url=page.url), page.url
    suffix = Path(source).suffix.lower()
    if suffix not in TEXT_TYPES + HTML_TYPES:
        raise ExtractError("not a .txt, .md, .html or .htm file")
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read the file: {exc.strerror or exc}") from None
    if suffix in HTML_TYPES:
        return read_html(decode_html(data)), None
    return read_text_source(decode_text(data), markdown=suffix != ".txt"), None


def _fingerprint(body: str) -> str:
    """The same words in the same order, whatever the markup and spacing around them."""
    words = re.sub(r"[\W_]+", " ", body).casefold().split()
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _publication(extracted: Extracted, url: str | None, known: _Known) -> str | None:
    for candidate in (extracted.site_name, _host(url) if url else None):
        if candidate:
            found = known.publications.get(name_key(candidate)) or known.publications.get(candidate.lower())
            if found:
                return found
    return None


def _known(root: Path) -> _Known:
    known = _Known()
    articles = root / ARTICLES
    for file in sorted(articles.glob("*.md")) if articles.is_dir() else []:
        known.slugs.add(file.stem)
        front, body = _front_matter(root, file)
        if isinstance(front.get("url"), str):
            known.urls[front["url"]] = file.relative_to(root).as_posix()
        known.texts[_fingerprint(body)] = file.relative_to(root).as_posix()
    for entity in entity_files(root):
        if entity.type != "publication" or entity.name is None:
            continue
        for spelling in [*entity.spellings, entity.slug]:
            known.publications[name_key(spelling)] = entity.name
        for link in entity.links:
            if _host(link):
                known.publications[_host(link)] = entity.name
    return known


def _front_matter(root: Path, file: Path) -> tuple[dict, str]:
    """An existing file's front matter and body, or empty ones where it does not read (the build
    reports that file; adding others goes on)."""
    content = read_content_file(root, file)
    if content is None:
        return {}, ""
    return content.front, content.text[content.body_start :]


def _write_article(root: Path, front: dict[str, object], body: str, slug: str, known: _Known) -> str:
    """Write `content/articles/SLUG.md` whole or not at all, never over an existing file: written to a
    temporary file in the same folder, then linked to its name, which fails if the name is taken."""
    folder = root / ARTICLES
    folder.mkdir(parents=True, exist_ok=True)
    text = "---\n" + _yaml(front) + "---\n" + body.rstrip() + "\n"
    handle, temporary = tempfile.mkstemp(prefix=".add-", suffix=".md.tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        while True:
            candidate = free_slug(folder, slug, known.slugs)
            try:
                os.link(temporary, folder / f"{candidate}.md")
                break
            except FileExistsError:
                known.slugs.add(candidate)  # taken between the check and the link: try the next
    finally:
        os.unlink(temporary)
    known.slugs.add(candidate)
    return f"{ARTICLES}/{candidate}.md"


def _yaml(front: dict[str, object]) -> str:
    return yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)
