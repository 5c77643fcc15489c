"""One decision acting on a whole group: every mention linked (the entity, figure or event created
first where it is new), the mentions the editor excluded dismissed; or every mention dismissed.

The files are planned together and checked as the build reads them before anything is written;
then written all or none (a write that fails restores the ones written before it).
"""

from __future__ import annotations

from pathlib import Path

from ...reading.dismissals import DISMISSED, Dismissal
from ..applying.dismissals import with_dismissal
from ..applying.rewrite import document_problems, rewritten_text
from ..suggesting.candidates import Candidate
from .decisions import Change, Reader, ReviewError, accepted, check, kind_of, placed, sentence_of, shown
from .groups import Decision, Mention


def plan_decision(
    root: Path,
    decision: Decision,
    action: str,
    fields: dict,
    exclude: set[str],
    read: Reader = document_problems,
) -> Change:
    """The files a decision on the group writes, checked, but not written yet."""
    unknown = exclude - {m.id for m in decision.mentions}
    if unknown:
        raise ReviewError(400, f"exclude names no mention of this decision: {', '.join(sorted(unknown))}")
    kept = [m for m in decision.mentions if m.id not in exclude]
    left_out = [m for m in decision.mentions if m.id in exclude]
    change = Change()
    if action == "dismiss":
        _dismiss(root, kept, change)
    elif action == "accept":
        if not kept:
            raise ReviewError(400, "every mention is excluded: nothing to accept")
        _link(root, decision, kept, _defaults(decision, fields), change)
        _dismiss(root, left_out, change)
    else:
        raise ReviewError(400, f'action must be "accept" or "dismiss", not "{action}"')
    check(root, change, read)
    return change


def _defaults(decision: Decision, fields: dict) -> dict:
    """The fields every mention is accepted with: the editor's, else the decision's proposal, so
    that one entity, figure or event is made for the whole group."""
    proposal = decision.proposal() or {}
    lead = decision.lead
    if not isinstance(lead, Candidate) and lead.kind == "figure":
        proposal = {name: value for name, value in proposal.items() if name != "value"}  # each its own
    return {**{name: value for name, value in proposal.items() if value is not None}, **fields}


def _link(root: Path, decision: Decision, kept: list[Mention], fields: dict, change: Change) -> None:
    by_path: dict[str, list[Mention]] = {}
    for mention in kept:
        by_path.setdefault(mention.found.path, []).append(mention)
    for path, mentions in by_path.items():
        found = mentions[0].found
        edits = [placed(m.item, accepted(root, found, m.item, fields, change)) for m in mentions]
        after, _ = rewritten_text(found.text, edits)
        change.set(root, path, after)


def _dismiss(root: Path, mentions: list[Mention], change: Change) -> None:
    if not mentions:
        return
    current = change.files[DISMISSED][1].decode() if DISMISSED in change.files else _text(root / DISMISSED)
    for mention in mentions:
        item, found = mention.item, mention.found
        dismissal = Dismissal(found.path, kind_of(item), shown(item), sentence_of(found, item))
        current = with_dismissal(current, dismissal)
    change.set(root, DISMISSED, current)


def _text(file: Path) -> str:
    return file.read_text(encoding="utf-8") if file.exists() else ""
