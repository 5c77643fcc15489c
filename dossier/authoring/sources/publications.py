"""The publication a saved page names, as an entity of the dossier, and the people its byline names.

A page states its publication in its metadata (the site's name, its address); `add` matches that to
a publication entity by name, alias or domain, and where the dossier has none yet, writes one (type
`publication`, its name and its address), so every added article gets its `source:`. Site names
arrive dressed up (`SPIEGEL ONLINE, Hamburg, Germany`, `News zu VR, AR und KI | MIXED.de`, an
address): the part that names the site is kept. Bylines arrive as lists (`Denis Dilba; Heise
Online`) that mix people with companies, agencies and places; only the people are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ...syntax.names import name_key
from ..files.frontmatter import entity_files
from ..files.newfiles import create_unique
from ..files.slugs import slug_choices, slugify
from ..suggesting.cues import cue, places, word_set
from .pagemeta import names_host

ENTITIES = "content/entities"
_SEPARATORS = re.compile(r"\s+[|–—·-]\s+|\s*[|,]\s*")
_NAME_PARTICLES = word_set("von van de der den da di du del la le bin al zu")
_NOT_PEOPLE = word_set(
    "gmbh ag inc ltd llc online news staff redaktion agentur agency dpa afp ap reuters apa sid kna epd "
    "desk team editors editor zeitung press presse media magazin magazine verlag group tv radio "
    "correspondent korrespondent username admin"
)


def host(url: str) -> str:
    """An address's host without `www.`: how a site is known by its address."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


@dataclass
class Publication:
    name: str
    address: str | None  # the site's home address, where the page states an address


def publication_of(site_name: str | None, url: str | None) -> Publication | None:
    """The publication a page states: its site name cleaned, else its address's host."""
    site_host = host(url) if url else ""
    address = f"https://{urlsplit(url).hostname}/" if url and urlsplit(url).hostname else None
    name = _site_name(site_name, site_host) if site_name else None
    if name is None and site_host:
        name = site_host
    return Publication(name, address) if name else None


def _site_name(stated: str, site_host: str) -> str | None:
    stated = stated.strip()
    if stated.startswith(("http://", "https://")):
        return host(stated) or None
    parts = [part.strip() for part in _SEPARATORS.split(stated) if part.strip()]
    if not parts:
        return None
    for part in parts:  # the part that names the host: `MIXED.de` in `News zu VR, AR und KI | MIXED.de`
        if site_host and names_host(part, site_host):
            return part
    every_place = places()
    named = [part for part in parts if part not in every_place]
    return named[0] if named else parts[0]


class Publications:
    """The dossier's publication entities, by name key and by host; new ones written as they come."""

    def __init__(self, root: Path):
        self.root = root
        self.by_key: dict[str, str] = {}  # name key or host → the entity's name
        self.slugs: set[str] = set()
        for entity in entity_files(root):
            self.slugs.add(entity.slug)
            if entity.type != "publication" or entity.name is None:
                continue
            for spelling in [*entity.spellings, entity.slug]:
                self.by_key[name_key(spelling)] = entity.name
            for link in entity.links:
                if host(link):
                    self.by_key[host(link)] = entity.name

    def match(self, publication: Publication) -> str | None:
        keys = [name_key(publication.name)]
        if publication.address:
            site = host(publication.address)
            keys += [site, name_key(site)]
        return next((self.by_key[key] for key in keys if key in self.by_key), None)

    def source_for(self, publication: Publication) -> tuple[str, str | None]:
        """The entity name for `source:`, and the entity file written for it (None when one matched)."""
        found = self.match(publication)
        if found is not None:
            return found, None
        path = self._write(publication)
        self.by_key[name_key(publication.name)] = publication.name
        if publication.address:
            self.by_key[host(publication.address)] = publication.name
        return publication.name, path

    def _write(self, publication: Publication) -> str:
        front: dict[str, object] = {"name": publication.name, "type": "publication"}
        if publication.address:
            front["links"] = {"website": publication.address}
        text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"
        slugs = slug_choices(slugify(publication.name) or "publication")
        slug = create_unique(self.root / ENTITIES, slugs, self.slugs, text)
        return f"{ENTITIES}/{slug}.md"


_BYLINE_LEAD = re.compile(r"^(?:von|by|text|written by|geschrieben von|interview|from)\s*:?\s+", re.I)


def people(
    byline: str | None, site: Publication | None = None, organisations: Iterable[str] = ()
) -> str | None:
    """The people a byline names, joined by `, `; None where it names none (only a company, an
    agency, a place, or one of the `organisations` the page names as its author or publisher)."""
    if not byline:
        return None
    site_keys = {name_key(site.name)} if site else set()
    if site and site.address:
        site_keys.add(host(site.address))
    site_keys |= {name_key(name) for name in organisations}
    every_place = places()
    kept: dict[str, str] = {}
    for part in re.split(r"\s*[;|,]\s*|\s+(?:and|und|&)\s+", byline):
        part = _BYLINE_LEAD.sub("", " ".join(part.split()).strip(" ,.")).strip(" ,.")
        if part.isupper():
            part = part.title()  # `JEFFREY GETTLEMAN`
        words = part.split()
        capitalised = [w for w in words if w.lower() not in _NAME_PARTICLES]
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in capitalised):
            continue
        lowered = {w.lower().strip(".,") for w in words}
        if lowered & _NOT_PEOPLE or any(cue(w) == "person" for w in words) or part in every_place:
            continue
        if name_key(part) in site_keys or any(c.isdigit() for c in part):
            continue
        if site and site.address and names_host(part, host(site.address)):
            continue  # the newsroom, written as a byline (`Von Talbacher Bote`)
        kept.setdefault(name_key(part), part)
    return ", ".join(kept.values()) or None
