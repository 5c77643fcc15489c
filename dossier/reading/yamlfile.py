"""YAML loading that remembers where every key is, so errors can point at real lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..diagnostics import Diagnostic, Position

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps timestamps as text: the date grammar parses them, with positions."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

Path = tuple[str | int, ...]
# Limits no real dossier file reaches, so hostile YAML is refused before it costs time or memory.
MAX_DEPTH = 64  # nesting; deeper is refused before it can exhaust the stack
MAX_VALUES = 100_000  # scalars, lists and mappings in one file
MAX_KEY_CHARS = 1_000
_SCAN_ABOVE = 64 * 1024  # a shorter text cannot hold MAX_VALUES values, so it is not counted


class _Refused(Exception):
    """YAML that is well formed but not accepted in a dossier file."""

    def __init__(self, mark: yaml.Mark, message: str):
        self.mark = mark
        self.message = message


def _screen(text: str) -> None:
    """Refuse anchors and aliases, and count values, from the event stream, before anything is built.

    Aliases are refused rather than expanded: nested aliases (a "billion laughs") make a few lines
    stand for billions of values, which any later walk over the data would visit."""
    if "&" not in text and "*" not in text and len(text) <= _SCAN_ABOVE:
        return
    values = 0
    first_anchor = None
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"aliases (*{event.anchor}) are not allowed in dossier files")
        if isinstance(event, yaml.NodeEvent):
            values += 1
            if values > MAX_VALUES:
                raise _Refused(
                    event.start_mark, f"YAML too large: more than {MAX_VALUES:,} values in one file"
                )
            if event.anchor is not None and first_anchor is None:
                first_anchor = event
    if first_anchor is not None:
        anchor = first_anchor.anchor
        raise _Refused(first_anchor.start_mark, f"anchors (&{anchor}) are not allowed in dossier files")


@dataclass
class YamlDoc:
    """Loaded data plus the position of every mapping key and sequence item."""

    data: Any
    origin: Position
    positions: dict[Path, Position] = field(default_factory=dict)

    def at(self, *path: str | int) -> Position:
        """Position of `path`, or of its nearest ancestor that has one."""
        key: Path = tuple(path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return self.origin


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[YamlDoc | None, list[Diagnostic]]:
    """Parse `text`; positions are shifted by `line_offset` lines (front matter starts below `---`)."""
    origin = Position(path, line_offset + 1, 1)
    loader = _Loader(text)
    try:
        _screen(text)
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, origin), []
        problems: list[Diagnostic] = []
        doc = YamlDoc(None, origin)
        _walk(node, (), doc, problems, path, line_offset)
        doc.data = loader.construct_document(node)
        return doc, problems
    except _Refused as exc:
        where = _position(exc.mark, path, line_offset)
        return None, [Diagnostic(where, "error", exc.message)]
    except RecursionError:
        return None, [Diagnostic(origin, "error", "invalid YAML: nested too deeply")]
    except yaml.MarkedYAMLError as exc:
        if exc.context == "while scanning a quoted scalar" and exc.context_mark:
            # The scanner notices at the end of the text; the editor needs the quote that opened it.
            where = _position(exc.context_mark, path, line_offset)
            return None, [Diagnostic(where, "error", "invalid YAML: this quoted string is never closed")]
        mark = exc.problem_mark or exc.context_mark
        where = _position(mark, path, line_offset) if mark else origin
        reason = exc.problem or exc.context or "invalid YAML"
        return None, [Diagnostic(where, "error", f"invalid YAML: {reason}")]
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        return None, [Diagnostic(origin, "error", f"invalid YAML: {exc}")]
    finally:
        loader.dispose()


def _position(mark: yaml.Mark, path: str, line_offset: int) -> Position:
    return Position(path, mark.line + 1 + line_offset, mark.column + 1)


def _walk(
    node: yaml.Node,
    at: Path,
    doc: YamlDoc,
    problems: list[Diagnostic],
    path: str,
    line_offset: int,
) -> None:
    if len(at) > MAX_DEPTH:
        raise _Refused(node.start_mark, f"invalid YAML: nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            if len(key) > MAX_KEY_CHARS:
                raise _Refused(
                    key_node.start_mark, f"YAML too large: a key longer than {MAX_KEY_CHARS:,} characters"
                )
            where = _position(key_node.start_mark, path, line_offset)
            if key in seen:
                problems.append(Diagnostic(where, "error", f'duplicate key "{key}"'))
            seen.add(key)
            doc.positions.setdefault((*at, key), where)
            _walk(value_node, (*at, key), doc, problems, path, line_offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            doc.positions[(*at, index)] = _position(item.start_mark, path, line_offset)
            _walk(item, (*at, index), doc, problems, path, line_offset)
