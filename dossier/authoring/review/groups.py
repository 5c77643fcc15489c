"""Reviewing the whole dossier at once: every file's suggestions grouped into decisions, one per
thing named (DESIGN.md, "Reviewing the whole dossier").

A known entity's unlinked mentions are one decision, whatever file they stand in; a candidate's
forms across articles are one (its name or any alias in common, as `rank` folds them); a figure
suggestion goes with the others that name the same figure (the same key, or for a new one the
same value and unit), an event with the others of the same key or date. Decisions are ordered by
reach: the articles they touch, then their mentions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ...reading.dismissals import load_dismissals
from ...syntax.names import name_key
from ..suggesting.candidates import Candidate
from ..suggesting.scan import scan
from ..suggesting.suggest import Suggestion, every_article
from .decisions import Found, Loaded, kind_of, sentence_of, suggestions


@dataclass
class Mention:
    """One suggestion of a decision, in the file it stands in."""

    found: Found
    item: Suggestion | Candidate

    @property
    def id(self) -> str:
        return self.item.id

    def to_json(self) -> dict[str, object]:
        item = self.item.to_json()
        return {
            "path": self.found.path,
            "digest": self.found.digest,
            **{name: item[name] for name in ("id", "line", "column", "end_line", "end_column", "text")},
            "sentence": sentence_of(self.found, self.item),
        }


@dataclass
class Decision:
    """One thing named, with every mention of it that a single decision links."""

    group: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return kind_of(self.mentions[0].item)

    @property
    def id(self) -> str:
        """Stable while the files it covers are unchanged: the group and its mentions' files' digests."""
        covered = sorted({(m.found.path, m.found.digest) for m in self.mentions})
        text = "\x1f".join([*self.group, *(f"{path}@{digest}" for path, digest in covered)])
        return self.kind[:3] + "-" + hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def articles(self) -> list[str]:
        return sorted({m.found.path for m in self.mentions})

    @property
    def lead(self) -> Suggestion | Candidate:
        """The mention the decision's proposal is taken from: the candidate with the most evidence,
        else the first in reading order."""
        items = [m.item for m in self.mentions]
        candidates = [i for i in items if isinstance(i, Candidate)]
        return max(candidates, key=lambda c: (c.score, -c.start)) if candidates else items[0]

    def label(self) -> str:
        lead = self.lead
        if isinstance(lead, Candidate):
            return lead.name
        if lead.kind == "entity":  # the entity's name as the annotation writes it: `[[Name|shown]]`
            return lead.annotation.removeprefix("[[").removesuffix("]]").split("|")[0]
        if lead.target is not None:
            return lead.target
        proposal = lead.proposal or {}
        return str(proposal.get("label") or proposal.get("title") or lead.text)

    def proposal(self) -> dict[str, object] | None:
        lead = self.lead
        if isinstance(lead, Candidate):
            aliases = {a for m in self.mentions if isinstance(m.item, Candidate) for a in m.item.aliases}
            aliases |= {m.item.name for m in self.mentions if isinstance(m.item, Candidate)}
            return {"name": lead.name, "type": lead.type, "aliases": sorted(aliases - {lead.name})}
        return dict(lead.proposal) if lead.target is None and lead.proposal else None

    def to_json(self) -> dict[str, object]:
        lead = self.lead
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label(),
            "target": None if isinstance(lead, Candidate) else lead.target,
            "proposal": self.proposal(),
            "articles": len(self.articles),
            "mentions": [m.to_json() for m in self.mentions],
        }


def reviewed_files(root: Path) -> list[str]:
    """The files whose suggestions the dossier-wide review covers: every article and entity file."""
    files = [*every_article(root), *sorted((root / "content/entities").glob("*.md"))]
    return [file.relative_to(root).as_posix() for file in files]


def decisions(root: Path, loaded: Loaded, found: Iterable[Found] | None = None) -> list[Decision]:
    """Every open decision of the dossier, by reach (`found`: the files' suggestions, if read)."""
    every = list(found) if found is not None else [suggestions(root, p, loaded) for p in reviewed_files(root)]
    by_group: dict[tuple[str, ...], Decision] = {}
    candidate_of: dict[str, tuple[str, ...]] = {}  # a candidate's name or alias key → its group
    for one in every:
        for item in one.items:
            if isinstance(item, Candidate):
                group = next((candidate_of[k] for k in sorted(item.keys) if k in candidate_of), None)
                group = group or ("candidate", name_key(item.name))
                for key in item.keys:
                    candidate_of.setdefault(key, group)
            else:
                group = _group(item)
            by_group.setdefault(group, Decision(group)).mentions.append(Mention(one, item))
    ordered = list(by_group.values())
    ordered.sort(key=lambda d: (-len(d.articles), -len(d.mentions), d.label().casefold()))
    return ordered


def _group(item: Suggestion) -> tuple[str, ...]:
    if item.kind == "entity":
        return ("entity", name_key(item.target or item.text))
    if item.target is not None:
        return (item.kind, "key", item.target)
    proposal = item.proposal or {}
    if item.kind == "figure":
        return ("figure", "value", str(proposal.get("value") or item.value), str(proposal.get("unit") or ""))
    return ("event", "date", str(proposal.get("date") or item.date or item.text))


def progress(root: Path, open_decisions: list[Decision]) -> tuple[int, int]:
    """(decisions made, decisions in all), counted from the files: each entity, figure and event an
    article's annotations name and each thing dismissed is a decision made, unless a decision on it
    is still open (a known entity with mentions left unlinked)."""
    made: set[tuple[str, ...]] = set()
    for path in reviewed_files(root):
        text = (root / path).read_text(encoding="utf-8", errors="replace")
        for annotation in scan(text).found:
            kind = "entity" if annotation.kind == "mention" else annotation.kind
            if kind in ("entity", "figure", "event"):
                made.add((kind, name_key(annotation.target)))
    held, _ = load_dismissals(root)
    made |= {("dismissed", dismissal.kind, name_key(dismissal.text)) for dismissal in held}
    still_open = {_made_as(decision) for decision in open_decisions}
    done = len(made - still_open)
    return done, done + len(open_decisions)


def _made_as(decision: Decision) -> tuple[str, ...]:
    """The key a decision counts under once made."""
    lead = decision.lead
    if isinstance(lead, Candidate):
        return ("entity", name_key(lead.name))
    return (lead.kind if lead.kind != "mention" else "entity", name_key(lead.target or lead.text))
