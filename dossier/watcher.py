"""Watching the dossier folder: saves are collected, coalesced and handed to one rebuild at a time.

Editors save in bursts (a temporary file, a rename, a second write). Changes are gathered until the
folder has been quiet for a moment, and changes that arrive while a build runs are kept for the next
build, so the served site always ends up matching the files on disk.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

QUIET_SECONDS = 0.03
WATCHED = ("content/", "layouts/", "config.yaml")


def _relevant(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    if name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")):
        return False
    return relative == "config.yaml" or relative.startswith(WATCHED[:2])


class Watcher(FileSystemEventHandler):
    """Calls `rebuild(changed_paths)` on its own thread whenever watched files change."""

    def __init__(self, root: Path, rebuild: Callable[[set[str]], None]):
        self.root = root.resolve()
        self.rebuild = rebuild
        self.changed: set[str] = set()
        self.wake = threading.Condition()
        self.last_event = 0.0
        self.stopping = False
        self.observer = Observer()
        self.thread = threading.Thread(target=self._loop, name="dossier-rebuild", daemon=True)

    def start(self) -> None:
        self.observer.schedule(self, str(self.root), recursive=True)
        self.observer.start()
        self.thread.start()

    def stop(self) -> None:
        with self.wake:
            self.stopping = True
            self.wake.notify_all()
        self.observer.stop()
        self.observer.join(timeout=5)
        self.thread.join(timeout=5)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (
            event.is_directory and event.event_type == "modified"
        ):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        found = set()
        for raw in paths:
            if not raw:
                continue
            path = Path(raw if isinstance(raw, str) else raw.decode())
            try:
                relative = path.resolve().relative_to(self.root).as_posix()
            except ValueError:
                continue
            if _relevant(relative):
                found.add(relative)
        if found:
            self.notice(found)

    def notice(self, paths: set[str]) -> None:
        with self.wake:
            self.changed |= paths
            self.last_event = time.monotonic()
            self.wake.notify_all()

    def _loop(self) -> None:
        while True:
            with self.wake:
                self.wake.wait_for(lambda: self.changed or self.stopping)
                if self.stopping:
                    return
                while (quiet := time.monotonic() - self.last_event) < QUIET_SECONDS:
                    self.wake.wait(QUIET_SECONDS - quiet)
                batch, self.changed = self.changed, set()
            self.rebuild(_with_folders_expanded(self.root, batch))


def _with_folders_expanded(root: Path, paths: set[str]) -> set[str]:
    """A renamed or deleted folder is reported once; rebuild every file under it."""
    expanded = set()
    for path in paths:
        full = root / path
        if full.is_dir():
            expanded |= {p.relative_to(root).as_posix() for p in full.rglob("*") if p.is_file()}
        else:
            expanded.add(path)
    return expanded
