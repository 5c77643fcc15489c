"""The home page: the dossier's introduction, featured figures, recent events, entities and sources."""

from __future__ import annotations

from markupsafe import Markup

from .. import structured
from .articles import article_card
from .dependencies import CITATIONS, EVENTS_FILE, FIGURES_FILE, HOME_FILE, record
from .figures import figure_view
from .indexes import entities_by_type
from .page import Page
from .site import Site, first_words
from .timeline import event_view

RECENT_EVENTS = 6


def home_page(site: Site) -> Page:
    d = site.dossier
    path = ""
    featured = [s for s in site.summaries.values() if s.figure.featured]
    newest = list(reversed(site.events_in_order()))
    marked = [e for e in newest if e.featured]  # the events that matter come first
    recent = marked + [e for e in newest if not e.featured][: max(RECENT_EVENTS - len(marked), 0)]
    home = d.home
    return Page(
        path=path,
        template="home.html",
        quotes=True,
        title=home.title if home and home.title else d.config.title,
        description=d.config.description or (first_words(home.body) if home else "") or overview(site),
        build=lambda: {
            "intro": site.html(path, home.body.html) if home else Markup(""),
            "featured": [figure_view(site, path, s) for s in featured],
            "recent": [event_view(site, path, e) for e in recent],
            "entity_groups": entities_by_type(site),
            "articles": [article_card(site, path, a) for a in site.articles_in_order()],
        },
        inputs=record({HOME_FILE, FIGURES_FILE, EVENTS_FILE, *CITATIONS}),
        schema=lambda: structured.website(
            d.config.title, d.config.description, site.absolute(""), site.words.language
        ),
    )


def overview(site: Site) -> str:
    """What the dossier holds, in a sentence: the description of a home page that gives none."""
    d = site.dossier
    counts = {
        "sources": site.counted("%(num)d source", "%(num)d sources", len(d.articles)),
        "entities": site.counted("%(num)d entity", "%(num)d entities", len(d.entities)),
        "figures": site.counted("%(num)d figure", "%(num)d figures", len(d.figures)),
        "events": site.counted("%(num)d event", "%(num)d events", len(d.events)),
    }
    return site._("A sourced dossier: %(sources)s, %(entities)s, %(figures)s and %(events)s.") % counts
