"""The authoring commands as the command line runs them: what they print and the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from .add import Added, add_sources
from .new import Refused, new_dossier


def new(folder: Path, *, title: str | None, language: str, quiet: bool) -> int:
    try:
        started = new_dossier(folder, title=title, language=language)
    except Refused as exc:
        print(f"python build.py: error: {exc}", file=sys.stderr)
        return 2
    if not quiet:
        print(f"started a dossier in {folder} ({len(started.files)} files)")
        if not started.engine_reachable:
            print(
                f"note: requirements.txt installs the engine from {started.engine.split(' @ ', 1)[1]}; "
                "before publishing, point it at a place GitHub can install it from (e.g. a git URL)"
            )
        print(
            f"next: python build.py add SOURCE... --root {folder}, then python build.py serve --root {folder}"
        )
    return 0


def add(root: Path, sources: list[str], *, quiet: bool) -> int:
    if not (root / "config.yaml").is_file():
        message = f"{root} holds no config.yaml; start a dossier with python build.py new DIR"
        print(f"python build.py: error: {message}", file=sys.stderr)
        return 2
    added = failed = 0
    for result in add_sources(root, sources):
        if isinstance(result, Added):
            added += 1
            if not quiet:
                notes = "".join(f"; {note}" for note in result.notes)
                print(f"{result.path}: added from {result.source} ({result.language}){notes}", flush=True)
        else:
            failed += 1
            print(f"{result.source}: error: {result.message}", file=sys.stderr, flush=True)
    summary = f"added {added} article{'s' * (added != 1)}"
    if failed:
        summary += f"; {failed} source{'s' * (failed != 1)} could not be added"
    print(summary, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0
