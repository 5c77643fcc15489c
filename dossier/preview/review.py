"""The review API of the preview: an article's suggestions, and the actions that accept, dismiss
or undo them, for the panel on each article page (DESIGN.md, "Review in the preview").

The threat is a page from elsewhere that the editor has open in the same browser (the dev-server
advisories of Vite and webpack-dev-server): it may send requests to the preview, or rebind a name
of its own to 127.0.0.1. So every request must name the preview's own host; every POST must carry
the per-run token that only the preview's own pages hold and an `Origin` that is the preview's; a
path must lie in `content/` (no `..`, no absolute path, no link out of the dossier); a body is at
most 64 KB. Served on an address other than loopback, the API is off unless `--review` is given.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..authoring.applying.rewrite import document_problems
from ..authoring.review.decide import plan_decision
from ..authoring.review.decisions import (
    Change,
    Found,
    Loaded,
    ReviewError,
    digest,
    plan,
    restore,
    suggestions,
    write_all,
)
from ..authoring.review.groups import Decision, decisions, progress, reviewed_files
from ..diagnostics import Diagnostic
from ..incremental.parsing import apart_from_the_collector

PREFIX = "/_review/"
MAX_BODY = 64 * 1024
# An article's panel asks which of its suggestions' decisions name other files too. The answer needs
# every file's suggestions: it is worked out for the panel only while that is quick (the last listing
# took under this long, or the dossier has no more files than below); on a larger dossier the panel
# uses a listing made since the last build (by /_review/), and otherwise does without.
QUICK_LISTING_SECONDS = 0.5
QUICK_LISTING_FILES = 200
SETTLING_SECONDS = 30.0  # the longest the dossier-wide listing waits for an action's build
ACTIONS = {"apply": "apply", "decide": "decide", "undo": "undo"}  # POST route → ReviewAPI method


@dataclass
class ReviewAPI:
    root: Path
    enabled: bool
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: dict[str, Change] = field(default_factory=dict)  # article path → its last action
    generation: Callable[[], int] = lambda: 0  # the preview's build number: the dossier changed
    # Told the files an action wrote, once it answered: the preview rebuilds them at once rather
    # than when the watcher hears of them (the watcher's later rebuild then finds nothing to do).
    written: Callable[[set[str]], None] = lambda paths: None
    # Then waits until the open tabs have fetched what that build changed (see `settled`).
    fetched: Callable[[], None] = lambda: None
    # Reads a document as the preview's next build will (`Documents.read_ahead`), handing that build
    # the result; None where it cannot (no build yet).
    read_ahead: Callable[[Path, str], list[Diagnostic] | None] = lambda folder, path: None
    loaded: tuple[int, Loaded] | None = None
    listed: dict[str, Found] = field(default_factory=dict)  # the suggestions last listed, by path
    kept: Loaded | None = None  # the last load, whose articles' stated values a new one reuses
    read: dict[str, tuple[str, Found]] = field(
        default_factory=dict
    )  # each file's, by the fingerprint read with
    listing: dict[str, Decision] = field(default_factory=dict)  # the decisions last listed, by id
    # One listing at a time, apart from `lock`: an action never waits for the dossier to be listed.
    listing_lock: threading.Lock = field(default_factory=threading.Lock)
    listed_for: int | None = None  # the build the last listing was made after
    listing_seconds: float | None = None  # how long it took
    decided: dict[str, Change] = field(default_factory=dict)  # decision id → what it wrote
    # Clear from an action's answer until the preview has built what it wrote and the open tabs
    # have fetched it: the dossier-wide listing waits for it, so that it lists the files as written
    # and takes no time from the build or the open pages.
    settled: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.settled.set()

    def build_written(self, paths: set[str]) -> None:
        try:
            self.written(paths)
            self.fetched()
        finally:
            self.settled.set()

    def as_built(self, folder: Path, path: str) -> list[Diagnostic]:
        """What the build would report of the document `path` under `folder`: as the preview's
        next build will read it where it can (which then need not read it again)."""
        found = self.read_ahead(folder, path)
        return found if found is not None else document_problems(folder, path)

    def dossier(self) -> Loaded:
        """The dossier as suggesting needs it, loaded again only after a build (a save or an action)."""
        current = self.generation()
        if self.loaded is None or self.loaded[0] != current:
            previous = self.loaded[1] if self.loaded else self.kept
            with apart_from_the_collector():  # a dossier read: kept until the next build
                self.loaded = (current, Loaded.load(self.root, previous))
            self.kept = self.loaded[1]
        return self.loaded[1]

    def suggestions(self, query: dict[str, list[str]]) -> dict[str, Any]:
        path = self.article((query.get("path") or [""])[0])
        with self.lock:
            loaded = self.dossier()
            found = suggestions(self.root, path, loaded)
            self.listed[path] = found
            return found.to_json(loaded.targets)

    def apply(self, body: dict[str, Any]) -> dict[str, Any]:
        path = self.article(body.get("path"))
        fields = body.get("fields") or {}
        if not isinstance(fields, dict):
            raise ReviewError(400, "fields must be an object")
        with self.lock:  # one action at a time: the digest check and the write cannot interleave
            now = _digest(self.root / path)
            found = self.listed.get(path)
            if found is None or found.digest != now:  # not listed, or listed before a change: again
                found = suggestions(self.root, path, self.dossier())
            self.loaded = None  # what it writes changes the dossier before the next build says so
            self.listed.pop(path, None)
            if body.get("digest") != now:
                raise ReviewError(409, f"{path} changed since its suggestions were read; reload them")
            change = plan(
                self.root, found, str(body.get("id")), str(body.get("action")), fields, self.as_built
            )
            write_all(self.root, change)
            self.last[path] = change
            return {"changed": sorted(change.files), "digest": _digest(self.root / path)}

    def undo_last(self, body: dict[str, Any]) -> dict[str, Any]:
        path = self.article(body.get("path"))
        with self.lock:
            change = self.last.get(path)
            if change is None:
                raise ReviewError(404, f"nothing to undo in {path}")
            changed = restore(self.root, change)
            del self.last[path]
            return {"changed": changed, "digest": _digest(self.root / path)}

    def every_decision(self, loaded: Loaded) -> list[Decision]:
        """The dossier's open decisions; a file's suggestions are read again only when its bytes or
        the dossier changed since they were last read. A file written meanwhile leaves its
        suggestions stale, which the digests of a decision tell (409)."""
        started, generation = time.perf_counter(), self.generation()
        with apart_from_the_collector():  # the files' suggestions, kept until they change
            every = self._every_file(loaded)
        found = decisions(self.root, loaded, every)
        self.listing = {decision.id: decision for decision in found}
        self.listed_for, self.listing_seconds = generation, time.perf_counter() - started
        return found

    def _every_file(self, loaded: Loaded) -> list[Found]:
        every = []
        for path in reviewed_files(self.root):
            now = _digest(self.root / path)
            kept = self.read.get(path)
            if kept is None or kept[0] != loaded.fingerprint or kept[1].digest != now:
                kept = (loaded.fingerprint, suggestions(self.root, path, loaded))
                self.read[path] = kept
            every.append(kept[1])
        return every

    def decisions(self, query: dict[str, list[str]] | None = None) -> dict[str, Any]:
        """Every open decision with the dossier's progress; with `path`, the article panel's
        question: only the decisions naming that file (see QUICK_LISTING_SECONDS)."""
        wanted = (query or {}).get("path")
        with self.listing_lock:
            if wanted:
                path = self.article(wanted[0])
                fresh = self.listed_for == self.generation()
                if not fresh and not self._quick():
                    return {"ready": False, "decisions": []}
                found = list(self.listing.values()) if fresh else self.every_decision(self._loaded())
                shared = [d for d in found if path in d.articles]
                return {"ready": True, "decisions": [d.to_json() for d in shared]}
            self.settled.wait(timeout=SETTLING_SECONDS)
            found = self.every_decision(self._loaded())
            made, total = progress(self.root, found)
            return {"made": made, "total": total, "decisions": [d.to_json() for d in found]}

    def _loaded(self) -> Loaded:
        with self.lock:  # the dossier loaded, then the files listed without holding up an action
            return self.dossier()

    def _quick(self) -> bool:
        if self.listing_seconds is not None:
            return self.listing_seconds < QUICK_LISTING_SECONDS
        return len(reviewed_files(self.root)) <= QUICK_LISTING_FILES

    def decide(self, body: dict[str, Any]) -> dict[str, Any]:
        fields, exclude, digests = body.get("fields") or {}, body.get("exclude") or [], body.get("digests")
        if not isinstance(fields, dict):
            raise ReviewError(400, "fields must be an object")
        if not isinstance(exclude, list) or not all(isinstance(e, str) for e in exclude):
            raise ReviewError(400, "exclude must be a list of mention ids")
        if not isinstance(digests, dict) or not digests:
            raise ReviewError(400, "digests must map each file of the decision to its digest")
        with self.lock:  # the digests are checked, and the files written, by one decision at a time
            for path, said in digests.items():
                file = self.root / self.content_file(path)
                if not file.is_file() or _digest(file) != said:
                    raise ReviewError(409, f"{path} changed since the decisions were read; reload them")
            wanted = str(body.get("id"))
            # The digests are fresh, so a decision listed from these files stands as listed.
            decision = self.listing.get(wanted)
            if decision is None or any(digests.get(p) != d for p, d in _covered(decision).items()):
                decision = next((d for d in self.every_decision(self.dossier()) if d.id == wanted), None)
            if decision is None:
                raise ReviewError(404, f"no decision {wanted} (it may have been made already)")
            missing = [path for path in decision.articles if path not in digests]
            if missing:
                raise ReviewError(409, f"no digest given for {', '.join(missing)}; reload the decisions")
            change = plan_decision(
                self.root, decision, str(body.get("action")), fields, set(exclude), self.as_built
            )
            self.loaded = None
            write_all(self.root, change)
            self.decided[decision.id] = change
            for path in change.files:
                self.last[path] = change
            return {"changed": sorted(change.files), "decision": decision.id}

    def undo(self, body: dict[str, Any]) -> dict[str, Any]:
        if "decision" in body:
            with self.lock:
                change = self.decided.get(str(body["decision"]))
                if change is None:
                    raise ReviewError(404, f"no decision {body['decision']} to undo")
                changed = restore(self.root, change)
                del self.decided[str(body["decision"])]
                self.last = {path: c for path, c in self.last.items() if c is not change}
                self.loaded = None
                return {"changed": changed}
        return self.undo_last(body)

    def content_file(self, path: object) -> str:
        """`path` when it names a file under content/ (no `..`, no link out); else 403."""
        if not isinstance(path, str) or not path:
            raise ReviewError(400, "a path must name a file under content/")
        parts = path.split("/")
        if path.startswith("/") or "\\" in path or "\x00" in path or ".." in parts or parts[0] != "content":
            raise ReviewError(403, f"{path} is not a file under content/")
        if not (self.root / path).resolve().is_relative_to((self.root / "content").resolve()):
            raise ReviewError(403, f"{path} leads out of content/")
        return path

    def article(self, path: object) -> str:
        """`path` when it names an article of this dossier (see `content_file`); else 403 (outside)
        or 404 (no such article)."""
        if not isinstance(path, str) or not path:
            raise ReviewError(400, "path must name an article, such as content/articles/SLUG.md")
        self.content_file(path)
        file = self.root / path
        if path.split("/")[1:2] != ["articles"] or file.suffix != ".md" or not file.is_file():
            raise ReviewError(404, f"no article {path}")
        return path


def _covered(decision: Decision) -> dict[str, str]:
    return {mention.found.path: mention.found.digest for mention in decision.mentions}


def _digest(file: Path) -> str:
    return digest(file.read_bytes())


def allowed_hosts(host: str, port: int) -> set[str]:
    """The Host headers that name this preview: on loopback `localhost` and `127.0.0.1` (and `[::1]`)
    with the port; elsewhere the address served."""
    if host in ("127.0.0.1", "localhost", "::1") or host.startswith("127."):
        return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"{host}:{port}"}
    return {f"[{host}]:{port}" if ":" in host else f"{host}:{port}"}


def handle(api: ReviewAPI, method: str, raw_path: str, headers: Any, read_body) -> tuple[int, dict[str, Any]]:
    """One request to the API: (status, JSON body). The Host was checked by the server already."""
    if not api.enabled:
        return 403, {"error": "review is off: the preview is served beyond this machine (use --review)"}
    route = urlsplit(raw_path).path[len(PREFIX) :]
    try:
        if method == "GET" and route == "suggestions":
            return 200, api.suggestions(parse_qs(urlsplit(raw_path).query))
        if method == "GET" and route == "decisions":
            return 200, api.decisions(parse_qs(urlsplit(raw_path).query))
        if method != "POST" or route not in ACTIONS:
            return 404, {"error": f"no such route: {method} {PREFIX}{route}"}
        if headers.get("X-Dossier-Token") != api.token:
            return 403, {"error": "a review action needs the preview page's token"}
        host = headers.get("Host", "")
        if headers.get("Origin") != f"http://{host}":
            return 403, {"error": "a review action must come from the preview's own page"}
        length = headers.get("Content-Length")
        if length is None or not length.isdigit():
            return 411, {"error": "a review action needs a Content-Length"}
        if int(length) > MAX_BODY:
            return 413, {"error": f"a review action is at most {MAX_BODY // 1024} KB"}
        try:
            body = json.loads(read_body(int(length)) or b"{}")
        except (UnicodeDecodeError, json.JSONDecodeError):
            return 400, {"error": "the body must be JSON"}
        if not isinstance(body, dict):
            return 400, {"error": "the body must be a JSON object"}
        answer = getattr(api, ACTIONS[route])(body)
        changed = set(answer.get("changed", ()))
        api.settled.clear()
        threading.Thread(target=api.build_written, args=(changed,), name="review-build", daemon=True).start()
        return 200, answer
    except ReviewError as refused:
        return refused.status, {"error": str(refused)}
