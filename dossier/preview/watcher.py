"""Watching what a build reads: saves are collected, coalesced and handed to one rebuild at a time.

Only `content/`, `layouts/` and `sources/` (the captures) are watched recursively, and the root
itself without its subfolders (for `config.yaml` and for those folders appearing): a root that also
holds a published site,
`.git/` or `node_modules/` would otherwise flood the kernel's event queue until it drops events.

Editors save in bursts (a temporary file, a rename, a second write). Changes are gathered until the
folder has been quiet for a moment, and changes that arrive while a build runs are kept for the next
build, so the served site always ends up matching the files on disk. When events are lost anyway (the
kernel's queue overflowed, or a watch stopped), the next build checks every source's status instead
of trusting the events.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

QUIET_SECONDS = 0.03
RECHECK_SECONDS = 1.0  # how often the watches themselves are checked (a folder created, a watch stopped)
WATCHED_FOLDERS = ("content", "layouts", "sources")
CONFIG_FILE = "config.yaml"

Rebuild = Callable[[set[str] | None], None]  # None: check every source, the events cannot be trusted


def _relevant(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    if name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")):
        return False
    return relative == CONFIG_FILE or relative.startswith(tuple(f"{f}/" for f in WATCHED_FOLDERS))


class _LostEvents(logging.Handler):
    """watchdog reports a dropped event queue only in its log: turn that record into a full check."""

    def __init__(self, lost: Callable[[], None]):
        super().__init__(logging.WARNING)
        self.lost = lost

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            self.lost()


class Watcher(FileSystemEventHandler):
    """Calls `rebuild(changed_paths)` on its own thread whenever watched files change.

    `on_lost` is called once before each rebuild that checks every source because events were lost.
    """

    def __init__(self, root: Path, rebuild: Rebuild, on_lost: Callable[[], None] = lambda: None):
        self.root = root.resolve()
        self.rebuild = rebuild
        self.on_lost = on_lost
        self.changed: set[str] = set()
        self.events_lost = False
        self.wake = threading.Condition()
        self.last_event = 0.0
        self.stopping = False
        self.observer = Observer()
        self.watches: dict[str, ObservedWatch] = {}
        self.log_handler = _LostEvents(self.lose_events)
        self.thread = threading.Thread(target=self._loop, name="dossier-rebuild", daemon=True)

    def start(self) -> None:
        watchdog_log = logging.getLogger("watchdog")
        watchdog_log.addHandler(self.log_handler)
        watchdog_log.propagate = False  # the overflow is reported once, by `on_lost`, not per watch
        self.observer.schedule(self, str(self.root), recursive=False)
        self._ensure_watches(announce_new=False)  # the caller builds once after starting
        self.observer.start()
        self.thread.start()

    def stop(self) -> None:
        with self.wake:
            self.stopping = True
            self.wake.notify_all()
        self.observer.stop()
        self.observer.join(timeout=5)
        self.thread.join(timeout=5)
        logging.getLogger("watchdog").removeHandler(self.log_handler)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (
            event.is_directory and event.event_type == "modified"
        ):
            return
        found = set()
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if not raw:
                continue
            path = Path(raw if isinstance(raw, str) else raw.decode())
            try:
                relative = path.resolve().relative_to(self.root).as_posix()
            except ValueError:
                continue
            if relative in WATCHED_FOLDERS or _relevant(relative):
                found.add(relative)
        if found:
            self.notice(found)

    def notice(self, paths: set[str]) -> None:
        with self.wake:
            self.changed |= paths
            self.last_event = time.monotonic()
            self.wake.notify_all()

    def lose_events(self) -> None:
        """Events were dropped: the next build compares every source with the last build's record."""
        with self.wake:
            self.events_lost = True
            self.last_event = time.monotonic()
            self.wake.notify_all()

    def _ensure_watches(self, *, announce_new: bool = True) -> None:
        """Watch each watched folder that exists, once; a watch that stopped means events were lost."""
        for folder in WATCHED_FOLDERS:
            path = self.root / folder
            watch = self.watches.get(folder)
            if watch is not None and self._alive(watch) and path.is_dir():
                continue
            if watch is not None:
                self.watches.pop(folder)
                self._unschedule(watch)
                self.lose_events()
            if path.is_dir():
                try:
                    self.watches[folder] = self.observer.schedule(self, str(path), recursive=True)
                except OSError:  # removed again in between: the next check tries anew
                    continue
                if watch is None and announce_new:
                    self.notice({folder})  # new: whatever was written into it before the watch counts

    def _alive(self, watch: ObservedWatch) -> bool:
        return any(e.watch == watch and e.is_alive() for e in self.observer.emitters) or not (
            self.observer.is_alive()
        )

    def _unschedule(self, watch: ObservedWatch) -> None:
        with contextlib.suppress(KeyError):  # its emitter already stopped and left
            self.observer.unschedule(watch)

    def _loop(self) -> None:
        while True:
            with self.wake:
                self.wake.wait_for(lambda: self.changed or self.events_lost or self.stopping, RECHECK_SECONDS)
                if self.stopping:
                    return
            self._ensure_watches()
            with self.wake:
                if not (self.changed or self.events_lost):
                    continue
                while (quiet := time.monotonic() - self.last_event) < QUIET_SECONDS:
                    self.wake.wait(QUIET_SECONDS - quiet)
                batch, self.changed = self.changed, set()
                lost, self.events_lost = self.events_lost, False
            if lost:
                self.on_lost()
                self.rebuild(None)
            else:
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
