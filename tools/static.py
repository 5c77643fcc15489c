"""A plain static file server on 127.0.0.1, for looking at a built site from tests and scripts."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    served: list[tuple[str, int]] | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        start = source.tell()
        super().copyfile(source, outputfile)
        if self.served is not None:
            self.served.append((self.path.split("?")[0], source.tell() - start))


@contextlib.contextmanager
def static_server(folder: Path, served: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 for the duration of the block; yields the base URL.
    With `served`, each file sent is appended to it as (path, bytes)."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"served": served}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
