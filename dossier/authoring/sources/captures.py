"""Captures: every page `add` reads kept as evidence, one gzip-compressed WARC per source under
`sources/` (beside `content/`, never read as content).

A URL is kept as the HTTP exchanges it took (request and response records, redirects included, as
warcio records what passes through `http.client`); a saved page as a resource record of its bytes.
The main text `add` extracted follows as a conversion record, so a check compares against it and
never extracts again. The article names its capture in `archived:` (file, the SHA-256 of the
payload as served once transfer and content encodings are undone, the time it was retrieved). A
capture file is never replaced: a slug taken already gets `-2`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from warcio.capture_http import capture_http
from warcio.warcwriter import BufferWARCWriter

from ...warc import contents
from ..files.frontmatter import read_content_file, with_field
from ..files.newfiles import create_unique, replace
from ..files.slugs import slug_choices
from .extract import decode_html, read_html
from .fetch import Fetched, fetch

SOURCES = "sources"
SUFFIX = ".warc.gz"


@dataclass(frozen=True)
class Capture:
    """A page as it was read, as WARC records not yet written anywhere."""

    records: bytes  # the exchange or the saved page, gzip-compressed WARC records
    target: str  # the address the page was found at (after redirects), or the saved file's
    retrieved: str  # when, in UTC (ISO 8601, to the second)


def fetch_captured(url: str) -> tuple[Fetched, Capture]:
    """`fetch`, with every HTTP exchange it takes recorded (nothing is kept when it fails)."""
    writer = BufferWARCWriter(gzip=True)
    retrieved = _now()
    with capture_http(writer):
        page = fetch(url)
    return page, Capture(writer.get_contents(), page.url, retrieved)


def saved_page(file: Path, data: bytes, target: str | None) -> Capture:
    """A saved page as a resource record of its bytes, under the address it states (else its file's
    name alone: the folder it was saved in may name the editor)."""
    writer = BufferWARCWriter(gzip=True)
    uri = target or f"file:{quote(file.name)}"
    record = writer.create_warc_record(
        uri, "resource", payload=io.BytesIO(data), length=len(data), warc_content_type="text/html"
    )
    writer.write_record(record)
    return Capture(writer.get_contents(), uri, _now())


def keep(root: Path, slug: str, capture: Capture, text: str) -> dict[str, str]:
    """Write the capture with the extracted text as its conversion record, as `sources/SLUG.warc.gz`
    under a free slug; what the article's `archived:` says of it."""
    page = contents(io.BytesIO(capture.records))
    writer = BufferWARCWriter(gzip=True)
    data = text.encode("utf-8")
    conversion = writer.create_warc_record(
        capture.target,
        "conversion",
        payload=io.BytesIO(data),
        length=len(data),
        warc_content_type="text/plain; charset=utf-8",
        warc_headers_dict={"WARC-Refers-To": page.record_id},
    )
    writer.write_record(conversion)
    data = capture.records + writer.get_contents()
    # create_unique looks in the folder for each name, and never writes over a file.
    written = create_unique(root / SOURCES, slug_choices(slug), set(), data, SUFFIX)
    return {"file": f"{SOURCES}/{written}{SUFFIX}", "sha256": page.sha256, "retrieved": capture.retrieved}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class CaptureRefused(Exception):
    """Why an article already in the dossier cannot be captured, in the editor's terms."""


def capture_article(root: Path, path: str, saved: Path | None = None) -> str:
    """Capture the source of an article already in the dossier (`add --capture`): its `url`
    fetched, or the page saved at `saved`; the capture's text is what `add` would extract, and the
    article gains `archived:`. The capture file written."""
    file = root / path
    content = read_content_file(root, file) if file.is_file() else None
    if content is None or not content.front or not path.startswith("content/articles/"):
        raise CaptureRefused(f"{path} is no article of this dossier")
    if "archived" in content.front:
        raise CaptureRefused(f"{path} has a capture already: {content.front['archived'].get('file', '?')}")
    if saved is not None:
        data = saved.read_bytes()
        extracted = read_html(decode_html(data))
        capture = saved_page(saved, data, extracted.url or content.front.get("url"))
    else:
        url = content.front.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise CaptureRefused(f"{path} names no http(s) url to fetch; give a saved page of it")
        page, capture = fetch_captured(url)
        extracted = read_html(decode_html(page.body, page.charset), url=page.url)
    archived = keep(root, file.stem, capture, extracted.body)
    replace(file, with_field(content, "archived", archived).encode("utf-8"))
    return archived["file"]
