"""A link checker over a built site: every relative href/src must reach a file, every #fragment an id."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


def _target(file: Path, path: str) -> Path:
    target = (file.parent / unquote(path)).resolve() if path else file
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Path) -> list[str]:
    """Every relative link of every HTML file that does not resolve, as `file: link (why)`."""
    site = site.resolve()
    parsed: dict[Path, _Page] = {}
    problems: list[str] = []
    for file in sorted(site.rglob("*.html")):
        if file.name == "404.html" and file.parent == site:
            continue  # its links are rooted at base_url's path; checked over HTTP elsewhere
        page = parsed.setdefault(file, _parse(file))
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("/"):
                continue
            target = _target(file, parts.path)
            where = f"{file.relative_to(site)}: {link}"
            if not target.is_relative_to(site) or not target.is_file():
                problems.append(f"{where} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where} (no id {parts.fragment!r})")
    return problems


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def crawl(start: str, fetch: Callable[[str], tuple[int, str, bytes]]) -> tuple[set[str], list[str]]:
    """Follow every link from `start` that stays under it, over HTTP; returns the pages reached and
    the problems: a status other than 200, or a #fragment with no such id on its page."""
    from urllib.parse import urldefrag, urljoin

    seen: set[str] = set()
    pending = [start]
    pages: dict[str, _Page] = {}
    problems: list[str] = []
    fragments: list[tuple[str, str, str]] = []
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        status, content_type, body = fetch(url)
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
            continue
        if not content_type.startswith("text/html"):
            continue
        page = _Page()
        page.feed(body.decode("utf-8"))
        pages[url] = page
        for link in page.links:
            absolute, fragment = urldefrag(urljoin(url, link))
            if not absolute.startswith(start):
                continue
            if fragment:
                fragments.append((url, absolute, unquote(fragment)))
            pending.append(absolute)
    for source, target, fragment in fragments:
        if target in pages and fragment not in pages[target].ids:
            problems.append(f"{source}: no id {fragment!r} on {target}")
    return seen, problems
