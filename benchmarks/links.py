"""How long `python build.py links` takes over many addresses, some of them slow.

    python benchmarks/links.py [--urls 100] [--slow 20] [--runs 3]

Starts a small HTTP server on each of 127.0.0.1 to 127.0.0.10, writes a dossier whose `--urls`
articles name addresses spread over them (`--slow` of which answer after 3 s), and times the whole
command (medians of `--runs`). The goal is under 10 s for 100 addresses with 20 slow ones: 8
requests at a time and 2 per host let the slow ones wait side by side.
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import io
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from dossier.cli import main as dossier  # noqa: E402

HOSTS = [f"127.0.0.{n}" for n in range(1, 11)]


class Pages(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path.startswith("/slow"):
            time.sleep(3)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=100)
    parser.add_argument("--slow", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    servers = []
    for host in HOSTS:
        server = http.server.ThreadingHTTPServer((host, 0), Pages)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    with tempfile.TemporaryDirectory(prefix="dossier-links-") as folder:
        root = Path(folder) / "links"
        with contextlib.redirect_stdout(io.StringIO()):
            dossier(["new", str(root), "--quiet"])
        for number in range(args.urls):
            server = servers[number % len(servers)]
            host, port = server.server_address[:2]
            kind = "slow" if number < args.slow else "page"
            (root / f"content/articles/a{number:03d}.md").write_text(
                f"---\ntitle: Article {number}\nlanguage: en\nurl: http://{host}:{port}/{kind}/{number}\n---\n"
                f"Words of article {number}.\n",
                encoding="utf-8",
            )
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = dossier(["links", "--root", str(root)])
            times.append(time.perf_counter() - started)
            assert code == 0
    for server in servers:
        server.shutdown()
        server.server_close()
    print("| measure | value |\n|---|---|")
    label = f"`links` over {args.urls} addresses on 10 loopback hosts, {args.slow} answering after 3 s"
    print(f"| {label} (goal < 10 s) | {statistics.median(times):.2f} s (median of {args.runs}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
