"""The registries: figures.yaml and events.yaml, each a map of keys to entries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic
from ..model.documents import (
    Event,
    ExternalReference,
    Figure,
    Reference,
)
from ..syntax.names import encoding_note, name_key
from .files import read_text
from .schema import Fields
from .yamlfile import YamlDoc, load_yaml

FIGURE_FIELDS = ("label", "unit", "group", "entity", "period", "featured", "note")
EVENT_FIELDS = ("date", "title", "label", "featured", "summary", "entities", "references")


def _registry(root: Path, name: str) -> tuple[YamlDoc | None, list[Diagnostic]]:
    path = f"content/{name}"
    file = root / path
    if not file.exists():
        return None, []
    text, problems = read_text(file, path)
    if text is None:
        return None, problems
    doc, problems = load_yaml(text, path)
    if doc is not None and doc.data is not None and not isinstance(doc.data, dict):
        problems.append(Diagnostic(doc.origin, "error", f"{name} must map keys to entries"))
        return None, problems
    return doc, problems


def _unique_keys(doc: YamlDoc, what: str, problems: list[Diagnostic]) -> list[Any]:
    """The registry's keys, leaving out (with an error) any that compares equal to an earlier one."""
    first: dict[str, str] = {}
    keys = []
    for key in doc.data:
        folded = name_key(str(key))
        if folded in first:
            note = encoding_note(str(key), first[folded])
            message = f'{what} key "{key}" is the same as "{first[folded]}" (keys ignore case){note}'
            problems.append(Diagnostic(doc.at(key), "error", message))
            continue
        first[folded] = str(key)
        keys.append(key)
    return keys


def load_figures(root: Path) -> tuple[list[Figure], list[Diagnostic]]:
    doc, problems = _registry(root, "figures.yaml")
    figures: list[Figure] = []
    if doc is None or not doc.data:
        return figures, problems
    for key in _unique_keys(doc, "figure", problems):
        fields = Fields(doc, (key,), f'figure "{key}"')
        fields.only(FIGURE_FIELDS)
        entity = fields.text("entity")
        figures.append(
            Figure(
                key=name_key(str(key)),
                label=fields.text("label", required=True),
                unit=fields.text("unit", required=True),
                position=doc.at(key),
                group=fields.text("group"),
                entity=Reference(entity, fields.position("entity")) if entity else None,
                period=fields.date("period"),
                featured=fields.boolean("featured"),
                note=fields.text("note"),
            )
        )
        problems += fields.diagnostics
    return figures, problems


def load_events(root: Path) -> tuple[list[Event], list[Diagnostic]]:
    doc, problems = _registry(root, "events.yaml")
    events: list[Event] = []
    if doc is None or not doc.data:
        return events, problems
    for key in _unique_keys(doc, "event", problems):
        fields = Fields(doc, (key,), f'event "{key}"')
        fields.only(EVENT_FIELDS)
        date = fields.date("date", required=True)
        references = []
        for item in fields.mapping_list("references"):
            item.only(("title", "url"))
            title, url = item.text("title", required=True), item.url("url")
            if not url and "url" not in item.data:
                item.error(item.position(), 'a reference needs "url"')
            if title and url:
                references.append(ExternalReference(title, url))
            fields.diagnostics += item.diagnostics
        event = Event(
            key=name_key(str(key)),
            date=date,  # type: ignore[arg-type]  # None only when an error was reported
            title=fields.text("title", required=True),
            position=doc.at(key),
            summary=fields.text("summary"),
            entities=[Reference(n, p) for n, p in fields.text_list("entities")],
            references=references,
            label=fields.text("label"),
            featured=fields.boolean("featured"),
        )
        problems += fields.diagnostics
        events.append(event)  # even with a bad date, so claims of it still resolve
    return events, problems
