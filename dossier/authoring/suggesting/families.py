"""A person the text names by a given name alone, as the kin of someone it names in full (`Jonas
Brecht and his wife Mirela`): the page would be titled by the full name, `Mirela Brecht`, with the
given name an alias, as news writing means it. The editor keeps the last word: the proposal is a
name to accept or correct, and the text's own words stay the suggestion's.
"""

from __future__ import annotations

import re

from ...syntax.names import name_key
from .candidates import Candidate
from .surroundings import KIN, KIN_BEFORE
from .vocabulary import spelled_as_a_given_name

REACH = 300  # how far before the kin word the person it belongs to is looked for, in characters


def with_family_names(body: str, candidates: list[Candidate], known: frozenset[str]) -> list[Candidate]:
    """`candidates`, a given name named as the kin of a person the text names in full titled with
    that person's family name, a person (in place; the given name becomes an alias), unless a
    candidate or an entity (`known`, their name keys) already has that name."""
    people = [c for c in candidates if c.type == "person" and 2 <= len(c.name.split()) <= 3]
    taken = known | {key for c in candidates for key in c.keys}
    for candidate in candidates:
        given = candidate.name
        if not spelled_as_a_given_name(given) or candidate.type not in ("person", "place", "other"):
            continue  # a place or other: what a model that never saw the given name may make of it
        for found in re.finditer(rf"\b{re.escape(given)}\b", body):
            kin = KIN_BEFORE.search(body, max(0, found.start() - 40), found.start())
            if kin is None or kin.group(1).lower() not in KIN:
                continue
            relative = _named_before(body, people, kin.start())
            full = f"{given} {relative.name.split()[-1]}" if relative is not None else ""
            if full and name_key(full) not in taken:
                candidate.aliases.add(given)
                candidate.name, candidate.type = full, "person"
            break
    return candidates


def _named_before(body: str, people: list[Candidate], at: int) -> Candidate | None:
    """The person named last before `at`, in any of their forms, no further back than `REACH`."""
    nearest, where = None, at - REACH
    for person in people:
        for form in (person.name, *person.aliases):
            found = body.rfind(form, max(0, at - REACH), at)
            if found > where:
                nearest, where = person, found
    return nearest
