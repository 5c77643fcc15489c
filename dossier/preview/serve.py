"""`python build.py serve`: build, serve over HTTP, rebuild on every save, reload the browser."""

from __future__ import annotations

import errno
import ipaddress
import signal
import sys
import threading
import time
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import print_diagnostics
from ..program import usage_error
from .live import Preview
from .server import PreviewServer
from .watcher import Watcher


def _describe(changed: set[str] | None) -> str:
    if changed is None:
        return "every source checked"
    names = sorted(changed)
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"{shown} changed"


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _stop_on_terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@dataclass(frozen=True)
class ServeOptions:
    """What `serve` is asked for on the command line."""

    root: Path
    host: str = "127.0.0.1"
    port: int = 8000
    open_browser: bool = False
    base_url: str | None = None
    quiet: bool = False
    review: bool = False  # the review API where `host` is not the loopback


def serve(options: ServeOptions) -> int:
    """Serve the preview; the review API is on for loopback, and elsewhere only with `review`."""
    root, host, port, quiet = options.root, options.host, options.port, options.quiet
    preview = Preview(root, base_url=options.base_url)
    print_lock = threading.Lock()

    def rebuild(changed: set[str] | None, description: str | None = None) -> None:
        started = time.perf_counter()
        outcome, diagnostics = preview.rebuild(changed)
        description = description or _describe(changed)
        with print_lock:
            print_diagnostics(diagnostics, quiet)
            stamp = time.strftime("%H:%M:%S")
            milliseconds = (time.perf_counter() - started) * 1000
            if outcome is None:
                errors = sum(d.severity == "error" for d in diagnostics)
                print(
                    f"[{stamp}] {description}: build failed ({errors} error{'s' * (errors != 1)}); "
                    "serving the last good site",
                    file=sys.stderr,
                    flush=True,
                )
            elif not quiet:
                pages = sum(1 for p in outcome.rendered if p.endswith(".html"))
                after = sum(1 for p in outcome.changed - set(outcome.rendered) if p.endswith(".html"))
                later = f" ({after} of them just after: no open tab shows them)" if after else ""
                print(
                    f"[{stamp}] {description}: {pages + after} page{'s' * (pages + after != 1)} written "
                    f"in {milliseconds:.0f} ms{later}",
                    flush=True,
                )

    try:
        server = PreviewServer(
            (host, port), preview, review=options.review or _is_loopback(host), rebuild=rebuild
        )
    except OSError as exc:
        preview.close()
        if exc.errno == errno.EADDRINUSE:
            return usage_error(
                f"port {port} on {host} is already in use; "
                f"stop the other server or pick another with --port {port + 1}"
            )
        return usage_error(f"cannot serve on {host}:{port}: {exc.strerror}")
    if not _is_loopback(host):
        print(
            f"warning: serving on {host}: anyone who can reach this machine can read the preview",
            file=sys.stderr,
        )

    def events_lost() -> None:
        with print_lock:
            print(
                "watcher: file system events were lost; checking every source against the last build",
                file=sys.stderr,
                flush=True,
            )

    watcher = Watcher(root, rebuild, on_lost=events_lost)
    watcher.start()  # before the first build, so no save is missed
    rebuild(None, "initial build")
    thread = threading.Thread(target=server.serve_forever, name="dossier-http", daemon=True)
    thread.start()
    url = f"http://{host if ':' not in host else f'[{host}]'}:{server.server_address[1]}/"
    print(f"serving {url} (Ctrl-C to stop)", flush=True)
    if options.open_browser:
        webbrowser.open(url)
    signal.signal(signal.SIGTERM, _stop_on_terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    try:
        while thread.is_alive():
            thread.join(timeout=0.5)
    except KeyboardInterrupt:
        print("stopping", flush=True)
    finally:
        server.closing.set()
        watcher.stop()
        server.shutdown()
        server.server_close()
        preview.close()
    return 0
