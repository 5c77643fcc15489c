"""Writing a dismissal into `content/dismissed.yaml` (see `reading.dismissals`), the file's comments
and order kept."""

from __future__ import annotations

import yaml

from ...reading.dismissals import Dismissal


def with_dismissal(text: str, dismissal: Dismissal) -> str:
    """The file's text with one more dismissal at its end."""
    if text.strip() in ("", "[]"):
        text = ""
    elif not text.endswith("\n"):
        text += "\n"
    entry = {
        "path": dismissal.path,
        "kind": dismissal.kind,
        "text": dismissal.text,
        "sentence": dismissal.sentence,
    }
    return text + yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=10_000)
