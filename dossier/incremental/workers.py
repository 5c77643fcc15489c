"""Using every core for the two heavy steps of a large build: parsing files and rendering pages.

Worker processes are forked, so they start with the parent's state (the Markdown parsers, the
resolved dossier, the compiled templates) and only results travel back: parsed documents from
parsing, and (path, digest) pairs from rendering, whose bytes the workers write themselves.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .output import replace_file

PARALLEL_FROM = 64  # below this many items, starting processes costs more than it saves


def worker_count() -> int:
    import multiprocessing  # here: a build of a few files never starts a process, nor imports this

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        return max(1, min(len(os.sched_getaffinity(0)), 8))
    except AttributeError:
        return max(1, min(os.cpu_count() or 1, 8))


_TASK: Callable[[Any], Any] | None = None


def _run(item: Any) -> Any:
    assert _TASK is not None
    return _TASK(item)


@contextlib.contextmanager
def _forked(task: Callable[[Any], Any], count: int) -> Iterator[tuple[Any, int]]:
    """A pool of forked workers that run `task`, and the size of the chunks to hand them `count`
    items in; no pool when the items are too few to be worth one (or this system cannot fork)."""
    global _TASK
    workers = worker_count() if count >= PARALLEL_FROM else 1
    if workers == 1:
        yield None, 0
        return
    import multiprocessing

    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield pool, max(1, count // (workers * 64))
    finally:
        _TASK = None


def parallel_map(
    task: Callable[[Any], Any], items: Sequence[Any], alongside: Callable[[], None] | None = None
) -> list[Any]:
    """`[task(i) for i in items]`, spread over forked processes when it is worth it. `alongside` is
    work for this process meanwhile (it would otherwise wait), whose results it keeps."""
    with _forked(task, len(items)) as (pool, chunks):
        pending = pool.map_async(_run, items, chunksize=chunks) if pool else None
        results = [task(item) for item in items] if pending is None else []
        if alongside is not None:
            alongside()
        return pending.get() if pending is not None else results


def parallel_results(task: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
    """`parallel_map`'s results one by one, in order, as the workers make them, so that the caller
    can take each in while the others are still being made."""
    with _forked(task, len(items)) as (pool, chunks):
        yield from pool.imap(_run, items, chunksize=chunks) if pool else (task(i) for i in items)


def write_file(folder: Path, path: str, data: bytes | Iterable[bytes]) -> str:
    """Write a file of the site (whole, or part by part) and return the digest of its bytes."""
    if isinstance(data, bytes):
        replace_file(folder / path, data)
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    replace_file(folder / path, (digest.update(part) or part for part in data))
    return digest.hexdigest()
