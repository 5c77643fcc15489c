"""An output's signature: a digest of everything it is made from (the engine, config.yaml, its
layouts, and the parts of the content in its dependency record), so an output whose signature is
unchanged need not be made again."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2

from .. import __version__
from ..pages.layouts import ENGINE_LAYOUTS
from ..pages.render import Output, template_closure
from ..pages.views.dependencies import MENTIONS_OF
from ..pages.words import CATALOGS
from ..reading.discover import CONFIG_FILE
from .facets import mention_facets, sha256_hex
from .sources import Sources


class TemplateDigests:
    """The digest of a set of layouts and every layout they extend, import or include, kept until a
    layout changes (then a new one is made)."""

    def __init__(self) -> None:
        self._memo: dict[tuple[str, ...], str] = {}

    def digest(self, env: jinja2.Environment, digests: dict[str, str], templates: tuple[str, ...]) -> str:
        """`digests`: the dossier's own files (its layouts among them), which win over the engine's."""
        if templates not in self._memo:
            parts = []
            for name in templates:
                for member in template_closure(env, name):
                    own = digests.get(f"layouts/{member}")
                    parts.append(f"{member}={own or sha256_hex((ENGINE_LAYOUTS / member).read_bytes())}")
            self._memo[templates] = sha256_hex("\n".join(sorted(parts)).encode())
        return self._memo[templates]


@dataclass(frozen=True)
class Signing:
    """What every signature of one build is made from besides the output's own dependency record."""

    sources: Sources
    parsed: dict[str, tuple[str, Any, list]]  # path → (digest, parse result, problems)
    mentions: dict[str, dict[str, str]]  # path → digests of its mentions by name, as far as known
    derived: dict[str, str]  # "tip:figure:KEY" → digest of that text
    settings: str  # the engine version, preview or not, base URL, assets and the like
    templates: Callable[[tuple[str, ...]], str]  # the digest of an output's layouts


def settings(serving: bool, base_url: str | None, digests: dict[str, str], assets: str) -> str:
    """The part of every signature that does not depend on the output: the engine, how it is built
    (preview or not, base URL, SOURCE_DATE_EPOCH), config.yaml, the assets and the language catalogs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    catalogs = ",".join(d for path, d in sorted(digests.items()) if path.startswith(CATALOGS))
    return f"{__version__}|{serving}|{base_url}|{digests.get(CONFIG_FILE)}|{assets}|{epoch}|{catalogs}"


def signer(signing: Signing) -> Callable[[Output], str]:
    groups = {name: f"{value:064x}" for name, value in signing.sources.groups.items()} | signing.derived
    facets, digests = signing.sources.facets, signing.sources.digests
    by_document = signing.mentions  # for this build only (see `mention_facets`)

    def mentions(name: str) -> str:
        path = name.partition("#")[0]
        found = by_document.get(path)
        if found is None:
            found = by_document[path] = mention_facets(path, signing.parsed.get(path, ("", None))[1])
        return found.get(name, "-")

    lines: dict[str, str] = {}  # "name=digest", made once per name: pages share most names

    def line(name: str) -> str:
        found = groups.get(name) or facets.get(name)
        if found is None:
            found = mentions(name) if MENTIONS_OF in name else digests.get(name, "-")
        made = lines[name] = f"{name}={found}"
        return made

    def sign(output: Output) -> str:
        parts = [signing.settings, output.path, output.version, signing.templates(output.templates)]
        parts += [lines.get(name) or line(name) for name in output.inputs]  # in order already
        return sha256_hex("\n".join(parts).encode())

    return sign
