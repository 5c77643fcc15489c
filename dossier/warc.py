"""Reading the captures `add` writes (gzip-compressed WARC files, read with warcio): the page a
capture keeps and the text extracted from it. The checks of the content and the site's copy of a
captured page both read them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord


@dataclass(frozen=True)
class Contents:
    """What a capture holds: its page's record (the last response or resource that is no
    redirect), that page's payload as content_stream gives it (transfer and content encodings
    undone) with its SHA-256 and type, and the extracted text (its conversion record)."""

    record_id: str
    payload: bytes
    content_type: str
    converted: str | None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.payload).hexdigest()


def contents(stream: BinaryIO) -> Contents:
    """The contents of a capture read from `stream`; ValueError when it holds no page."""
    page, converted = None, None
    for record in ArchiveIterator(stream):
        if record.rec_type == "conversion":
            converted = _whole(record, record.content_stream().read()).decode("utf-8")
        elif record.rec_type in ("response", "resource"):
            http = record.http_headers
            payload = _whole(record, record.content_stream().read())
            if not (http.get_statuscode() if http else "").startswith("3"):
                kind = (
                    http.get_header("Content-Type") if http else record.rec_headers.get_header("Content-Type")
                )
                page = (record.rec_headers.get_header("WARC-Record-ID"), payload, kind or "")
    if page is None:
        raise ValueError("it holds no page (no response or resource record)")
    return Contents(page[0], page[1], page[2], converted)


def _whole(record: ArcWarcRecord, payload: bytes) -> bytes:
    """The payload of a record read to its end, or ValueError where the record states no length or
    the file ends before it (a capture cut short reads without complaint otherwise)."""
    stated = record.rec_headers.get_header("Content-Length")
    stream = record.raw_stream
    if not (stated or "").isdigit() or not isinstance(stream, LimitReader) or stream.limit > 0:
        raise ValueError("it is cut short")
    return payload
