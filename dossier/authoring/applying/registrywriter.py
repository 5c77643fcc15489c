"""Adding an entry to figures.yaml or events.yaml as an editor would: the file's comments, order and
formatting stay as they are, and the new entry follows the last one, indented like the others."""

from __future__ import annotations

import re

import yaml

_NESTED = re.compile(r"^( +)\S", re.M)


def with_entry(text: str, key: str, fields: dict[str, object]) -> str:
    """`text` (a registry's YAML) with `key: {fields}` appended in block style."""
    indent = _indent(text)
    lines = [f"{_scalar(key)}:"]
    for name, value in fields.items():
        if value is None or value == "":
            continue
        if isinstance(value, list):
            lines.append(f"{indent}{name}: [{', '.join(_scalar(str(item)) for item in value)}]")
        else:
            lines.append(f"{indent}{name}: {_scalar(value)}")
    block = "\n".join(lines) + "\n"
    stripped = text.strip()
    if stripped in ("", "{}"):
        kept = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
        return (kept + "\n" if kept else "") + block
    return text + ("" if text.endswith("\n") else "\n") + block


def _indent(text: str) -> str:
    found = _NESTED.search(text)
    return found[1] if found else "  "


def _scalar(value: object) -> str:
    """One YAML scalar on one line, quoted only where plain YAML would read it otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip()
    return dumped.removesuffix("\n...").removesuffix("...").strip()
