"""Reviewing one article's suggestions: what the preview's panel lists and what its actions write.

The panel is a view of the engine `suggest` runs: the same suggestions, ids and proposals as
`suggest --format json PATH`, less the ones dismissed. An action writes the article through the same
rewriting as `suggest --write`, an entity file through the same writer as `--accept`, and a new
figure or event into its registry, keeping the file's comments and order. Every file an action
would change is checked before anything is written; a check that fails writes nothing.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...diagnostics import Diagnostic
from ...reading.dismissals import DISMISSED, Dismissal, load_dismissals
from ...reading.registries import load_events, load_figures
from ...syntax.names import name_key
from ..applying.dismissals import with_dismissal
from ..applying.entities import entity_file
from ..applying.registrywriter import with_entry
from ..applying.rewrite import document_problems, rewritten_text
from ..files.frontmatter import entity_files, read_content_file
from ..files.newfiles import replace, staging_folder
from ..suggesting.candidates import Candidate
from ..suggesting.dismissed import dismissed, sentence
from ..suggesting.known import candidates_of, known_names
from ..suggesting.scan import scan
from ..suggesting.suggest import KINDS, Dossier, Suggestion, every_article, stated_values, suggest_file

ENTITY_TYPES = ("person", "organization", "product", "publication", "place", "event", "other")


class ReviewError(Exception):
    """Why an action was refused, with the HTTP status that says so."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Found:
    """One article's suggestions as the panel lists them, and what they were made from."""

    path: str
    digest: str
    items: list[Suggestion | Candidate]
    body_start: int
    text: str
    errors: list[str] = field(default_factory=list)  # what the build reports of the file, as it prints it

    def to_json(self, targets: dict[tuple[str, str], dict[str, str]] | None = None) -> dict[str, object]:
        """The panel's list: each suggestion as `suggest --format json` gives it, with its sentence
        and what its target is (`targets`, see `targets_of`)."""
        suggested = []
        for item in self.items:
            shown = item.to_json()
            target = None if isinstance(item, Candidate) else item.target
            named = (targets or {}).get((kind_of(item), target or ""))
            if named and kind_of(item) == "figure" and item.value:
                named = {**named, "value": item.value}
            suggested.append({**shown, "sentence": sentence_of(self, item), "named": named})
        return {"path": self.path, "digest": self.digest, "errors": self.errors, "suggestions": suggested}


def sentence_of(found: Found, item: Suggestion | Candidate) -> str:
    body = found.text[found.body_start :]
    return sentence(body, item.start - found.body_start, item.end - found.body_start)


def kind_of(item: Suggestion | Candidate) -> str:
    return "candidate" if isinstance(item, Candidate) else item.kind


def shown(item: Suggestion | Candidate) -> str:
    return item.shown if isinstance(item, Candidate) else item.text


@dataclass
class Loaded:
    """What suggesting needs of the whole dossier, loaded once and kept until the dossier changes.

    Loaded in the process that asks (the preview's, whose threads forbid forking workers), and again
    after each build reading only the articles whose size or time changed (`previous`)."""

    dossier: Dossier
    known: frozenset[str]  # name keys of the entities
    stated: dict[str, tuple[tuple[int, int], list]] = field(default_factory=dict)  # path → (stat, values)
    targets: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # what each key names
    fingerprint: str = ""  # changes when what any file's suggestions depend on beside it changes

    def fingerprint_of(self, root: Path) -> str:
        """A digest of what suggestions read beside the file itself: the entities' names, the
        registries, the values the articles state, the dismissals. While it and a file's bytes stay
        the same, so do the file's suggestions."""
        dossier = self.dossier
        claims = sorted(
            (repr(value), claim.key, claim.path, claim.unit)
            for value, found in (dossier.claims or {}).items() for claim in found
        )  # fmt: skip
        dismissals = root / DISMISSED
        parts = [
            sorted(dossier.names.items()), sorted(dossier.figure_units.items()), sorted(self.known),
            [(key, str(low), str(high)) for key, low, high in dossier.event_dates], claims,
            dismissals.read_bytes().decode("utf-8", "replace") if dismissals.exists() else "",
        ]  # fmt: skip
        return digest(repr(parts).encode())

    @classmethod
    def load(cls, root: Path, previous: Loaded | None = None) -> Loaded:
        dossier = Dossier.load(root, stated=False)
        kept = previous.stated if previous is not None else {}
        stated = {}
        for file in every_article(root):
            status = file.stat()
            stamp = (status.st_mtime_ns, status.st_size)
            path = file.relative_to(root).as_posix()
            known = kept.get(path)
            stated[path] = known if known and known[0] == stamp else (stamp, stated_values(dossier, file))
        dossier.remember(values for _, values in stated.values())
        loaded = cls(dossier, frozenset(known_names(root)), stated, targets_of(root))
        loaded.fingerprint = loaded.fingerprint_of(root)
        return loaded


def targets_of(root: Path) -> dict[tuple[str, str], dict[str, str]]:
    """What a suggestion's target is, as the panel shows it: an entity's name and type, a figure's
    label and unit, an event's title and date; by (kind, key)."""
    targets: dict[tuple[str, str], dict[str, str]] = {}
    for entity in entity_files(root):
        targets["entity", entity.slug] = {"name": entity.name or entity.slug, "type": entity.type or ""}
    for figure in load_figures(root)[0]:
        targets["figure", figure.key] = {"label": figure.label, "unit": figure.unit}
    for event in load_events(root)[0]:
        targets["event", event.key] = {"title": event.title, "date": event.date.text}
    return targets


def suggestions(root: Path, path: str, loaded: Loaded | None = None) -> Found:
    """Every suggestion for the article at `path` (relative to the root), in reading order."""
    file = root / path
    data = file.read_bytes()
    content = read_content_file(root, file)
    if content is None:
        raise ReviewError(400, f"{path} cannot be read as text")
    loaded = loaded or Loaded.load(root)
    made: list[Suggestion | Candidate] = list(suggest_file(loaded.dossier, file, KINDS, content))
    made += candidates_of(root, loaded.known, file, content)
    errors = [str(p) for p in document_problems(root, path) if p.severity == "error"]
    found = Found(path, digest(data), [], content.body_start, content.text, errors)
    held, _ = load_dismissals(root)
    body, start = content.text[content.body_start :], content.body_start
    for item in made:
        span = (item.start - start, item.end - start)
        if not dismissed(held, path, kind_of(item), shown(item), body, span):
            found.items.append(item)
    found.items.sort(key=lambda i: (i.start, kind_of(i)))
    return found


# How a check reads an article or entity file `path` under a folder: as the build would, with what
# it reports. The preview's reads the file as its next build will, and hands that build the result.
Reader = Callable[[Path, str], list[Diagnostic]]


@dataclass
class Change:
    """What one action writes: each file's text before (None: it did not exist) and after."""

    files: dict[str, tuple[bytes | None, bytes]] = field(default_factory=dict)

    def set(self, root: Path, path: str, after: str) -> None:
        before = self.files[path][0] if path in self.files else _read(root / path)
        self.files[path] = (before, after.encode("utf-8"))


def _read(file: Path) -> bytes | None:
    return file.read_bytes() if file.exists() else None


def plan(
    root: Path, found: Found, item_id: str, action: str, fields: dict, read: Reader = document_problems
) -> Change:
    """The files an action writes, checked, but not written yet."""
    item = next((i for i in found.items if i.id == item_id), None)
    if item is None:
        raise ReviewError(404, f"no suggestion {item_id} in {found.path} (it may have been made already)")
    change = Change()
    if action == "dismiss":
        dismissal = Dismissal(found.path, kind_of(item), shown(item), sentence_of(found, item))
        current = (root / DISMISSED).read_text(encoding="utf-8") if (root / DISMISSED).exists() else ""
        change.set(root, DISMISSED, with_dismissal(current, dismissal))
    elif action == "accept":
        annotation = accepted(root, found, item, fields, change)
        article = found.text
        after, _ = rewritten_text(article, [placed(item, annotation)])
        change.set(root, found.path, after)
    else:
        raise ReviewError(400, f'action must be "accept" or "dismiss", not "{action}"')
    check(root, change, read)
    return change


def placed(item: Suggestion | Candidate, annotation: str) -> Suggestion:
    return Suggestion(
        "",
        0,
        0,
        0,
        0,
        kind_of(item),
        shown(item),
        annotation,
        None,
        None,
        None,
        None,
        "",
        item.start,
        item.end,
    )


def accepted(root: Path, found: Found, item: Suggestion | Candidate, fields: dict, change: Change) -> str:
    """The annotation accepting `item` writes, after planning the registry or entity file it needs."""
    if isinstance(item, Candidate):
        name = _field(fields, "name", item.name)
        kind = _field(fields, "type", item.type)
        if kind not in ENTITY_TYPES:
            raise ReviewError(400, f'type must be one of {", ".join(ENTITY_TYPES)}, not "{kind}"')
        aliases = fields.get("aliases", sorted(item.aliases))
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ReviewError(400, "aliases must be a list of names")
        if name_key(name) in known_names(root):
            raise ReviewError(400, f'an entity is already named "{name}"')
        path, text = entity_file(name, kind, aliases)
        if (root / path).exists():
            raise ReviewError(400, f"{path} exists")
        change.set(root, path, text)
        shown = item.shown
        return f"[[{name}]]" if shown == name else f"[[{name}|{shown}]]"
    if item.target is not None:
        return item.annotation
    proposal = item.proposal or {}
    key = _field(fields, "key", proposal.get("key") or "")
    if not key or not all(c.isalnum() or c in "-_:" for c in key):
        raise ReviewError(400, f'key must be letters, digits, "-", "_" or ":", not "{key}"')
    if item.kind == "figure":
        label = _field(fields, "label", proposal.get("label") or "")
        unit = _field(fields, "unit", proposal.get("unit") or "")
        value = _field(fields, "value", proposal.get("value") or item.value or "")
        if not label or not unit or not value:
            raise ReviewError(400, "a new figure needs a key, a label, a unit and a value")
        registry = "content/figures.yaml"
        text = (root / registry).read_text(encoding="utf-8") if (root / registry).exists() else ""
        if key not in {f.key for f in load_figures(root)[0]}:
            change.set(root, registry, with_entry(text, key, {"label": label, "unit": unit}))
        shown_unit = "" if (item.unit or unit) == unit else f" unit={item.unit}"
        return f'[{item.text}]{{fig={key} value="{value}"{shown_unit}}}'
    title = _field(fields, "title", proposal.get("title") or "")
    date = _field(fields, "date", proposal.get("date") or "")
    if not title or not date:
        raise ReviewError(400, "a new event needs a key, a title and a date")
    registry = "content/events.yaml"
    text = (root / registry).read_text(encoding="utf-8") if (root / registry).exists() else ""
    if key not in {e.key for e in load_events(root)[0]}:
        change.set(root, registry, with_entry(text, key, {"date": date, "title": title}))
    return f"[{item.text}]{{event={key}}}"


def _field(fields: dict, name: str, default: str) -> str:
    value = fields.get(name, default)
    if not isinstance(value, str):
        raise ReviewError(400, f"{name} must be text")
    return value.strip()


def check(root: Path, change: Change, read: Reader = document_problems) -> None:
    """Refuse (400, with the engine's message) a change that would leave a file with an error: each
    changed file is read as the build reads it (`read`), from a copy beside the dossier."""
    with tempfile.TemporaryDirectory(prefix=".review-", dir=root) as folder:
        staged = Path(folder)
        for path, (_, after) in change.files.items():
            target = staged / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(after)
        problems = []
        for path in change.files:
            if path.startswith(("content/articles/", "content/entities/")):
                problems += read(staged, path)
            elif path == "content/figures.yaml":
                problems += load_figures(staged)[1]
            elif path == "content/events.yaml":
                problems += load_events(staged)[1]
            elif path == DISMISSED:
                problems += load_dismissals(staged)[1]
        errors = [str(p) for p in problems if p.severity == "error"]
        errors += _unresolved(root, staged, change)
        if errors:
            raise ReviewError(400, "; ".join(errors))


def _unresolved(root: Path, staged: Path, change: Change) -> list[str]:
    """The annotations of the changed articles that would name no entity, figure or event."""
    keys = {
        kind: _registry_keys(staged, kind, kept=False) if file in change.files else _registry_keys(root, kind)
        for kind, file in (("figure", "content/figures.yaml"), ("event", "content/events.yaml"))
    }
    names = known_names(root)
    for path in change.files:
        if path.startswith("content/entities/"):
            entity = read_content_file(staged, staged / path)
            front = entity.front if entity else {}
            names |= {name_key(str(n)) for n in [front.get("name"), *(front.get("aliases") or [])] if n}
    errors = []
    for path in change.files:
        if not path.startswith("content/articles/"):
            continue
        content = read_content_file(staged, staged / path)
        for found in scan(content.text[content.body_start :]).found if content else []:
            missing = (found.kind == "mention" and name_key(found.target) not in names) or (
                found.kind in keys and name_key(found.target) not in keys[found.kind]
            )
            if missing:
                errors.append(f'{path}: "{found.target}" names no {found.kind.replace("mention", "entity")}')
    return errors


_KEYS: dict[str, tuple[bytes, frozenset[str]]] = {}  # registry file → its bytes' digest and keys


def _registry_keys(folder: Path, kind: str, *, kept: bool = True) -> frozenset[str]:
    """The keys of the figures or events registry in `folder`; `kept`: parsed again only when its
    bytes changed (each decision checks them; the dossier's registry need not be parsed for each)."""
    file = folder / ("content/figures.yaml" if kind == "figure" else "content/events.yaml")
    data = _read(file)
    seen = hashlib.sha256(data).digest() if kept and data is not None else None
    known = _KEYS.get(str(file))
    if seen is not None and known is not None and known[0] == seen:
        return known[1]
    keys = frozenset(entry.key for entry in (load_figures if kind == "figure" else load_events)(folder)[0])
    if seen is not None:
        _KEYS[str(file)] = (seen, keys)
    return keys


def write_all(root: Path, change: Change) -> None:
    """Write every file of a checked change, or none: a write that fails puts back those before it."""
    written: list[str] = []
    with staging_folder(root) as staging:
        try:
            for path, (_, after) in change.files.items():
                replace(root / path, after, staging)
                written.append(path)
        except OSError as failed:
            for path in reversed(written):
                before = change.files[path][0]
                if before is None:
                    (root / path).unlink(missing_ok=True)
                else:
                    replace(root / path, before, staging)
            raise ReviewError(500, f"could not write {failed.filename}: {failed.strerror}") from failed


def restore(root: Path, change: Change) -> list[str]:
    """Undo a written change, when no file of it changed since: else 409, nothing written."""
    for path, (_, after) in change.files.items():
        if _read(root / path) != after:
            raise ReviewError(409, f"{path} changed since; undo would lose that change")
    # In the reverse of the order written: the links go before the entity they name, so a build
    # between two files never finds a link to an entity already gone.
    with staging_folder(root) as staging:
        for path, (before, _) in reversed(change.files.items()):
            if before is None:
                (root / path).unlink()
            else:
                replace(root / path, before, staging)
    return sorted(change.files)
