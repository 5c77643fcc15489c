"""Publications and bylines as a reader names them, on pages written here: the page's own metadata
before any name made from its host, every person of a byline, and no organisation in a person's place."""

from __future__ import annotations

import json

import pytest

from dossier.authoring.sources.extract import read_html
from dossier.authoring.sources.publications import people, publication_of

BODY = (
    "Die Gemeinde Talbach hat am Montag den Bau einer neuen Brücke über den Mühlbach beschlossen. "
    "Der Rat stimmte mit großer Mehrheit für den Entwurf, der seit dem Frühjahr beraten wurde. "
    "Die Arbeiten sollen im Sommer beginnen und rund zwei Jahre dauern, sagte der Bürgermeister."
)
NEWSROOM = {"@type": "Organization", "name": "Talbacher Bote"}


def page(*, head: str = "", byline: str = "", title: str = "Talbach baut eine Brücke") -> str:
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><article><h1>Talbach baut eine Brücke</h1>{byline}<p>{BODY}</p><p>{BODY}</p></article>"
        "</body></html>"
    )


def json_ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def source(html: str, url: str = "https://www.talbach-bote.example/lokales/bruecke.html") -> str | None:
    extracted = read_html(html, url)
    found = publication_of(extracted.site_name, url)
    return found.name if found else None


def byline(html: str, url: str = "https://www.talbach-bote.example/lokales/bruecke.html") -> str | None:
    extracted = read_html(html, url)
    return people(extracted.author, publication_of(extracted.site_name, url), extracted.organisations)


@pytest.mark.parametrize(
    ("html", "named"),
    [
        (page(head='<meta property="og:site_name" content="Talbacher Bote">'), "Talbacher Bote"),
        (page(head=json_ld({"@type": "NewsArticle", "publisher": {"@type": "Organization",
                                                                   "name": "Talbacher Bote"}})),
         "Talbacher Bote"),
        (page(title="Talbach baut eine Brücke | Talbacher Bote"), "Talbacher Bote"),
        (page(title="Talbach baut eine Brücke – TB"), "TB"),  # the initials of the host's name
        # A social-media handle in the metadata is no publication's name: the title names it.
        (page(head='<meta name="twitter:site" content="@tbote">',
              title="Talbach baut eine Brücke - Talbacher Bote"), "Talbacher Bote"),
        # The stated name that names the host comes before another stated one (an edition's).
        (page(head='<meta property="og:site_name" content="Region Süd">'
                   + json_ld({"@type": "NewsArticle", "publisher": {"name": "Talbacher Bote"}})),
         "Talbacher Bote"),
        # A title whose last part names something else is not read as the site's name.
        (page(title="Talbach baut eine Brücke | Lokales"), "talbach-bote.example"),
    ],
)  # fmt: skip
def test_the_publication_from_the_pages_own_metadata(html: str, named: str) -> None:
    assert source(html) == named


@pytest.mark.parametrize(
    ("html", "named"),
    [
        # Two and three people in JSON-LD.
        (page(head=json_ld({"@type": "NewsArticle", "author": [
            {"@type": "Person", "name": "Hanna Berger"}, {"@type": "Person", "name": "Jonas Weil"}]})),
         "Hanna Berger, Jonas Weil"),
        (page(head=json_ld({"@graph": [{"@type": "NewsArticle", "author": [
            {"@type": "Person", "name": "Hanna Berger"}, {"@type": "Person", "name": "Jonas Weil"},
            {"@type": ["Person"], "name": "Mira Okafor"}]}]})),
         "Hanna Berger, Jonas Weil, Mira Okafor"),
        # The publisher named as author: the visible byline's person is kept, the newsroom is not.
        (page(head=json_ld({"@type": "NewsArticle", "author": NEWSROOM, "publisher": NEWSROOM}),
              byline='<p class="article-byline">Von Hanna Berger</p>'),
         "Hanna Berger"),
        # Visible bylines: rel=author links of one byline, itemprop=author, byline markup.
        (page(byline='<p>Von <a rel="author" href="/a/hb">Hanna Berger</a> und '
                     '<a rel="author" href="/a/jw">Jonas Weil</a></p>'),
         "Hanna Berger, Jonas Weil"),
        (page(byline='<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
                     '<span itemprop="name">HANNA BERGER</span></div>'),
         "Hanna Berger"),
        (page(byline='<p class="byline">By Hanna Berger, Jonas Weil and Mira Okafor | 3 May 2026</p>'),
         "Hanna Berger, Jonas Weil, Mira Okafor"),
        # Only an organisation, a newsroom or a place: no author.
        (page(head=json_ld({"@type": "NewsArticle", "author": NEWSROOM})),
         None),
        (page(byline='<p class="byline">Von Talbacher Bote, Talbach</p>'), None),
    ],
)  # fmt: skip
def test_every_person_of_a_byline(html: str, named: str | None) -> None:
    assert byline(html) == named


def test_related_articles_authors_are_not_the_bylines() -> None:
    html = page(
        byline='<p><a rel="author" href="/a/hb">Hanna Berger</a></p>'
        '<aside><ul><li><a rel="author" href="/a/jw">Jonas Weil</a></li>'
        '<li><a rel="author" href="/a/mo">Mira Okafor</a></li></ul></aside>'
    )
    assert byline(html) == "Hanna Berger"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Hanna Berger; Jonas Weil", "Hanna Berger, Jonas Weil"),
        ("Von Hanna Berger und Jonas Weil", "Hanna Berger, Jonas Weil"),
        ("By Hanna Berger & Jonas Weil", "Hanna Berger, Jonas Weil"),
        ("Hanna Berger, Talbacher Bote", "Hanna Berger"),
        ("Redaktion Talbach; dpa", None),
    ],
)
def test_people_of_a_written_byline(written: str, kept: str | None) -> None:
    site = publication_of("Talbacher Bote", "https://talbach-bote.example/")
    assert people(written, site) == kept
