"""The live preview's state: the site folder being served, rebuilds, and who to tell about them.

A rebuild renders into memory first and then swaps the changed files in while holding a lock that
every request waits on, so nobody is served a half-built site and a failed build leaves the last good
site in place. After the first build, a rebuild makes the pages open in a browser first and tells
them; the other pages it reaches are made right after (or when asked for, if sooner), so an edit
that reaches hundreds of pages shows in the open one as fast as one that reaches a few.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import ContentError, Diagnostic
from ..incremental.project import Outcome, Project
from ..reading.discover import CONFIG_FILE

FETCH_SECONDS = 0.5  # the longest the work after a build waits for the open tabs to fetch


class LiveSite:
    """The served folder: writes are buffered during a build and applied at once at the end."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.ready = threading.Condition()
        self.building = False
        self._writes: dict[str, bytes] = {}
        self._removals: set[str] = set()
        self._later: dict[str, Callable[[], bytes]] = {}
        self._pending_later: dict[str, Callable[[], bytes]] = {}
        self.open_pages: set[str] | None = None  # pages a browser shows; None: every page at once
        self._soon: list[str] = []  # pages the last build left for just after it
        self._making: set[str] = set()  # outputs being made outside the lock (see `materialize`)
        self._unfetched: set[str] = set()  # open pages the last build changed, not yet fetched again

    # The Sink protocol, used by Project.build

    def write(self, path: str, data: bytes) -> None:
        self._writes[path] = data

    def later(self, path: str, produce: Callable[[], bytes]) -> None:
        self._pending_later[path] = produce

    def keep(self, path: str) -> None:
        pass

    def shown(self, path: str) -> bool:
        """Whether an output is made during the build: any but a page no open browser tab shows."""
        return self.open_pages is None or not path.endswith(".html") or path in self.open_pages

    def remove(self, path: str) -> None:
        self._removals.add(path)

    # Building

    def begin(self) -> None:
        with self.ready:
            self.building = True
        self._writes, self._removals, self._pending_later = {}, set(), {}

    def commit(self) -> None:
        with self.ready:
            for path, data in self._writes.items():
                self._put(path, data)
                self._later.pop(path, None)
            for path in self._removals:
                (self.folder / path).unlink(missing_ok=True)
                self._later.pop(path, None)
            self._later.update(self._pending_later)
            self._soon = sorted(path for path in self._later if path.endswith(".html"))
            self.building = False
            self.ready.notify_all()

    def abort(self) -> None:
        with self.ready:
            self.building = False
            self.ready.notify_all()

    def _put(self, path: str, data: bytes) -> None:
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)

    # Serving

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Block while a build is running."""
        with self.ready:
            self.ready.wait_for(lambda: not self.building, timeout=timeout)

    def expect_fetches(self, pages: Iterable[str]) -> None:
        """The open pages a build changed: their tabs fetch them again (see `wait_for_fetches`).
        Those an earlier build changed stay awaited while their tab is open: the watcher's build of
        files the review already built changes nothing, and must not let the work after a build
        go before the tabs' fetches."""
        with self.ready:
            self._unfetched = (self._unfetched & (self.open_pages or set())) | set(pages)

    def fetched(self, path: str) -> None:
        """A file was served (its output path)."""
        if path in self._unfetched:  # a set lookup needs no lock
            with self.ready:
                self._unfetched.discard(path)
                self.ready.notify_all()

    def wait_for_fetches(self, timeout: float) -> None:
        """Until each open page the last build changed has been fetched again, or `timeout`: the
        work after a build (the other pages) then leaves the open tabs the processor first."""
        with self.ready:
            self.ready.wait_for(lambda: not self._unfetched, timeout=timeout)

    def make_soon(self) -> None:
        """Make the pages the last build left for after it, one at a time, until a build begins.
        One that fails is left to be made when asked for, where its error is served."""
        for path in self._soon:
            if self.building:
                return
            with contextlib.suppress(Exception):
                self.materialize(path)

    def materialize(self, path: str) -> None:
        """Make an output the last build left for when it is first asked for (data files, feeds,
        pages no open tab showed). It is made outside the lock, so requests for other files and the
        next build never wait for it; one asked for while it is being made waits for that."""
        if path not in self._later:  # made already (a dictionary lookup needs no lock)
            return
        with self.ready:
            self.ready.wait_for(lambda: path not in self._making)
            produce = self._later.get(path)
            if produce is None:
                return
            self._making.add(path)
        data = None
        try:
            data = produce()
        finally:
            with self.ready:
                self._making.discard(path)
                # Unless a build wrote it or left a newer one meanwhile.
                if data is not None and self._later.get(path) is produce:
                    del self._later[path]
                    self._put(path, data)
                self.ready.notify_all()


@dataclass
class BuildEvent:
    """What the browser is told after a build."""

    number: int
    ok: bool
    pages: list[str] = field(default_factory=list)  # HTML outputs whose bytes changed
    styles: list[str] = field(default_factory=list)  # stylesheets whose bytes changed
    errors: list[str] = field(default_factory=list)
    # Neither config.yaml nor a layout changed: a page's header and footer, made from them, are as
    # they were, so an open page swaps in its changed parts rather than loading again.
    swap: bool = False

    def to_json(self) -> str:
        fields = {"build": self.number, "ok": self.ok, "errors": self.errors, "swap": self.swap}
        return json.dumps({**fields, "pages": self.pages, "styles": self.styles})

    def state(self) -> BuildEvent:
        """The same build without its changes: what a newly opened page needs to know."""
        return BuildEvent(self.number, self.ok, errors=self.errors)


class Preview:
    """Builds a project into a LiveSite and tells every open page what changed."""

    def __init__(self, root: Path, *, base_url: str | None = None):
        self.project = Project(root, base_url=base_url, serving=True)
        self.folder = Path(tempfile.mkdtemp(prefix="dossier-preview-"))
        self.site = LiveSite(self.folder)
        self.lock = threading.Lock()
        self.listeners: dict[queue.Queue[BuildEvent | None], str] = {}  # each open tab → its page
        self.listeners_lock = threading.Lock()
        self.last = BuildEvent(0, ok=True)

    def rebuild(self, changed: Iterable[str] | None = None) -> tuple[Outcome | None, list[Diagnostic]]:
        """One build; on errors the last good site stays served and the errors are broadcast."""
        with self.lock:
            unchanged = self.project.unchanged(changed) if changed is not None and self.last.number else None
            if unchanged is not None:  # nothing to build, no page to hold back from the open tabs
                return unchanged, unchanged.diagnostics
            if self.last.number:  # the first build makes every page
                with self.listeners_lock:
                    self.site.open_pages = {page for page in self.listeners.values() if page}
            self.site.begin()
            try:
                outcome = self.project.build(self.site, changed)
            except ContentError as exc:
                self.site.abort()
                self.last = BuildEvent(
                    self.last.number + 1, ok=False, errors=[str(d) for d in exc.diagnostics]
                )
                self._broadcast(self.last)
                return None, exc.diagnostics
            except BaseException:
                self.site.abort()
                raise
            self.site.commit()
            changed_outputs = sorted(outcome.changed | outcome.removed)
            self.last = BuildEvent(
                self.last.number + 1,
                ok=True,
                pages=[p for p in changed_outputs if p.endswith(".html")],
                styles=[p for p in changed_outputs if p.endswith(".css")],
                swap=not any(
                    path == CONFIG_FILE or path.startswith("layouts/") for path in outcome.sources_changed
                ),
            )
            self.site.expect_fetches(p for p in self.last.pages if p in (self.site.open_pages or ()))
            self._broadcast(self.last)
            threading.Thread(target=self._after_build, name="dossier-pages", daemon=True).start()
            return outcome, outcome.diagnostics

    def _after_build(self) -> None:
        """Once the open tabs have fetched what changed: the records of the pages the build left
        unviewed, then those pages themselves."""
        self.site.wait_for_fetches(FETCH_SECONDS)
        with self.lock:
            self.project.finish()
        self.site.make_soon()

    def unlinked(self, slug: str) -> dict[str, object]:
        """The unlinked mentions of known entities in one article, for the preview to mark (the
        published site never shows them)."""
        from ..authoring.suggesting.suggest import Dossier, suggest_file

        file = self.project.root / "content/articles" / f"{slug}.md"
        if "/" in slug or not file.is_file():
            return {"path": None, "mentions": []}
        with self.lock:  # one build or one look at a time: the files stay as they were read
            dossier = Dossier.load(self.project.root, stated=False)
            found = suggest_file(dossier, file, ("entity",))
        path = file.relative_to(self.project.root).as_posix()
        return {
            "path": path,
            "mentions": [{"text": s.text, "annotation": s.annotation} for s in found if s.target],
        }

    def subscribe(self, page: str = "") -> queue.Queue[BuildEvent | None]:
        """A listener for the builds, from a browser tab showing `page` (its output's path)."""
        listener: queue.Queue[BuildEvent | None] = queue.Queue()
        with self.listeners_lock:
            self.listeners[listener] = page
        return listener

    def unsubscribe(self, listener: queue.Queue[BuildEvent | None]) -> None:
        with self.listeners_lock:
            self.listeners.pop(listener, None)

    def _broadcast(self, event: BuildEvent) -> None:
        with self.listeners_lock:
            for listener in self.listeners:
                listener.put(event)

    def close(self) -> None:
        with self.listeners_lock:
            for listener in self.listeners:
                listener.put(None)
        shutil.rmtree(self.folder, ignore_errors=True)
