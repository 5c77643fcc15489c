"""Checking YAML mappings field by field, with each problem reported at its key."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic, Position
from ..syntax.dates import DateSyntaxError, FuzzyDate, parse_date
from ..syntax.names import did_you_mean
from .yamlfile import YamlDoc

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_URL = re.compile(r"^https?://[^\s<>\"]+$", re.IGNORECASE)


def is_language_tag(text: str) -> bool:
    """Whether `text` has the shape of a BCP 47 tag (`en`, `de-CH`, `zh-Hant-TW`)."""
    return bool(_LANGUAGE.match(text))


class Fields:
    """Typed access to one mapping of a YAML document, collecting every problem it meets."""

    def __init__(self, doc: YamlDoc, at: tuple[str | int, ...], what: str):
        self.doc = doc
        self.at = at
        self.what = what
        data = doc.data
        for step in at:
            data = data[step]
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        self.diagnostics: list[Diagnostic] = []
        if not isinstance(data, dict):
            self.error(self.position(), f"{what} must be a mapping of keys to values")

    def position(self, *key: str | int) -> Position:
        return self.doc.at(*self.at, *key)

    def error(self, position: Position, message: str) -> None:
        self.diagnostics.append(Diagnostic(position, "error", message))

    def only(self, allowed: Iterable[str]) -> None:
        """Unknown keys are errors, with a suggestion when one is close to a known key."""
        allowed = list(allowed)
        for key in self.data:
            if str(key) not in allowed:
                hint = did_you_mean(str(key), allowed)
                self.error(self.position(str(key)), f'unknown field "{key}" in {self.what}{hint}')

    def _missing(self, name: str) -> None:
        self.error(self.position(), f'{self.what} is missing required field "{name}"')

    def text(self, name: str, *, required: bool = False) -> str:
        value = self.data.get(name)
        if value is None:
            if required:
                self._missing(name)
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(self.position(name), f'"{name}" must be text, not {_kind(value)}')
            return ""
        text = str(value).strip()
        if required and not text:
            self.error(self.position(name), f'"{name}" must not be empty')
        return text

    def choice(self, name: str, options: Iterable[str], *, required: bool = False) -> str:
        options = list(options)
        value = self.text(name, required=required)
        if value and value not in options:
            hint = did_you_mean(value, options)
            listing = ", ".join(options)
            self.error(self.position(name), f'"{name}" must be one of {listing}, not "{value}"{hint}')
            return ""
        return value

    def language(self, name: str, *, required: bool = False) -> str:
        value = self.text(name, required=required)
        if value and not is_language_tag(value):
            self.error(self.position(name), f'"{name}" must be a BCP 47 tag such as en or de-CH')
            return ""
        return value

    def url(self, name: str) -> str:
        value = self.text(name)
        if value and not _URL.match(value):
            self.error(self.position(name), f'"{name}" must be an http:// or https:// URL')
            return ""
        return value

    def date(self, name: str, *, required: bool = False) -> FuzzyDate | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self._missing(name)
            return None
        try:
            return parse_date(value)
        except DateSyntaxError as exc:
            self.error(self.position(name), f"bad date: {exc}")
            return None

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            self.error(self.position(name), f'"{name}" must be true or false')
            return default
        return value

    def text_list(self, name: str) -> list[tuple[str, Position]]:
        value = self.data.get(name)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.error(self.position(name), f'"{name}" must be a list, not {_kind(value)}')
            return []
        items = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int | float) or not str(item):
                self.error(self.position(name, index), f'"{name}" items must be text')
                continue
            items.append((str(item).strip(), self.position(name, index)))
        return items

    def mapping_list(self, name: str) -> list[Fields]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(self.position(name), f'"{name}" must be a list, not {_kind(value)}')
            return []
        return [
            Fields(self.doc, (*self.at, name, index), f"an item of {name}") for index in range(len(value))
        ]

    def mapping(self, name: str) -> Fields | None:
        """The mapping under `name`, checked field by field in turn; None where there is none."""
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(self.position(name), f'"{name}" must be a mapping, not {_kind(value)}')
            return None
        return Fields(self.doc, (*self.at, name), f'"{name}"')

    def text_map(self, name: str) -> dict[str, str]:
        value = self.data.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(self.position(name), f'"{name}" must be a mapping, not {_kind(value)}')
            return {}
        result = {}
        for key, item in value.items():
            if not isinstance(item, str):
                self.error(self.position(name, str(key)), f'"{name}.{key}" must be text')
                continue
            result[str(key)] = item
        return result


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
