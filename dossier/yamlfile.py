"""YAML loading that remembers where every key is, so errors can point at real lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic, Position

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps timestamps as text: the date grammar parses them, with positions."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

Path = tuple[str | int, ...]
MAX_DEPTH = 64  # no content file needs more; deeper nesting is refused before it can exhaust the stack


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


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
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, origin), []
        problems: list[Diagnostic] = []
        doc = YamlDoc(None, origin)
        _walk(node, (), doc, problems, path, line_offset)
        doc.data = loader.construct_document(node)
        return doc, problems
    except _TooDeep as exc:
        where = _position(exc.node.start_mark, path, line_offset)
        return None, [Diagnostic(where, "error", f"invalid YAML: nested more than {MAX_DEPTH} levels deep")]
    except RecursionError:
        return None, [Diagnostic(origin, "error", "invalid YAML: nested too deeply")]
    except yaml.MarkedYAMLError as exc:
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
        raise _TooDeep(node)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
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
