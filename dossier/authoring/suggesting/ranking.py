"""The candidates of a dossier's files merged into one list: a name seen in several sources is one
candidate, its forms folded together, ranked by how many sources name it."""

from __future__ import annotations

from collections.abc import Iterable

from ...syntax.names import name_key
from .candidates import Candidate


def rank(per_file: Iterable[list[Candidate]]) -> list[Candidate]:
    """Merge the candidates of each file (see `candidates_in`): a name seen in more sources first."""
    merged: dict[str, Candidate] = {}
    alias_of: dict[str, str] = {}
    for candidates in per_file:
        for candidate in candidates:
            key = name_key(candidate.name)
            if key not in merged and key.endswith("s") and key[:-1] in merged:
                key = key[:-1]  # `OpenAIs` in one article, `OpenAI` in another
            if key not in merged:
                key = alias_of.get(key) or next(
                    (alias_of[alias] for alias in sorted(candidate.keys) if alias in alias_of), key
                )
            into = merged.get(key)
            if into is None:
                merged[key] = candidate
                for alias in candidate.keys:
                    alias_of.setdefault(alias, key)
                continue
            _fold(into, candidate)
    for key in [k for k in merged if k.endswith("s") and k[:-1] in merged]:
        _fold(merged[key[:-1]], merged.pop(key))  # a genitive seen before its name
    ranked = list(merged.values())
    ranked.sort(key=lambda c: (-len(c.sources), -c.score, c.name))
    return ranked


def _fold(into: Candidate, candidate: Candidate) -> None:
    into.count += candidate.count
    into.score += candidate.score
    into.sources |= candidate.sources
    into.aliases |= candidate.aliases | ({candidate.name} - {into.name})
    if into.type == "other":
        into.type = candidate.type
