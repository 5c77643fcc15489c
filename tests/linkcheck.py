"""A link checker over a built site: every relative href/src must reach a file, every #fragment an id."""

from __future__ import annotations

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
