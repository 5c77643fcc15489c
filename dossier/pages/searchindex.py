"""The site's search index in parts, kept between builds so that an edit re-indexes a few pages.

Pagefind has no incremental mode, but its search box merges several indexes ("bundles") into one
ranked list. The pages are split by a hash of their path into a few *parts*, each indexed by its own
Pagefind run (so memory is bounded by the pages of one part), plus a small *recent* bundle holding
every page added or changed since its part was indexed. An edit re-indexes the recent bundle only;
the stale copies of its pages in their parts, and the copies of removed pages, are hidden by their
Pagefind ids, which `pagefind/bundles.json` lists for the search box. When the recent bundle and
the hidden copies outgrow their limit, the parts holding most of them are indexed again. Every
bundle also holds the site's vocabulary pages, so that it searches a word as one index would
(see `searchwords`).

Bundles are kept in the build cache (so a restored cache carries them), named by what they hold, and
linked into the site.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import search, searchwords

# Pages per part: one Pagefind run's memory against the index chunks a first search downloads (one
# per bundle and word). Measured by benchmarks/search.py on 4,000 articles: 512 pages a part gave
# 143 MB and 1.59 times one index's download, 1024 gave 258 MB (a cold build's own peak) and 1.31.
PART_PAGES = 1024
FEW = 64  # a bundle of this many pages or fewer is indexed from a folder of links, not by a glob
RECENT_LIMIT = 96  # pages in the recent bundle before the parts holding them are indexed again
FORMAT = 2
MANIFEST = "manifest.json"
SITE_FOLDER = "pagefind"
BUNDLES_FILE = "bundles.json"  # what the search box reads first: the bundles and the hidden ids

Progress = Callable[[int, int], None]  # bundles indexed so far, bundles to index
Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]  # `map` over processes, in order
Jobs = dict[str, tuple[int | None, list[str]]]  # bundle to make -> (its part, None for recent; its pages)


class SearchFailed(Exception):
    """Pagefind could not index a bundle; the message says why."""


@dataclass
class PageFile:
    """A built page as the index last saw it: its file's identity, its content, whether it marks
    the part of itself to index (then pages that do not are left out, as Pagefind does)."""

    stamp: tuple[int, int, int]  # inode, size, modification time: unchanged means not re-read
    digest: str
    body: bool
    lang: str  # the language whose index Pagefind puts it in


@dataclass
class Copy:
    """A page's copy in a bundle: the content it was indexed from and Pagefind's id for it."""

    digest: str
    id: str


@dataclass
class State:
    engine: str  # the Pagefind binary that made the bundles
    parts: list[str]  # bundle name of each part, by part number
    recent: str | None = None  # bundle name of the recent bundle
    pages: dict[str, PageFile] = field(default_factory=dict)
    homes: dict[str, Copy] = field(default_factory=dict)  # each page's copy in its part
    fresh: dict[str, Copy] = field(default_factory=dict)  # the copies in the recent bundle
    vocabulary: dict[str, list[str]] = field(default_factory=dict)  # by language, in order of appearance
    words: dict[str, dict[str, Copy]] = field(default_factory=dict)  # each bundle's vocabulary pages

    def bundles(self) -> list[str]:
        return [*self.parts, *([self.recent] if self.recent else [])]


@dataclass
class Update:
    indexed: int = 0  # pages Pagefind read this time
    bundles: int = 0  # bundles made this time
    total: int = 0  # bundles the site uses


def part_of(path: str, parts: int) -> int:
    return int.from_bytes(hashlib.blake2b(path.encode(), digest_size=4).digest(), "big") % parts


def parts_for(pages: int, current: int | None) -> int:
    """How many parts: a power of two giving about PART_PAGES pages each; the current number is
    kept while it stays within a factor of two of that, so a growing site is not re-split often."""
    if current and (current == 1 or pages / current >= PART_PAGES / 2) and pages / current <= PART_PAGES * 2:
        return current
    parts = 1
    while pages / parts > PART_PAGES * 1.5:
        parts *= 2
    return parts


def url_of(path: str) -> str:
    """The address Pagefind records for a page file."""
    if path == "index.html" or path.endswith("/index.html"):
        return "/" + path[: -len("index.html")]
    return "/" + path


class SearchIndex:
    def __init__(
        self, store: Path, site: Path, progress: Progress | None = None, mapper: Mapper | None = None
    ):
        self.store, self.site = store, site
        self.progress = progress or (lambda done, total: None)
        self.map = mapper or (lambda task, items: [task(item) for item in items])
        self.executable = search.binary()

    def update(self) -> Update:
        """Bring the bundles up to date with the site's pages and link them into the site."""
        if self.executable is None:
            raise SearchFailed(f"Pagefind is not installed ({search.INSTALL})")
        engine = _engine_stamp(self.executable)
        old = self._read_state()
        pages = _scan(self.site, old.pages if old else {})
        with_body = any(page.body for page in pages.values())
        wanted = sorted(path for path, page in pages.items() if page.body or not with_body)
        parts = parts_for(len(wanted), len(old.parts) if old else None)
        if old is None or old.engine != engine or len(old.parts) != parts:
            old = State(engine, parts=[""] * parts)
        state = replace(old, parts=list(old.parts), pages=pages, homes=dict(old.homes), fresh=dict(old.fresh))
        update = Update()
        jobs = self._plan(state, wanted)
        if jobs:
            self._learn_words(state, wanted, jobs)
        made = self._index(jobs, state, update)
        for name, (part, _) in jobs.items():
            copies = made[name]
            state.words[name] = {lang: copies.pop(searchwords.page_path(lang)) for lang in state.vocabulary}
            if part is None:
                state.recent, state.fresh = name, copies
            else:
                state.parts[part] = name
                state.homes = {p: c for p, c in state.homes.items() if part_of(p, parts) != part}
                state.homes.update(copies)
        if not self._stale(state, wanted):
            state.recent, state.fresh = None, {}
        state.words = {name: state.words[name] for name in state.bundles() if name}
        self._publish(state, wanted)
        self._write_state(state)
        self._sweep(state)
        update.total = len(state.bundles())
        return update

    def _learn_words(self, state: State, wanted: list[str], jobs: Jobs) -> None:
        """Add the words of the pages about to be indexed that the vocabulary does not have yet;
        when every part is made afresh, the vocabulary starts afresh from the pages themselves."""
        fresh_start = sum(part is not None for part, _ in jobs.values()) == len(state.parts)
        if fresh_start:
            state.vocabulary = {}
            reading = wanted
        else:
            reading = self._stale(state, wanted)
        known = {lang: set(words) for lang, words in state.vocabulary.items()}
        found: dict[str, set[str]] = {}
        # Pages in batches, each batch's words joined where it was read: little to send back.
        pages = [(path, state.pages[path].lang) for path in reading]
        batches = [pages[i : i + 32] for i in range(0, len(pages), 32)]
        for words_by_lang in self.map(functools.partial(_words_of, self.site), batches):
            for lang, words in words_by_lang.items():
                found.setdefault(lang, set()).update(words)
        for lang, words in sorted(found.items()):
            state.vocabulary.setdefault(lang, []).extend(sorted(words - known.get(lang, set())))

    def _stale(self, state: State, wanted: list[str]) -> list[str]:
        """Pages whose copy in their part is missing or not their content now."""
        return [p for p in wanted if (h := state.homes.get(p)) is None or h.digest != state.pages[p].digest]

    def _plan(self, state: State, wanted: list[str]) -> Jobs:
        """The bundles to make: the parts not usable, and those holding most stale pages and removed
        ones' copies when these would outgrow the limit; the recent bundle when its pages changed."""
        parts = len(state.parts)
        by_part: dict[int, list[str]] = {k: [] for k in range(parts)}
        for path in wanted:
            by_part[part_of(path, parts)].append(path)
        redo = {k for k, name in enumerate(state.parts) if not name or not (self.store / name).is_dir()}
        stale = self._stale(state, wanted)
        wanted_set = set(wanted)
        dead = [p for p in state.homes if p not in wanted_set]
        if len(stale) + len(dead) > RECENT_LIMIT:  # pages to re-index, and copies to hide
            counts: dict[int, int] = {}
            for path in [*stale, *dead]:
                counts[part_of(path, parts)] = counts.get(part_of(path, parts), 0) + 1
            left = len(stale) + len(dead)
            for part, count in sorted(counts.items(), key=lambda item: -item[1]):
                if left <= RECENT_LIMIT // 2:
                    break
                redo.add(part)
                left -= count
        jobs: Jobs = {}
        for k in sorted(redo):
            name = _bundle_name(f"part{k}", by_part[k], state) if by_part[k] else ""
            if name and (name != state.parts[k] or not (self.store / name).is_dir()):
                jobs[name] = (k, by_part[k])
            elif not name:  # a part with no pages left
                state.parts[k] = ""
                state.homes = {p: c for p, c in state.homes.items() if part_of(p, parts) != k}
        recent = [p for p in stale if part_of(p, parts) not in redo]
        unchanged = (
            state.recent is not None
            and (self.store / state.recent).is_dir()
            and set(recent) == set(state.fresh)
        )
        if unchanged and all(state.fresh[p].digest == state.pages[p].digest for p in recent):
            return jobs
        if recent:
            jobs[_bundle_name("recent", recent, state)] = (None, recent)
        return jobs

    def _index(self, jobs: Jobs, state: State, update: Update) -> dict[str, dict[str, Copy]]:
        """Index each job's pages, and the vocabulary pages, into its bundle, a few Pagefind runs at
        a time."""
        assert self.executable is not None
        self.store.mkdir(parents=True, exist_ok=True)
        waiting = list(jobs.items())
        running: list[tuple[str, list[str], subprocess.Popen]] = []
        made: dict[str, dict[str, Copy]] = {}
        width = max(1, min(4, os.cpu_count() or 1))
        self.progress(0, len(jobs))
        # The vocabulary pages sit in the site while it is indexed: every bundle made now holds them.
        words = [searchwords.page_path(lang) for lang in state.vocabulary]
        for lang, vocabulary in state.vocabulary.items():
            target = self.site / searchwords.page_path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(searchwords.vocabulary_page(lang, vocabulary), encoding="utf-8")

        def start_next() -> None:
            while waiting and len(running) < width:
                name, (_, paths) = waiting.pop(0)
                site = self.site
                # A few pages are linked into a folder of their own (quicker than Pagefind's walk
                # through the whole site), as are pages a glob cannot name.
                if len(paths) <= FEW or any(search.GLOB_SPECIAL.intersection(path) for path in paths):
                    site = self.store / f"pages-{name}"
                    _link_pages(self.site, site, [*paths, *words])
                shutil.rmtree(self.store / name, ignore_errors=True)
                work = self.store / f"run-{name}"
                process = search.start(self.executable, site, self.store / name, [*paths, *words], work)
                running.append((name, paths, process))

        try:
            start_next()
            while running:
                name, paths, process = running.pop(0)
                problem = search.failure(process, self.store / name)
                _clean_run(self.store, name)
                if problem is not None:
                    raise SearchFailed(f"Pagefind failed ({problem})")
                start_next()  # the next run starts before this bundle's ids are read
                made[name] = _copies(self.store / name, paths, state.pages, state.vocabulary)
                update.indexed += len(paths)
                update.bundles += 1
                self.progress(update.bundles, len(jobs))
        except BaseException:
            for name, _, process in running:
                process.kill()
                process.wait()
                _clean_run(self.store, name)
            for name in jobs:
                shutil.rmtree(self.store / name, ignore_errors=True)
            raise
        finally:
            shutil.rmtree(self.site / searchwords.FOLDER, ignore_errors=True)
        return made

    def _publish(self, state: State, wanted: list[str]) -> None:
        """Link the bundles into the site and write the list the search box reads. A site that
        starts as the published one already has most bundles (their names say what they hold)."""
        folder = self.site / SITE_FOLDER
        folder.mkdir(exist_ok=True)
        in_use = {name for name in state.bundles() if name}
        for entry in os.scandir(folder):
            if entry.name not in in_use:
                shutil.rmtree(entry.path) if entry.is_dir(follow_symlinks=False) else os.unlink(entry.path)
        wanted_set = set(wanted)
        fresh_ids = {copy.id for copy in state.fresh.values()}
        hidden = sorted(
            copy.id
            for path, copy in state.homes.items()
            if (path not in wanted_set or copy.digest != state.pages[path].digest)
            and copy.id
            and copy.id not in fresh_ids
        )
        bundles = [name for name in state.bundles() if name]
        for name in bundles:
            if not (folder / name).is_dir():
                _link_tree(self.store / name, folder / name)
        vocabulary = {
            copy.id: [f"{name}/", int(copy.digest)]
            for name in bundles
            for copy in state.words.get(name, {}).values()
            if copy.id
        }
        listing = {"bundles": [f"{name}/" for name in bundles], "hidden": hidden, "vocabulary": vocabulary}
        # A new file, not the published one rewritten: the site may hold hard links to it.
        _write_new(folder / BUNDLES_FILE, json.dumps(listing, separators=(",", ":")))

    def _read_state(self) -> State | None:
        try:
            record = json.loads((self.store / MANIFEST).read_text(encoding="utf-8"))
            if record.get("format") != FORMAT:
                return None
            state = State(
                record["engine"],
                list(record["parts"]),
                record["recent"],
                {
                    p: PageFile(tuple(f["stamp"]), f["digest"], f["body"], f["lang"])
                    for p, f in record["pages"].items()
                },
                {p: Copy(**c) for p, c in record["homes"].items()},
                {p: Copy(**c) for p, c in record["fresh"].items()},
                record["vocabulary"],
                {b: {lang: Copy(**c) for lang, c in made.items()} for b, made in record["words"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return state

    def _write_state(self, state: State) -> None:
        record = {
            "format": FORMAT,
            "engine": state.engine,
            "parts": state.parts,
            "recent": state.recent,
            "pages": {p: vars(page) for p, page in state.pages.items()},
            "homes": _plain(state.homes),
            "fresh": _plain(state.fresh),
            "vocabulary": state.vocabulary,
            "words": {name: _plain(copies) for name, copies in state.words.items()},
        }
        _write_new(self.store / MANIFEST, json.dumps(record, separators=(",", ":")))

    def _sweep(self, state: State) -> None:
        """Delete bundles no longer used, and what an interrupted build left."""
        keep = {MANIFEST, *state.bundles()}
        for entry in self.store.iterdir():
            if entry.name not in keep:
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)


def _write_new(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _plain(copies: dict[str, Copy]) -> dict[str, dict[str, str]]:
    return {path: {"digest": copy.digest, "id": copy.id} for path, copy in copies.items()}


def _bundle_name(kind: str, paths: list[str], state: State) -> str:
    """A bundle is named by what it holds, so the same pages make the same site (and a bundle
    whose pages did not change keeps its name)."""
    digest = hashlib.blake2b(digest_size=5)
    for path in paths:
        digest.update(f"{path}\0{state.pages[path].digest}\0".encode())
    return f"{kind}-{digest.hexdigest()}"


def _engine_stamp(executable: Path) -> str:
    status = executable.stat()
    return f"{executable}:{status.st_size}:{status.st_mtime_ns}"


def _html_files(site: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every HTML page of the site but the search index's own folder, with its status."""
    stack = [""]
    while stack:
        folder = stack.pop()
        with os.scandir(os.path.join(site, folder)) as entries:
            for entry in entries:
                path = f"{folder}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    if path not in (SITE_FOLDER, searchwords.FOLDER):
                        stack.append(path + "/")
                elif entry.name.endswith(".html"):
                    yield path, entry.stat()


def _scan(site: Path, known: dict[str, PageFile]) -> dict[str, PageFile]:
    """Each page's stamp, digest and body mark; a page whose stamp is unchanged is not read again."""
    pages = {}
    for path, status in _html_files(site):
        stamp = (status.st_ino, status.st_size, status.st_mtime_ns)
        page = known.get(path)
        if page is None or page.stamp != stamp:
            data = (site / path).read_bytes()
            text = data.decode("utf-8", errors="replace")
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            page = PageFile(stamp, digest, searchwords.marks_body(text), searchwords.language(text))
        pages[path] = page
    return pages


def _copies(
    bundle: Path, paths: list[str], pages: dict[str, PageFile], vocabulary: dict[str, list[str]]
) -> dict[str, Copy]:
    """Each page's copy in a bundle, with Pagefind's id read from the fragment holding its address
    (an empty id for a page Pagefind left out: it has nothing to hide), and the vocabulary pages'
    (whose "digest" is the length of the vocabulary they hold)."""
    copies = {path: Copy(pages[path].digest, "") for path in paths}
    for lang, words in vocabulary.items():
        copies[searchwords.page_path(lang)] = Copy(str(len(words)), "")
    by_url = {url_of(p): p for p in copies}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        path = by_url.get(json.loads(data)["url"])
        if path is not None:
            copies[path].id = fragment.stem
    return copies


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another device, or no hard links here
        shutil.copy2(source, target)


def _words_of(site: Path, pages: list[tuple[str, str]]) -> dict[str, set[str]]:
    """The words of some pages, by language."""
    found: dict[str, set[str]] = {}
    for path, lang in pages:
        page = (site / path).read_text(encoding="utf-8", errors="replace")
        found.setdefault(lang, set()).update(searchwords.words(page))
    return found


def _clean_run(store: Path, name: str) -> None:
    shutil.rmtree(store / f"run-{name}", ignore_errors=True)
    shutil.rmtree(store / f"pages-{name}", ignore_errors=True)


def _link_pages(site: Path, folder: Path, paths: list[str]) -> None:
    """A folder shaped like the site holding only `paths` (hard links), for one Pagefind run."""
    shutil.rmtree(folder, ignore_errors=True)
    made: set[Path] = set()
    for path in paths:
        target = folder / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _link_or_copy(site / path, target)


def _link_tree(source: Path, target: Path) -> None:
    for folder, _, files in os.walk(source):
        into = target / os.path.relpath(folder, source)
        into.mkdir(parents=True, exist_ok=True)
        for name in files:
            _link_or_copy(Path(folder) / name, into / name)


def remove(site: Path) -> None:
    """Take the search index out of a site (a build without search, or one whose index failed)."""
    shutil.rmtree(site / SITE_FOLDER, ignore_errors=True)


def index_site(
    site: Path, store: Path, progress: Progress | None = None, mapper: Mapper | None = None
) -> str:
    """Index the built site in `site` with the bundles kept in `store`; a line saying what happened
    (never raises for search: a site without it is still a site). `mapper` reads pages in parallel."""
    try:
        update = SearchIndex(store, site, progress, mapper).update()
    except (SearchFailed, OSError) as exc:
        remove(site)
        return f"search skipped: {exc}"
    bundles = f"{update.total} bundle{'s' * (update.total != 1)}"
    if not update.bundles:
        return f"search index unchanged ({bundles})"
    pages = f"{update.indexed} page{'s' * (update.indexed != 1)}"
    return f"search index: {pages} indexed in {update.bundles} of {bundles}"
