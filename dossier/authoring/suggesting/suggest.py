"""`python build.py suggest`: the annotations an editor would make, found in what is not yet annotated.

Entity mentions come from the names and aliases of the dossier's entities; figure claims from number
phrases, matched to a figure another article already states with the same value and unit; event
claims from date phrases, matched to the event of that date. Text inside existing annotations,
links, code, raw HTML and front matter is never touched.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...incremental.workers import parallel_map
from ...reading.registries import load_events, load_figures
from ...syntax.dates import DateSyntaxError, parse_date
from ...syntax.names import name_key
from ...syntax.values import Value, ValueSyntaxError, parse_value
from ..files.frontmatter import ContentFile, entity_files, read_content_file
from .datephrases import find_dates
from .mentions import MentionMatcher, Unlinked
from .numbers import find_numbers
from .proposals import event_title, figure_label, key_for
from .scan import LineIndex, scan, suggestion_id

KINDS = ("entity", "figure", "event")
_LANGUAGE_LINE = re.compile(r"^\{lang=([A-Za-z-]+)\}[ \t]*$", re.M)


@dataclass
class Suggestion:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: str
    text: str
    annotation: str
    target: str | None
    value: str | None
    unit: str | None
    date: str | None
    reason: str
    start: int = field(repr=False)  # offsets in the file, for rewriting
    end: int = field(repr=False)
    proposal: dict[str, str | None] | None = None  # a new figure's or event's fields (see `proposals`)

    @property
    def id(self) -> str:
        return suggestion_id(self.path, self.kind, self.start, self.end, self.text)

    def to_json(self) -> dict[str, object]:
        fields = {"id": self.id, **asdict(self)}
        del fields["start"], fields["end"]
        return fields

    def __str__(self) -> str:
        reason = self.reason
        if self.proposal and self.target is None:
            proposal = self.proposal
            named = proposal.get("label") or proposal.get("title")
            said = proposal.get("unit") if self.kind == "figure" else proposal.get("date") or "no date"
            reason += f"; new {self.kind} {proposal['key']}: “{named}”, {said}"
        return f"{self.path}:{self.line}:{self.column}: suggestion: {self.annotation} ({reason})"


@dataclass
class _Claim:
    key: str
    path: str
    unit: str


def _value_key(value: Value) -> tuple:
    """What makes two stated values the same: qualifier and the numbers they state."""
    return value.qualifier, value.minimum, value.maximum


@dataclass
class Dossier:
    """What suggesting needs to know of the dossier: names, figures with their stated values, events."""

    root: Path
    matcher: MentionMatcher
    names: dict[str, str]  # entity slug → name
    figure_units: dict[str, str]
    claims: dict[tuple, list[_Claim]] | None  # stated value (see `_value_key`) → claims in articles
    event_dates: list[tuple[str, dt.date, dt.date]]  # key, earliest, latest
    keys: set[str] = field(default_factory=set)  # figure and event keys, the registries' and proposed
    event_days: dict[str, dt.date] = field(default_factory=dict)  # see `_event_days`

    @classmethod
    def load(cls, root: Path, *, stated: bool = True) -> Dossier:
        """The dossier's names, registries and (unless `stated` is false, when the caller collects
        them with `stated_values` as it reads every article anyway) the values articles state."""
        spellings: list[tuple[str, str]] = []
        names: dict[str, str] = {}
        occasions: set[str] = set()  # entities of type event: a conference, a launch
        for entity in entity_files(root):
            if entity.name is not None:
                names[entity.slug] = entity.name
                spellings += [(spelling, entity.slug) for spelling in entity.spellings]
                if entity.type == "event":
                    occasions.add(entity.slug)
        figures, _ = load_figures(root)
        events, _ = load_events(root)
        units = {figure.key: figure.unit for figure in figures}
        dossier = cls(root, MentionMatcher(spellings), names, units, None, [])
        if stated:
            dossier.remember(parallel_map(functools.partial(stated_values, dossier), every_article(root)))
        dossier.event_dates = [(e.key, e.date.earliest, e.date.latest) for e in events if e.date is not None]
        slugs = {name_key(spelling): slug for spelling, slug in spellings if slug in occasions}
        dossier.event_days = _event_days(events, slugs)
        dossier.keys = {figure.key for figure in figures} | {event.key for event in events}
        return dossier

    def remember(self, stated: Iterable[list[tuple[tuple, _Claim]]]) -> None:
        claims: dict[tuple, list[_Claim]] = defaultdict(list)
        for found in stated:
            for value_key, claim in found:
                claims[value_key].append(claim)
        self.claims = dict(claims)


def every_article(root: Path) -> list[Path]:
    return sorted((root / "content/articles").glob("*.md"))


def stated_values(
    dossier: Dossier, file: Path, content: ContentFile | None = None
) -> list[tuple[tuple, _Claim]]:
    """The figure claims an article makes, as (stated value, claim)."""
    root, units = dossier.root, dossier.figure_units
    path = file.relative_to(root).as_posix()
    content = content or read_content_file(root, file)
    if content is None or not path.startswith("content/articles/"):
        return []
    stated = []
    for found in scan(content.text[content.body_start :]).found:
        if found.kind == "figure" and found.target in units and "value" in found.attributes:
            try:
                value = parse_value(found.attributes["value"])
            except ValueSyntaxError:
                continue
            unit = found.attributes.get("unit") or units[found.target]
            stated.append((_value_key(value), _Claim(found.target, path, unit)))
    return stated


def suggest_file(
    dossier: Dossier, file: Path, kinds: Iterable[str] = KINDS, content: ContentFile | None = None
) -> list[Suggestion]:
    """The suggestions for one file (`content`: the file as already read, if it was)."""
    content = content or read_content_file(dossier.root, file)
    if content is None:
        return []
    path = file.relative_to(dossier.root).as_posix()
    kinds = set(kinds)
    body = content.text[content.body_start :]
    scanned = scan(body)
    lines = LineIndex(content.text)
    own = file.stem if path.startswith("content/entities/") else None
    published, note = _published(content.front), ""
    named = list(dossier.matcher.find(body)) if kinds & {"entity", "event"} else []
    if published is None and "event" in kinds:
        reported = _reported_day(dossier, named)
        if reported is not None:
            name, published = reported
            note = f"; the article states no date: counted from that of {name}, which it reports on"
    language = str(content.front.get("language") or "en")
    made: list[Suggestion] = []

    def add(start: int, end: int, kind: str, annotation: str, reason: str, **fields) -> None:
        first, last = content.body_start + start, content.body_start + end
        line, column = lines.at(first)
        end_line, end_column = lines.at(last)
        made.append(
            Suggestion(
                path, line, column, end_line, end_column, kind, body[start:end], annotation,
                fields.get("target"), fields.get("value"), fields.get("unit"), fields.get("date"), reason,
                first, last, fields.get("proposal"),
            )
        )  # fmt: skip

    dates = [d for d in find_dates(body, published) if scanned.is_free(d.start, d.end)]
    if "entity" in kinds:
        for unlinked in named:
            if not scanned.is_free(unlinked.start, unlinked.end) or own in unlinked.spelling.slugs:
                continue
            _entity(dossier, unlinked, body, add)
    if "figure" in kinds:
        taken = [(d.start, d.end) for d in dates]
        for languages, (low, high) in _language_blocks(body, language):
            previous: tuple[int, str] | None = None  # where the last figure ended, and its label
            for number in find_numbers(body[low:high], languages):
                start, end = low + number.start, low + number.end
                if not scanned.is_free(start, end) or any(s < end and start < e for s, e in taken):
                    continue
                label = figure_label(body, start, end, languages, number.unit is not None)
                if label is None and previous and re.fullmatch(r"\s*\(\s*", body[previous[0] : start]):
                    label = previous[1]  # `775 Millionen Dollar (692 Mio Euro)`: the same figure
                if label is None:
                    continue  # a bare number: no unit, nothing counted
                unit = number.unit or label.split()[-1]
                proposal = {"key": None, "label": label, "unit": unit, "value": number.value}
                add(start, end, "figure", "", "", target=None, value=number.value, unit=number.unit,
                    proposal=proposal)  # fmt: skip
                previous = (end, label)
    if "event" in kinds:
        for phrase in dates:
            _event(dossier, phrase, body, add, note)
    made.sort(key=lambda s: (s.start, s.kind))
    if dossier.claims is not None:
        settle(dossier, made)
    return made


def settle(dossier: Dossier, suggestions: Iterable[Suggestion]) -> None:
    """Match figure suggestions to the figures other articles state, give each new figure and event
    a key unique in the dossier, and write the annotations: in one process, once the suggestions of
    every file read are known."""
    for suggestion in suggestions:
        if suggestion.kind == "figure":
            place_figure(dossier, suggestion)
        elif suggestion.kind == "event" and suggestion.target is None and suggestion.proposal:
            proposal = suggestion.proposal
            if proposal["key"] is None:
                year = (proposal["date"] or "")[:4]
                year = year if year.isdigit() else None
                proposal["key"] = key_for(str(proposal["title"]), dossier.keys, year)
            suggestion.annotation = f"[{suggestion.text}]{{event={proposal['key']}}}"


def _entity(dossier: Dossier, unlinked, body: str, add) -> None:
    spelling = unlinked.spelling
    shown = body[unlinked.start : unlinked.end]
    annotation = f"[[{spelling.text}]]" if shown == spelling.text else f"[[{spelling.text}|{shown}]]"
    if len(spelling.slugs) > 1:
        owners = ", ".join(sorted(spelling.slugs))
        add(unlinked.start, unlinked.end, "entity", annotation, f"ambiguous: names {owners}", target=None)
        return
    (slug,) = spelling.slugs
    reason = f"mentions {dossier.names.get(slug, slug)}"
    add(unlinked.start, unlinked.end, "entity", annotation, reason, target=slug)


def place_figure(dossier: Dossier, suggestion: Suggestion) -> None:
    """Match a figure suggestion to the figure other articles state with its value and unit (once
    the dossier's stated values are known), and write its annotation and reason."""
    value_text, unit = suggestion.value or "", suggestion.unit
    matches: dict[str, set[str]] = {}
    for claim in (dossier.claims or {}).get(_value_key(parse_value(value_text)), []):
        if claim.path != suggestion.path and (unit is None or claim.unit == unit):
            matches.setdefault(claim.key, set()).add(claim.path)
    target = next(iter(matches)) if len(matches) == 1 else None
    proposal = suggestion.proposal
    if target is None and proposal is not None and proposal["key"] is None:
        proposal["key"] = key_for(str(proposal["label"]), dossier.keys)
    figure = target or (proposal["key"] if proposal else None)
    figure_unit = dossier.figure_units.get(target) if target else (proposal or {}).get("unit")
    shown_unit = None if unit == figure_unit else unit  # the figure's own unit: the claim need not say it
    unit_attribute = f" unit={_attribute(shown_unit)}" if shown_unit else ""
    suggestion.target = target
    suggestion.annotation = f'[{suggestion.text}]{{fig={figure} value="{value_text}"{unit_attribute}}}'
    if target is not None:
        count = len(matches[target])
        suggestion.reason = f"matches {target}, stated in {count} other source{'s' * (count != 1)}"
    elif matches:
        suggestion.reason = (
            "the same value is stated for " + ", ".join(sorted(matches)) + "; choose the figure"
        )
    else:
        suggestion.reason = "a number no figure states yet: a new figure"


def _attribute(value: str) -> str:
    """An attribute value as the annotation syntax reads it: bare where it may be, else quoted."""
    return value if re.fullmatch(r"[\w:-]+", value) else f'"{value}"'


def _event_days(events: list, slugs: dict[str, str]) -> dict[str, dt.date]:
    """The day of each entity of type event (`slugs`: theirs by name key) that one event of the
    registry, dated to the day, names: a conference is on the day of the event held there."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for event in events:
        if event.date is None or event.date.earliest != event.date.latest:
            continue
        for reference in event.entities:
            slug = slugs.get(name_key(reference.name))
            if slug is not None:
                days[slug].add(event.date.earliest)
    return {slug: found.pop() for slug, found in days.items() if len(found) == 1}


def _reported_day(dossier: Dossier, found: list[Unlinked]) -> tuple[str, dt.date] | None:
    """The name and day of the one dated event entity an article names (`found`: the names in its
    body, its own annotations included): an article that states no date of its own is taken to be
    of the day of what it reports on, as its relative dates (`next year`) are read. None where it
    names none, or several on different days."""
    named = {slug for unlinked in found for slug in unlinked.spelling.slugs if slug in dossier.event_days}
    days = {dossier.event_days[slug] for slug in named}
    if len(days) != 1:
        return None
    slug = min(named)
    return dossier.names.get(slug, slug), days.pop()


def _event(dossier: Dossier, phrase, body: str, add, note: str = "") -> None:
    text = body[phrase.start : phrase.end]
    keys: list[str] = []
    if phrase.date and "X" not in phrase.date:
        try:
            wanted = parse_date(phrase.date)
        except DateSyntaxError:
            wanted = None
        if wanted is not None:
            keys = [
                k
                for k, first, last in dossier.event_dates
                if (first, last) == (wanted.earliest, wanted.latest)
            ]
    target = keys[0] if len(keys) == 1 else None
    if target:
        reason = f"{phrase.reason}{note}; the date of {target}"
    elif keys:
        reason = f"{phrase.reason}{note}; the date of " + ", ".join(keys) + ": choose the event"
    else:
        reason = f"{phrase.reason}{note}; no event has this date yet"
    proposal = None
    if target is None:
        proposal = {"key": None, "title": event_title(body, phrase.start, phrase.end), "date": phrase.date}
    annotation = f"[{text}]{{event={target}}}" if target else ""
    add(phrase.start, phrase.end, "event", annotation, reason, target=target, date=phrase.date,
        proposal=proposal)  # fmt: skip


def _published(front: dict) -> dt.date | None:
    value = front.get("published")
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value)).earliest if value else None
    except DateSyntaxError:
        return None


def _language_blocks(body: str, language: str) -> list[tuple[str, tuple[int, int]]]:
    """The body cut into stretches of one language: a `{lang=xx}` line sets the next block's."""
    blocks: list[tuple[str, tuple[int, int]]] = []
    position = 0
    for marker in _LANGUAGE_LINE.finditer(body):
        block_end = body.find("\n\n", marker.end() + 1)
        block_end = len(body) if block_end < 0 else block_end
        blocks.append((language, (position, marker.start())))
        blocks.append((marker[1], (marker.end(), block_end)))
        position = block_end
    blocks.append((language, (position, len(body))))
    return [(lang, span) for lang, span in blocks if span[1] > span[0]]
