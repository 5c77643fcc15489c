"""Site paths and the relative links between pages, so a site works from any sub-path."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote as _quote
from urllib.parse import urlsplit


@lru_cache(maxsize=1 << 16)
def quote(text: str, safe: str = "/") -> str:
    """`urllib.parse.quote`, remembered: a build quotes the same few thousand slugs many times."""
    return _quote(text, safe=safe)


def output_file(page: str) -> str:
    """The file a site path is written to: `articles/x/` → `articles/x/index.html`."""
    return page + "index.html" if page == "" or page.endswith("/") else page


def relative(from_page: str, target: str) -> str:
    """A link from the page at `from_page` to the site path `target` (fragment allowed)."""
    path, hash_, fragment = target.partition("#")
    depth = from_page.count("/")
    prefix = "../" * depth
    link = prefix + quote(path)
    if not link:
        link = "./"
    return link + (hash_ + quote(fragment, safe="") if hash_ else "")


def absolute(base_url: str, target: str) -> str:
    """`target` under the published address; the site path alone when no base_url is set."""
    path, hash_, fragment = target.partition("#")
    url = (base_url or "/") + quote(path)
    return url + (hash_ + quote(fragment, safe="") if hash_ else "")


def base_path(base_url: str) -> str:
    """The path part of base_url (`/repo/`), for pages served at any depth such as 404.html."""
    path = urlsplit(base_url).path if base_url else "/"
    return path if path.endswith("/") else path + "/"
