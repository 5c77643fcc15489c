"""The dependency inputs of pages: which parts of the content what a page shows is made from."""

from __future__ import annotations

from collections.abc import Iterable

from ...model.documents import Citation, Dossier
from ...syntax.annotations import Annotated
from .dependencies import EVENTS_FILE, FIGURES_FILE, event_tip, figure_tip, meta, part_name, registry_entry


class Inputs:
    """The dependency names of the pieces pages show, each looked up once per build."""

    def __init__(self, dossier: Dossier):
        self.dossier = dossier
        self._slugs: dict[str, str | None] = {}  # a name written in content → its entity's slug
        self._entity_metas: dict[str, str] = {}  # entity slug → its meta (see `entity_meta`)

    def slug_of(self, name: str) -> str | None:
        """The slug of the entity a written name stands for, looked up once per build: names are
        written tens of thousands of times, and each lookup normalises the name."""
        if name not in self._slugs:
            self._slugs[name] = self.dossier.entity_slug(name)
        return self._slugs[name]

    def entity_meta(self, slug: str) -> str:
        """The dependency name of what pages show of an entity, made once per build."""
        if slug not in self._entity_metas:
            self._entity_metas[slug] = meta(self.dossier.entities[slug].path)
        return self._entity_metas[slug]

    def entity_file(self, name: str) -> set[str]:
        return self.entity_files((name,))

    def entity_files(self, names: Iterable[str]) -> set[str]:
        """`entity_file` of each name: what pages show of the entities the names stand for."""
        return {self.entity_meta(slug) for name in set(names) if (slug := self.slug_of(name))}

    @staticmethod
    def citing(citations: list[Citation], part: str) -> set[str]:
        """The documents of these citations: that part of each, and what is shown of it (title)."""
        paths = {c.document.path for c in citations}
        return {part_name(path, part) for path in paths} | {meta(path) for path in paths}

    def figure(self, key: str) -> set[str]:
        """A figure's row shows every claim of it, so it depends on every document stating it."""
        claims = self.dossier.figure_claims.get(key, [])
        inputs = {registry_entry(FIGURES_FILE, key)} | self.citing(claims, "claims")
        figure = self.dossier.figures.get(key)
        if figure is not None and figure.entity is not None:
            inputs |= self.entity_file(figure.entity.name)
        return inputs

    def event(self, key: str) -> set[str]:
        citations = self.dossier.event_claims.get(key, [])
        inputs = {registry_entry(EVENTS_FILE, key)} | self.citing(citations, "claims")
        event = self.dossier.events.get(key)
        for reference in event.entities if event else []:
            inputs |= self.entity_file(reference.name)
        return inputs

    def body(self, body: Annotated) -> set[str]:
        """What a body's resolved placeholders read: entities named, figures and events claimed."""
        inputs = self.entity_files(mention.target for mention in body.mentions)
        inputs |= {figure_tip(c.key) for c in body.claims if c.kind == "figure"}
        inputs |= {event_tip(c.key) for c in body.claims if c.kind == "event"}
        return inputs
