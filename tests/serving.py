"""Running `python build.py serve` in a child process, as an editor would, for tests."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class ServeProcess:
    def __init__(self, root: Path, *args: str, startup_timeout: float = 30.0):
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, str(REPO / "build.py"), "serve", "--root", str(root), "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"serving (http://\S+) ", timeout=startup_timeout).group(1)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        """The next output line matching `pattern` (earlier lines are kept in `output`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            self.output.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"no line matching {pattern!r}; output so far:\n" + "\n".join(self.output))

    def remaining_output(self) -> list[str]:
        """Every line printed so far, those not yet read by `wait_for` included."""
        while not self.lines.empty():
            self.output.append(self.lines.get())
        return self.output

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def save(file: Path, text: str) -> None:
    """Write as an editor does, and make sure the modification time moves on."""
    file.write_text(text, encoding="utf-8")


def crowd(root: Path, *, folders: int = 16_000, files: int = 50_000) -> None:
    """Fill a dossier root with what builds and tools leave beside the content: a published site with
    a folder per page, git's object store and node_modules, none of which a build reads."""
    places = [("site/articles", "index.html"), (".git/objects", "pack"), ("node_modules/pkg", "index.js")]
    made_files = 0
    for number in range(folders):
        base, name = places[number % len(places)]
        folder = root / base / f"f{number:05d}"
        folder.mkdir(parents=True)
        for extra in range(files // folders + (number < files % folders)):
            (folder / f"{extra}-{name}").write_bytes(b"x")
            made_files += 1
    assert made_files == files
