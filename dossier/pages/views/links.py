"""The link resolver: the placeholders a rendered body holds (an entity's, figure's, event's or
page's link and title), filled for the page the body is shown on."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from markupsafe import Markup

from ...model.documents import Dossier
from ...model.figures import FigureSummary
from ...syntax.markup import resolve_placeholders
from ..urls import absolute, relative
from ..words import SiteWords
from .dependencies import event_tip, figure_tip
from .page import TYPE_NAMES


class Links:
    """Fills placeholders; each answer depends only on the page's depth, so it is remembered across pages."""

    def __init__(self, dossier: Dossier, summaries: dict[str, FigureSummary], words: SiteWords):
        self.dossier = dossier
        self.summaries = summaries
        self.words = words
        self._ = words.gettext
        self._resolved: dict[tuple[int, str, str], str] = {}

    def resolver(self, page: str) -> Callable[[str, str], str]:
        depth = page.count("/")

        def resolve(field_name: str, ref: str) -> str:
            key = (depth, field_name, ref)
            found = self._resolved.get(key)
            if found is None:
                kind, _, name = ref.partition(":")
                found = self._resolved[key] = escape(self._resolve(page, field_name, kind, name))
            return found

        return resolve

    def html(self, page: str, html: str) -> Markup:
        return Markup(resolve_placeholders(html, self.resolver(page)))

    def absolute(self, target: str) -> str:
        """The published address of a site path; empty when base_url is unknown (no guessing)."""
        base = self.dossier.config.base_url
        return absolute(base, target) if base else ""

    def tips(self) -> dict[str, str]:
        """The text of each figure's and event's marks in bodies, by dependency name (`figure_tip`,
        `event_tip`): a page showing only that depends on it rather than on every document that
        states the figure, or on the whole events.yaml."""
        tips = {figure_tip(key): self._resolve("", "title", "figure", key) for key in self.summaries}
        tips |= {event_tip(key): self._resolve("", "title", "event", key) for key in self.dossier.events}
        return tips

    def _resolve(self, page: str, field_name: str, kind: str, key: str) -> str:
        d = self.dossier
        if kind == "entity":
            slug = d.entity_slug(" ".join(key.split()))
            entity = d.entities.get(slug or "")
            if entity is None:
                return "#"
            if field_name == "href":
                return relative(page, f"entities/{entity.slug}/")
            kind_label = self._(TYPE_NAMES[entity.type])
            return f"{kind_label}: {entity.name}" + (f" — {entity.summary}" if entity.summary else "")
        if kind == "figure":
            if field_name == "href":
                return relative(page, f"figures/#figure-{key}")
            summary = self.summaries.get(key)
            if summary is None:
                return key
            values = ", ".join(self.words.stated(summary)) or self._("no value in its unit")
            sources = self.words.ngettext("%(num)d source", "%(num)d sources", summary.sources)
            tip = self._("Figure: %(label)s: %(values)s (%(sources)s)")
            return tip % {
                "label": summary.figure.label,
                "values": values,
                "sources": sources % {"num": summary.sources},
            }
        if kind == "event":
            if field_name == "href":
                return relative(page, f"timeline/#event-{key}")
            event = d.events.get(key)
            if event is None:
                return key
            return self._("Event: %(date)s — %(title)s") % {
                "date": self.words.date(event.date),
                "title": event.title,
            }
        if kind == "page":
            target, _, fragment = key.partition("#")
            site_path = _content_page(target)
            return relative(page, site_path + (f"#{fragment}" if fragment else ""))
        return "#"


def _content_page(target: str) -> str:
    """The site path of a content file: `articles/x.md` → `articles/x/`, `index.md` → ``."""
    if target == "index.md":
        return ""
    return target.removesuffix(".md") + "/"
