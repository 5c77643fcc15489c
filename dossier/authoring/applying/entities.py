"""Entity files for the candidate names an editor accepts."""

from __future__ import annotations

from pathlib import Path

import yaml

from ...syntax.names import name_key
from ..files.newfiles import create
from ..files.slugs import slugify
from ..suggesting.candidates import Candidate
from ..suggesting.known import known_names


def entity_file(name: str, kind: str, aliases: list[str]) -> tuple[str, str]:
    """A new entity's file: its path under the root, and its front matter (name, type, aliases)."""
    front: dict[str, object] = {"name": name, "type": kind}
    aliases = [alias for alias in aliases if alias != name]
    if aliases:
        front["aliases"] = aliases
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"
    return f"content/entities/{slugify(name)}.md", text


def write_entities(
    root: Path, names: list[str], candidates: list[Candidate]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Write `content/entities/SLUG.md` for each name: its proposed type (else `other`) and the
    inflected forms seen as aliases. Returns (path, type) written and (name, why) refused."""
    by_key = {key: c for c in reversed(candidates) for key in c.keys}  # the best-ranked wins
    known = known_names(root)
    written, refused = [], []
    (root / "content/entities").mkdir(parents=True, exist_ok=True)
    for name in names:
        if name_key(name) in known:
            refused.append((name, "an entity already has this name"))
            continue
        candidate = by_key.get(name_key(name))
        kind = (candidate.type if candidate else None) or "other"
        path, text = entity_file(name, kind, sorted(candidate.aliases) if candidate else [])
        if not create(root / path, text):
            refused.append((name, f"{path} exists"))
            continue
        known.add(name_key(name))
        written.append((path, kind))
    return written, refused
