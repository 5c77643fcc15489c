"""The authoring commands as the command line runs them: what they print and the exit code."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

from .. import progress
from ..program import program, usage_error
from .sources.add import Added, add_sources
from .sources.captures import CaptureRefused, capture_article
from .sources.extract import ExtractError
from .sources.fetch import FetchError
from .sources.links import check_links, links_of, message, remember
from .sources.new import Refused, new_dossier


def new(folder: Path, *, title: str | None, language: str, engine: str | None, quiet: bool) -> int:
    try:
        started = new_dossier(folder, title=title, language=language, engine=engine)
    except Refused as exc:
        return usage_error(str(exc))
    if not quiet:
        print(f"started a dossier in {folder} ({len(started.files)} files)")
        if not started.engine_reachable:
            print(
                f"note: requirements.txt installs the engine from {started.engine.split(' @ ', 1)[1]}; "
                "before publishing, point it at a place GitHub can install it from (e.g. a git URL)"
            )
        print(
            f"next: cd {folder} && python -m pip install -r requirements.txt (installs the engine), "
            "then python build.py add SOURCE... and python build.py serve"
        )
    return 0


def capture(root: Path, article: str, saved: list[str], *, quiet: bool) -> int:
    """`add --capture ARTICLE [SAVED]`: capture the source of an article already in the dossier."""
    if not (root / "config.yaml").is_file():
        return usage_error(f"{root} holds no config.yaml; start a dossier with {program()} new DIR")
    if len(saved) > 1:
        return usage_error(f"add --capture takes at most one saved page, not {len(saved)}")
    try:
        written = capture_article(root, article, Path(saved[0]) if saved else None)
    except (CaptureRefused, ExtractError, FetchError, OSError) as exc:
        print(f"{article}: error: {exc}", file=sys.stderr)
        return 1
    if not quiet:
        print(f"{article}: captured in {written}")
    return 0


def add(root: Path, sources: list[str], *, quiet: bool) -> int:
    if not (root / "config.yaml").is_file():
        return usage_error(f"{root} holds no config.yaml; start a dossier with {program()} new DIR")
    added = failed = 0
    steps = progress.current()
    steps.phase("adding")
    for result in add_sources(root, sources):
        steps.clear()  # the lines below, then the count drawn again under them
        if isinstance(result, Added):
            added += 1
            if not quiet:
                notes = "".join(f"; {note}" for note in result.notes)
                print(f"{result.path}: added from {result.source} ({result.language}){notes}", flush=True)
            for warning in result.warnings:  # even under --quiet: the article may be a stub
                print(f"{result.path}: warning: {warning}", file=sys.stderr, flush=True)
        else:
            failed += 1
            print(f"{result.source}: error: {result.message}", file=sys.stderr, flush=True)
        steps.step(added + failed)
    steps.finish()
    summary = f"added {added} article{'s' * (added != 1)}"
    if failed:
        summary += f"; {failed} source{'s' * (failed != 1)} could not be added"
    print(summary, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def suggest(
    root: Path, paths: list[str], *, kinds: str | None, output: str, mode: str | None, accept: list[str]
) -> int:
    """Print suggestions (text or JSON), or apply the safe ones (`write`), or show them as a diff;
    `accept` writes entity files for candidate names instead."""
    import json

    from ..incremental.workers import parallel_map, parallel_results
    from ..reading.dismissals import load_dismissals
    from .applying.registrywriter import with_entry
    from .applying.rewrite import diff, new_entries, writable, write
    from .files.newfiles import replace
    from .suggesting.known import known_names
    from .suggesting.namemodel import has_model
    from .suggesting.ranking import rank
    from .suggesting.suggest import KINDS, Dossier, every_article, settle, stated_values

    if not (root / "config.yaml").is_file():
        return usage_error(f"{root} holds no config.yaml")
    named = {k.strip() for k in kinds.split(",")} if kinds else set()
    unknown = named - {*KINDS, "candidate"}
    if unknown:
        return usage_error(f"--kinds takes {', '.join(KINDS)} or candidate, not {', '.join(sorted(unknown))}")
    files = _files(root, paths)
    if isinstance(files, str):
        return usage_error(files)
    if accept:
        return _accept(root, files, accept)
    steps = progress.current()
    steps.phase("loading the dossier")
    dossier = Dossier.load(root, stated=False)  # the values articles state are read below
    per_file = tuple(named & set(KINDS)) if named else KINDS
    known = frozenset(known_names(root)) if mode is None and (not named or "candidate" in named) else None
    held = load_dismissals(root)[0] if mode is None else set()
    steps.phase("reading", len(files))
    results = []
    for result in parallel_results(functools.partial(_read_file, dossier, per_file, known, held), files):
        results.append(result)
        steps.step(len(results))
    if per_file and not set(every_article(root)) <= set(files):
        steps.phase("reading the other articles")
        dossier.remember(parallel_map(functools.partial(stated_values, dossier), every_article(root)))
    else:
        dossier.remember(stated for _, _, stated, _ in results)
    found = {file: suggestions for file, (suggestions, _, _, _) in zip(files, results, strict=True)}
    steps.phase("ranking")
    settle(dossier, (s for suggestions in found.values() for s in suggestions))
    if mode is None:
        every = [s for suggestions in found.values() for s in suggestions]
        candidates = rank(c for _, c, _, _ in results) if known is not None else []
        steps.finish()
        unmodelled = sorted({language for *_, language in results if language and not has_model(language)})
        if known is not None and unmodelled:
            print(
                f"note: no name model for {', '.join(unmodelled)}: candidates there come from the "
                "evidence rules alone",
                file=sys.stderr,
            )
        if output == "json":
            items = [s.to_json() for s in every] + [c.to_json() for c in candidates]
            print(json.dumps(items, ensure_ascii=False, indent=1))
        else:
            for s in every:
                print(s)
            for c in candidates[:CANDIDATES_SHOWN]:
                seen = f"{_count(len(c.sources), 'source')}, {_count(c.count, 'time')}"
                print(f"candidate: {c.name} ({seen}; {c.type})")
            rest = f", {len(candidates)} candidate entities" if candidates else ""
            print(f"{_count(len(every), 'suggestion')} in {_count(len(files), 'file')}{rest}")
            if len(candidates) > CANDIDATES_SHOWN:
                print(f"(the first {CANDIDATES_SHOWN} candidates shown; --format json lists all)")
        return 0
    steps.finish()
    problems = 0
    changed = applied = 0
    written: list = []
    for file, suggestions in found.items():
        chosen = [s for s in suggestions if writable(s, named)]
        if not chosen:
            continue
        path = file.relative_to(root).as_posix()
        if mode == "diff":
            print(diff(root, path, chosen), end="")
            continue
        result = write(root, path, file.read_text(encoding="utf-8"), chosen)
        if result.problem:
            problems += 1
            print(f"{path}: not written: {result.problem}", file=sys.stderr)
        elif result.applied:
            changed += 1
            applied += result.applied
            written += chosen
            print(f"{path}: {result.applied} annotation{'s' * (result.applied != 1)} added")
    for registry, entries in new_entries(written).items():
        if entries and mode == "write":
            text = (root / registry).read_text(encoding="utf-8") if (root / registry).exists() else ""
            for key, fields in entries.items():
                text = with_entry(text, key, fields)
            replace(root / registry, text.encode("utf-8"))
            print(f"{registry}: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'} added")
    if mode == "write":
        print(f"added {applied} annotations in {changed} file{'s' * (changed != 1)}")
    return 1 if problems else 0


CANDIDATES_SHOWN = 40


def _read_file(dossier, kinds: tuple[str, ...], known: frozenset[str] | None, held: set, file: Path) -> tuple:
    """One file's suggestions and (when `known` is given) candidate entities, the file read once,
    less those dismissed (`held`: the dossier's dismissals), its stated values and the language of
    an article (for which a name model may be missing)."""
    from .files.frontmatter import read_content_file
    from .suggesting.dismissed import dismissed
    from .suggesting.known import candidates_of
    from .suggesting.suggest import stated_values, suggest_file

    content = read_content_file(dossier.root, file)
    suggestions = suggest_file(dossier, file, kinds, content) if kinds and content else []
    candidates = candidates_of(dossier.root, known, file, content) if known is not None else []
    if held and content is not None:
        path, body, at = (
            file.relative_to(dossier.root).as_posix(),
            content.text[content.body_start :],
            content.body_start,
        )

        def kept(kind: str, shown: str, start: int, end: int) -> bool:
            return not dismissed(held, path, kind, shown, body, (start - at, end - at))

        suggestions = [s for s in suggestions if kept(s.kind, s.text, s.start, s.end)]
        candidates = [c for c in candidates if kept("candidate", c.shown, c.start, c.end)]
    language = ""
    if content is not None and file.relative_to(dossier.root).as_posix().startswith("content/articles/"):
        language = str(content.front.get("language") or "en").split("-")[0].lower()
    return suggestions, candidates, stated_values(dossier, file, content), language


def _accept(root: Path, files: list[Path], names: list[str]) -> int:
    from .applying.entities import write_entities
    from .suggesting.known import candidates_for

    written, refused = write_entities(root, names, candidates_for(root, files))
    for path, kind in written:
        print(f"{path}: entity written ({kind}); {program()} suggest --write links its mentions")
    for name, why in refused:
        print(f"{name}: error: {why}", file=sys.stderr)
    return 1 if refused else 0


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def _files(root: Path, paths: list[str]) -> list[Path] | str:
    """The articles and entity descriptions to read: those named (files or folders), else all."""
    folders = [root / "content/articles", root / "content/entities"]
    chosen = [Path(p) if Path(p).is_absolute() else Path.cwd() / p for p in paths] or folders
    files: list[Path] = []
    for item in chosen:
        item = item.resolve()
        if item.is_dir():
            files += sorted(item.rglob("*.md"))
        elif item.is_file():
            files.append(item)
        else:
            return f"{item} is not a file or folder"
    for file in files:
        if not file.is_relative_to(root):
            return f"{file} is not in the dossier at {root}"
    return files


def links(root: Path, *, output: str, strict: bool, quiet: bool) -> int:
    """Check every source's address; one line per problem and a summary, or JSON; findings kept."""
    if not (root / "config.yaml").is_file():
        return usage_error(f"{root} holds no config.yaml; start a dossier with {program()} new DIR")
    findings = check_links(links_of(root))
    remember(root, findings)
    problems = [f for f in findings if not f.skipped and not f.fine]
    if output == "json":
        rows = [
            {
                "url": f.link.url, "path": f.link.path, "line": f.link.line, "column": f.link.column,
                "status": f.status, "final": f.final or None, "problem": f.problem or None,
                "skipped": f.skipped, "moved": f.moved, "captured": f.link.captured,
            }
            for f in findings
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            said = message(finding)
            if said is not None and not (quiet and said[0] == "note"):
                severity, text = said
                link = finding.link
                print(f"{link.path}:{link.line}:{link.column}: {severity}: {text}", file=sys.stderr)
        skipped = sum(f.skipped for f in findings)
        fine = sum(f.fine for f in findings)
        moved = sum(f.moved and not f.problem for f in findings)
        summary = f"checked {len(findings) - skipped} address{'es' * (len(findings) - skipped != 1)}: "
        summary += f"{fine} fine, {moved} moved, {len(problems) - moved} with problems"
        if skipped:
            summary += f", {skipped} not checked"
        print(summary, file=sys.stderr if problems else sys.stdout)
    return 1 if strict and problems else 0
